//! The finding form (10.1, 10.2): its table of fields (the finding, its corrective action, the
//! effectiveness check and the closing), the form built from a finding or from a seed (a tested
//! item's audit, reference and result), and the form read back as `add_finding` / `set_finding`
//! in one undoable edit. What the change cannot clear (due and closed dates, references, the
//! check) is cleared on the record afterwards.

use chrono::NaiveDate;

use super::{Field, Form, Kind, Spec, Subject, Value, spec};
use crate::app::App;
use crate::app::widgets::text_input::TextInput;
use crate::domain::catalogue::Catalogue;
use crate::domain::edit::EditError;
use crate::domain::mgmt::edit::{FindingChange, add_finding, references, set_finding};
use crate::domain::mgmt::findings::{
    CheckResult, FindingKind, FindingRecord, FindingSource, FindingStatus, SourceKind,
};
use crate::domain::stamp::Stamp;
use crate::domain::workspace::Workspace;

/// The finding form's fields, in Tab order.
pub const SPECS: &[Spec] = &[
    spec("kind", "Kind", Kind::Choice),
    spec("source", "Source", Kind::Line),
    spec("refs", "About", Kind::Line),
    spec("statement", "Statement", Kind::Text { rows: 3 }),
    spec("correction", "Correction", Kind::Text { rows: 2 }),
    spec("root_cause", "Root cause", Kind::Text { rows: 2 }),
    spec("action", "Action", Kind::Text { rows: 2 }),
    spec("owner", "Owner", Kind::Line),
    spec("raised", "Raised", Kind::Date),
    spec("due", "Due", Kind::Date),
    spec("status", "Status", Kind::Choice),
    spec("checked_by", "Checked by", Kind::Line),
    spec("checked_on", "Checked on", Kind::Date),
    spec("check_result", "Check result", Kind::Choice),
    spec("closed", "Closed on", Kind::Date),
];

/// What a new finding starts with.
#[derive(Debug, Clone)]
pub struct Seed {
    pub kind: FindingKind,
    /// `internal_audit:A-001`, `self_identified`, …
    pub source: String,
    pub refs: Vec<String>,
}

impl Default for Seed {
    fn default() -> Seed {
        Seed {
            kind: FindingKind::MinorNc,
            source: String::new(),
            refs: Vec::new(),
        }
    }
}

/// A form for a new finding raised `today`.
pub fn new_finding(seed: &Seed, today: NaiveDate) -> Form {
    let record = FindingRecord {
        id: String::new(),
        kind: seed.kind,
        source: FindingSource::parse(&seed.source).unwrap_or(FindingSource {
            kind: SourceKind::SelfIdentified,
            id: String::new(),
        }),
        refs: seed.refs.clone(),
        statement: String::new(),
        correction: String::new(),
        root_cause: String::new(),
        action: String::new(),
        owner: String::new(),
        raised: today,
        due: None,
        status: FindingStatus::Open,
        effectiveness: None,
        closed: None,
        updated: None,
    };
    let mut form = edit_finding(&record);
    form.subject = Subject::Finding { id: None };
    form.title = "New finding".to_string();
    form.focus_on("statement");
    form
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

fn choice<T: Copy + PartialEq>(all: &[T], name: fn(T) -> &'static str, value: T) -> Value {
    Value::Choice {
        options: all.iter().map(|v| name(*v).to_string()).collect(),
        index: all.iter().position(|v| *v == value).unwrap_or(0),
    }
}

/// A form holding a finding's current values.
pub fn edit_finding(record: &FindingRecord) -> Form {
    let check = record.effectiveness.as_ref();
    let fields = SPECS
        .iter()
        .map(|spec| {
            let line = |text: &str| Value::text(TextInput::line(text));
            let lines = |text: &str| Value::text(TextInput::lines(text));
            let value = match spec.name {
                "kind" => choice(FindingKind::ALL, FindingKind::name, record.kind),
                "source" => line(&record.source.label()),
                "refs" => line(&record.refs.join(" ")),
                "statement" => lines(&record.statement),
                "correction" => lines(&record.correction),
                "root_cause" => lines(&record.root_cause),
                "action" => lines(&record.action),
                "owner" => line(&record.owner),
                "raised" => line(&record.raised.to_string()),
                "due" => line(&date_text(record.due)),
                "status" => choice(FindingStatus::ALL, FindingStatus::name, record.status),
                "checked_by" => line(check.map_or("", |c| c.by.as_str())),
                "checked_on" => line(&date_text(check.map(|c| c.on))),
                "check_result" => choice(
                    CheckResult::ALL,
                    CheckResult::name,
                    check.map_or(CheckResult::Effective, |c| c.result),
                ),
                _ => line(&date_text(record.closed)),
            };
            Field::new(*spec, value)
        })
        .collect();
    let subject = Subject::Finding {
        id: Some(record.id.clone()),
    };
    Form::new(
        subject,
        format!("Finding {}", record.id),
        fields,
        "root_cause",
    )
}

fn chosen<T: Copy>(form: &Form, name: &str, all: &[T]) -> T {
    match &form.field(name).value {
        Value::Choice { index, .. } => all[*index],
        _ => all[0],
    }
}

/// The form's values checked: the change, and the values it cannot clear.
struct Values {
    change: FindingChange,
    refs: Vec<String>,
    due: Option<NaiveDate>,
    closed: Option<NaiveDate>,
    checked: bool,
}

fn read(form: &Form, today: NaiveDate) -> Result<Values, (&'static str, String)> {
    let date = |name: &'static str| form.field(name).date(today).map_err(|e| (name, e));
    let (raised, due, checked_on, closed) = (
        date("raised")?,
        date("due")?,
        date("checked_on")?,
        date("closed")?,
    );
    if form.text_of("statement").trim().is_empty() {
        return Err(("statement", "A finding needs a statement".into()));
    }
    if form.field("source").text().is_empty() {
        let reason =
            "Where does it come from? e.g. internal_audit:A-001, incident:INC-7, monitoring";
        return Err(("source", reason.into()));
    }
    let checked_by = form.field("checked_by").text();
    let checked = !checked_by.is_empty() || checked_on.is_some();
    if checked && (checked_by.is_empty() || checked_on.is_none()) {
        let field = if checked_by.is_empty() {
            "checked_by"
        } else {
            "checked_on"
        };
        let reason = "An effectiveness check needs who checked and when";
        return Err((field, reason.into()));
    }
    let refs: Vec<String> = form
        .field("refs")
        .text()
        .split([' ', ','])
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect();
    let text = |name: &str| Some(form.text_of(name));
    let change = FindingChange {
        kind: Some(chosen(form, "kind", FindingKind::ALL)),
        source: Some(form.field("source").text()),
        refs: refs.clone(),
        statement: text("statement"),
        correction: text("correction"),
        root_cause: text("root_cause"),
        action: text("action"),
        owner: Some(form.field("owner").text()),
        raised,
        due,
        status: Some(chosen(form, "status", FindingStatus::ALL)),
        checked_by: checked.then_some(checked_by),
        checked_on: checked.then_some(checked_on).flatten(),
        check_result: checked.then(|| chosen(form, "check_result", CheckResult::ALL)),
        closed,
    };
    Ok(Values {
        change,
        refs,
        due,
        closed,
        checked,
    })
}

/// The form's values written into `workspace` (the edit itself, or the rescue of a dying
/// session); returns the finding's id, or the field at fault and why.
pub fn write(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    form: &Form,
    today: NaiveDate,
    stamp: Stamp,
) -> Result<String, (Option<&'static str>, String)> {
    let values = read(form, today).map_err(|(field, reason)| (Some(field), reason))?;
    references(&values.refs, catalogue).map_err(|e| (Some("refs"), e.to_string()))?;
    let change = values.change.clone();
    let id = match &form.subject {
        Subject::Finding { id: None } => {
            add_finding(workspace, catalogue, change, today, stamp.clone())
        }
        Subject::Finding { id: Some(id) } => {
            set_finding(workspace, catalogue, id, change, stamp.clone()).map(|_| id.clone())
        }
        _ => Err(EditError::Invalid("not a finding form".into())),
    }
    .map_err(|e| (None, e.to_string()))?;
    if let Some(record) = workspace
        .mgmt
        .findings
        .items
        .iter_mut()
        .find(|f| f.id == id)
    {
        let before = record.clone();
        record.due = values.due;
        if values.closed.is_none() && record.closed.is_some() {
            record.closed = None;
        }
        if values.refs.is_empty() {
            record.refs.clear();
        }
        if !values.checked {
            record.effectiveness = None;
        }
        if *record != before {
            record.updated = Some(stamp);
        }
    }
    Ok(id)
}

/// Applies the form as one undoable edit; on an error the form stays open on the field at
/// fault, with the reason. A new finding is selected in the findings view.
pub fn apply(app: &mut App, form: &mut Form) -> bool {
    if !form.changed() && matches!(form.subject, Subject::Finding { id: Some(_) }) {
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
    let is_new = matches!(form.subject, Subject::Finding { id: None });
    match super::apply_written(app, form, next, written, is_new) {
        Some(id) => {
            app.select_finding(&id);
            true
        }
        None => false,
    }
}
