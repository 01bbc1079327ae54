//! The sub-clause form: its table of fields, the form built from a clause entry, and the form
//! read back as one undoable `set_clause` edit (or, when the session dies, as the entry's
//! pending value). Dates emptied in the form are cleared on the entry.

use chrono::NaiveDate;

use super::{Field, Form, Kind, Spec, Subject, Value, spec};
use crate::app::App;
use crate::app::widgets::text_input::TextInput;
use crate::domain::mgmt::clauses::clause;
use crate::domain::mgmt::edit::{ClauseChange, set_clause};
use crate::domain::mgmt::system::{ClauseEntry, ClauseStatus};
use crate::domain::stamp::Stamp;
use crate::domain::workspace::Workspace;

/// The clause form's fields, in Tab order.
pub const SPECS: &[Spec] = &[
    spec("status", "Status", Kind::Choice),
    spec("owner", "Owner", Kind::Line),
    spec("statement", "How we meet it", Kind::Text { rows: 5 }),
    spec("evidence", "Evidence ids", Kind::Line),
    spec("reviewed", "Reviewed", Kind::Date),
    spec("next_review", "Next review", Kind::Date),
];

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// A form holding a sub-clause's entry, titled with the clause's id and title.
pub fn open(entry: &ClauseEntry) -> Form {
    let fields = SPECS
        .iter()
        .map(|spec| {
            let line = |text: &str| Value::text(TextInput::line(text));
            let value = match spec.name {
                "status" => Value::Choice {
                    options: ClauseStatus::ALL
                        .iter()
                        .map(|s| s.name().to_string())
                        .collect(),
                    index: ClauseStatus::ALL
                        .iter()
                        .position(|s| *s == entry.status)
                        .unwrap_or(0),
                },
                "owner" => line(&entry.owner),
                "statement" => Value::text(TextInput::lines(&entry.statement)),
                "evidence" => line(&entry.evidence.join(" ")),
                "reviewed" => line(&date_text(entry.reviewed)),
                _ => line(&date_text(entry.next_review)),
            };
            Field::new(*spec, value)
        })
        .collect();
    let title = match clause(&entry.clause) {
        Some(c) => format!("{} {}", c.id, c.title),
        None => entry.clause.clone(),
    };
    let subject = Subject::Clause {
        id: entry.clause.clone(),
    };
    Form::new(subject, title, fields, "statement")
}

/// The form's values written into `workspace`; the field at fault and why when one is wrong.
pub fn write(
    workspace: &mut Workspace,
    form: &Form,
    stamp: Stamp,
) -> Result<(), (Option<&'static str>, String)> {
    let Subject::Clause { id } = &form.subject else {
        return Err((None, "not a clause form".into()));
    };
    // Relative dates (`+3m`) count from the day of the edit.
    let today = stamp.at.date_naive();
    let date = |name: &'static str| form.field(name).date(today).map_err(|e| (Some(name), e));
    let (reviewed, next_review) = (date("reviewed")?, date("next_review")?);
    let status = match &form.field("status").value {
        Value::Choice { index, .. } => ClauseStatus::ALL[*index],
        _ => ClauseStatus::NotStarted,
    };
    let evidence = form
        .field("evidence")
        .text()
        .split([' ', ','])
        .filter(|e| !e.is_empty())
        .map(str::to_string)
        .collect();
    let change = ClauseChange {
        status: Some(status),
        owner: Some(form.field("owner").text()),
        statement: Some(form.text_of("statement")),
        evidence: Some(evidence),
        reviewed,
        next_review,
    };
    set_clause(workspace, id, change, stamp.clone())
        .map_err(|e| (Some("evidence"), e.to_string()))?;
    // `ClauseChange` cannot clear a date; a date emptied in the form clears it here.
    if let Some(entry) = workspace.mgmt.system.clause_mut(id)
        && (entry.reviewed != reviewed || entry.next_review != next_review)
    {
        entry.reviewed = reviewed;
        entry.next_review = next_review;
        entry.updated = Some(stamp);
    }
    Ok(())
}

/// Applies the form as one undoable edit. False (the form stays open on the field at fault)
/// when a field is wrong or the edit was refused.
pub fn apply(app: &mut App, form: &mut Form) -> bool {
    if !form.changed() {
        return true;
    }
    let Subject::Clause { id } = form.subject.clone() else {
        return false;
    };
    let mut next = app.workspace.clone();
    if let Err((field, reason)) = write(&mut next, form, app.stamp()) {
        if let Some(field) = field {
            form.focus_on(field);
        }
        app.tell(reason, true);
        return false;
    }
    let made = app.edit(format!("clause {id}"), move |ws| {
        *ws = next;
        Ok::<(), std::convert::Infallible>(())
    });
    if made {
        app.tell(format!("Applied clause {id} (u undoes)"), false);
    }
    app.read_only.is_none()
}
