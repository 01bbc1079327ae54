//! Snapshots of the ISMS pane (the sub-clauses, one status moved on with `s`; the objectives
//! view) and of the Audit pane (audits with their tested items; the findings register; the
//! finding form), at 80×24 and 120×40 in the default theme, on the demo workspace. The session's
//! day is fixed (2 March 2026), so overdue marks do not move.

mod common;

use common::workbench::screen;

/// The clauses, the fourth sub-clause (4.4, partial) selected and its status moved on to met.
const CLAUSES: &str = "5 j j j s";
/// 4.3 without its evidence and with its next review in the past: both marked.
const CLAUSE_MARKS: &str = "5 j j <Enter> <Tab> <C-u> <Tab> <Tab> <C-u> 2026-01-01 <C-s>";
/// The objectives view with the first objective's measurements.
const OBJECTIVES: &str = "5 v v v";
/// The audits, on the first tested item.
const AUDITS: &str = "6 j";
/// The findings register, on the first finding.
const FINDINGS: &str = "6 v";
/// A new finding raised from the first tested item, with a statement typed.
const NEW_FINDING: &str = "6 j f Restore <Space> test <Space> not <Space> run.";

#[test]
fn isms_clauses_80x24() {
    insta::assert_snapshot!(screen(80, 24, CLAUSES));
}

#[test]
fn isms_clauses_120x40() {
    insta::assert_snapshot!(screen(120, 40, CLAUSES));
}

#[test]
fn isms_clause_marks_80x24() {
    insta::assert_snapshot!(screen(80, 24, CLAUSE_MARKS));
}

#[test]
fn isms_objectives_80x24() {
    insta::assert_snapshot!(screen(80, 24, OBJECTIVES));
}

#[test]
fn isms_objectives_120x40() {
    insta::assert_snapshot!(screen(120, 40, OBJECTIVES));
}

#[test]
fn audit_audits_80x24() {
    insta::assert_snapshot!(screen(80, 24, AUDITS));
}

#[test]
fn audit_audits_120x40() {
    insta::assert_snapshot!(screen(120, 40, AUDITS));
}

#[test]
fn audit_findings_80x24() {
    insta::assert_snapshot!(screen(80, 24, FINDINGS));
}

#[test]
fn audit_findings_120x40() {
    insta::assert_snapshot!(screen(120, 40, FINDINGS));
}

#[test]
fn finding_form_80x24() {
    insta::assert_snapshot!(screen(80, 24, NEW_FINDING));
}

#[test]
fn finding_form_120x40() {
    insta::assert_snapshot!(screen(120, 40, NEW_FINDING));
}

#[test]
fn audit_reviews_80x24() {
    insta::assert_snapshot!(screen(80, 24, "6 v v"));
}
