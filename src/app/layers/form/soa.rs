//! The SoA entry form: its table of fields, the form built from an entry, and the form read back
//! as one undoable `set_soa` edit (or, when the session dies, as the entry's pending value).

use chrono::NaiveDate;

use super::{Field, Flag, Form, Kind, Spec, Subject, Value, spec};
use crate::app::App;
use crate::app::widgets::text_input::TextInput;
use crate::domain::catalogue::Catalogue;
use crate::domain::edit::{SoaChange, set_soa};
use crate::domain::soa::{Applicability, Reason, SoaEntry, Status};
use crate::domain::stamp::Stamp;
use crate::domain::workspace::Workspace;

/// The SoA form's fields, in Tab order.
pub const SPECS: &[Spec] = &[
    spec("applicability", "Applicability", Kind::Choice),
    spec("reasons", "Reasons", Kind::Flags),
    spec("justification", "Justification", Kind::Text { rows: 4 }),
    spec("status", "Status", Kind::Choice),
    spec("note", "Note", Kind::Text { rows: 3 }),
    spec("owner", "Owner", Kind::Line),
    spec("evidence", "Evidence", Kind::Text { rows: 3 }),
    spec("reviewed", "Reviewed", Kind::Date),
];

/// The reasons given by hand, in the order the flags show them; risk treatment comes last and is
/// derived from the risks.
const HAND_REASONS: [Reason; 3] = [
    Reason::LegalRegulatory,
    Reason::Contractual,
    Reason::Business,
];

/// A form holding an entry; `risk_treatment` is whether a risk names the control.
pub fn open(entry: &SoaEntry, risk_treatment: bool) -> Form {
    let fields = SPECS
        .iter()
        .map(|spec| {
            let value = match spec.name {
                "applicability" => Value::Choice {
                    options: Applicability::ALL
                        .iter()
                        .map(|a| a.name().to_string())
                        .collect(),
                    index: Applicability::ALL
                        .iter()
                        .position(|a| *a == entry.applicability)
                        .unwrap_or(0),
                },
                "reasons" => {
                    let mut flags: Vec<Flag> = HAND_REASONS
                        .iter()
                        .map(|r| Flag {
                            label: short_label(*r).to_string(),
                            on: entry.reasons.contains(r),
                            fixed: false,
                        })
                        .collect();
                    flags.push(Flag {
                        label: short_label(Reason::RiskTreatment).to_string(),
                        on: risk_treatment,
                        fixed: true,
                    });
                    Value::Flags { flags, at: 0 }
                }
                "justification" => Value::text(TextInput::lines(&entry.justification)),
                "status" => Value::Choice {
                    options: Status::ALL.iter().map(|s| s.label().to_string()).collect(),
                    index: Status::ALL
                        .iter()
                        .position(|s| *s == entry.status)
                        .unwrap_or(0),
                },
                "note" => Value::text(TextInput::lines(&entry.note)),
                "owner" => Value::text(TextInput::line(&entry.owner)),
                "evidence" => Value::text(TextInput::lines(&entry.evidence.join("\n"))),
                _ => Value::text(TextInput::line(
                    &entry.reviewed.map(|d| d.to_string()).unwrap_or_default(),
                )),
            };
            Field::new(*spec, value)
        })
        .collect();
    let subject = Subject::Soa {
        control: entry.control.clone(),
    };
    Form::new(subject, entry.control.clone(), fields, "justification")
}

/// A reason as one word or two, so that all four fit on one line at 80 columns.
fn short_label(reason: Reason) -> &'static str {
    match reason {
        Reason::LegalRegulatory => "legal/regulatory",
        Reason::Contractual => "contractual",
        Reason::Business => "business",
        Reason::RiskTreatment => "risks",
    }
}

fn choice(form: &Form, name: &str) -> usize {
    match &form.field(name).value {
        Value::Choice { index, .. } => *index,
        _ => 0,
    }
}

/// The change the form holds and the reviewed date (`None` clears it); an error when the date
/// is not a date.
pub fn change(form: &Form, today: NaiveDate) -> Result<(SoaChange, Option<NaiveDate>), String> {
    let reviewed = form.field("reviewed").date(today)?;
    let reasons = match &form.field("reasons").value {
        Value::Flags { flags, .. } => HAND_REASONS
            .iter()
            .zip(flags)
            .filter(|(_, f)| f.on)
            .map(|(r, _)| *r)
            .collect(),
        _ => Vec::new(),
    };
    let text = |name: &str| match &form.field(name).value {
        Value::Text(input) => input.text(),
        _ => String::new(),
    };
    let evidence = text("evidence")
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let change = SoaChange {
        applicability: Some(Applicability::ALL[choice(form, "applicability")]),
        reasons: Some(reasons),
        justification: Some(text("justification")),
        status: Some(Status::ALL[choice(form, "status")]),
        note: Some(text("note")),
        owner: Some(form.field("owner").text()),
        evidence: Some(evidence),
        reviewed,
    };
    Ok((change, reviewed))
}

/// The form's values written into `workspace` (the edit itself, or the rescue of a dying session).
/// A form over marked rows writes only the fields the user changed, into every marked entry.
pub fn write(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    form: &Form,
    today: NaiveDate,
    stamp: Stamp,
) -> Result<(), String> {
    let Subject::Soa { control } = &form.subject else {
        return Err("not an SoA form".into());
    };
    let (mut change, reviewed) = change(form, today)?;
    let mut clear_reviewed = reviewed.is_none();
    let controls = if form.bulk.is_empty() {
        vec![control.clone()]
    } else {
        let changed = form.changed_fields();
        keep_only(&mut change, &changed);
        clear_reviewed &= changed.contains(&"reviewed");
        form.bulk.clone()
    };
    for control in &controls {
        set_soa(workspace, catalogue, control, change.clone(), stamp.clone())
            .map_err(|e| format!("{control}: {e}"))?;
        // `SoaChange` cannot clear a date; an emptied date field clears it here.
        if clear_reviewed
            && let Some(entry) = workspace.soa.entry_mut(control)
            && entry.reviewed.is_some()
        {
            entry.reviewed = None;
            entry.updated = Some(stamp.clone());
        }
    }
    Ok(())
}

/// Leaves in `change` only the fields named in `changed`.
fn keep_only(change: &mut SoaChange, changed: &[&str]) {
    let keep = |name: &str| changed.contains(&name);
    if !keep("applicability") {
        change.applicability = None;
    }
    if !keep("reasons") {
        change.reasons = None;
    }
    if !keep("justification") {
        change.justification = None;
    }
    if !keep("status") {
        change.status = None;
    }
    if !keep("note") {
        change.note = None;
    }
    if !keep("owner") {
        change.owner = None;
    }
    if !keep("evidence") {
        change.evidence = None;
    }
    if !keep("reviewed") {
        change.reviewed = None;
    }
}

/// Applies the form as one undoable edit. False (the form stays open) when a field is wrong or
/// the edit was refused.
pub fn apply(app: &mut App, form: &mut Form) -> bool {
    if !form.changed() {
        return true;
    }
    let Subject::Soa { control } = form.subject.clone() else {
        return false;
    };
    let mut next = app.workspace.clone();
    let today = app.session.today;
    if let Err(error) = write(&mut next, &app.catalogue, form, today, app.stamp()) {
        if form.field("reviewed").date(today).is_err() {
            form.focus_on("reviewed");
        }
        app.tell(error, true);
        return false;
    }
    if app.selected_soa_entry().map(|e| e.control.as_str()) == Some(control.as_str()) {
        app.keep_selected_soa_row();
    }
    let label = if form.bulk.is_empty() {
        format!("{control} entry")
    } else {
        let fields = form.changed_fields().join(", ");
        format!(
            "{} {fields}",
            crate::app::tabs::soa_bulk::range_label(&form.bulk)
        )
    };
    let made = app.edit(label.clone(), move |ws| {
        *ws = next;
        Ok::<(), std::convert::Infallible>(())
    });
    if made && !form.bulk.is_empty() {
        app.tell(format!("{label} (u undoes all of them)"), false);
    }
    app.read_only.is_none()
}
