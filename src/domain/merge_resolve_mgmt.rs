//! Taking their side of a conflict in the management system's files: the conflict's kind names
//! the list, and for items inside a record (`O-001.2`, `A-001.3`, `MR-001.audit_results`) the
//! part before the last dot names the record that holds them.

use super::merge::Conflict;
use super::merge_mgmt::{CLIMATE, PROGRAMME};
use super::merge_record::Record;
use super::merge_resolve::{Pick, take_in_list};
use super::mgmt::Management;

/// Puts theirs in place of ours for one conflict of the management system. Unknown kinds
/// change nothing.
pub(super) fn take_theirs(
    merged: &mut Management,
    theirs: &Management,
    conflict: &Conflict,
    pick: Pick,
) {
    let (system, their_system) = (&mut merged.system, &theirs.system);
    let (audits, their_audits) = (&mut merged.audits, &theirs.audits);
    match conflict.kind.as_str() {
        "clause" => take_in_list(&mut system.clauses, &their_system.clauses, conflict, pick),
        "issue" => take_in_list(&mut system.issues, &their_system.issues, conflict, pick),
        "party" => take_in_list(&mut system.parties, &their_system.parties, conflict, pick),
        "objective" => take_in_list(
            &mut system.objectives,
            &their_system.objectives,
            conflict,
            pick,
        ),
        "role" => take_in_list(&mut system.roles, &their_system.roles, conflict, pick),
        "evidence" => take_in_list(
            &mut merged.evidence.items,
            &theirs.evidence.items,
            conflict,
            pick,
        ),
        "finding" => take_in_list(
            &mut merged.findings.items,
            &theirs.findings.items,
            conflict,
            pick,
        ),
        "audit" => take_in_list(&mut audits.audits, &their_audits.audits, conflict, pick),
        "review" => take_in_list(&mut audits.reviews, &their_audits.reviews, conflict, pick),
        "requirement" => {
            if let Some((ours, theirs)) =
                parents(&mut system.parties, &their_system.parties, conflict)
            {
                take_in_list(&mut ours.requirements, &theirs.requirements, conflict, pick);
            }
        }
        "measurement" => {
            if let Some((ours, theirs)) =
                parents(&mut system.objectives, &their_system.objectives, conflict)
            {
                take_in_list(&mut ours.measurements, &theirs.measurements, conflict, pick);
            }
        }
        "tested_item" => {
            if let Some((ours, theirs)) =
                parents(&mut audits.audits, &their_audits.audits, conflict)
            {
                take_in_list(&mut ours.items, &theirs.items, conflict, pick);
            }
        }
        "review_action" => {
            if let Some((ours, theirs)) =
                parents(&mut audits.reviews, &their_audits.reviews, conflict)
            {
                take_in_list(&mut ours.actions, &theirs.actions, conflict, pick);
            }
        }
        "review_input" => {
            if let Some((ours, theirs)) =
                parents(&mut audits.reviews, &their_audits.reviews, conflict)
            {
                // Inputs are named by topic alone inside their review.
                let mut inner = conflict.clone();
                inner.record = child_part(&conflict.record).to_string();
                take_in_list(&mut ours.inputs, &theirs.inputs, &inner, pick);
            }
        }
        PROGRAMME => {
            audits.programme = pick.field(&audits.programme, &their_audits.programme, conflict)
        }
        CLIMATE => match (&mut system.climate, &their_system.climate) {
            (Some(ours), Some(theirs)) if conflict.field != "(record)" => {
                *ours = pick.field(ours, theirs, conflict);
            }
            (ours, theirs) => {
                if let Pick::Theirs = pick {
                    *ours = theirs.clone()
                }
            }
        },
        _ => {}
    }
}

/// The record holding the conflict's item, in ours and in theirs.
fn parents<'a, P: Record>(
    ours: &'a mut [P],
    theirs: &'a [P],
    conflict: &Conflict,
) -> Option<(&'a mut P, &'a P)> {
    let parent = parent_part(&conflict.record);
    let key = |r: &P| r.key() == parent.trim().to_ascii_uppercase();
    let theirs = theirs.iter().find(|r| key(r))?;
    let ours = ours.iter_mut().find(|r| key(r))?;
    Some((ours, theirs))
}

fn parent_part(id: &str) -> &str {
    id.rsplit_once('.').map_or(id, |(parent, _)| parent)
}

fn child_part(id: &str) -> &str {
    id.rsplit_once('.').map_or(id, |(_, child)| child)
}
