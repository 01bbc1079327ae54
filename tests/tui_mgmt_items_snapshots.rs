//! A snapshot of the form for a new tested item of an audit, with the population and the sample
//! typed (the fields an auditor's work is checked by), at 80×24 in the default theme on the demo
//! workspace.

mod common;

use common::workbench::screen;

/// `t` on audit A-001, then a reference, what was tested, the population, the sample and a
/// minor nonconformity.
const NEW_ITEM: &str = "6 t 8.15 <Tab> Logs <Space> are <Space> kept <Space> a <Space> year. <Tab> 140 <Space> servers <Tab> 12 <Space> picked <Space> at <Space> random <Tab> 2";

#[test]
fn tested_item_form_80x24() {
    insta::assert_snapshot!(screen(80, 24, NEW_ITEM));
}
