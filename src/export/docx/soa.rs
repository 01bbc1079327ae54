//! The SoA as a Word document: document control, summary and excluded controls on the first
//! pages, then every control in one table grouped by theme, justifications in full.

use chrono::{DateTime, Utc};

use super::body::{Body, Row, Table};
use super::package::{DocxParts, package};
use super::widths::column_widths;
use super::{TEXT_WIDTH, document_control_table};
use crate::domain::catalogue::Catalogue;
use crate::domain::workspace::Workspace;
use crate::export::document_control::DocumentControl;
use crate::export::soa_html::{SOA_HEADINGS, SOA_TITLE};
use crate::export::soa_rows::{soa_cells, soa_rows, theme_heading};
use crate::export::soa_summary::{COUNT_HEADINGS, SoaSummary};

/// Font size of table text, in points (the styles' default).
const TABLE_FONT_PT: f64 = 8.0;

/// A table whose widths fit its cells, headings first.
pub(super) fn fitted_table(headings: &[&str], rows: Vec<Row>, numeric_from: usize) -> Table {
    let mut columns: Vec<Vec<&str>> = headings.iter().map(|h| vec![*h]).collect();
    for row in &rows {
        if let Row::Cells(cells) = row {
            for (column, cell) in columns.iter_mut().zip(cells) {
                column.push(cell);
            }
        }
    }
    let widths = column_widths(&columns, TEXT_WIDTH, TABLE_FONT_PT);
    Table {
        widths,
        headings: headings.iter().map(|h| h.to_string()).collect(),
        rows,
        numeric_from,
        bold_first: false,
        title_column: None,
    }
}

/// A narrow table (counts, short lists) only as wide as its text needs.
pub(super) fn compact_table(headings: &[&str], rows: Vec<Row>, numeric_from: usize) -> Table {
    let mut table = fitted_table(headings, rows, numeric_from);
    let columns = table.widths.len() as u32;
    let width = (TEXT_WIDTH / 12 * columns.max(2)).min(TEXT_WIDTH);
    table.widths = {
        let mut columns: Vec<Vec<&str>> = headings.iter().map(|h| vec![*h]).collect();
        for row in &table.rows {
            if let Row::Cells(cells) = row {
                for (column, cell) in columns.iter_mut().zip(cells) {
                    column.push(cell);
                }
            }
        }
        column_widths(&columns, width, TABLE_FONT_PT)
    };
    table
}

/// The body of the SoA document under `control`.
pub fn soa_body(control: &DocumentControl, workspace: &Workspace, catalogue: &Catalogue) -> String {
    let rows = soa_rows(workspace, catalogue);
    let summary = SoaSummary::of(&rows);
    let mut body = Body::new();
    body.paragraph("Title", &control.title);
    body.table(&document_control_table(control));
    body.paragraph("Heading1", "Summary");
    let mut counts: Vec<Row> = summary
        .themes
        .iter()
        .map(|(theme, c)| {
            let mut cells = vec![theme.name().to_string()];
            cells.extend(c.cells());
            Row::Cells(cells)
        })
        .collect();
    let mut total = vec!["All themes".to_string()];
    total.extend(summary.total.cells());
    counts.push(Row::Cells(total));
    body.table(&compact_table(&COUNT_HEADINGS, counts, 1));
    body.paragraph("Heading1", "Excluded controls");
    if summary.exclusions.is_empty() {
        body.paragraph("Normal", "No control is excluded.");
    } else {
        let exclusions = summary
            .exclusions
            .iter()
            .map(|e| {
                Row::Cells(vec![
                    e.control.clone(),
                    e.title.clone(),
                    e.justification.clone(),
                ])
            })
            .collect();
        body.table(&fitted_table(
            &["ID", "Control", "Justification"],
            exclusions,
            3,
        ));
    }
    body.heading_on_new_page("Heading1", "Controls");
    let mut table_rows = Vec::new();
    let mut theme = None;
    for row in &rows {
        if theme != Some(row.theme) {
            theme = Some(row.theme);
            table_rows.push(Row::Group(theme_heading(row.theme)));
        }
        table_rows.push(Row::Cells(soa_cells(row).to_vec()));
    }
    body.table(&fitted_table(&SOA_HEADINGS, table_rows, SOA_HEADINGS.len()));
    body.into_xml()
}

/// The whole SoA as a DOCX file; `generated` is the date the document says it was made.
pub fn soa_docx(
    workspace: &Workspace,
    catalogue: &Catalogue,
    generated: DateTime<Utc>,
) -> zip::result::ZipResult<Vec<u8>> {
    let control = DocumentControl::from_workspace(SOA_TITLE, workspace, generated);
    soa_docx_with(&control, workspace, catalogue)
}

/// The SoA as a DOCX file under a given document-control block.
pub fn soa_docx_with(
    control: &DocumentControl,
    workspace: &Workspace,
    catalogue: &Catalogue,
) -> zip::result::ZipResult<Vec<u8>> {
    let body = soa_body(control, workspace, catalogue);
    package(&DocxParts { control, body })
}
