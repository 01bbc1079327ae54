//! The form on a record of the ISMS and Audit panes (context issue, interested party, objective,
//! measurement, role, evidence, audit, management review): which record it is, the form built
//! for a new one or from an existing one, and the form written back through the domain's edits
//! as one undoable edit. The field tables are in `system_record.rs` and `register_record.rs`.

use chrono::NaiveDate;

use super::{Field, Form, Spec, Subject, Value, book_record, register_record, system_record};
use crate::app::widgets::text_input::TextInput;
use crate::app::{App, Tab};
use crate::domain::catalogue::Catalogue;
use crate::domain::stamp::Stamp;
use crate::domain::workspace::Workspace;

/// Which kind of record a form edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordKind {
    Issue,
    Party,
    Objective,
    /// A measurement of this objective (only added, never edited here).
    Measurement(String),
    Role,
    /// Evidence; once the edge worked it out, the local file hashed and its SHA-256.
    Evidence(Option<(String, String)>),
    Audit,
    Review,
    /// A tested item of this audit.
    Item(String),
    /// The climate-change decision (edited, never added: there is one).
    Climate,
    /// The audit programme (edited, never added: there is one).
    Programme,
    /// An action of this management review (only added here).
    Action(String),
}

impl RecordKind {
    /// The word for it in titles and messages.
    pub fn name(&self) -> &'static str {
        match self {
            RecordKind::Issue => "context issue",
            RecordKind::Party => "interested party",
            RecordKind::Objective => "objective",
            RecordKind::Measurement(_) => "measurement",
            RecordKind::Role => "role",
            RecordKind::Evidence(_) => "evidence",
            RecordKind::Audit => "audit",
            RecordKind::Review => "management review",
            RecordKind::Item(_) => "tested item",
            RecordKind::Climate => "climate decision",
            RecordKind::Programme => "audit programme",
            RecordKind::Action(_) => "review action",
        }
    }

    /// The pane the record is listed in.
    pub fn tab(&self) -> Tab {
        match self {
            RecordKind::Audit | RecordKind::Review => Tab::Audit,
            RecordKind::Item(_) | RecordKind::Programme | RecordKind::Action(_) => Tab::Audit,
            _ => Tab::Isms,
        }
    }
}

/// What a form reads back: the record's id, or the field at fault (if one) and why.
pub type Written = Result<String, (Option<&'static str>, String)>;

/// A form for a new record of `kind`, with today's date where a date is expected.
pub fn new_record(kind: RecordKind, today: NaiveDate) -> Form {
    let title = format!("New {}", kind.name());
    let (specs, focus) = specs(&kind);
    let fields = specs
        .iter()
        .map(|spec| {
            let value = match &kind {
                RecordKind::Issue
                | RecordKind::Party
                | RecordKind::Objective
                | RecordKind::Role => system_record::blank(spec),
                RecordKind::Measurement(_) => system_record::blank_measurement(spec, today),
                RecordKind::Evidence(_) | RecordKind::Audit | RecordKind::Review => {
                    register_record::blank(&kind, spec, today)
                }
                RecordKind::Item(_)
                | RecordKind::Climate
                | RecordKind::Programme
                | RecordKind::Action(_) => book_record::blank(spec, today),
            };
            Field::new(*spec, value)
        })
        .collect();
    Form::new(Subject::Record { kind, id: None }, title, fields, focus)
}

/// A form on existing record `id` of `kind`, or `None` when this kind is not edited here.
pub fn edit_record(kind: RecordKind, id: &str, workspace: &Workspace) -> Option<Form> {
    let (specs, focus) = specs(&kind);
    let values = match kind {
        RecordKind::Item(_) | RecordKind::Climate | RecordKind::Programme => {
            book_record::values(&kind, id, workspace)?
        }
        RecordKind::Audit | RecordKind::Review | RecordKind::Evidence(_) => {
            register_record::values(&kind, id, workspace)?
        }
        _ => system_record::values(&kind, id, workspace)?,
    };
    let fields = specs
        .iter()
        .zip(values)
        .map(|(spec, value)| Field::new(*spec, value))
        .collect();
    let subject = Subject::Record {
        kind: kind.clone(),
        id: Some(id.to_string()),
    };
    Some(Form::new(
        subject,
        format!("{} {id}", kind.name()),
        fields,
        focus,
    ))
}

fn specs(kind: &RecordKind) -> (&'static [Spec], &'static str) {
    match kind {
        RecordKind::Issue => (system_record::ISSUE, "description"),
        RecordKind::Party => (system_record::PARTY, "name"),
        RecordKind::Objective => (system_record::OBJECTIVE, "title"),
        RecordKind::Measurement(_) => (system_record::MEASUREMENT, "value"),
        RecordKind::Role => (system_record::ROLE, "name"),
        RecordKind::Evidence(_) => (register_record::EVIDENCE, "title"),
        RecordKind::Audit => (register_record::AUDIT, "title"),
        RecordKind::Review => (register_record::REVIEW, "chair"),
        RecordKind::Item(_) => (book_record::ITEM, "reference"),
        RecordKind::Climate => (book_record::CLIMATE, "relevant"),
        RecordKind::Programme => (book_record::PROGRAMME, "cycle_years"),
        RecordKind::Action(_) => (book_record::ACTION, "text"),
    }
}

/// The form's values written into `workspace` (the edit, or the rescue of a dying session).
pub fn write(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    form: &Form,
    today: NaiveDate,
    stamp: Stamp,
) -> Written {
    let Subject::Record { kind, id } = &form.subject else {
        return Err((None, "not a record form".into()));
    };
    let id = id.as_deref();
    match kind {
        RecordKind::Evidence(_) | RecordKind::Audit | RecordKind::Review => {
            register_record::write(workspace, catalogue, kind, id, form, today, stamp)
        }
        RecordKind::Item(_)
        | RecordKind::Climate
        | RecordKind::Programme
        | RecordKind::Action(_) => book_record::write(workspace, catalogue, kind, id, form, today),
        _ => system_record::write(workspace, catalogue, kind, id, form, today),
    }
}

/// Whether Ctrl-S must first ask the edge for a local file's SHA-256: the path to hash.
pub fn file_to_hash(form: &Form) -> Option<String> {
    let Subject::Record {
        kind: RecordKind::Evidence(hashed),
        id,
    } = &form.subject
    else {
        return None;
    };
    // An item kept where it was keeps its hash.
    if id.is_some() && !form.changed_fields().contains(&"location") {
        return None;
    }
    let location = form.field("location").text();
    let url = location.contains("://") || location.starts_with("mailto:");
    let done = hashed.as_ref().is_some_and(|(path, _)| *path == location);
    (!location.is_empty() && !url && !done).then_some(location)
}

/// Applies the form as one undoable edit; on an error the form stays open on the field at
/// fault. The record is selected in its pane.
pub fn apply(app: &mut App, form: &mut Form) -> bool {
    let Subject::Record { kind, id } = form.subject.clone() else {
        return false;
    };
    if id.is_some() && !form.changed() {
        return true;
    }
    let mut next = app.workspace.clone();
    let written = write(
        &mut next,
        &app.catalogue,
        form,
        app.session.today,
        app.stamp(),
    );
    match super::apply_written(app, form, next, written, id.is_none()) {
        Some(id) => {
            app.show_mgmt_record(kind.tab(), &id);
            true
        }
        None => false,
    }
}

/// One line of text.
pub(super) fn line(text: &str) -> Value {
    Value::text(TextInput::line(text))
}

/// Text over several lines.
pub(super) fn lines(text: &str) -> Value {
    Value::text(TextInput::lines(text))
}

/// A date, or nothing.
pub(super) fn date(date: Option<NaiveDate>) -> Value {
    line(&date.map(|d| d.to_string()).unwrap_or_default())
}

/// One of `all`, named by `name`, with `value` chosen.
pub(super) fn choice<T: Copy + PartialEq>(
    all: &[T],
    name: fn(T) -> &'static str,
    value: T,
) -> Value {
    Value::Choice {
        options: all.iter().map(|v| name(*v).to_string()).collect(),
        index: all.iter().position(|v| *v == value).unwrap_or(0),
    }
}

/// The chosen one of `all`.
pub(super) fn chosen<T: Copy>(form: &Form, name: &str, all: &[T]) -> T {
    match &form.field(name).value {
        Value::Choice { index, .. } => all[*index],
        _ => all[0],
    }
}

/// The words of a line field, split at spaces and commas.
pub(super) fn words(form: &Form, name: &str) -> Vec<String> {
    form.field(name)
        .text()
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The non-empty lines of a text field.
pub(super) fn text_lines(form: &Form, name: &str) -> Vec<String> {
    form.text_of(name)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A date field read, with the field named when it is wrong.
pub(super) fn date_of(
    form: &Form,
    name: &'static str,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, (Option<&'static str>, String)> {
    form.field(name).date(today).map_err(|e| (Some(name), e))
}

/// The edge hashed the evidence file: the form is applied with its SHA-256, or stays open on the
/// location with the reason the file could not be read.
pub(super) fn file_hashed(
    app: &mut App,
    form: &mut Form,
    location: String,
    sha256: Result<String, String>,
) -> super::Outcome {
    let keep = super::Outcome::Keep(crate::app::Effect::None);
    if form.field("location").text() != location {
        return keep;
    }
    match sha256 {
        Err(reason) => {
            form.focus_on("location");
            app.tell(format!("{location}: {reason}"), true);
            keep
        }
        Ok(sha256) => {
            if let Subject::Record {
                kind: RecordKind::Evidence(hashed),
                ..
            } = &mut form.subject
            {
                *hashed = Some((location, sha256));
            }
            if apply(app, form) {
                super::Outcome::Close(app.request_save())
            } else {
                keep
            }
        }
    }
}
