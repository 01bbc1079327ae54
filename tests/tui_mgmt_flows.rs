//! Key flows of the ISMS and Audit panes: `s` on a sub-clause and undo, the clause form, a
//! finding with its corrective action raised from a tested item and read back through the binary
//! after Ctrl-S through the real store, closing a finding with an effectiveness check, Enter from
//! a finding to the control or risk it names, and a read-only session refusing all of it.

mod common;

use common::cli::ok;
use common::workbench::demo_app;
use isms::app::{App, Effect, LayerKind, Tab, press};
use isms::domain::mgmt::findings::{CheckResult, FindingStatus};
use isms::domain::mgmt::system::ClauseStatus;
use isms::tui::persist::{self, Store};

fn clause(app: &App, id: &str) -> isms::domain::mgmt::system::ClauseEntry {
    app.workspace.mgmt.system.clause(id).unwrap().clone()
}

#[test]
fn s_cycles_a_sub_clause_status_in_place_and_u_undoes_it() {
    let mut app = demo_app();
    press(&mut app, "5 j j j");
    assert_eq!(app.tab, Tab::Isms);
    let id = app.selected_clause().unwrap().clause.clone();
    assert_eq!(id, "4.4");
    let before = clause(&app, &id);
    assert_eq!(before.status, ClauseStatus::Partial);
    press(&mut app, "s");
    assert_eq!(clause(&app, &id).status, ClauseStatus::Met);
    assert_ne!(clause(&app, &id).updated, before.updated, "stamped");
    assert!(app.dirty);
    assert!(app.message.as_ref().unwrap().text.contains("4.4 met"));
    press(&mut app, "s");
    assert_eq!(clause(&app, &id).status, ClauseStatus::NotStarted);
    press(&mut app, "u");
    assert_eq!(clause(&app, &id).status, ClauseStatus::Met);
    press(&mut app, "u");
    assert_eq!(clause(&app, &id), before, "each s is one undoable edit");
    assert!(!app.dirty);
    press(&mut app, "<C-r>");
    assert_eq!(clause(&app, &id).status, ClauseStatus::Met);
    assert_eq!(
        app.selected_clause().unwrap().clause,
        "4.4",
        "the row stays"
    );
}

#[test]
fn the_clause_form_applies_as_one_edit_and_refuses_unknown_evidence() {
    let mut app = demo_app();
    press(&mut app, "5 j j <Enter>");
    assert_eq!(app.top(), Some(LayerKind::Form));
    let form = app.top_form().unwrap();
    assert!(form.title.starts_with("4.3 Determining the scope"));
    assert_eq!(form.focused().spec.name, "statement");
    press(&mut app, "<Tab> <End> <Space> E-999 <C-s>");
    assert_eq!(app.top(), Some(LayerKind::Form), "the form stays open");
    assert!(app.message.as_ref().unwrap().text.contains("E-999"));
    assert!(!app.dirty, "nothing changed");
    press(&mut app, "<BS> <BS> <BS> <BS> <BS> E-002");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    assert_eq!(app.top(), None);
    assert_eq!(clause(&app, "4.3").evidence, ["E-001", "E-002"]);
    let e2 = app.workspace.mgmt.evidence.get("E-002").unwrap();
    assert!(e2.supports.contains(&"clause:4.3".to_string()));
    press(&mut app, "u");
    assert_eq!(clause(&app, "4.3").evidence, ["E-001"]);
    let e2 = app.workspace.mgmt.evidence.get("E-002").unwrap();
    assert!(!e2.supports.contains(&"clause:4.3".to_string()));
}

#[test]
fn a_finding_with_its_corrective_action_is_saved_through_the_store_and_read_back() {
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

    // From the first tested item of A-001 (clause 9.1): source and reference come filled in.
    press(&mut app, "6 j f");
    let form = app.top_form().unwrap();
    assert_eq!(form.field("source").text(), "internal_audit:A-001");
    assert_eq!(form.field("refs").text(), "clause:9.1");
    press(
        &mut app,
        "Metrics <Space> for <Space> October <Space> missing.",
    );
    press(&mut app, "<Tab> Report <Space> produced <Space> late.");
    press(
        &mut app,
        "<Tab> No <Space> deputy <Space> for <Space> the <Space> CISO.",
    );
    press(&mut app, "<Tab> Name <Space> a <Space> deputy.");
    press(&mut app, "<Tab> CISO <Tab> <Tab> 2026-04-30");
    // Back from the due date to the kind: minor nonconformity.
    press(
        &mut app,
        "<S-Tab> <S-Tab> <S-Tab> <S-Tab> <S-Tab> <S-Tab> <S-Tab> <S-Tab> <S-Tab> 2",
    );
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    assert_eq!(app.top(), None, "{:?}", app.message);
    let record = app.workspace.mgmt.findings.get("F-004").unwrap().clone();
    assert_eq!(record.action, "Name a deputy.");
    assert_eq!(app.selected_finding_id().as_deref(), Some("F-004"));
    persist::save(&mut app, &mut store);
    assert!(!app.dirty, "{:?}", app.message);
    assert!(
        app.message.as_ref().unwrap().text.contains("findings.ron"),
        "{:?}",
        app.message
    );
    drop(store);

    let listed: serde_json::Value =
        serde_json::from_str(&ok(&ws, &["findings", "--format", "json"])).unwrap();
    let finding = listed["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "F-004")
        .expect("the new finding is in findings.ron");
    assert_eq!(finding["kind"], "minor_nc");
    assert_eq!(finding["source"]["kind"], "internal_audit");
    assert_eq!(finding["source"]["id"], "A-001");
    assert_eq!(finding["refs"], serde_json::json!(["clause:9.1"]));
    assert_eq!(finding["statement"], "Metrics for October missing.");
    assert_eq!(finding["correction"], "Report produced late.");
    assert_eq!(finding["root_cause"], "No deputy for the CISO.");
    assert_eq!(finding["action"], "Name a deputy.");
    assert_eq!(finding["owner"], "CISO");
    assert_eq!(finding["raised"], "2026-03-02");
    assert_eq!(finding["due"], "2026-04-30");
    assert_eq!(finding["status"], "open");
}

#[test]
fn a_finding_closes_with_an_effectiveness_check_and_undo_reopens_it() {
    let mut app = demo_app();
    press(&mut app, "6 v");
    let id = app.selected_finding_id().unwrap();
    assert_eq!(id, "F-002", "the findings are sorted by due date");
    press(&mut app, "e");
    assert_eq!(app.top_form().unwrap().focused().spec.name, "root_cause");
    // Status, checked by, checked on, result, closed on.
    press(
        &mut app,
        "<Tab> <Tab> <Tab> <Tab> <Tab> 4 <Tab> Auditor <Tab> t <Tab> <Tab> t",
    );
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    let record = app.workspace.mgmt.findings.get(&id).unwrap().clone();
    assert_eq!(record.status, FindingStatus::Closed);
    let check = record.effectiveness.unwrap();
    assert_eq!(
        (check.by.as_str(), check.result),
        ("Auditor", CheckResult::Effective)
    );
    assert_eq!(record.closed, Some(app.session.today));
    press(&mut app, "u");
    let record = app.workspace.mgmt.findings.get(&id).unwrap();
    assert_eq!(record.status, FindingStatus::AwaitingCheck);
    assert!(record.effectiveness.is_none());
}

#[test]
fn a_check_without_its_date_is_refused_on_the_field() {
    let mut app = demo_app();
    press(
        &mut app,
        "6 v e <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> Auditor <C-s>",
    );
    assert_eq!(app.top(), Some(LayerKind::Form));
    assert_eq!(app.top_form().unwrap().focused().spec.name, "checked_on");
    assert!(!app.dirty);
}

#[test]
fn enter_goes_from_a_finding_to_what_it_names() {
    let mut app = demo_app();
    press(&mut app, "6 v <Enter>");
    assert_eq!(app.tab, Tab::Catalogue, "F-002 names one control: 8.32");
    let position = app.catalogue_pane.selected().unwrap();
    assert_eq!(app.catalogue.controls()[position].id, "8.32");
    press(&mut app, "6 j <Enter>");
    assert_eq!(
        app.top(),
        Some(LayerKind::List),
        "F-003 names a control and a risk"
    );
    press(&mut app, "j <Enter>");
    assert_eq!(app.tab, Tab::Risks);
    assert_eq!(app.selected_risk_id().as_deref(), Some("R-002"));
    press(&mut app, "6 V j j <Enter>");
    assert_eq!(
        app.tab,
        Tab::Isms,
        "an audit item on a clause goes to the clause"
    );
    assert_eq!(app.selected_clause().unwrap().clause, "7.2");
}

#[test]
fn a_read_only_session_refuses_every_edit() {
    let mut app = demo_app();
    app.read_only = Some("bob@host holds the lock".into());
    let before = app.workspace.clone();
    press(&mut app, "5 s");
    assert!(app.message.as_ref().unwrap().text.contains("bob@host"));
    press(&mut app, "<Enter> x");
    assert!(app.top_form().unwrap().read_only);
    press(&mut app, "<Esc> 6 j f");
    assert_eq!(app.top(), None);
    press(&mut app, "v e x <C-s>");
    assert_eq!(press(&mut app, "<Esc> <C-s>"), [Effect::None, Effect::None]);
    assert_eq!(app.workspace, before);
    assert!(!app.dirty);
}

#[test]
fn typing_in_the_clause_and_finding_forms_is_rescued_when_the_session_dies() {
    let mut app = demo_app();
    press(&mut app, "5 <Enter> <Space> Reviewed <Space> yearly.");
    let (rescued, pending) = app.rescued_workspace();
    assert_eq!(pending, ["clause 4.1"]);
    let statement = &rescued.mgmt.system.clause("4.1").unwrap().statement;
    assert!(statement.ends_with("Reviewed yearly."), "{statement}");
    assert!(
        !clause(&app, "4.1").statement.ends_with("yearly."),
        "not applied"
    );

    let mut app = demo_app();
    press(&mut app, "6 f Found <Space> by <Space> chance.");
    let (rescued, pending) = app.rescued_workspace();
    assert_eq!(pending, ["F-004"]);
    let record = rescued.mgmt.findings.get("F-004").unwrap();
    assert_eq!(record.statement, "Found by chance.");
    assert_eq!(record.source.label(), "internal_audit:A-001");
}
