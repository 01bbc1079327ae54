//! One test per management-system check, each starting from the demo company (whose own
//! findings are listed first) and breaking one rule.

use std::collections::BTreeMap;

use super::*;
use crate::domain::catalogue::Catalogue;
use crate::domain::mgmt::findings::FindingStatus;
use crate::domain::mgmt::reviews::{ActionStatus, ManagementReview};
use crate::domain::mgmt::system::ClauseStatus;
use crate::domain::sample::demo_workspace;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The day the demo is checked on: a week after its management review.
fn today() -> NaiveDate {
    day(2025, 11, 27)
}

fn demo() -> (Workspace, Catalogue) {
    let catalogue = Catalogue::builtin();
    (demo_workspace(&catalogue), catalogue)
}

fn codes(ws: &Workspace, catalogue: &Catalogue, on: NaiveDate) -> Vec<(String, String)> {
    check(ws, catalogue, on)
        .into_iter()
        .map(|f| (f.code.to_string(), f.subject))
        .collect()
}

fn has(ws: &Workspace, catalogue: &Catalogue, code: &str, subject: &str) -> bool {
    codes(ws, catalogue, today()).contains(&(code.to_string(), subject.to_string()))
}

#[test]
fn the_demo_has_only_the_findings_it_means_to_show() {
    let (ws, catalogue) = demo();
    let found = codes(&ws, &catalogue, today());
    let kinds: std::collections::BTreeSet<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["never_audited", "nonconformity_incomplete"],
        "{found:?}"
    );
    assert!(found.contains(&("nonconformity_incomplete".into(), "F-003".into())));
}

#[test]
fn not_started_clauses_are_listed() {
    let (mut ws, catalogue) = demo();
    ws.mgmt.system.clause_mut("6.3").unwrap().status = ClauseStatus::NotStarted;
    assert!(has(&ws, &catalogue, "clause_not_started", "6.3"));
}

#[test]
fn documented_information_needs_current_evidence_of_the_right_kind() {
    let (mut ws, catalogue) = demo();
    ws.mgmt.system.clause_mut("9.2.2").unwrap().evidence = vec!["E-002".into()];
    assert!(has(&ws, &catalogue, "clause_without_evidence", "9.2.2"));
    let (mut ws, catalogue) = demo();
    ws.mgmt.evidence.items[9].review_by = Some(day(2025, 10, 1));
    assert!(has(&ws, &catalogue, "clause_without_evidence", "9.2.2"));
    assert!(has(&ws, &catalogue, "evidence_out_of_date", "E-010"));
}

#[test]
fn the_climate_decision_is_required() {
    let (mut ws, catalogue) = demo();
    ws.mgmt.system.climate = None;
    assert!(has(&ws, &catalogue, "no_climate_decision", "4.1"));
}

#[test]
fn objectives_need_a_target_and_a_recent_measurement() {
    let (mut ws, catalogue) = demo();
    ws.mgmt.system.objectives[0].target.clear();
    ws.mgmt.system.objectives[1].measurements.pop();
    ws.mgmt.system.objectives[1].measurements.pop();
    assert!(has(&ws, &catalogue, "objective_without_target", "O-001"));
    assert!(has(&ws, &catalogue, "objective_not_measured", "O-002"));
}

#[test]
fn roles_need_a_holder() {
    let (mut ws, catalogue) = demo();
    ws.mgmt.system.roles[1].holder.clear();
    assert!(has(&ws, &catalogue, "role_without_holder", "RL-002"));
}

#[test]
fn an_internal_audit_is_due_every_twelve_months() {
    let (ws, catalogue) = demo();
    let later = codes(&ws, &catalogue, day(2026, 12, 1));
    assert!(later.contains(&("no_internal_audit".into(), "9.2".into())));
    assert!(later.contains(&("no_management_review".into(), "9.3".into())));
}

#[test]
fn the_cycle_covers_every_clause_and_applicable_control() {
    let (ws, catalogue) = demo();
    assert!(has(&ws, &catalogue, "never_audited", "4.1"));
    assert!(has(&ws, &catalogue, "never_audited", "5.15"));
    assert!(!has(&ws, &catalogue, "never_audited", "9.1"));
    assert!(!has(&ws, &catalogue, "never_audited", "8.13"));
}

#[test]
fn tested_items_record_population_and_sample() {
    let (mut ws, catalogue) = demo();
    ws.mgmt.audits.audits[0].items[3].sample.clear();
    assert!(has(&ws, &catalogue, "item_without_sample", "A-001.4"));
}

#[test]
fn auditors_do_not_audit_what_they_own() {
    let (mut ws, catalogue) = demo();
    ws.mgmt.system.clause_mut("9.1").unwrap().owner = "J. Whitfield".into();
    ws.mgmt.audits.audits[0].independence.clear();
    assert!(has(&ws, &catalogue, "auditor_owns_subject", "A-001.1"));
    assert!(has(&ws, &catalogue, "independence_not_stated", "A-001"));
}

#[test]
fn reviews_cover_every_input_and_follow_up_open_actions() {
    let (mut ws, catalogue) = demo();
    let mut next: ManagementReview = ws.mgmt.audits.reviews[0].clone();
    next.id = "MR-002".into();
    next.date = day(2025, 11, 26);
    next.inputs.remove(0);
    next.actions.clear();
    ws.mgmt.audits.reviews.push(next);
    assert!(has(&ws, &catalogue, "review_input_missing", "MR-002"));
    assert!(has(&ws, &catalogue, "action_not_followed_up", "MR-001.1"));
    ws.mgmt.audits.reviews[0].actions[0].status = ActionStatus::Done;
    assert!(!has(&ws, &catalogue, "action_not_followed_up", "MR-001.1"));
}

#[test]
fn nonconformities_are_complete_on_time_and_checked_by_someone_else() {
    let (mut ws, catalogue) = demo();
    assert!(has(&ws, &catalogue, "nonconformity_incomplete", "F-003"));
    let found = check(&ws, &catalogue, today());
    let message = &found.iter().find(|f| f.subject == "F-003").unwrap().message;
    assert_eq!(
        message,
        "Nonconformity F-003 has no root cause, no corrective action."
    );
    let late = codes(&ws, &catalogue, day(2025, 12, 20));
    assert!(late.contains(&("finding_overdue".into(), "F-002".into())));
    ws.mgmt.findings.items[1].status = FindingStatus::Closed;
    assert!(has(&ws, &catalogue, "closed_without_check", "F-002"));
    ws.mgmt.findings.items[0].effectiveness.as_mut().unwrap().by = "head of people".into();
    assert!(has(&ws, &catalogue, "checked_by_owner", "F-001"));
}

#[test]
fn references_are_checked_both_ways() {
    let (mut ws, catalogue) = demo();
    ws.mgmt.findings.items[2].refs.push("risk:R-099".into());
    ws.mgmt.findings.items[0].source.id = "A-009".into();
    ws.soa
        .entry_mut("8.13")
        .unwrap()
        .evidence
        .push("E-404".into());
    ws.mgmt
        .system
        .clause_mut("4.3")
        .unwrap()
        .evidence
        .push("E-002".into());
    ws.mgmt.evidence.items[0].supports.push("clause:4.4".into());
    assert!(has(&ws, &catalogue, "unknown_reference", "F-003"));
    assert!(has(&ws, &catalogue, "unknown_reference", "F-001"));
    assert!(has(&ws, &catalogue, "unknown_reference", "8.13"));
    assert!(has(&ws, &catalogue, "one_way_link", "4.3"));
    assert!(has(&ws, &catalogue, "one_way_link", "E-001"));
}

#[test]
fn evidence_files_that_changed_or_vanished_are_found() {
    let (mut ws, _) = demo();
    ws.mgmt.evidence.items[5].sha256 = Some("a".repeat(64));
    ws.mgmt.evidence.items[6].sha256 = Some("b".repeat(64));
    ws.mgmt.evidence.items[7].sha256 = Some("c".repeat(64));
    let observed = BTreeMap::from([
        ("E-006".to_string(), FileState::Sha256("f".repeat(64))),
        ("E-007".to_string(), FileState::Missing),
        ("E-008".to_string(), FileState::Sha256("C".repeat(64))),
    ]);
    let found: Vec<(&str, String)> = check_evidence_files(&ws.mgmt.evidence, &observed)
        .into_iter()
        .map(|f| (f.code, f.subject))
        .collect();
    assert_eq!(
        found,
        [
            ("evidence_changed", "E-006".to_string()),
            ("evidence_missing", "E-007".to_string())
        ]
    );
}
