//! Edits to the risk register: add (next free id), set, remove — ratings checked against the
//! workspace's scales, treating controls against the catalogue, acceptance kept whole.

use chrono::NaiveDate;

use super::catalogue::Catalogue;
use super::edit::{EditError, known_control, multi_line, one_line};
use super::risk::{Acceptance, Risk, RiskStatus, Treatment};
use super::stamp::Stamp;
use super::workspace::{RiskMethod, Workspace};

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
