//! The SoA and the risk register as one XLSX workbook: a sheet "SoA" and a sheet "Risks", each
//! with a bold frozen header row, filters and wrapped long texts. The document properties carry a
//! creation time taken from the workspace (its last change), so the same workspace always gives
//! byte-identical files.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

use super::columns::{RISK_COLUMNS, SOA_COLUMNS};
use super::risk_rows::sorted_risks;
use super::risks_csv::risk_cells;
use super::soa_csv::soa_cells;
use super::soa_rows::soa_rows;
use crate::domain::catalogue::Catalogue;
use crate::domain::text::sanitize;
use crate::domain::workspace::Workspace;

/// The sheet names, which the importers look for first.
pub const SOA_SHEET: &str = "SoA";
pub const RISKS_SHEET: &str = "Risks";

/// Creation time used when the workspace records no change: the start of the ZIP epoch.
const FALLBACK_CREATED: i64 = 315_532_800;

/// Column widths (in characters) for the SoA sheet, in the order of `SOA_COLUMNS`.
const SOA_WIDTHS: [f64; 12] = [
    9.0, 36.0, 15.0, 14.0, 18.0, 60.0, 13.0, 40.0, 18.0, 30.0, 10.0, 12.0,
];
/// SoA columns whose text wraps: title, reasons, justification, note, evidence.
const SOA_WRAPPED: [usize; 5] = [1, 4, 5, 7, 9];
/// Risk columns whose text wraps: title, description, asset, threat, vulnerability, controls.
const RISK_WRAPPED: [usize; 6] = [1, 2, 3, 4, 5, 12];
/// Risk columns written as numbers: ratings and scores.
const RISK_NUMBERS: [usize; 6] = [7, 8, 9, 13, 14, 15];

/// A sheet of text cells (numbers where the column says so) with header, filter and frozen row.
fn write_sheet(
    sheet: &mut Worksheet,
    name: &str,
    header: &[&str],
    rows: &[Vec<String>],
    widths: &[f64],
    wrapped: &[usize],
    numbers: &[usize],
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_align(FormatAlign::Top);
    let top = Format::new().set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    sheet.set_name(name)?;
    for (col, title) in header.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *title, &bold)?;
        let width = widths.get(usize::from(col)).copied().unwrap_or(14.0);
        sheet.set_column_width(col, width)?;
    }
    for (i, cells) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        for (col, text) in cells.iter().enumerate() {
            let format = if wrapped.contains(&col) { &wrap } else { &top };
            let col16 = col as u16;
            let number = numbers.contains(&col);
            match text.parse::<u32>() {
                Ok(value) if number => {
                    sheet.write_number_with_format(row, col16, f64::from(value), format)?;
                }
                _ if text.is_empty() => {}
                _ => {
                    sheet.write_string_with_format(row, col16, sanitize(text), format)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_col = header.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, rows.len() as u32, last_col)?;
    Ok(())
}

fn properties(workspace: &Workspace) -> Result<DocProperties, XlsxError> {
    let created = super::last_change(workspace)
        .map(|at| at.timestamp())
        .unwrap_or(FALLBACK_CREATED);
    let settings = &workspace.settings;
    Ok(DocProperties::new()
        .set_title(format!(
            "Statement of Applicability — {}",
            sanitize(&settings.name)
        ))
        .set_company(sanitize(&settings.organisation))
        .set_author("isms")
        .set_creation_datetime(&ExcelDateTime::from_timestamp(created)?))
}

/// The workbook with the SoA and risk sheets, as bytes.
pub fn workbook(workspace: &Workspace, catalogue: &Catalogue) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(&properties(workspace)?);
    let soa: Vec<Vec<String>> = soa_rows(workspace, catalogue)
        .iter()
        .map(soa_cells)
        .collect();
    write_sheet(
        book.add_worksheet(),
        SOA_SHEET,
        &SOA_COLUMNS,
        &soa,
        &SOA_WIDTHS,
        &SOA_WRAPPED,
        &[],
    )?;
    let method = &workspace.settings.risk_method;
    let risks: Vec<Vec<String>> = sorted_risks(workspace)
        .into_iter()
        .map(|r| risk_cells(method, r))
        .collect();
    let risk_widths: Vec<f64> = RISK_COLUMNS
        .iter()
        .map(|c| if c.len() > 12 { 16.0 } else { 12.0 })
        .collect();
    write_sheet(
        book.add_worksheet(),
        RISKS_SHEET,
        &RISK_COLUMNS,
        &risks,
        &risk_widths,
        &RISK_WRAPPED,
        &RISK_NUMBERS,
    )?;
    book.save_to_buffer()
}
