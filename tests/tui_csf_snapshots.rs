//! Snapshots of NIST CSF 2.0 in the workbench on the demo workspace: the dashboard's CSF view
//! (function bars, an open function, a subcategory's controls) at 80×24 and 120×40, and the
//! catalogue listing a `csf:NODE` search.

mod common;

use common::workbench::screen;

#[test]
fn csf_view_80x24() {
    insta::assert_snapshot!(screen(80, 24, "4 v"));
}

#[test]
fn csf_view_120x40() {
    insta::assert_snapshot!(screen(120, 40, "4 v j j"));
}

#[test]
fn csf_view_function_open_80x24() {
    insta::assert_snapshot!(screen(80, 24, "4 v j j <Enter> j j j j j"));
}

#[test]
fn csf_view_function_open_120x40() {
    insta::assert_snapshot!(screen(120, 40, "4 v s j j j <Enter>"));
}

#[test]
fn csf_view_subcategory_controls_80x24() {
    insta::assert_snapshot!(screen(80, 24, "4 v j j <Enter> j j j j j <Enter>"));
}

#[test]
fn catalogue_csf_search_80x24() {
    insta::assert_snapshot!(screen(80, 24, "/ csf:PR.AA-05 <Enter>"));
}
