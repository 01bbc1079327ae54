//! Applying the risk form: the form's values become a `RiskChange` for `domain::edit`
//! (add_risk or set_risk) inside `App::edit`, so the change can be undone. Fields the change
//! cannot clear (residual rating, acceptance, next review) are cleared on the edited risk.

use super::App;
use super::risk_form::{Field, RiskForm};
use super::risks_pane::RiskOverlay;
use crate::domain::edit::{self, EditError, RiskChange};
use crate::domain::risk::Acceptance;
use crate::domain::stamp::Stamp;
use crate::domain::workspace::Workspace;

/// Applies the form; on an error the form stays open on the field at fault, with the reason.
pub(super) fn apply_form(app: &mut App, mut form: Box<RiskForm>) -> Option<RiskOverlay> {
    let values = match Values::read(&form) {
        Ok(values) => values,
        Err((field, reason)) => {
            form.focus = field;
            app.tell(reason, true);
            return Some(RiskOverlay::Form(form));
        }
    };
    let stamp = app.stamp();
    let today = app.risks_pane.today;
    // The domain edit runs on a copy (it needs the catalogue, which `App::edit` cannot lend
    // while it holds the app); the result then goes through `App::edit` to be undoable.
    let mut next = app.workspace.clone();
    let change = values.change.clone();
    let result = match form.id.clone() {
        None => edit::add_risk(&mut next, &app.catalogue, change, today, stamp.clone()),
        Some(id) => {
            edit::set_risk(&mut next, &app.catalogue, &id, change, stamp.clone()).map(|_| id)
        }
    };
    let id = match result.and_then(|id| values.finish(&mut next, &id, &stamp).map(|_| id)) {
        Ok(id) => id,
        Err(error) => {
            app.tell(error.to_string(), true);
            return Some(RiskOverlay::Form(form));
        }
    };
    let label = match form.id {
        None => format!("add {id}"),
        Some(_) => format!("edit {id}"),
    };
    let made = app.edit(label, |ws| {
        *ws = next;
        Ok::<(), EditError>(())
    });
    let failed = app.message.as_ref().is_some_and(|m| m.warning);
    if failed {
        return Some(RiskOverlay::Form(form));
    }
    app.select_risk(&id);
    let text = if made {
        format!("Applied {id} (u undoes)")
    } else {
        format!("{id}: nothing changed")
    };
    app.tell(text, false);
    None
}

/// The form's values, checked: the change for the domain and what it must clear afterwards.
struct Values {
    change: RiskChange,
    residual: (Option<u8>, Option<u8>),
    acceptance: Option<Acceptance>,
    next_review: Option<chrono::NaiveDate>,
}

impl Values {
    fn read(form: &RiskForm) -> Result<Values, (Field, String)> {
        let date = |field: Field| form.date(field).map_err(|e| (field, e));
        let (on, until, next_review) = (
            date(Field::AcceptedOn)?,
            date(Field::AcceptedUntil)?,
            date(Field::NextReview)?,
        );
        if form.value(Field::Title).is_empty() {
            return Err((Field::Title, "A risk needs a title".into()));
        }
        let by = form.value(Field::AcceptedBy);
        let acceptance = match (by.is_empty(), on) {
            (true, None) if until.is_none() => None,
            (false, Some(on)) => {
                if until.is_some_and(|u| u < on) {
                    let reason = "An acceptance cannot end before the day it was given";
                    return Err((Field::AcceptedUntil, reason.into()));
                }
                Some(Acceptance {
                    by: by.clone(),
                    on,
                    until,
                })
            }
            (true, _) => {
                return Err((Field::AcceptedBy, "Who accepted the risk?".into()));
            }
            (false, None) => {
                let reason = "When was the risk accepted? (YYYY-MM-DD, t for today)";
                return Err((Field::AcceptedOn, reason.into()));
            }
        };
        let text = |field| Some(form.value(field));
        let change = RiskChange {
            title: text(Field::Title),
            description: Some(
                form.text(Field::Description)
                    .map(|e| e.text())
                    .unwrap_or_default(),
            ),
            asset: text(Field::Asset),
            threat: text(Field::Threat),
            vulnerability: text(Field::Vulnerability),
            owner: text(Field::Owner),
            likelihood: Some(form.likelihood),
            impact: Some(form.impact),
            treatment: Some(form.treatment),
            controls: Some(form.controls.clone()),
            residual_likelihood: form.residual_likelihood,
            residual_impact: form.residual_impact,
            status: Some(form.status),
            accepted_by: acceptance.as_ref().map(|a| a.by.clone()),
            accepted_on: acceptance.as_ref().map(|a| a.on),
            accepted_until: acceptance.as_ref().and_then(|a| a.until),
            next_review,
        };
        Ok(Values {
            change,
            residual: (form.residual_likelihood, form.residual_impact),
            acceptance,
            next_review,
        })
    }

    /// Sets what the change could only add, not clear, and stamps the risk if that changed it.
    fn finish(&self, ws: &mut Workspace, id: &str, stamp: &Stamp) -> Result<(), EditError> {
        let risk = ws
            .risks
            .get_mut(id)
            .ok_or_else(|| EditError::NotFound(format!("no risk {id}")))?;
        let before = risk.clone();
        (risk.residual_likelihood, risk.residual_impact) = self.residual;
        if let Some(acceptance) = &self.acceptance {
            risk.acceptance = Some(Acceptance {
                by: risk
                    .acceptance
                    .as_ref()
                    .map_or(acceptance.by.clone(), |a| a.by.clone()),
                ..acceptance.clone()
            });
        } else {
            risk.acceptance = None;
        }
        risk.next_review = self.next_review;
        if *risk != before {
            risk.updated = Some(stamp.clone());
        }
        Ok(())
    }
}
