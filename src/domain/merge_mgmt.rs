//! The management system's files merged with the same engine as the SoA and the risks: every
//! id-keyed list record by record and field by field — sub-clauses by clause id, context issues,
//! parties and their requirements, objectives and their measurements, roles, evidence, audits and
//! their tested items, reviews with their inputs and actions, findings. Lists inside a record
//! merge item by item too, so two people adding measurements to one objective both keep theirs.

use std::collections::BTreeSet;

use super::merge::{Conflict, MergeReport};
use super::merge_record::{Record, merge_list, merge_record};
use super::mgmt::Management;
use super::mgmt::audits::{Audit, AuditBook, TestedItem};
use super::mgmt::evidence::{Evidence, EvidenceRegister};
use super::mgmt::findings::{FindingRecord, FindingsRegister};
use super::mgmt::ids::{next_child_id, next_id};
use super::mgmt::reviews::{ManagementReview, ReviewAction, ReviewInput};
use super::mgmt::system::{
    ClauseEntry, ContextIssue, InterestedParty, ManagementSystem, Measurement, Objective,
    PartyRequirement, Role,
};

/// Kind and record of the one-off parts of the files: the climate decision and the programme.
pub const CLIMATE: &str = "climate";
pub const PROGRAMME: &str = "programme";

/// Merges the four management-system files (see [`crate::domain::merge::merge`]).
pub fn merge_management(
    base: &Management,
    ours: &Management,
    theirs: &Management,
    report: &mut MergeReport,
) -> Management {
    let (b, o, t) = (&base.audits, &ours.audits, &theirs.audits);
    Management {
        system: merge_system(&base.system, &ours.system, &theirs.system, report),
        evidence: EvidenceRegister {
            items: merge_list(
                &base.evidence.items,
                &ours.evidence.items,
                &theirs.evidence.items,
                report,
            ),
        },
        audits: AuditBook {
            programme: merge_record(
                PROGRAMME,
                PROGRAMME,
                Some(&b.programme),
                &o.programme,
                &t.programme,
                report,
            ),
            audits: merge_list(&b.audits, &o.audits, &t.audits, report),
            reviews: merge_list(&b.reviews, &o.reviews, &t.reviews, report),
        },
        findings: FindingsRegister {
            items: merge_list(
                &base.findings.items,
                &ours.findings.items,
                &theirs.findings.items,
                report,
            ),
        },
    }
}

fn merge_system(
    base: &ManagementSystem,
    ours: &ManagementSystem,
    theirs: &ManagementSystem,
    report: &mut MergeReport,
) -> ManagementSystem {
    ManagementSystem {
        clauses: merge_list(&base.clauses, &ours.clauses, &theirs.clauses, report),
        issues: merge_list(&base.issues, &ours.issues, &theirs.issues, report),
        parties: merge_list(&base.parties, &ours.parties, &theirs.parties, report),
        climate: merge_climate(&base.climate, &ours.climate, &theirs.climate, report),
        objectives: merge_list(
            &base.objectives,
            &ours.objectives,
            &theirs.objectives,
            report,
        ),
        roles: merge_list(&base.roles, &ours.roles, &theirs.roles, report),
    }
}

/// The climate decision: field by field when both sides have one; set on one side and removed
/// on the other after an edit is a conflict on the whole decision, which keeps ours.
fn merge_climate<T: Clone + PartialEq + serde::Serialize + serde::de::DeserializeOwned>(
    base: &Option<T>,
    ours: &Option<T>,
    theirs: &Option<T>,
    report: &mut MergeReport,
) -> Option<T> {
    if ours == theirs || base == theirs {
        return ours.clone();
    }
    if base == ours {
        return theirs.clone();
    }
    if let (Some(o), Some(t)) = (ours, theirs) {
        return Some(merge_record(CLIMATE, CLIMATE, base.as_ref(), o, t, report));
    }
    let word = |side: &Option<T>| if side.is_some() { "set" } else { "removed" };
    report.conflicts.push(Conflict {
        kind: CLIMATE.to_string(),
        record: CLIMATE.to_string(),
        field: "(record)".to_string(),
        base: if base.is_some() { "set" } else { "(absent)" }.to_string(),
        ours: word(ours).to_string(),
        theirs: word(theirs).to_string(),
    });
    ours.clone()
}

/// A fresh top-level id `PREFIX` + number above every id in `taken`.
fn fresh(prefix: &str, taken: &BTreeSet<String>) -> String {
    next_id(prefix, taken.iter().map(String::as_str))
}

/// A fresh child id under the same parent as `id` (`O-001.3` → `O-001.N`).
fn fresh_child(id: &str, taken: &BTreeSet<String>) -> String {
    let parent = id.rsplit_once('.').map_or(id, |(parent, _)| parent);
    next_child_id(parent, taken.iter().map(String::as_str))
}

/// The ids that hang under `from` (`from.N`) moved under `to`.
fn move_children<'a>(ids: impl Iterator<Item = &'a mut String>, from: &str, to: &str) {
    let prefix = format!("{from}.");
    for id in ids {
        if let Some(rest) = id.strip_prefix(&prefix) {
            *id = format!("{to}.{rest}");
        }
    }
}

/// A record with one of its lists taken out.
fn split<P: Clone, C>(record: &P, children: fn(&mut P) -> &mut Vec<C>) -> (P, Vec<C>) {
    let mut bare = record.clone();
    let list = std::mem::take(children(&mut bare));
    (bare, list)
}

/// Merges a record field by field apart from its list `children`, which merges item by item.
fn merge_with_children<P: Record, C: Record>(
    base: Option<&P>,
    ours: &P,
    theirs: &P,
    report: &mut MergeReport,
    children: fn(&mut P) -> &mut Vec<C>,
) -> P {
    let base = base.map(|b| split(b, children));
    let (ours_bare, ours_children) = split(ours, children);
    let (theirs_bare, theirs_children) = split(theirs, children);
    let base_children = base.as_ref().map_or(&[][..], |(_, c)| c.as_slice());
    let mut merged = merge_record(
        P::KIND,
        ours.id(),
        base.as_ref().map(|(b, _)| b),
        &ours_bare,
        &theirs_bare,
        report,
    );
    *children(&mut merged) = merge_list(base_children, &ours_children, &theirs_children, report);
    merged
}

/// Upper-case and trimmed, as the registers match ids.
fn key_of(id: &str) -> String {
    id.trim().to_ascii_uppercase()
}

/// A record numbered `PREFIX-NNN` with no lists of its own.
macro_rules! numbered {
    ($type:ty, $kind:literal, $prefix:literal) => {
        impl Record for $type {
            const KIND: &'static str = $kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn key(&self) -> String {
                key_of(&self.id)
            }
            fn renumbered(&self, taken: &BTreeSet<String>) -> Option<Self> {
                let mut item = self.clone();
                item.id = fresh($prefix, taken);
                Some(item)
            }
        }
    };
}

/// A record numbered `PARENT.N` inside another record's list.
macro_rules! child {
    ($type:ty, $kind:literal) => {
        impl Record for $type {
            const KIND: &'static str = $kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn key(&self) -> String {
                key_of(&self.id)
            }
            fn renumbered(&self, taken: &BTreeSet<String>) -> Option<Self> {
                let mut item = self.clone();
                item.id = fresh_child(&self.id, taken);
                Some(item)
            }
        }
    };
}

/// A record numbered `PREFIX-NNN` holding a list of children numbered under it.
macro_rules! parent {
    ($type:ty, $kind:literal, $prefix:literal, $children:ident) => {
        impl Record for $type {
            const KIND: &'static str = $kind;
            fn id(&self) -> &str {
                &self.id
            }
            fn key(&self) -> String {
                key_of(&self.id)
            }
            fn renumbered(&self, taken: &BTreeSet<String>) -> Option<Self> {
                let mut item = self.clone();
                item.id = fresh($prefix, taken);
                let ids = item.$children.iter_mut().map(|c| &mut c.id);
                move_children(ids, &self.id, &item.id);
                Some(item)
            }
            fn merge(
                base: Option<&Self>,
                ours: &Self,
                theirs: &Self,
                report: &mut MergeReport,
            ) -> Self {
                merge_with_children(base, ours, theirs, report, |r| &mut r.$children)
            }
        }
    };
}

numbered!(ContextIssue, "issue", "I-");
numbered!(Role, "role", "RL-");
numbered!(Evidence, "evidence", "E-");
numbered!(FindingRecord, "finding", "F-");
child!(PartyRequirement, "requirement");
child!(Measurement, "measurement");
child!(TestedItem, "tested_item");
child!(ReviewAction, "review_action");
parent!(InterestedParty, "party", "P-", requirements);
parent!(Objective, "objective", "O-", measurements);
parent!(Audit, "audit", "A-", items);

/// Sub-clauses are keyed by the standard's clause ids, which are never renumbered.
impl Record for ClauseEntry {
    const KIND: &'static str = "clause";
    fn id(&self) -> &str {
        &self.clause
    }
    fn key(&self) -> String {
        self.clause.trim().to_string()
    }
}

/// A review's inputs are keyed by topic (one per topic); conflicts name them `MR-001.topic`.
impl Record for ReviewInput {
    const KIND: &'static str = "review_input";
    fn id(&self) -> &str {
        self.topic.name()
    }
}

/// A review holds two lists: its inputs (by topic) and its actions (`MR-001.N`).
impl Record for ManagementReview {
    const KIND: &'static str = "review";
    fn id(&self) -> &str {
        &self.id
    }
    fn key(&self) -> String {
        key_of(&self.id)
    }
    fn renumbered(&self, taken: &BTreeSet<String>) -> Option<Self> {
        let mut item = self.clone();
        item.id = fresh("MR-", taken);
        let ids = item.actions.iter_mut().map(|a| &mut a.id);
        move_children(ids, &self.id, &item.id);
        Some(item)
    }
    fn merge(base: Option<&Self>, ours: &Self, theirs: &Self, report: &mut MergeReport) -> Self {
        let inputs: fn(&mut ManagementReview) -> &mut Vec<ReviewInput> = |r| &mut r.inputs;
        let base = base.map(|b| split(b, inputs));
        let (ours_bare, ours_inputs) = split(ours, inputs);
        let (theirs_bare, theirs_inputs) = split(theirs, inputs);
        let base_inputs = base.as_ref().map_or(&[][..], |(_, i)| i.as_slice());
        let mut merged = merge_with_children(
            base.as_ref().map(|(b, _)| b),
            &ours_bare,
            &theirs_bare,
            report,
            |r| &mut r.actions,
        );
        let mut inputs_report = MergeReport::default();
        merged.inputs = merge_list(
            base_inputs,
            &ours_inputs,
            &theirs_inputs,
            &mut inputs_report,
        );
        for mut conflict in inputs_report.conflicts {
            conflict.record = format!("{}.{}", ours.id, conflict.record);
            report.conflicts.push(conflict);
        }
        merged
    }
}
