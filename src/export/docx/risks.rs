//! The risk register as a Word document: document control and summary first, then every risk
//! in one table.

use chrono::{DateTime, Utc};

use super::body::{Body, Row};
use super::document_control_table;
use super::package::{DocxParts, package};
use super::soa::{compact_table, fitted_table};
use crate::domain::workspace::Workspace;
use crate::export::document_control::DocumentControl;
use crate::export::risk_rows::{REGISTER_HEADINGS, register_cells, sorted_risks};
use crate::export::risk_summary::{
    ACCEPTED_HEADINGS, AcceptedRisk, HANDLING_HEADINGS, LEVEL_HEADINGS, RiskSummary,
};
use crate::export::risks_html::RISKS_TITLE;

/// The body of the register document under `control`.
pub fn risks_body(control: &DocumentControl, workspace: &Workspace) -> String {
    let method = &workspace.settings.risk_method;
    let summary = RiskSummary::of(workspace);
    let mut body = Body::new();
    body.paragraph("Title", &control.title);
    body.table(&document_control_table(control));
    body.paragraph("Heading1", "Summary");
    body.paragraph(
        "Normal",
        &format!("{} risk(s) in the register.", summary.total),
    );
    let rows = |table: &[Vec<String>]| table.iter().map(|r| Row::Cells(r.clone())).collect();
    let levels: Vec<Vec<String>> = summary.levels.iter().map(|r| r.to_vec()).collect();
    body.table(&compact_table(&LEVEL_HEADINGS, rows(&levels), 1));
    body.paragraph("Normal", "");
    let handling: Vec<Vec<String>> = summary.handling.iter().map(|r| r.to_vec()).collect();
    body.table(&compact_table(&HANDLING_HEADINGS, rows(&handling), 1));
    body.paragraph("Heading1", "Accepted risks");
    if summary.accepted.is_empty() {
        body.paragraph("Normal", "No risk has been accepted.");
    } else {
        let accepted: Vec<Vec<String>> = summary.accepted.iter().map(AcceptedRisk::cells).collect();
        body.table(&fitted_table(&ACCEPTED_HEADINGS, rows(&accepted), 6));
    }
    body.heading_on_new_page("Heading1", "Risks");
    let risks = sorted_risks(workspace);
    if risks.is_empty() {
        body.paragraph("Normal", "The register holds no risks.");
    } else {
        let cells: Vec<Vec<String>> = risks
            .iter()
            .map(|risk| register_cells(method, risk).to_vec())
            .collect();
        let mut table = fitted_table(&REGISTER_HEADINGS, rows(&cells), 12);
        table.title_column = Some(1);
        body.table(&table);
    }
    body.into_xml()
}

/// The whole register as a DOCX file; `generated` is the date the document says it was made.
pub fn risks_docx(
    workspace: &Workspace,
    generated: DateTime<Utc>,
) -> zip::result::ZipResult<Vec<u8>> {
    let control = DocumentControl::from_workspace(RISKS_TITLE, workspace, generated);
    risks_docx_with(&control, workspace)
}

/// The register as a DOCX file under a given document-control block.
pub fn risks_docx_with(
    control: &DocumentControl,
    workspace: &Workspace,
) -> zip::result::ZipResult<Vec<u8>> {
    let body = risks_body(control, workspace);
    package(&DocxParts { control, body })
}
