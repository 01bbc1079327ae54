//! The SoA as CSV: RFC 4180, UTF-8, CRLF line ends, one row per control with the columns of
//! [`SOA_COLUMNS`]; cells that would start a formula are neutralised.

use super::columns::{LIST_SEPARATOR, SOA_COLUMNS};
use super::csv_cell::neutralise;
use super::soa_rows::{SoaRow, soa_rows};
use crate::domain::catalogue::Catalogue;
use crate::domain::workspace::Workspace;

/// The cells of one row, in the order of [`SOA_COLUMNS`], before neutralisation.
pub fn soa_cells(row: &SoaRow) -> Vec<String> {
    vec![
        row.control.clone(),
        row.title.clone(),
        row.theme.name().to_string(),
        row.applicability.name().to_string(),
        row.reasons
            .iter()
            .map(|r| r.name())
            .collect::<Vec<_>>()
            .join(LIST_SEPARATOR),
        row.justification.clone(),
        row.status.name().to_string(),
        row.note.clone(),
        row.owner.clone(),
        row.evidence.join(LIST_SEPARATOR),
        row.risks.join(LIST_SEPARATOR),
        row.reviewed.map(|d| d.to_string()).unwrap_or_default(),
    ]
}

/// Writes rows of cells as RFC 4180 CSV with CRLF line ends, neutralising every cell.
pub fn write_csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let write = |writer: &mut csv::Writer<Vec<u8>>, cells: Vec<String>| {
        writer
            .write_record(cells.iter().map(|c| neutralise(c)))
            .expect("writing CSV to memory cannot fail")
    };
    write(&mut writer, header.iter().map(|h| h.to_string()).collect());
    for cells in rows {
        write(&mut writer, cells);
    }
    let bytes = writer
        .into_inner()
        .expect("flushing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("CSV built from strings is UTF-8")
}

/// The whole SoA as CSV.
pub fn soa_csv(workspace: &Workspace, catalogue: &Catalogue) -> String {
    let rows = soa_rows(workspace, catalogue);
    write_csv(&SOA_COLUMNS, rows.iter().map(soa_cells))
}
