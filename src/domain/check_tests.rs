//! One workspace that breaks every rule once, and a clean one that breaks none.

use super::*;
use crate::domain::risk::Acceptance;
use crate::domain::workspace::Settings;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn decided(catalogue: &Catalogue) -> Workspace {
    let mut workspace = Workspace::new(Settings::default(), catalogue);
    for entry in &mut workspace.soa.entries {
        entry.applicability = Applicability::Applicable;
        entry.reasons = vec![Reason::Business];
    }
    workspace
}

fn codes(findings: &[Finding]) -> Vec<(&str, &str)> {
    findings
        .iter()
        .map(|f| (f.code, f.subject.as_str()))
        .collect()
}

#[test]
fn a_decided_workspace_is_clean() {
    let catalogue = Catalogue::builtin();
    assert!(check(&decided(&catalogue), &catalogue, day(10)).is_empty());
}

#[test]
fn each_rule_has_its_finding() {
    let catalogue = Catalogue::builtin();
    let mut ws = decided(&catalogue);
    ws.soa.entry_mut("5.1").unwrap().applicability = Applicability::Undecided;
    let excluded = ws.soa.entry_mut("5.2").unwrap();
    excluded.applicability = Applicability::Excluded;
    ws.soa.entry_mut("5.3").unwrap().reasons.clear();
    ws.soa.entry_mut("5.4").unwrap().reasons = vec![Reason::RiskTreatment];

    let mut untreated = Risk::new("R-001", "Ransomware", 4, 5, day(1));
    untreated.next_review = Some(day(9));
    let mut by_excluded = Risk::new("R-002", "Lost laptop", 1, 1, day(1));
    by_excluded.controls = vec!["5.2".into()];
    let mut unaccepted = Risk::new("R-003", "Flood", 1, 2, day(1));
    unaccepted.status = RiskStatus::Accepted;
    let mut expired = Risk::new("R-004", "Fraud", 1, 2, day(1));
    expired.status = RiskStatus::Accepted;
    expired.acceptance = Some(Acceptance {
        by: "CEO".into(),
        on: day(1),
        until: Some(day(5)),
    });
    let mut worse = Risk::new("R-005", "Leak", 1, 2, day(1));
    worse.residual_likelihood = Some(3);
    worse.residual_impact = Some(3);
    let mut unknown = Risk::new("R-006", "Odd", 1, 1, day(1));
    unknown.controls = vec!["9.9".into()];
    let duplicate = Risk::new("r-006", "Twin", 1, 1, day(1));
    let mut undecided = Risk::new("R-007", "Storm", 1, 1, day(1));
    undecided.treatment = Treatment::Undecided;
    let mut closed_undecided = Risk::new("R-008", "Old", 1, 1, day(1));
    closed_undecided.treatment = Treatment::Undecided;
    closed_undecided.status = RiskStatus::Closed;
    ws.risks.risks = vec![
        untreated,
        by_excluded,
        unaccepted,
        expired,
        worse,
        unknown,
        duplicate,
        undecided,
        closed_undecided,
    ];

    let findings = check(&ws, &catalogue, day(10));
    assert_eq!(
        codes(&findings),
        [
            ("undecided", "5.1"),
            ("excluded_without_justification", "5.2"),
            ("applicable_without_reason", "5.3"),
            ("applicable_without_reason", "5.4"),
            ("risk_treatment_without_risk", "5.4"),
            ("untreated_risk", "R-001"),
            ("review_overdue", "R-001"),
            ("treated_by_excluded_control", "R-002"),
            ("acceptance_incomplete", "R-003"),
            ("acceptance_expired", "R-004"),
            ("residual_above_inherent", "R-005"),
            ("unknown_control", "R-006"),
            ("duplicate_risk_id", "r-006"),
            ("undecided_treatment", "R-007"),
        ]
    );
    assert_eq!(findings[6].severity, Severity::Warning);
    assert_eq!(
        findings[5].message,
        "Risk R-001 scores 20, above the acceptance threshold of 6, and is to be modified, but names no treating control."
    );
}

#[test]
fn a_linked_risk_is_a_reason_for_inclusion() {
    let catalogue = Catalogue::builtin();
    let mut ws = decided(&catalogue);
    ws.soa.entry_mut("8.13").unwrap().reasons.clear();
    let mut risk = Risk::new("R-001", "Ransomware", 4, 5, day(1));
    risk.controls = vec!["8.13".into()];
    ws.risks.risks.push(risk);
    assert!(check(&ws, &catalogue, day(10)).is_empty());
}
