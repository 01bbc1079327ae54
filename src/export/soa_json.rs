//! The SoA as JSON: `{"entries":[{"control":"5.7","title":…,"applicability":…,"reasons":[…],
//! "justification":…,"status":…,"note":…,"owner":…,"evidence":[…],"reviewed":…,"risks":[…]}]}`,
//! the shape `isms soa --format json` prints. Reasons include the derived `risk_treatment`.

use serde::Serialize;

use super::soa_rows::soa_rows;
use crate::domain::catalogue::Catalogue;
use crate::domain::soa::{Applicability, Reason, Status};
use crate::domain::workspace::Workspace;

#[derive(Debug, Serialize)]
pub struct SoaJson {
    pub entries: Vec<SoaJsonEntry>,
}

#[derive(Debug, Serialize)]
pub struct SoaJsonEntry {
    pub control: String,
    pub title: String,
    pub applicability: Applicability,
    pub reasons: Vec<Reason>,
    pub justification: String,
    pub status: Status,
    pub note: String,
    pub owner: String,
    pub evidence: Vec<String>,
    pub reviewed: Option<chrono::NaiveDate>,
    pub risks: Vec<String>,
}

/// The SoA as a JSON value of the shared shape.
pub fn soa_json_value(workspace: &Workspace, catalogue: &Catalogue) -> SoaJson {
    let entries = soa_rows(workspace, catalogue)
        .into_iter()
        .map(|row| SoaJsonEntry {
            control: row.control,
            title: row.title,
            applicability: row.applicability,
            reasons: row.reasons,
            justification: row.justification,
            status: row.status,
            note: row.note,
            owner: row.owner,
            evidence: row.evidence,
            reviewed: row.reviewed,
            risks: row.risks,
        })
        .collect();
    SoaJson { entries }
}

/// The SoA as pretty-printed JSON with a trailing newline.
pub fn soa_json(workspace: &Workspace, catalogue: &Catalogue) -> String {
    let mut text = serde_json::to_string_pretty(&soa_json_value(workspace, catalogue))
        .expect("the SoA serializes to JSON");
    text.push('\n');
    text
}
