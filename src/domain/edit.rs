//! Edits to the SoA and the risk register, shared by the command line and the TUI: each checks
//! its input against the catalogue and the risk method, changes only what was asked, and stamps
//! the record it changed.

use chrono::NaiveDate;

use super::catalogue::Catalogue;
use super::soa::{Applicability, Reason, Status};
use super::stamp::Stamp;
use super::text::{sanitize, sanitize_line};
use super::workspace::Workspace;

pub use super::edit_risk::{RiskChange, add_risk, remove_risk, set_risk};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The control or risk does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A value the workspace cannot hold.
    #[error("{0}")]
    Invalid(String),
}

/// The fields to change in one SoA entry; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SoaChange {
    pub applicability: Option<Applicability>,
    /// Replaces the reasons given by hand. `risk_treatment` is refused: it comes from the risks.
    pub reasons: Option<Vec<Reason>>,
    pub justification: Option<String>,
    pub status: Option<Status>,
    pub note: Option<String>,
    pub owner: Option<String>,
    pub evidence: Option<Vec<String>>,
    pub reviewed: Option<NaiveDate>,
}

/// Applies `change` to the entry of `control` (any accepted spelling, e.g. `A.8.9`). Returns
/// whether anything changed; the entry is stamped only then.
pub fn set_soa(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    control: &str,
    change: SoaChange,
    stamp: Stamp,
) -> Result<bool, EditError> {
    let id = known_control(catalogue, control)?;
    if change
        .reasons
        .as_ref()
        .is_some_and(|r| r.contains(&Reason::RiskTreatment))
    {
        return Err(EditError::Invalid(format!(
            "risk_treatment comes from the risks; name {id} as a treating control of a risk instead (`isms risk set R-001 --control {id}`)"
        )));
    }
    let entry = workspace
        .soa
        .entry_mut(&id)
        .ok_or_else(|| EditError::NotFound(format!("control {id} has no SoA entry")))?;
    let before = entry.clone();
    if let Some(value) = change.applicability {
        entry.applicability = value;
    }
    if let Some(mut reasons) = change.reasons {
        reasons.sort();
        reasons.dedup();
        entry.reasons = reasons;
    }
    if let Some(text) = change.justification {
        entry.justification = multi_line(&text);
    }
    if let Some(value) = change.status {
        entry.status = value;
    }
    if let Some(text) = change.note {
        entry.note = multi_line(&text);
    }
    if let Some(text) = change.owner {
        entry.owner = one_line(&text);
    }
    if let Some(items) = change.evidence {
        entry.evidence = items
            .iter()
            .map(|e| one_line(e))
            .filter(|e| !e.is_empty())
            .collect();
    }
    if let Some(date) = change.reviewed {
        entry.reviewed = Some(date);
    }
    let changed = *entry != before;
    if changed {
        entry.updated = Some(stamp);
    }
    Ok(changed)
}

/// The catalogue's spelling of a control id, or an error naming the nearest ids.
pub fn known_control(catalogue: &Catalogue, typed: &str) -> Result<String, EditError> {
    match catalogue.get(typed) {
        Some(control) => Ok(control.id.clone()),
        None => Err(EditError::NotFound(format!(
            "no control {} in the catalogue (nearest: {})",
            super::text::quoted(typed.trim()),
            catalogue.nearest_ids(typed, 3).join(", ")
        ))),
    }
}

/// Multi-line text as stored: control characters and carriage returns removed, trailing
/// whitespace trimmed.
pub(super) fn multi_line(text: &str) -> String {
    sanitize(text).trim_end().to_string()
}

pub(super) fn one_line(text: &str) -> String {
    sanitize_line(text).trim().to_string()
}

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;
