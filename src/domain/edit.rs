//! Edits to the SoA and the risk register, shared by the command line and the TUI: each checks
//! its input against the catalogue and the risk method, changes only what was asked, and stamps
//! the record it changed.

use chrono::NaiveDate;

use super::catalogue::Catalogue;
use super::risk::{Acceptance, Risk, RiskStatus, Treatment};
use super::soa::{Applicability, Reason, Status};
use super::stamp::Stamp;
use super::text::{sanitize, sanitize_line};
use super::workspace::{RiskMethod, Workspace};

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

/// The fields to set on a risk; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RiskChange {
    pub title: Option<String>,
    pub description: Option<String>,
    pub asset: Option<String>,
    pub threat: Option<String>,
    pub vulnerability: Option<String>,
    pub owner: Option<String>,
    pub likelihood: Option<u8>,
    pub impact: Option<u8>,
    pub treatment: Option<Treatment>,
    /// Replaces the treating controls.
    pub controls: Option<Vec<String>>,
    pub residual_likelihood: Option<u8>,
    pub residual_impact: Option<u8>,
    pub status: Option<RiskStatus>,
    pub accepted_by: Option<String>,
    pub accepted_on: Option<NaiveDate>,
    pub accepted_until: Option<NaiveDate>,
    pub next_review: Option<NaiveDate>,
}

/// Adds a risk with the next free id and returns that id. Title, likelihood and impact are required.
pub fn add_risk(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    change: RiskChange,
    created: NaiveDate,
    stamp: Stamp,
) -> Result<String, EditError> {
    let title = change.title.as_deref().map(one_line).unwrap_or_default();
    if title.is_empty() {
        return Err(EditError::Invalid("a risk needs a title".into()));
    }
    let (Some(likelihood), Some(impact)) = (change.likelihood, change.impact) else {
        return Err(EditError::Invalid(
            "a risk needs a likelihood and an impact".into(),
        ));
    };
    let id = workspace.risks.next_id();
    let mut risk = Risk::new(&id, &title, likelihood, impact, created);
    apply_risk_change(
        &mut risk,
        &workspace.settings.risk_method,
        catalogue,
        change,
    )?;
    risk.updated = Some(stamp);
    workspace.risks.risks.push(risk);
    workspace.risks.sort();
    Ok(id)
}

/// Changes a risk. Returns whether anything changed; the risk is stamped only then.
pub fn set_risk(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    id: &str,
    change: RiskChange,
    stamp: Stamp,
) -> Result<bool, EditError> {
    let method = workspace.settings.risk_method.clone();
    let risk = workspace
        .risks
        .get_mut(id)
        .ok_or_else(|| EditError::NotFound(format!("no risk {}", id.trim())))?;
    let mut edited = risk.clone();
    apply_risk_change(&mut edited, &method, catalogue, change)?;
    let changed = edited != *risk;
    if changed {
        edited.updated = Some(stamp);
        *risk = edited;
    }
    Ok(changed)
}

/// Removes a risk and returns it.
pub fn remove_risk(workspace: &mut Workspace, id: &str) -> Result<Risk, EditError> {
    let position = workspace
        .risks
        .risks
        .iter()
        .position(|r| r.id.eq_ignore_ascii_case(id.trim()))
        .ok_or_else(|| EditError::NotFound(format!("no risk {}", id.trim())))?;
    Ok(workspace.risks.risks.remove(position))
}

fn apply_risk_change(
    risk: &mut Risk,
    method: &RiskMethod,
    catalogue: &Catalogue,
    change: RiskChange,
) -> Result<(), EditError> {
    let texts = [
        (change.title, &mut risk.title, false),
        (change.description, &mut risk.description, true),
        (change.asset, &mut risk.asset, false),
        (change.threat, &mut risk.threat, false),
        (change.vulnerability, &mut risk.vulnerability, false),
        (change.owner, &mut risk.owner, false),
    ];
    for (value, field, multi) in texts {
        if let Some(text) = value {
            *field = if multi {
                multi_line(&text)
            } else {
                one_line(&text)
            };
        }
    }
    if risk.title.is_empty() {
        return Err(EditError::Invalid("a risk needs a title".into()));
    }
    let ratings = [
        ("likelihood", change.likelihood, &mut risk.likelihood),
        ("impact", change.impact, &mut risk.impact),
    ];
    for (name, value, field) in ratings {
        if let Some(value) = value {
            *field = on_scale(method, name, value)?;
        }
    }
    if let Some(value) = change.residual_likelihood {
        risk.residual_likelihood = Some(on_scale(method, "likelihood", value)?);
    }
    if let Some(value) = change.residual_impact {
        risk.residual_impact = Some(on_scale(method, "impact", value)?);
    }
    if let Some(value) = change.treatment {
        risk.treatment = value;
    }
    if let Some(controls) = change.controls {
        let mut ids = Vec::new();
        for control in controls {
            let id = known_control(catalogue, &control)?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        risk.controls = ids;
    }
    if let Some(value) = change.status {
        risk.status = value;
    }
    apply_acceptance(
        risk,
        change.accepted_by,
        change.accepted_on,
        change.accepted_until,
    )?;
    if let Some(date) = change.next_review {
        risk.next_review = Some(date);
    }
    Ok(())
}

fn apply_acceptance(
    risk: &mut Risk,
    by: Option<String>,
    on: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Result<(), EditError> {
    if by.is_none() && on.is_none() && until.is_none() {
        return Ok(());
    }
    let current = risk.acceptance.take();
    let by = by
        .map(|b| one_line(&b))
        .or_else(|| current.as_ref().map(|a| a.by.clone()));
    let on = on.or_else(|| current.as_ref().map(|a| a.on));
    let until = until.or_else(|| current.as_ref().and_then(|a| a.until));
    let (Some(by), Some(on)) = (by.filter(|b| !b.is_empty()), on) else {
        return Err(EditError::Invalid(
            "an acceptance needs who accepted (--accepted-by) and when (--accepted-on)".into(),
        ));
    };
    if until.is_some_and(|until| until < on) {
        return Err(EditError::Invalid(
            "an acceptance cannot end before the day it was given".into(),
        ));
    }
    risk.acceptance = Some(Acceptance { by, on, until });
    Ok(())
}

fn on_scale(method: &RiskMethod, name: &str, value: u8) -> Result<u8, EditError> {
    let (scale, max) = if name == "likelihood" {
        (&method.likelihood, method.max_likelihood())
    } else {
        (&method.impact, method.max_impact())
    };
    if scale.iter().any(|p| p.value == value) {
        Ok(value)
    } else {
        Err(EditError::Invalid(format!(
            "{name} {value} is not on the scale; expected 1 to {max}"
        )))
    }
}

/// The catalogue's spelling of a control id, or an error naming the nearest ids.
pub fn known_control(catalogue: &Catalogue, typed: &str) -> Result<String, EditError> {
    match catalogue.get(typed) {
        Some(control) => Ok(control.id.clone()),
        None => Err(EditError::NotFound(format!(
            "no control {:?} in the catalogue (nearest: {})",
            sanitize_line(typed.trim()),
            catalogue.nearest_ids(typed, 3).join(", ")
        ))),
    }
}

/// Multi-line text as stored: control characters and carriage returns removed, trailing
/// whitespace trimmed.
fn multi_line(text: &str) -> String {
    sanitize(text).trim_end().to_string()
}

fn one_line(text: &str) -> String {
    sanitize_line(text).trim().to_string()
}

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;
