//! The field tables of an audit's tested item, the climate-change decision, the audit programme
//! and a management review's action, and the form read back through the domain's
//! `add_audit_item` / `put_audit_item`, `put_climate`, `put_programme` and `add_review_action`.
//! The population and the sample of a tested item are fields of their own: they are what an
//! auditor's work is checked by.

use chrono::NaiveDate;

use super::mgmt_record::{RecordKind, Written, choice, chosen, date, date_of, line, lines, words};
use super::{Form, Kind, Spec, Value, spec};
use crate::domain::catalogue::Catalogue;
use crate::domain::mgmt::audits::ItemResult;
use crate::domain::mgmt::edit::{ItemChange, add_audit_item};
use crate::domain::mgmt::edit_items::{
    ClimateFields, add_review_action, put_audit_item, put_climate, put_programme,
};
use crate::domain::workspace::Workspace;

pub const ITEM: &[Spec] = &[
    spec("reference", "Reference", Kind::Line),
    spec("tested", "Tested", Kind::Line),
    spec("population", "Population", Kind::Line),
    spec("sample", "Sample", Kind::Line),
    spec("result", "Result", Kind::Choice),
    spec("evidence", "Evidence ids", Kind::Line),
];

pub const CLIMATE: &[Spec] = &[
    spec("relevant", "Relevant", Kind::Choice),
    spec("reasoning", "Why", Kind::Text { rows: 3 }),
    spec("decided_by", "Decided by", Kind::Line),
    spec("decided_on", "Decided on", Kind::Date),
];

pub const PROGRAMME: &[Spec] = &[
    spec("cycle_years", "Cycle (years)", Kind::Line),
    spec("note", "Note", Kind::Text { rows: 3 }),
];

pub const ACTION: &[Spec] = &[
    spec("text", "Action", Kind::Line),
    spec("owner", "Owner", Kind::Line),
    spec("due", "Due", Kind::Date),
];

/// The answers of the climate decision's "relevant" choice, in order.
const NO_YES: [bool; 2] = [false, true];

fn no_yes(relevant: bool) -> Value {
    choice(&NO_YES, |r| if r { "yes" } else { "no" }, relevant)
}

fn result(value: ItemResult) -> Value {
    choice(ItemResult::ALL, ItemResult::name, value)
}

/// The value a new record's field starts with.
pub(super) fn blank(spec: &Spec, today: NaiveDate) -> Value {
    match spec.name {
        "result" => result(ItemResult::Conformity),
        "relevant" => no_yes(false),
        "decided_on" => date(Some(today)),
        _ if matches!(spec.kind, Kind::Text { .. }) => lines(""),
        _ => line(""),
    }
}

/// The values of tested item `id`, the climate decision or the programme, in table order.
/// `None` when there is no such item, or no climate decision yet (a new one is then added).
pub(super) fn values(kind: &RecordKind, id: &str, workspace: &Workspace) -> Option<Vec<Value>> {
    let mgmt = &workspace.mgmt;
    Some(match kind {
        RecordKind::Item(_) => {
            let item = mgmt
                .audits
                .audits
                .iter()
                .flat_map(|a| &a.items)
                .find(|i| i.id == id)?;
            vec![
                line(&item.reference),
                line(&item.tested),
                line(&item.population),
                line(&item.sample),
                result(item.result),
                line(&item.evidence.join(" ")),
            ]
        }
        RecordKind::Climate => {
            let c = mgmt.system.climate.as_ref()?;
            vec![
                no_yes(c.relevant),
                lines(&c.reasoning),
                line(&c.decided_by),
                date(Some(c.decided_on)),
            ]
        }
        RecordKind::Programme => {
            let programme = &mgmt.audits.programme;
            vec![
                line(&programme.cycle_years.to_string()),
                lines(&programme.note),
            ]
        }
        _ => return None,
    })
}

/// The form's values written through the domain; the record's id (`climate`, `programme` for
/// the two that are not in a list).
pub(super) fn write(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    kind: &RecordKind,
    id: Option<&str>,
    form: &Form,
    today: NaiveDate,
) -> Written {
    let text = |name: &str| Some(form.text_of(name)).filter(|t| !t.trim().is_empty());
    match kind {
        RecordKind::Item(audit) => {
            if form.text_of("reference").trim().is_empty() {
                return Err((
                    Some("reference"),
                    "A tested item needs the clause or control it tested (9.2 or 8.13)".into(),
                ));
            }
            if form.text_of("tested").trim().is_empty() {
                return Err((Some("tested"), "A tested item needs what was tested".into()));
            }
            let change = ItemChange {
                reference: text("reference"),
                tested: text("tested"),
                population: text("population"),
                sample: text("sample"),
                result: Some(chosen(form, "result", ItemResult::ALL)),
                evidence: words(form, "evidence"),
            };
            let field = |e: &crate::domain::edit::EditError| {
                let said = e.to_string();
                if said.contains("evidence") {
                    Some("evidence")
                } else {
                    Some("reference")
                }
            };
            let refused = |e: crate::domain::edit::EditError| (field(&e), e.to_string());
            match id {
                None => add_audit_item(workspace, catalogue, audit, change).map_err(refused),
                Some(id) => put_audit_item(workspace, catalogue, id, change)
                    .map(|_| id.to_string())
                    .map_err(refused),
            }
        }
        RecordKind::Climate => {
            let fields = ClimateFields {
                relevant: chosen(form, "relevant", &NO_YES),
                reasoning: form.text_of("reasoning"),
                decided_by: form.text_of("decided_by"),
                decided_on: date_of(form, "decided_on", today)?,
            };
            let field = if fields.decided_on.is_none() {
                "decided_on"
            } else {
                "reasoning"
            };
            put_climate(workspace, fields)
                .map(|_| "climate".to_string())
                .map_err(|e| (Some(field), e.to_string()))
        }
        RecordKind::Programme => {
            let typed = form.text_of("cycle_years");
            let Ok(years) = typed.trim().parse::<u8>() else {
                return Err((
                    Some("cycle_years"),
                    format!("Cycle: a number of years (1, 2, 3 …), not {typed:?}"),
                ));
            };
            put_programme(workspace, years, &form.text_of("note"))
                .map(|_| "programme".to_string())
                .map_err(|e| (Some("cycle_years"), e.to_string()))
        }
        RecordKind::Action(review) => {
            let due = date_of(form, "due", today)?;
            add_review_action(
                workspace,
                review,
                &form.text_of("text"),
                &form.text_of("owner"),
                due,
            )
            .map_err(|e| (Some("text"), e.to_string()))
        }
        _ => Err((None, "not a part of the audit book".into())),
    }
}
