//! The management system's files through the merge engine: disjoint edits of one record merge,
//! items added on both sides under one id keep both (theirs renumbered, children moved with it),
//! the same field changed differently is a conflict naming list, record and field, and taking
//! theirs puts their value in place.

use std::sync::OnceLock;

use super::catalogue::Catalogue;
use super::merge::{Conflict, Renumbered, merge};
use super::merge_resolve::take_theirs;
use super::mgmt::findings::FindingRecord;
use super::mgmt::reviews::ReviewTopic;
use super::mgmt::system::{ClauseStatus, Measurement};
use super::sample::demo_workspace;
use super::workspace::Workspace;

fn base() -> Workspace {
    static BASE: OnceLock<Workspace> = OnceLock::new();
    BASE.get_or_init(|| demo_workspace(&Catalogue::builtin()))
        .clone()
}

fn finding<'a>(workspace: &'a mut Workspace, id: &str) -> &'a mut FindingRecord {
    let items = &mut workspace.mgmt.findings.items;
    items.iter_mut().find(|f| f.id == id).unwrap()
}

/// A copy of the last finding under a new id, with its own statement.
fn new_finding(workspace: &Workspace, id: &str, statement: &str) -> FindingRecord {
    let mut item = workspace.mgmt.findings.items.last().unwrap().clone();
    item.id = id.to_string();
    item.statement = statement.to_string();
    item
}

fn measurement(id: &str, value: &str) -> Measurement {
    Measurement {
        id: id.to_string(),
        on: chrono::NaiveDate::from_ymd_opt(2026, 1, 31).unwrap(),
        value: value.to_string(),
        note: String::new(),
    }
}

#[test]
fn disjoint_edits_of_one_finding_and_one_sub_clause_merge() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    finding(&mut ours, "F-002").root_cause = "No owner for the restore test".into();
    finding(&mut theirs, "F-002").owner = "Head of Platform".into();
    ours.mgmt.system.clause_mut("9.1").unwrap().status = ClauseStatus::Met;
    theirs.mgmt.system.clause_mut("9.1").unwrap().owner = "COO".into();
    let result = merge(&base, &ours, &theirs);
    assert!(result.is_clean(), "{:?}", result.conflicts);
    let merged = result.merged.mgmt.findings.get("F-002").unwrap();
    assert_eq!(merged.root_cause, "No owner for the restore test");
    assert_eq!(merged.owner, "Head of Platform");
    let clause = result.merged.mgmt.system.clause("9.1").unwrap();
    assert_eq!(
        (clause.status, clause.owner.as_str()),
        (ClauseStatus::Met, "COO")
    );
}

#[test]
fn findings_and_evidence_added_on_both_sides_keep_both_and_renumber_theirs() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let next = format!("F-{:03}", base.mgmt.findings.items.len() + 1);
    let ours_finding = new_finding(&base, &next, "Ours");
    let theirs_finding = new_finding(&base, &next, "Theirs");
    ours.mgmt.findings.items.push(ours_finding.clone());
    theirs.mgmt.findings.items.push(theirs_finding);
    let mut evidence = base.mgmt.evidence.items[0].clone();
    evidence.id = "E-100".into();
    ours.mgmt.evidence.items.push(evidence.clone());
    evidence.title = "Another document".into();
    theirs.mgmt.evidence.items.push(evidence);
    let result = merge(&base, &ours, &theirs);
    assert!(result.is_clean(), "{:?}", result.conflicts);
    let renumbered_to = format!("F-{:03}", base.mgmt.findings.items.len() + 2);
    assert_eq!(
        result.renumbered,
        [
            Renumbered {
                kind: "evidence".into(),
                from: "E-100".into(),
                to: "E-101".into()
            },
            Renumbered {
                kind: "finding".into(),
                from: next.clone(),
                to: renumbered_to.clone()
            },
        ]
    );
    let findings = &result.merged.mgmt.findings;
    assert_eq!(findings.get(&next), Some(&ours_finding));
    assert_eq!(findings.get(&renumbered_to).unwrap().statement, "Theirs");
    assert_eq!(
        result.merged.mgmt.evidence.get("E-101").unwrap().title,
        "Another document"
    );
}

#[test]
fn the_same_field_changed_differently_is_a_conflict_naming_list_record_and_field() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    finding(&mut ours, "F-001").owner = "Ours".into();
    finding(&mut theirs, "F-001").owner = "Theirs".into();
    let before = base.mgmt.findings.get("F-001").unwrap().owner.clone();
    let mut result = merge(&base, &ours, &theirs);
    assert_eq!(
        result.conflicts,
        [Conflict {
            kind: "finding".into(),
            record: "F-001".into(),
            field: "owner".into(),
            base: before,
            ours: "Ours".into(),
            theirs: "Theirs".into(),
        }]
    );
    assert_eq!(
        result.merged.mgmt.findings.get("F-001").unwrap().owner,
        "Ours"
    );
    take_theirs(&mut result.merged, &theirs, &result.conflicts[0].clone());
    assert_eq!(
        result.merged.mgmt.findings.get("F-001").unwrap().owner,
        "Theirs"
    );
}

/// The discussion of `topic` in the first review.
fn input(workspace: &mut Workspace, topic: ReviewTopic) -> &mut String {
    let inputs = &mut workspace.mgmt.audits.reviews[0].inputs;
    let at = inputs.iter().position(|i| i.topic == topic).unwrap();
    &mut inputs[at].discussion
}

#[test]
fn items_inside_a_record_merge_one_by_one() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let objective = &base.mgmt.system.objectives[0];
    let id = objective.id.clone();
    let next = format!("{id}.{}", objective.measurements.len() + 1);
    // Both add a measurement under the same id; both edit the first one's value.
    ours.mgmt.system.objectives[0]
        .measurements
        .push(measurement(&next, "90 %"));
    theirs.mgmt.system.objectives[0]
        .measurements
        .push(measurement(&next, "91 %"));
    ours.mgmt.system.objectives[0].measurements[0].value = "70 %".into();
    theirs.mgmt.system.objectives[0].measurements[0].value = "72 %".into();
    theirs.mgmt.system.objectives[0].owner = "COO".into();
    // Each side writes a different review topic; both write the same one differently.
    let topic = base.mgmt.audits.reviews[0].inputs[0].topic;
    let other = base.mgmt.audits.reviews[0].inputs[1].topic;
    *input(&mut ours, topic) = "Ours".into();
    *input(&mut theirs, topic) = "Theirs".into();
    *input(&mut theirs, other) = "Only theirs".into();
    let mut result = merge(&base, &ours, &theirs);
    let first = &base.mgmt.system.objectives[0].measurements[0].id;
    let review_id = &base.mgmt.audits.reviews[0].id;
    let said: Vec<(&str, &str, &str)> = result
        .conflicts
        .iter()
        .map(|c| (c.kind.as_str(), c.record.as_str(), c.field.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            ("measurement", first.as_str(), "value"),
            (
                "review_input",
                format!("{review_id}.{}", topic.name()).as_str(),
                "discussion"
            ),
        ]
    );
    let merged = &result.merged.mgmt.system.objectives[0];
    assert_eq!(merged.owner, "COO");
    let values: Vec<&str> = merged
        .measurements
        .iter()
        .map(|m| m.value.as_str())
        .collect();
    assert_eq!(
        values.last().copied(),
        Some("91 %"),
        "theirs renumbered, last"
    );
    assert_eq!(
        merged.measurements.len(),
        base.mgmt.system.objectives[0].measurements.len() + 2
    );
    assert_eq!(
        result.renumbered[0].to,
        format!(
            "{id}.{}",
            base.mgmt.system.objectives[0].measurements.len() + 2
        )
    );
    for conflict in result.conflicts.clone() {
        take_theirs(&mut result.merged, &theirs, &conflict);
    }
    assert_eq!(
        result.merged.mgmt.system.objectives[0].measurements[0].value,
        "72 %"
    );
    assert_eq!(*input(&mut result.merged, topic), "Theirs");
    assert_eq!(*input(&mut result.merged, other), "Only theirs");
}

#[test]
fn an_objective_added_on_both_sides_moves_its_measurements_with_its_new_id() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let mut added = base.mgmt.system.objectives[0].clone();
    added.id = "O-050".into();
    added.measurements = vec![measurement("O-050.1", "1")];
    ours.mgmt.system.objectives.push(added.clone());
    added.title = "Theirs".into();
    theirs.mgmt.system.objectives.push(added);
    let result = merge(&base, &ours, &theirs);
    assert!(result.is_clean(), "{:?}", result.conflicts);
    let moved = result.merged.mgmt.system.objective("O-051").unwrap();
    assert_eq!(moved.title, "Theirs");
    assert_eq!(moved.measurements[0].id, "O-051.1");
}

#[test]
fn a_climate_decision_removed_on_one_side_and_edited_on_the_other_keeps_ours() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    assert!(base.mgmt.system.climate.is_some(), "the demo decided");
    ours.mgmt.system.climate = None;
    theirs.mgmt.system.climate.as_mut().unwrap().reasoning = "Floods".into();
    let mut result = merge(&base, &ours, &theirs);
    assert_eq!(result.conflicts.len(), 1, "{:?}", result.conflicts);
    assert_eq!(result.conflicts[0].field, "(record)");
    assert_eq!(result.merged.mgmt.system.climate, None);
    take_theirs(&mut result.merged, &theirs, &result.conflicts[0].clone());
    assert_eq!(
        result.merged.mgmt.system.climate,
        theirs.mgmt.system.climate
    );
}

#[test]
fn every_list_of_the_management_system_belongs_to_exactly_one_file() {
    use super::merge_mgmt::{CLIMATE, PROGRAMME};
    use super::merge_record::Record;
    use super::mgmt::audits::{Audit, TestedItem};
    use super::mgmt::evidence::Evidence;
    use super::mgmt::reviews::{ManagementReview, ReviewAction, ReviewInput};
    use super::mgmt::system::{
        ClauseEntry, ContextIssue, InterestedParty, Objective, PartyRequirement, Role,
    };
    use super::workspace_part::{PART_FILES, kinds_in};
    let kinds = [
        ClauseEntry::KIND,
        ContextIssue::KIND,
        InterestedParty::KIND,
        PartyRequirement::KIND,
        CLIMATE,
        Objective::KIND,
        Measurement::KIND,
        Role::KIND,
        Evidence::KIND,
        PROGRAMME,
        Audit::KIND,
        TestedItem::KIND,
        ManagementReview::KIND,
        ReviewInput::KIND,
        ReviewAction::KIND,
        FindingRecord::KIND,
    ];
    for kind in kinds {
        let files: Vec<&str> = PART_FILES
            .into_iter()
            .filter(|file| kinds_in(file).contains(&kind))
            .collect();
        assert_eq!(files.len(), 1, "{kind}: {files:?}");
    }
    let listed: usize = PART_FILES.iter().map(|f| kinds_in(f).len()).sum();
    assert_eq!(
        listed,
        kinds.len() + 3,
        "soa, risk and workspace besides these"
    );
}
