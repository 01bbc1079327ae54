//! The SoA entry form: its table of fields, the form built from an entry, and the form read back
//! as one undoable `set_soa` edit (or, when the session dies, as the entry's pending value).

use chrono::NaiveDate;

use super::{Field, Flag, Form, Kind, Spec, Subject, Value};
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

const fn spec(name: &'static str, label: &'static str, kind: Kind) -> Spec {
    Spec { name, label, kind }
}

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
pub fn change(form: &Form) -> Result<(SoaChange, Option<NaiveDate>), String> {
    let reviewed = form.field("reviewed").date()?;
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
pub fn write(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    form: &Form,
    stamp: Stamp,
) -> Result<(), String> {
    let Subject::Soa { control } = &form.subject else {
        return Err("not an SoA form".into());
    };
    let (change, reviewed) = change(form)?;
    set_soa(workspace, catalogue, control, change, stamp.clone()).map_err(|e| e.to_string())?;
    // `SoaChange` cannot clear a date; an emptied date field clears it here.
    if reviewed.is_none()
        && let Some(entry) = workspace.soa.entry_mut(control)
        && entry.reviewed.is_some()
    {
        entry.reviewed = None;
        entry.updated = Some(stamp);
    }
    Ok(())
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
    if let Err(error) = write(&mut next, &app.catalogue, form, app.stamp()) {
        form.focus_on("reviewed");
        app.tell(error, true);
        return false;
    }
    if app.selected_soa_entry().map(|e| e.control.as_str()) == Some(control.as_str()) {
        app.keep_selected_soa_row();
    }
    app.edit(format!("{control} entry"), move |ws| {
        *ws = next;
        Ok::<(), std::convert::Infallible>(())
    });
    app.read_only.is_none()
}
