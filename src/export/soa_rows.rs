//! The SoA as every export shows it: one row per control in catalogue order, with the derived
//! reasons and risk links filled in and every text made safe (control characters removed).

use chrono::NaiveDate;

use crate::domain::attributes::Theme;
use crate::domain::catalogue::Catalogue;
use crate::domain::soa::{Applicability, Reason, SoaEntry, Status};
use crate::domain::text::sanitize;
use crate::domain::workspace::Workspace;

/// One SoA line, ready to be written in any format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SoaRow {
    pub control: String,
    pub title: String,
    pub theme: Theme,
    pub applicability: Applicability,
    /// Hand-given reasons plus `risk_treatment` when a risk names the control.
    pub reasons: Vec<Reason>,
    pub justification: String,
    pub status: Status,
    pub note: String,
    pub owner: String,
    pub evidence: Vec<String>,
    /// Ids of the risks that name this control.
    pub risks: Vec<String>,
    pub reviewed: Option<NaiveDate>,
}

/// Every control of the catalogue, with its SoA entry (an undecided one when the SoA lacks it).
pub fn soa_rows(workspace: &Workspace, catalogue: &Catalogue) -> Vec<SoaRow> {
    catalogue
        .controls()
        .iter()
        .map(|control| {
            let blank = SoaEntry::undecided(&control.id);
            let entry = workspace.soa.entry(&control.id).unwrap_or(&blank);
            SoaRow {
                control: control.id.clone(),
                title: sanitize(&control.title),
                theme: control.theme,
                applicability: entry.applicability,
                reasons: workspace.reasons(&control.id),
                justification: sanitize(&entry.justification),
                status: entry.status,
                note: sanitize(&entry.note),
                owner: sanitize(&entry.owner),
                evidence: entry.evidence.iter().map(|e| sanitize(e)).collect(),
                risks: workspace
                    .risks_for_control(&control.id)
                    .iter()
                    .map(|r| sanitize(&r.id))
                    .collect(),
                reviewed: entry.reviewed,
            }
        })
        .collect()
}

/// Reasons in words, joined: "legal/regulatory, risk treatment".
pub fn reason_labels(reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The heading of a theme's section.
pub fn theme_heading(theme: Theme) -> String {
    format!("{} controls", theme.name())
}

/// One row as the cells of the printable SoA table (HTML, DOCX), in the order of
/// `soa_html::SOA_HEADINGS`. Lists of evidence are one item a line.
pub fn soa_cells(row: &SoaRow) -> [String; 11] {
    [
        row.control.clone(),
        row.title.trim().to_string(),
        row.applicability.name().to_string(),
        reason_labels(&row.reasons),
        row.justification.trim().to_string(),
        row.status.label().to_string(),
        row.note.trim().to_string(),
        row.owner.trim().to_string(),
        row.evidence.join("\n"),
        row.risks.join(", "),
        row.reviewed.map(|d| d.to_string()).unwrap_or_default(),
    ]
}
