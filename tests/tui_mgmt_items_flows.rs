//! Key flows of the parts of the audit book and the management system edited in the one form
//! without a list of their own: `t` adds a tested item with its population and sample (saved
//! through the real store and read back with `isms audits --format json`), `e` edits an item,
//! `c` the climate-change decision, `p` the audit programme, `A` a management review's action;
//! each undone with `u`, and a read-only session refusing them.

mod common;

use common::cli::ok;
use common::workbench::demo_app;
use isms::app::layers::form::Value;
use isms::app::tabs::audit::{AuditRow, AuditView};
use isms::app::tabs::isms::IsmsView;
use isms::app::{App, Effect, LayerKind, press};
use isms::domain::mgmt::audits::ItemResult;
use isms::tui::persist::{self, Store};

fn form_title(app: &App) -> String {
    app.top_form().map(|f| f.title.clone()).unwrap_or_default()
}

fn items_of_a001(app: &App) -> Vec<isms::domain::mgmt::audits::TestedItem> {
    app.workspace
        .mgmt
        .audits
        .audit("A-001")
        .unwrap()
        .items
        .clone()
}

#[test]
fn t_adds_a_tested_item_with_population_and_sample_read_back_from_the_file_and_u_undoes_it() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let mut app = demo_app();
    let mut store = Store {
        dir: ws.clone(),
        handle: None,
        catalogue: None,
    };
    persist::save(&mut app, &mut store);
    assert!(!app.dirty, "{:?}", app.message);
    let before = items_of_a001(&app);

    press(&mut app, "6 t");
    assert_eq!(app.top(), Some(LayerKind::Form));
    assert!(form_title(&app).starts_with("New tested item of A-001"));
    let names: Vec<&str> = app
        .top_form()
        .unwrap()
        .fields
        .iter()
        .map(|f| f.spec.name)
        .collect();
    assert_eq!(
        names,
        [
            "reference",
            "tested",
            "population",
            "sample",
            "result",
            "evidence"
        ]
    );
    // What was tested is required: the form stays open on it.
    press(&mut app, "8.15 <C-s>");
    assert_eq!(app.top(), Some(LayerKind::Form));
    assert_eq!(app.top_form().unwrap().focused().spec.name, "tested");
    press(
        &mut app,
        "Logs <Space> are <Space> kept <Space> a <Space> year.",
    );
    press(
        &mut app,
        "<Tab> 140 <Space> servers <Tab> 12 <Space> servers",
    );
    press(&mut app, "<Tab> 2 <Tab> E-009");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    assert_eq!(app.top(), None, "{:?}", app.message);
    let items = items_of_a001(&app);
    assert_eq!(items.len(), before.len() + 1);
    let added = items.last().unwrap().clone();
    assert_eq!(added.id, format!("A-001.{}", before.len() + 1));
    assert_eq!(added.reference, "control:8.15");
    assert_eq!(added.result, ItemResult::MinorNc);
    assert_eq!(
        app.selected_audit_row(),
        Some(AuditRow::Item(0, before.len())),
        "the new item is selected"
    );
    press(&mut app, "u");
    assert_eq!(items_of_a001(&app), before, "u takes the item back");
    press(&mut app, "<C-r>");
    assert_eq!(items_of_a001(&app), items);
    persist::save(&mut app, &mut store);
    assert!(!app.dirty, "{:?}", app.message);
    drop(store);

    let listed: serde_json::Value =
        serde_json::from_str(&ok(&ws, &["audits", "--format", "json"])).unwrap();
    let item = listed["audits"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == added.id.as_str())
        .expect("the new item is in audits.ron");
    assert_eq!(item["population"], "140 servers");
    assert_eq!(item["sample"], "12 servers");
    assert_eq!(item["result"], "minor_nc");
    assert_eq!(item["tested"], "Logs are kept a year.");
    assert_eq!(item["evidence"][0], "E-009");
}

#[test]
fn e_on_a_tested_item_edits_its_sample_and_result_keeping_its_id() {
    let mut app = demo_app();
    press(&mut app, "6 j");
    assert_eq!(app.selected_audit_row(), Some(AuditRow::Item(0, 0)));
    let before = items_of_a001(&app);
    press(&mut app, "e");
    let form = app.top_form().unwrap();
    assert_eq!(form.title, "tested item A-001.1");
    assert_eq!(form.field("population").text(), before[0].population);
    assert_eq!(form.field("sample").text(), before[0].sample);
    // From the reference to the sample: all 9 reports instead of 4.
    press(&mut app, "<Tab> <Tab> <Tab> <C-u> all <Space> 9 <Tab> 3");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    assert_eq!(app.top(), None, "{:?}", app.message);
    let items = items_of_a001(&app);
    assert_eq!(items.len(), before.len());
    assert_eq!(items[0].id, "A-001.1");
    assert_eq!(items[0].sample, "all 9");
    assert_eq!(items[0].result, ItemResult::MajorNc);
    assert_eq!(items[0].population, before[0].population);
    assert_eq!(items[1..], before[1..]);
    press(&mut app, "u");
    assert_eq!(items_of_a001(&app), before);
}

#[test]
fn c_in_the_context_view_edits_the_climate_decision_and_u_undoes_it() {
    let mut app = demo_app();
    let before = app.workspace.mgmt.system.climate.clone().unwrap();
    press(&mut app, "5 c");
    assert_eq!(app.top(), None, "only in the context view");
    press(&mut app, "v");
    assert_eq!(app.isms_pane.view, IsmsView::Context);
    press(&mut app, "c");
    assert_eq!(
        form_title(&app),
        "Is climate change a relevant issue? (4.1, 4.2)"
    );
    let expected = usize::from(before.relevant);
    assert!(
        matches!(app.top_form().unwrap().field("relevant").value, Value::Choice { index, .. } if index == expected)
    );
    // The other answer, and a new reason.
    press(
        &mut app,
        "<Right> <Tab> <C-u> Suppliers <Space> in <Space> flood <Space> zones.",
    );
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    assert_eq!(app.top(), None, "{:?}", app.message);
    let now = app.workspace.mgmt.system.climate.clone().unwrap();
    assert_eq!(now.relevant, !before.relevant);
    assert!(
        now.reasoning.ends_with("Suppliers in flood zones."),
        "{now:?}"
    );
    assert_eq!(now.decided_on, before.decided_on);
    press(&mut app, "u");
    assert_eq!(app.workspace.mgmt.system.climate, Some(before));
}

#[test]
fn p_edits_the_audit_programme_refuses_a_cycle_of_zero_and_u_undoes_it() {
    let mut app = demo_app();
    let before = app.workspace.mgmt.audits.programme.clone();
    press(&mut app, "6 p");
    assert_eq!(app.top_form().unwrap().field("cycle_years").text(), "3");
    press(&mut app, "<BS> 0 <C-s>");
    assert_eq!(app.top(), Some(LayerKind::Form), "a cycle of 0 is refused");
    assert!(app.message.as_ref().unwrap().text.contains("1 to 10"));
    press(&mut app, "<BS> 2 <Tab> <C-u> Two-year <Space> cycle.");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    assert_eq!(app.top(), None, "{:?}", app.message);
    let now = &app.workspace.mgmt.audits.programme;
    assert_eq!(now.cycle_years, 2);
    assert!(now.note.ends_with("Two-year cycle."), "{now:?}");
    press(&mut app, "u");
    assert_eq!(app.workspace.mgmt.audits.programme, before);
}

#[test]
fn a_on_a_review_adds_an_action_and_u_undoes_it() {
    let mut app = demo_app();
    let before = app.workspace.mgmt.audits.reviews[0].actions.clone();
    press(&mut app, "6 A");
    assert_eq!(app.top(), None, "only in the reviews view");
    press(&mut app, "v v");
    assert_eq!(app.audit_pane.view, AuditView::Reviews);
    press(&mut app, "A");
    assert!(form_title(&app).starts_with("New action of review MR-001"));
    press(
        &mut app,
        "Test <Space> the <Space> DR <Space> plan <Tab> CTO <Tab> 2026-06-30",
    );
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    assert_eq!(app.top(), None, "{:?}", app.message);
    let actions = &app.workspace.mgmt.audits.reviews[0].actions;
    assert_eq!(actions.len(), before.len() + 1);
    let added = actions.last().unwrap();
    assert_eq!(added.id, format!("MR-001.{}", before.len() + 1));
    assert_eq!(
        (added.text.as_str(), added.owner.as_str()),
        ("Test the DR plan", "CTO")
    );
    assert_eq!(added.due.unwrap().to_string(), "2026-06-30");
    press(&mut app, "u");
    assert_eq!(app.workspace.mgmt.audits.reviews[0].actions, before);
}

#[test]
fn a_read_only_session_refuses_items_climate_programme_and_actions() {
    let mut app = demo_app();
    app.read_only = Some("bob@host holds the lock".into());
    let before = app.workspace.clone();
    press(&mut app, "6 t p v v A 5 v c");
    assert_eq!(app.top(), None);
    assert_eq!(app.workspace, before);
}

#[test]
fn c_without_a_climate_decision_records_one_dated_today_and_asks_for_its_reason() {
    let mut app = demo_app();
    app.workspace.mgmt.system.climate = None;
    press(&mut app, "5 v c");
    assert_eq!(app.top(), Some(LayerKind::Form));
    press(&mut app, "<C-s>");
    assert_eq!(
        app.top(),
        Some(LayerKind::Form),
        "a decision needs its reason"
    );
    assert_eq!(app.top_form().unwrap().focused().spec.name, "reasoning");
    press(&mut app, "No <Space> site <Space> at <Space> risk.");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    assert_eq!(app.top(), None, "{:?}", app.message);
    let decision = app.workspace.mgmt.system.climate.clone().unwrap();
    assert!(!decision.relevant);
    assert_eq!(decision.reasoning, "No site at risk.");
    assert_eq!(decision.decided_on, app.session.today);
    press(&mut app, "u");
    assert_eq!(app.workspace.mgmt.system.climate, None);
}
