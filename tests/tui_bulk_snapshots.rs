//! Snapshots of issue #14's dialogs at 80×24 and 120×40 in the default theme: the settings
//! form, the export dialog, and the SoA with marked rows and an order. The session's fixed day
//! (2026-03-02) is the only date shown.

mod common;

use common::workbench::screen;

/// The settings form with the organisation typed.
const SETTINGS_KEYS: &str = ", <C-u> Brackenfield <Space> Ltd";
/// The export dialog from the SoA, moved to the Word document.
const EXPORT_KEYS: &str = "2 E <Down> <Down>";
/// Three rows marked, ordered by status.
const MARKED_KEYS: &str = "2 <Space> <Space> j <Space> o o o";

#[test]
fn settings_80x24() {
    insta::assert_snapshot!(screen(80, 24, SETTINGS_KEYS));
}

#[test]
fn settings_120x40() {
    insta::assert_snapshot!(screen(120, 40, SETTINGS_KEYS));
}

#[test]
fn export_dialog_80x24() {
    insta::assert_snapshot!(screen(80, 24, EXPORT_KEYS));
}

#[test]
fn export_dialog_120x40() {
    insta::assert_snapshot!(screen(120, 40, EXPORT_KEYS));
}

#[test]
fn soa_marked_and_ordered_80x24() {
    insta::assert_snapshot!(screen(80, 24, MARKED_KEYS));
}
