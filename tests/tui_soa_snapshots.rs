//! Snapshots of the SoA pane (filtered, with a decision made in place) and of the SoA entry form,
//! at 80×24 and 120×40 in the default theme. The buffer's debug form keeps the styles. No dates
//! or paths appear: the form is opened on an entry and the reviewed date is typed.

mod common;

use common::workbench::screen;

/// The SoA filtered to applicable controls, the third one's status moved on.
const PANE_KEYS: &str = "2 / applicable <Enter> j j s";
/// The form on 8.13 with a second line in the justification, then the business reason focused.
const FORM_KEYS: &str = "2 / 8.13 <Enter> e <Enter> Restores <Space> tested. <S-Tab>";

#[test]
fn soa_pane_80x24() {
    insta::assert_snapshot!(screen(80, 24, PANE_KEYS));
}

#[test]
fn soa_pane_120x40() {
    insta::assert_snapshot!(screen(120, 40, PANE_KEYS));
}

#[test]
fn soa_form_80x24() {
    insta::assert_snapshot!(screen(80, 24, FORM_KEYS));
}

#[test]
fn soa_form_120x40() {
    insta::assert_snapshot!(screen(120, 40, FORM_KEYS));
}

#[test]
fn discard_dialog_over_the_form_80x24() {
    insta::assert_snapshot!(screen(80, 24, &format!("{FORM_KEYS} <Esc>")));
}
