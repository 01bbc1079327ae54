//! Word documents (DOCX, Office Open XML) of the SoA and the risk register: A4 landscape, the
//! document-control block and summary first, tables whose header row repeats on every page,
//! page numbers in the footer, and named styles (Title, Heading 1, the "ISMS Table" table style)
//! so that a user can restyle the whole document.
//!
//! Written as templated XML in a zip rather than through a DOCX crate: the same workspace must
//! give the same bytes, and docx-rs numbers headers and footers from process-wide counters (a
//! second document in the same process differs from the first).

mod body;
mod package;
mod parts;
mod risks;
mod soa;
mod widths;

pub use body::{Body, Row, Table};
pub use package::{DocxParts, document_xml, package};
pub use risks::{risks_docx, risks_docx_with};
pub use soa::{soa_docx, soa_docx_with};
pub use widths::column_widths;

/// Width of the text area of a landscape A4 page with the margins of [`parts::section`], in
/// twentieths of a point.
pub const TEXT_WIDTH: u32 = 16838 - 2 * parts::SIDE_MARGIN;

/// The document-control block as a two-column table, labels in bold.
fn document_control_table(control: &crate::export::document_control::DocumentControl) -> Table {
    let rows = control
        .fields()
        .into_iter()
        .map(|(label, value)| Row::Cells(vec![label.to_string(), value]))
        .collect();
    Table {
        widths: vec![2200, TEXT_WIDTH - 2200],
        headings: vec!["Document control".to_string(), String::new()],
        rows,
        numeric_from: 2,
        bold_first: true,
        title_column: None,
    }
}
