//! Exports and imports: pure functions from a workspace and the catalogue to documents
//! (Markdown, HTML, CSV, JSON, XLSX, OSCAL), and from spreadsheet bytes to a proposed set of
//! changes with a report. Nothing here touches files: reading and writing happen in `store`/`cli`.
//!
//! Every writer takes the generation time as an argument, so the same workspace and time always
//! give the same bytes.

pub mod columns;
pub mod csv_cell;
pub mod document_control;
pub mod docx;
pub mod import;
pub mod oscal;
pub mod print_html;
pub mod readiness;
pub mod risk_rows;
pub mod risk_summary;
pub mod risks_csv;
pub mod risks_html;
pub mod risks_json;
pub mod risks_markdown;
pub mod soa_csv;
pub mod soa_html;
pub mod soa_json;
pub mod soa_markdown;
pub mod soa_rows;
pub mod soa_summary;
pub mod xlsx;

use chrono::{DateTime, Utc};

use crate::domain::workspace::Workspace;

/// The newest `updated` stamp in the workspace: when its content last changed, if ever recorded.
pub fn last_change(workspace: &Workspace) -> Option<DateTime<Utc>> {
    let soa = workspace
        .soa
        .entries
        .iter()
        .filter_map(|e| e.updated.as_ref());
    let risks = workspace
        .risks
        .risks
        .iter()
        .filter_map(|r| r.updated.as_ref());
    soa.chain(risks).map(|stamp| stamp.at).max()
}
