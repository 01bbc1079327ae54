//! Changing the parts of the audit book and the management system that are not records of their
//! own list (the workbench's form): a tested item of an audit put in place, the climate-change
//! decision, the audit programme, and a new action of a management review.

use chrono::NaiveDate;

use super::audits::Programme;
use super::edit::{ItemChange, add_audit_item};
use super::ids::next_child_id;
use super::reviews::{ActionStatus, ReviewAction};
use super::system::ClimateDecision;
use crate::domain::catalogue::Catalogue;
use crate::domain::edit::EditError;
use crate::domain::text::{sanitize, sanitize_line};
use crate::domain::workspace::Workspace;

/// The longest audit cycle the programme accepts, in years.
pub const MAX_CYCLE_YEARS: u8 = 10;

/// Replaces tested item `id`'s reference, what was tested, population, sample, result and
/// evidence with `change` (its id and note stay); returns whether anything changed.
pub fn put_audit_item(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    id: &str,
    change: ItemChange,
) -> Result<bool, EditError> {
    let id = id.trim();
    let found = workspace
        .mgmt
        .audits
        .audits
        .iter()
        .enumerate()
        .find_map(|(a, audit)| {
            let at = audit
                .items
                .iter()
                .position(|i| i.id.eq_ignore_ascii_case(id))?;
            Some((a, at))
        });
    let Some((a, at)) = found else {
        return Err(EditError::NotFound(format!("no tested item {id:?}")));
    };
    // Built by the same code as a new item, on a scratch audit, so both read fields alike.
    let mut scratch = Workspace::default();
    scratch.mgmt.evidence = workspace.mgmt.evidence.clone();
    let mut audit = workspace.mgmt.audits.audits[a].clone();
    audit.items.clear();
    let audit_id = audit.id.clone();
    scratch.mgmt.audits.audits.push(audit);
    add_audit_item(&mut scratch, catalogue, &audit_id, change)?;
    let mut item = scratch.mgmt.audits.audits[0].items.remove(0);
    let old = &mut workspace.mgmt.audits.audits[a].items[at];
    item.id = old.id.clone();
    item.note = std::mem::take(&mut old.note);
    let changed = *old != item;
    *old = item;
    Ok(changed)
}

/// The climate-change decision as typed.
#[derive(Debug, Clone, Default)]
pub struct ClimateFields {
    pub relevant: bool,
    pub reasoning: String,
    pub decided_by: String,
    pub decided_on: Option<NaiveDate>,
}

/// Records (or replaces) the decision on whether climate change is a relevant issue; returns
/// whether anything changed.
pub fn put_climate(workspace: &mut Workspace, fields: ClimateFields) -> Result<bool, EditError> {
    let reasoning = sanitize(fields.reasoning.trim());
    if reasoning.is_empty() {
        return Err(EditError::Invalid(
            "the climate decision needs its reasoning (why it is or is not relevant)".into(),
        ));
    }
    let Some(decided_on) = fields.decided_on else {
        return Err(EditError::Invalid(
            "the climate decision needs the day it was decided on".into(),
        ));
    };
    let decision = ClimateDecision {
        relevant: fields.relevant,
        reasoning,
        decided_by: sanitize_line(fields.decided_by.trim()),
        decided_on,
    };
    let climate = &mut workspace.mgmt.system.climate;
    let changed = climate.as_ref() != Some(&decision);
    *climate = Some(decision);
    Ok(changed)
}

/// Sets the audit programme's cycle length and note; returns whether anything changed.
pub fn put_programme(
    workspace: &mut Workspace,
    cycle_years: u8,
    note: &str,
) -> Result<bool, EditError> {
    if !(1..=MAX_CYCLE_YEARS).contains(&cycle_years) {
        return Err(EditError::Invalid(format!(
            "the audit cycle is 1 to {MAX_CYCLE_YEARS} years, not {cycle_years}"
        )));
    }
    let programme = Programme {
        cycle_years,
        note: sanitize(note.trim()),
    };
    let old = &mut workspace.mgmt.audits.programme;
    let changed = *old != programme;
    *old = programme;
    Ok(changed)
}

/// Adds an open action to management review `review` and returns its id (`MR-001.3`).
pub fn add_review_action(
    workspace: &mut Workspace,
    review: &str,
    text: &str,
    owner: &str,
    due: Option<NaiveDate>,
) -> Result<String, EditError> {
    let text = sanitize_line(text.trim());
    if text.is_empty() {
        return Err(EditError::Invalid(
            "an action needs to say what is to be done".into(),
        ));
    }
    let Some(target) = workspace
        .mgmt
        .audits
        .reviews
        .iter_mut()
        .find(|r| r.id.eq_ignore_ascii_case(review.trim()))
    else {
        return Err(EditError::NotFound(format!(
            "no management review {:?}",
            review.trim()
        )));
    };
    let id = next_child_id(&target.id, target.actions.iter().map(|a| a.id.as_str()));
    target.actions.push(ReviewAction {
        id: id.clone(),
        text,
        owner: sanitize_line(owner.trim()),
        due,
        status: ActionStatus::Open,
    });
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::mgmt::audits::ItemResult;
    use crate::domain::sample::demo_workspace;

    #[test]
    fn an_item_put_in_place_keeps_its_id_and_note_and_a_refused_one_changes_nothing() {
        let catalogue = Catalogue::builtin();
        let mut ws = demo_workspace(&catalogue);
        let audit = ws.mgmt.audits.audits[0].clone();
        let item = audit.items[0].clone();
        let before = ws.mgmt.audits.clone();
        let blank = ItemChange::default();
        assert!(put_audit_item(&mut ws, &catalogue, &item.id, blank).is_err());
        assert!(put_audit_item(&mut ws, &catalogue, "A-404.1", ItemChange::default()).is_err());
        assert_eq!(ws.mgmt.audits, before);
        let change = ItemChange {
            reference: Some("8.13".into()),
            tested: Some("Backups restored".into()),
            population: Some("52 weekly backups".into()),
            sample: Some("5 picked at random".into()),
            result: Some(ItemResult::MinorNc),
            evidence: Vec::new(),
        };
        assert!(put_audit_item(&mut ws, &catalogue, &item.id, change).unwrap());
        let now = &ws.mgmt.audits.audits[0].items[0];
        assert_eq!(
            (now.id.as_str(), now.note.as_str()),
            (item.id.as_str(), item.note.as_str())
        );
        assert_eq!(now.reference, "control:8.13");
        assert_eq!(now.population, "52 weekly backups");
        assert_eq!(now.result, ItemResult::MinorNc);
    }

    #[test]
    fn climate_programme_and_actions_check_what_they_are_given() {
        let catalogue = Catalogue::builtin();
        let mut ws = demo_workspace(&catalogue);
        let day = NaiveDate::from_ymd_opt(2026, 3, 1);
        let fields = ClimateFields {
            relevant: true,
            reasoning: "Flooding near the data centre".into(),
            decided_by: "Board".into(),
            decided_on: None,
        };
        assert!(put_climate(&mut ws, fields.clone()).is_err());
        let fields = ClimateFields {
            decided_on: day,
            ..fields
        };
        assert!(put_climate(&mut ws, fields.clone()).is_ok());
        assert!(!put_climate(&mut ws, fields).unwrap());
        assert!(put_programme(&mut ws, 0, "").is_err());
        assert!(put_programme(&mut ws, 2, "Two years").unwrap());
        assert_eq!(ws.mgmt.audits.programme.cycle_years, 2);
        let review = ws.mgmt.audits.reviews[0].id.clone();
        assert!(add_review_action(&mut ws, &review, " ", "CISO", day).is_err());
        let id = add_review_action(&mut ws, &review, "Test restores", "CISO", day).unwrap();
        assert!(id.starts_with(&format!("{review}.")));
        assert!(add_review_action(&mut ws, "MR-404", "x", "", None).is_err());
    }
}
