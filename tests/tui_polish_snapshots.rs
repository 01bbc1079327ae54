//! Snapshots of issue #14's finishing touches: the help at 80×24 (over the SoA pane, over the
//! control screen, scrolled to the filter syntax), the Risks table and the audit findings at
//! 60×20 (whole ids), and the findings filtered by severity and code.

mod common;

use common::workbench::screen;

#[test]
fn help_over_the_soa_80x24() {
    insta::assert_snapshot!(screen(80, 24, "2 ?"));
}

#[test]
fn help_over_the_control_screen_80x24() {
    insta::assert_snapshot!(screen(80, 24, "2 <Enter> ?"));
}

#[test]
fn help_scrolled_to_the_filters_80x24() {
    insta::assert_snapshot!(screen(80, 24, "3 ? <PgDn> j j j j j j j"));
}

#[test]
fn risks_60x20() {
    insta::assert_snapshot!(screen(60, 20, "3"));
}

#[test]
fn audit_findings_60x20() {
    insta::assert_snapshot!(screen(60, 20, "6 v"));
}

#[test]
fn findings_filtered_80x24() {
    insta::assert_snapshot!(screen(80, 24, "4 s c j <Enter>"));
}

/// On a short screen the findings take the heat maps' place while they have the focus.
#[test]
fn dashboard_findings_60x20() {
    let shown = common::workbench::screen(60, 20, "4 f f");
    assert!(shown.contains("undecided"), "{shown}");
    insta::assert_snapshot!(shown);
}
