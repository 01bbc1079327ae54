//! The field tables of the ISMS pane's records (context issue, interested party, objective, a
//! measurement of an objective, role): their blank values, the values of an existing record, and
//! the form read back through the domain's `put_*` edits.

use chrono::NaiveDate;

use super::mgmt_record::{
    RecordKind, Written, choice, chosen, date, date_of, line, lines, text_lines, words,
};
use super::{Form, Kind, Spec, Value, spec};
use crate::domain::catalogue::Catalogue;
use crate::domain::mgmt::edit_system::{
    IssueFields, ObjectiveFields, PartyFields, RoleFields, add_measurement, put_issue,
    put_objective, put_party, put_role,
};
use crate::domain::mgmt::system::{Cadence, IssueSide};
use crate::domain::workspace::Workspace;

pub const ISSUE: &[Spec] = &[
    spec("side", "Side", Kind::Choice),
    spec("description", "Issue", Kind::Text { rows: 2 }),
    spec("effect", "Effect, response", Kind::Text { rows: 3 }),
];

pub const PARTY: &[Spec] = &[
    spec("name", "Party", Kind::Line),
    spec("requirements", "Requirements", Kind::Text { rows: 5 }),
];

pub const OBJECTIVE: &[Spec] = &[
    spec("title", "Objective", Kind::Line),
    spec("target", "Target", Kind::Line),
    spec("owner", "Owner", Kind::Line),
    spec("due", "Due", Kind::Date),
    spec("cadence", "Measured", Kind::Choice),
];

pub const MEASUREMENT: &[Spec] = &[
    spec("on", "Measured on", Kind::Date),
    spec("value", "Value", Kind::Line),
    spec("note", "Note", Kind::Line),
];

pub const ROLE: &[Spec] = &[
    spec("name", "Role", Kind::Line),
    spec("holder", "Holder", Kind::Line),
    spec(
        "responsibilities",
        "Responsible for",
        Kind::Text { rows: 3 },
    ),
    spec("evidence", "Competence ev.", Kind::Line),
];

/// A requirement as one line of the parties form: its text, then `|` and what addresses it.
const REQUIREMENT_SEPARATOR: &str = " | ";

/// The value a new record's field starts with.
pub(super) fn blank(spec: &Spec) -> Value {
    match spec.name {
        "side" => choice(IssueSide::ALL, IssueSide::name, IssueSide::Internal),
        "cadence" => choice(Cadence::ALL, Cadence::name, Cadence::Quarterly),
        _ if matches!(spec.kind, Kind::Text { .. }) => lines(""),
        _ => line(""),
    }
}

/// The value a new measurement's field starts with: measured today.
pub(super) fn blank_measurement(spec: &Spec, today: NaiveDate) -> Value {
    match spec.name {
        "on" => date(Some(today)),
        _ => line(""),
    }
}

/// The values of record `id`, in the order of its table; `None` when there is no such record or
/// the kind is not edited in a form.
pub(super) fn values(kind: &RecordKind, id: &str, workspace: &Workspace) -> Option<Vec<Value>> {
    let system = &workspace.mgmt.system;
    Some(match kind {
        RecordKind::Issue => {
            let i = system.issues.iter().find(|i| i.id == id)?;
            vec![
                choice(IssueSide::ALL, IssueSide::name, i.side),
                lines(&i.description),
                lines(&i.effect),
            ]
        }
        RecordKind::Party => {
            let p = system.parties.iter().find(|p| p.id == id)?;
            let requirements: Vec<String> = p
                .requirements
                .iter()
                .map(|r| {
                    if r.addressed_by.is_empty() {
                        r.text.clone()
                    } else {
                        format!(
                            "{}{REQUIREMENT_SEPARATOR}{}",
                            r.text,
                            r.addressed_by.join(" ")
                        )
                    }
                })
                .collect();
            vec![line(&p.name), lines(&requirements.join("\n"))]
        }
        RecordKind::Objective => {
            let o = system.objective(id)?;
            vec![
                line(&o.title),
                line(&o.target),
                line(&o.owner),
                date(o.due),
                choice(Cadence::ALL, Cadence::name, o.cadence),
            ]
        }
        RecordKind::Role => {
            let r = system.roles.iter().find(|r| r.id == id)?;
            vec![
                line(&r.name),
                line(&r.holder),
                lines(&r.responsibilities),
                line(&r.competence_evidence.join(" ")),
            ]
        }
        _ => return None,
    })
}

/// The form's values written through the domain's edits; the record's id.
pub(super) fn write(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    kind: &RecordKind,
    id: Option<&str>,
    form: &Form,
    today: NaiveDate,
) -> Written {
    let need = |name: &'static str, what: &str| {
        if form.text_of(name).trim().is_empty() {
            Err((Some(name), format!("A {} needs {what}", kind.name())))
        } else {
            Ok(())
        }
    };
    let refused =
        |field: &'static str| move |e: crate::domain::edit::EditError| (Some(field), e.to_string());
    match kind {
        RecordKind::Issue => {
            need("description", "a description")?;
            let fields = IssueFields {
                side: chosen(form, "side", IssueSide::ALL),
                description: form.text_of("description"),
                effect: form.text_of("effect"),
            };
            put_issue(workspace, id, fields).map_err(refused("description"))
        }
        RecordKind::Party => {
            need("name", "a name")?;
            let requirements = text_lines(form, "requirements")
                .into_iter()
                .map(|l| match l.split_once('|') {
                    Some((text, refs)) => (
                        text.trim().to_string(),
                        refs.split([' ', ','])
                            .filter(|r| !r.is_empty())
                            .map(str::to_string)
                            .collect(),
                    ),
                    None => (l, Vec::new()),
                })
                .collect();
            let fields = PartyFields {
                name: form.field("name").text(),
                requirements,
            };
            put_party(workspace, catalogue, id, fields).map_err(refused("requirements"))
        }
        RecordKind::Objective => {
            need("title", "a title")?;
            let fields = ObjectiveFields {
                title: form.field("title").text(),
                target: form.field("target").text(),
                owner: form.field("owner").text(),
                due: date_of(form, "due", today)?,
                cadence: chosen(form, "cadence", Cadence::ALL),
            };
            put_objective(workspace, id, fields).map_err(refused("title"))
        }
        RecordKind::Measurement(objective) => {
            need("value", "a value")?;
            let on = date_of(form, "on", today)?.unwrap_or(today);
            let value = form.field("value").text();
            let note = form.field("note").text();
            add_measurement(workspace, objective, on, &value, &note).map_err(refused("value"))
        }
        RecordKind::Role => {
            need("name", "a name")?;
            let fields = RoleFields {
                name: form.field("name").text(),
                holder: form.field("holder").text(),
                responsibilities: form.text_of("responsibilities"),
                competence_evidence: words(form, "evidence"),
            };
            put_role(workspace, id, fields).map_err(refused("evidence"))
        }
        _ => Err((None, "not a record of the ISMS pane".into())),
    }
}
