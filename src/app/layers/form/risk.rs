//! The risk form: its table of fields, the form built from a risk (or a new one rated in the
//! middle of both scales), and the form read back as `add_risk` / `set_risk` in one undoable
//! edit. Fields the change cannot clear (residual rating, acceptance, next review) are cleared on
//! the edited risk.

use chrono::NaiveDate;

use super::{Field, Form, Kind, Spec, Subject, Value, spec};
use crate::app::App;
use crate::app::widgets::text_input::TextInput;
use crate::domain::catalogue::Catalogue;
use crate::domain::edit::{self, EditError, RiskChange};
use crate::domain::risk::{Acceptance, Risk, RiskStatus, Treatment};
use crate::domain::stamp::Stamp;
use crate::domain::workspace::{RiskMethod, Workspace};

/// The risk form's fields, in Tab order.
pub const SPECS: &[Spec] = &[
    spec("title", "Title", Kind::Line),
    spec("description", "Description", Kind::Text { rows: 3 }),
    spec("asset", "Asset", Kind::Line),
    spec("threat", "Threat", Kind::Line),
    spec("vulnerability", "Vulnerability", Kind::Line),
    spec("owner", "Owner", Kind::Line),
    spec("likelihood", "Likelihood", Kind::Rating { optional: false }),
    spec("impact", "Impact", Kind::Rating { optional: false }),
    spec("treatment", "Treatment", Kind::Choice),
    spec("controls", "Controls", Kind::Controls),
    spec(
        "residual_likelihood",
        "Residual likel.",
        Kind::Rating { optional: true },
    ),
    spec(
        "residual_impact",
        "Residual impact",
        Kind::Rating { optional: true },
    ),
    spec("status", "Status", Kind::Choice),
    spec("accepted_by", "Accepted by", Kind::Line),
    spec("accepted_on", "Accepted on", Kind::Date),
    spec("accepted_until", "Accepted until", Kind::Date),
    spec("next_review", "Next review", Kind::Date),
];

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// A form for a new risk, rated in the middle of both scales.
pub fn new_risk(method: &RiskMethod) -> Form {
    let middle = |max: u8| max.div_ceil(2).max(1);
    let mut risk = Risk::new("", "", 1, 1, NaiveDate::MIN);
    risk.likelihood = middle(method.max_likelihood());
    risk.impact = middle(method.max_impact());
    let mut form = edit_risk(&risk, method);
    form.subject = Subject::Risk { id: None };
    form.title = "New risk".to_string();
    form
}

/// A form holding a risk's current values.
pub fn edit_risk(risk: &Risk, method: &RiskMethod) -> Form {
    let acceptance = risk.acceptance.as_ref();
    let scale = |max: u8, label: &dyn Fn(u8) -> Option<String>| -> Vec<String> {
        (1..=max).map(|v| label(v).unwrap_or_default()).collect()
    };
    let likelihoods = scale(method.max_likelihood(), &|v| {
        method.likelihood_label(v).map(str::to_string)
    });
    let impacts = scale(method.max_impact(), &|v| {
        method.impact_label(v).map(str::to_string)
    });
    let fields = SPECS
        .iter()
        .map(|spec| {
            let line = |text: &str| Value::text(TextInput::line(text));
            let value = match spec.name {
                "title" => line(&risk.title),
                "description" => Value::text(TextInput::lines(&risk.description)),
                "asset" => line(&risk.asset),
                "threat" => line(&risk.threat),
                "vulnerability" => line(&risk.vulnerability),
                "owner" => line(&risk.owner),
                "likelihood" => rating(&likelihoods, Some(risk.likelihood)),
                "impact" => rating(&impacts, Some(risk.impact)),
                "treatment" => Value::Choice {
                    options: Treatment::ALL
                        .iter()
                        .map(|t| t.name().to_string())
                        .collect(),
                    index: Treatment::ALL
                        .iter()
                        .position(|t| *t == risk.treatment)
                        .unwrap_or(0),
                },
                "controls" => Value::Controls(risk.controls.clone()),
                "residual_likelihood" => rating(&likelihoods, risk.residual_likelihood),
                "residual_impact" => rating(&impacts, risk.residual_impact),
                "status" => Value::Choice {
                    options: RiskStatus::ALL
                        .iter()
                        .map(|s| s.name().to_string())
                        .collect(),
                    index: RiskStatus::ALL
                        .iter()
                        .position(|s| *s == risk.status)
                        .unwrap_or(0),
                },
                "accepted_by" => line(&acceptance.map(|a| a.by.clone()).unwrap_or_default()),
                "accepted_on" => line(&date_text(acceptance.map(|a| a.on))),
                "accepted_until" => line(&date_text(acceptance.and_then(|a| a.until))),
                _ => line(&date_text(risk.next_review)),
            };
            Field::new(*spec, value)
        })
        .collect();
    let subject = Subject::Risk {
        id: Some(risk.id.clone()),
    };
    Form::new(subject, format!("Edit {}", risk.id), fields, "title")
}

fn rating(labels: &[String], value: Option<u8>) -> Value {
    Value::Rating {
        labels: labels.to_vec(),
        value,
    }
}

/// A rating field's value.
pub fn rating_of(form: &Form, name: &str) -> Option<u8> {
    match &form.field(name).value {
        Value::Rating { value, .. } => *value,
        _ => None,
    }
}

fn choice(form: &Form, name: &str) -> usize {
    match &form.field(name).value {
        Value::Choice { index, .. } => *index,
        _ => 0,
    }
}

/// The form's values, checked: the change for the domain and what it must clear afterwards.
struct Values {
    change: RiskChange,
    residual: (Option<u8>, Option<u8>),
    acceptance: Option<Acceptance>,
    next_review: Option<NaiveDate>,
}

impl Values {
    /// The values, or the field at fault and why.
    fn read(form: &Form, today: NaiveDate) -> Result<Values, (&'static str, String)> {
        let date = |name: &'static str| form.field(name).date(today).map_err(|e| (name, e));
        let (on, until, next_review) = (
            date("accepted_on")?,
            date("accepted_until")?,
            date("next_review")?,
        );
        if form.field("title").text().is_empty() {
            return Err(("title", "A risk needs a title".into()));
        }
        let by = form.field("accepted_by").text();
        let acceptance = match (by.is_empty(), on) {
            (true, None) if until.is_none() => None,
            (false, Some(on)) => {
                if until.is_some_and(|u| u < on) {
                    let reason = "An acceptance cannot end before the day it was given";
                    return Err(("accepted_until", reason.into()));
                }
                Some(Acceptance {
                    by: by.clone(),
                    on,
                    until,
                })
            }
            (true, _) => return Err(("accepted_by", "Who accepted the risk?".into())),
            (false, None) => {
                let reason = "When was the risk accepted? (YYYY-MM-DD, today, +90d)";
                return Err(("accepted_on", reason.into()));
            }
        };
        let text = |name| Some(form.field(name).text());
        let residual = (
            rating_of(form, "residual_likelihood"),
            rating_of(form, "residual_impact"),
        );
        let description = match &form.field("description").value {
            Value::Text(input) => input.text(),
            _ => String::new(),
        };
        let change = RiskChange {
            title: text("title"),
            description: Some(description),
            asset: text("asset"),
            threat: text("threat"),
            vulnerability: text("vulnerability"),
            owner: text("owner"),
            likelihood: rating_of(form, "likelihood"),
            impact: rating_of(form, "impact"),
            treatment: Some(Treatment::ALL[choice(form, "treatment")]),
            controls: Some(form.controls()),
            residual_likelihood: residual.0,
            residual_impact: residual.1,
            status: Some(RiskStatus::ALL[choice(form, "status")]),
            accepted_by: acceptance.as_ref().map(|a| a.by.clone()),
            accepted_on: acceptance.as_ref().map(|a| a.on),
            accepted_until: acceptance.as_ref().and_then(|a| a.until),
            next_review,
        };
        Ok(Values {
            change,
            residual,
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
        risk.acceptance = self.acceptance.as_ref().map(|acceptance| Acceptance {
            // Who accepted stays as first recorded when only the dates change.
            by: before
                .acceptance
                .as_ref()
                .map_or(acceptance.by.clone(), |a| a.by.clone()),
            ..acceptance.clone()
        });
        risk.next_review = self.next_review;
        if *risk != before {
            risk.updated = Some(stamp.clone());
        }
        Ok(())
    }
}

/// The form's values written into `workspace` (the edit itself, or the rescue of a dying
/// session); returns the risk's id, or the field at fault and why.
pub fn write(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    form: &Form,
    today: NaiveDate,
    stamp: Stamp,
) -> Result<String, (Option<&'static str>, String)> {
    let values = Values::read(form, today).map_err(|(field, reason)| (Some(field), reason))?;
    let change = values.change.clone();
    let id = match &form.subject {
        Subject::Risk { id: None } => {
            edit::add_risk(workspace, catalogue, change, today, stamp.clone())
        }
        Subject::Risk { id: Some(id) } => {
            edit::set_risk(workspace, catalogue, id, change, stamp.clone()).map(|_| id.clone())
        }
        _ => return Err((None, "not a risk form".into())),
    }
    .map_err(|e| (None, e.to_string()))?;
    values
        .finish(workspace, &id, &stamp)
        .map_err(|e| (None, e.to_string()))?;
    Ok(id)
}

/// Applies the form as one undoable edit; on an error the form stays open on the field at
/// fault, with the reason.
pub fn apply(app: &mut App, form: &mut Form) -> bool {
    let mut next = app.workspace.clone();
    let written = write(
        &mut next,
        &app.catalogue,
        form,
        app.session.today,
        app.stamp(),
    );
    let is_new = matches!(form.subject, Subject::Risk { id: None });
    match super::apply_written(app, form, next, written, is_new) {
        Some(id) => {
            app.select_risk(&id);
            true
        }
        None => false,
    }
}
