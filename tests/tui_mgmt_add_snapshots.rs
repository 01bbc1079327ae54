//! Snapshots of what the ISMS and Audit panes gained for adding and reviewing records: the
//! audit programme's coverage grid (clauses and Annex A themes by cycle year), the form for new
//! evidence with its fields typed, and the evidence register filtered with `/`, at 80×24 and
//! 120×40 in the default theme, on the demo workspace (the session's day is 2 March 2026).

mod common;

use common::workbench::screen;

/// The coverage grid, on clause 7 (audited in 2025, planned in 2026).
const COVERAGE: &str = "6 V j j j";
/// A new evidence item with its title, kind, location and what it supports typed.
const NEW_EVIDENCE: &str =
    "5 V n Backup <Space> policy <Tab> <Tab> docs/backup.md <Tab> 8.13 <Space> clause:7.5.3";
/// The evidence register filtered to the records.
const EVIDENCE_FILTERED: &str = "5 V / record <Enter>";

#[test]
fn audit_coverage_80x24() {
    insta::assert_snapshot!(screen(80, 24, COVERAGE));
}

#[test]
fn audit_coverage_120x40() {
    insta::assert_snapshot!(screen(120, 40, COVERAGE));
}

#[test]
fn evidence_form_80x24() {
    insta::assert_snapshot!(screen(80, 24, NEW_EVIDENCE));
}

#[test]
fn evidence_form_120x40() {
    insta::assert_snapshot!(screen(120, 40, NEW_EVIDENCE));
}

#[test]
fn evidence_filtered_80x24() {
    insta::assert_snapshot!(screen(80, 24, EVIDENCE_FILTERED));
}

/// The evidence picker over the SoA form's evidence field.
const EVIDENCE_PICKER: &str = "2 e <Tab> <Tab> <Tab> <Tab> <C-g>";

#[test]
fn evidence_picker_80x24() {
    insta::assert_snapshot!(screen(80, 24, EVIDENCE_PICKER));
}
