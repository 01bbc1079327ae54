//! Key flows of adding records in the ISMS and Audit panes through the one form (context issue,
//! interested party, objective and a measurement, role, evidence with its file hashed at the
//! edge, audit, management review, finding), `e` on an ISMS record, `/` filtering the views,
//! undo going back to the pane of the record it changes, and the programme's coverage grid.

mod common;

use isms::app::tabs::audit::{AuditRow, AuditView};
use isms::app::tabs::coverage::{self, Cell};
use isms::app::tabs::isms::IsmsView;
use isms::app::{Action, App, Effect, LayerKind, Tab, press, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::mgmt::evidence::EvidenceKind;
use isms::domain::sample::demo_workspace;
use isms::keymap::Keymap;

fn demo_app() -> App {
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    let mut app = App::new(catalogue, workspace, "demo".into(), Keymap::default());
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    app
}

fn form_title(app: &App) -> String {
    app.top_form().map(|f| f.title.clone()).unwrap_or_default()
}

#[test]
fn n_adds_a_context_issue_selects_it_and_u_takes_it_back_from_another_pane() {
    let mut app = demo_app();
    press(&mut app, "5 v");
    assert_eq!(app.isms_pane.view, IsmsView::Context);
    press(&mut app, "n");
    assert_eq!(form_title(&app), "New context issue");
    assert_eq!(app.top_form().unwrap().focused().spec.name, "description");
    // An issue needs its description: the form stays open on it.
    press(&mut app, "<C-s>");
    assert_eq!(app.top(), Some(LayerKind::Form));
    assert!(app.message.as_ref().unwrap().text.contains("description"));
    press(&mut app, "Energy <Space> prices <Space> double");
    press(&mut app, "<S-Tab> <Right>");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    assert_eq!(app.top(), None, "{:?}", app.message);
    let issues = &app.workspace.mgmt.system.issues;
    let added = issues.last().unwrap();
    assert_eq!(
        (added.id.as_str(), added.description.as_str()),
        ("I-004", "Energy prices double")
    );
    assert_eq!(added.side.name(), "external", "the side was stepped");
    assert_eq!(app.isms_selected(), Some(3), "the new issue is selected");
    press(&mut app, "1 u");
    assert_eq!(app.tab, Tab::Isms, "undo shows the pane of the record");
    assert_eq!(app.isms_pane.view, IsmsView::Context);
    assert_eq!(app.workspace.mgmt.system.issues.len(), 3);
    press(&mut app, "1 <C-r>");
    assert_eq!(app.tab, Tab::Isms);
    assert_eq!(app.isms_selected(), Some(3), "redo selects it again");
}

#[test]
fn n_adds_a_party_with_requirements_and_e_edits_it_keeping_their_ids() {
    let mut app = demo_app();
    press(&mut app, "5 v v n");
    assert_eq!(form_title(&app), "New interested party");
    press(
        &mut app,
        "Insurer <Tab> Cyber <Space> cover <Space> terms <Space> | <Space> 5.30",
    );
    press(&mut app, "<Enter> Yearly <Space> questionnaire");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    let party = app.workspace.mgmt.system.parties.last().unwrap().clone();
    assert_eq!(party.id, "P-004");
    assert_eq!(party.requirements.len(), 2);
    assert_eq!(party.requirements[0].id, "P-004.1");
    assert_eq!(party.requirements[0].addressed_by, ["control:5.30"]);
    assert!(party.requirements[1].addressed_by.is_empty());
    press(&mut app, "e");
    assert_eq!(form_title(&app), "interested party P-004");
    press(&mut app, "<End> <Space> Ltd");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    let party = app.workspace.mgmt.system.parties.last().unwrap();
    assert_eq!(party.name, "Insurer Ltd");
    assert_eq!(party.requirements[1].id, "P-004.2", "ids kept");
}

#[test]
fn n_adds_an_objective_and_m_a_measurement_of_it() {
    let mut app = demo_app();
    press(&mut app, "5 v v v n");
    assert_eq!(form_title(&app), "New objective");
    press(
        &mut app,
        "Patch <Space> fast <Tab> 95 <Space> % <Space> in <Space> 14 <Space> days",
    );
    press(&mut app, "<Tab> Ops <Tab> +6m");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    let objective = app.workspace.mgmt.system.objectives.last().unwrap().clone();
    assert_eq!(objective.title, "Patch fast");
    assert_eq!(objective.due.unwrap().to_string(), "2026-09-02");
    press(&mut app, "m");
    assert!(form_title(&app).starts_with(&format!("New measurement of {}", objective.id)));
    press(&mut app, "91 <Space> %");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    let objective = app.workspace.mgmt.system.objective(&objective.id).unwrap();
    let measured = &objective.measurements[0];
    assert_eq!(measured.id, format!("{}.1", objective.id));
    assert_eq!(
        (measured.value.as_str(), measured.on.to_string().as_str()),
        ("91 %", "2026-03-02")
    );
    press(&mut app, "v m");
    assert_eq!(app.top(), None, "m only on an objective");
}

#[test]
fn n_adds_a_role_and_refuses_unknown_competence_evidence() {
    let mut app = demo_app();
    press(&mut app, "5 V V n");
    assert_eq!(app.isms_pane.view, IsmsView::Roles);
    press(&mut app, "DPO <Tab> A. <Space> Khan <Tab> <Tab> E-404");
    press(&mut app, "<C-s>");
    assert_eq!(app.top(), Some(LayerKind::Form), "the form stays open");
    assert!(app.message.as_ref().unwrap().text.contains("E-404"));
    press(&mut app, "<BS> <BS> <BS> <BS> <BS> E-006");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    let role = app.workspace.mgmt.system.roles.last().unwrap();
    assert_eq!(role.holder, "A. Khan");
    assert_eq!(role.competence_evidence, ["E-006"]);
}

#[test]
fn new_evidence_with_a_local_file_is_hashed_at_the_edge_before_it_is_applied() {
    let mut app = demo_app();
    press(&mut app, "5 V n");
    assert_eq!(form_title(&app), "New evidence");
    press(&mut app, "Backup <Space> policy <Tab> <Right>");
    press(
        &mut app,
        "<Tab> docs/backup.md <Tab> 8.13 <Space> clause:7.5.3",
    );
    let effects = press(&mut app, "<C-s>");
    assert_eq!(effects, [Effect::HashFile("docs/backup.md".into())]);
    assert_eq!(
        app.top(),
        Some(LayerKind::Form),
        "open until the hash is back"
    );
    let before = app.workspace.mgmt.evidence.items.len();
    let hash = "ab".repeat(32);
    let effect = update(
        &mut app,
        Action::FileHashed {
            location: "docs/backup.md".into(),
            sha256: Ok(hash.clone()),
        },
    );
    assert_eq!(effect, Effect::Save);
    assert_eq!(app.top(), None, "{:?}", app.message);
    let items = &app.workspace.mgmt.evidence.items;
    assert_eq!(items.len(), before + 1);
    let added = items.last().unwrap();
    assert_eq!(added.kind, EvidenceKind::Record, "the kind was stepped");
    assert_eq!(added.sha256.as_deref(), Some(hash.as_str()));
    assert_eq!(added.supports, ["control:8.13", "clause:7.5.3"]);
    let entry = app.soa_entry("8.13").unwrap();
    assert!(entry.evidence.contains(&added.id), "the SoA entry cites it");

    // A file that cannot be read keeps the form open on the location, with the reason.
    press(&mut app, "n Gone <Tab> <Tab> nowhere.pdf <C-s>");
    update(
        &mut app,
        Action::FileHashed {
            location: "nowhere.pdf".into(),
            sha256: Err("cannot read: no such file".into()),
        },
    );
    assert_eq!(app.top(), Some(LayerKind::Form));
    assert_eq!(app.top_form().unwrap().focused().spec.name, "location");
    assert!(app.message.as_ref().unwrap().text.contains("no such file"));
    // A URL needs no hash.
    press(
        &mut app,
        "<End> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS>",
    );
    press(&mut app, "https://wiki.example/backup");
    let effects = press(&mut app, "<C-s>");
    assert_eq!(effects, [Effect::Save], "{:?}", app.message);
    let added = app.workspace.mgmt.evidence.items.last().unwrap();
    assert!(added.location.starts_with("https://"));
    assert_eq!(added.sha256, None);
}

#[test]
fn n_adds_an_audit_a_finding_and_a_management_review() {
    let mut app = demo_app();
    press(&mut app, "6 n");
    assert_eq!(form_title(&app), "New audit");
    press(&mut app, "Supplier <Space> audit <Space> 2026");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    let audit = app.workspace.mgmt.audits.audit("A-003").unwrap();
    assert_eq!(audit.title, "Supplier audit 2026");
    assert_eq!(app.audit_pane.view, AuditView::Audits);
    assert_eq!(
        app.selected_audit_row(),
        Some(AuditRow::Audit(2)),
        "A-003 selected"
    );

    press(&mut app, "v n");
    assert_eq!(form_title(&app), "New finding");
    press(&mut app, "Visitor <Space> log <Space> incomplete.");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    assert_eq!(app.selected_finding_id().as_deref(), Some("F-004"));

    press(&mut app, "v n");
    assert_eq!(form_title(&app), "New management review");
    press(
        &mut app,
        "CEO <Tab> CEO, <Space> CISO <Tab> audit_results=Two <Space> minor <Space> NCs",
    );
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    let review = app.workspace.mgmt.audits.review("MR-002").unwrap();
    assert_eq!(
        review.date.to_string(),
        "2026-03-02",
        "held today unless said"
    );
    assert_eq!(review.attendees, ["CEO", "CISO"]);
    assert_eq!(review.inputs.len(), 1);
    assert_eq!(app.audit_pane.view, AuditView::Reviews);
    press(&mut app, "1 u");
    assert_eq!(
        (app.tab, app.audit_pane.view),
        (Tab::Audit, AuditView::Reviews),
        "undo shows the reviews"
    );
    assert!(app.workspace.mgmt.audits.review("MR-002").is_none());
}

#[test]
fn slash_filters_every_view_and_esc_clears_it_keeping_the_row() {
    let mut app = demo_app();
    press(&mut app, "5 / 9.2");
    assert_eq!(app.top(), Some(LayerKind::Search));
    press(&mut app, "<Enter>");
    let shown = app.isms_visible();
    assert!(!shown.is_empty());
    let total = app.workspace.mgmt.system.clauses.len();
    let clauses = &app.workspace.mgmt.system.clauses;
    assert!(shown.iter().all(|&i| clauses[i].clause.starts_with("9.2")));
    press(&mut app, "j");
    let picked = app.selected_clause().unwrap().clause.clone();
    assert!(picked.starts_with("9.2"), "{picked}");
    press(&mut app, "<Esc>");
    assert_eq!(app.isms_pane.filter, "");
    assert_eq!(app.isms_visible().len(), total);
    assert_eq!(
        app.selected_clause().unwrap().clause,
        picked,
        "the row stays"
    );

    // Words in any order, case ignored; a view switch clears the filter.
    press(&mut app, "v / LEEDS <Enter>");
    assert_eq!(app.isms_visible().len(), 0, "no issue mentions Leeds");
    press(&mut app, "<Esc> / region <Enter>");
    assert_eq!(app.isms_visible(), [2]);
    press(&mut app, "v");
    assert_eq!(app.isms_pane.filter, "");

    press(&mut app, "6 v / 8.32 <Enter>");
    assert_eq!(app.audit_pane.view, AuditView::Findings);
    let shown: Vec<String> = app
        .audit_visible()
        .iter()
        .map(|&i| {
            let order = isms::app::tabs::audit::findings_order(&app.workspace);
            app.workspace.mgmt.findings.items[order[i]].id.clone()
        })
        .collect();
    assert_eq!(shown, ["F-002"]);
    assert_eq!(app.selected_finding_id().as_deref(), Some("F-002"));
}

#[test]
fn the_coverage_grid_shows_audited_planned_and_never_by_cycle_year() {
    let mut app = demo_app();
    press(&mut app, "6 V");
    assert_eq!(app.audit_pane.view, AuditView::Coverage);
    let ws = &app.workspace;
    let today = app.session.today;
    assert_eq!(coverage::cycle_years(ws, today), [2025, 2026, 2027]);
    let row = |id: &str| coverage::ROWS.iter().find(|r| r.id == id).unwrap();
    assert_eq!(
        coverage::cell(ws, row("7"), 2025),
        Cell::Audited,
        "A-001 tested 7.2"
    );
    assert_eq!(coverage::cell(ws, row("4"), 2025), Cell::Never);
    assert_eq!(
        coverage::cell(ws, row("4"), 2026),
        Cell::Planned,
        "A-002's scope"
    );
    assert_eq!(coverage::cell(ws, row("6"), 2026), Cell::Never);
    assert_eq!(coverage::cell(ws, row("A.8"), 2025), Cell::Audited);
    assert_eq!(coverage::cell(ws, row("A.6"), 2025), Cell::Never);
    press(&mut app, "/ people <Enter> <Enter>");
    assert!(app.message.as_ref().unwrap().text.contains("never audited"));
    press(&mut app, "<Esc> g <Enter>");
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("A-002 plans it (2026)"),
        "{:?}",
        app.message
    );
}

#[test]
fn a_read_only_session_refuses_to_add_and_shows_records_read_only() {
    let mut app = demo_app();
    app.read_only = Some("alice@host holds the lock".into());
    press(&mut app, "5 v n");
    assert_eq!(app.top(), None);
    assert!(app.message.as_ref().unwrap().text.contains("Read-only"));
    press(&mut app, "6 n");
    assert_eq!(app.top(), None);
    press(&mut app, "5 e");
    assert!(app.top_form().unwrap().read_only);
}

#[test]
fn ctrl_g_in_the_soa_forms_evidence_field_picks_an_id_from_the_register() {
    let mut app = demo_app();
    press(&mut app, "2 e <Tab> <Tab> <Tab> <Tab>");
    let form = app.top_form().unwrap();
    assert_eq!(form.focused().spec.name, "evidence");
    let control = app.selected_soa_entry().unwrap().control.clone();
    let before = form.text_of("evidence");
    press(&mut app, "<C-g>");
    assert_eq!(app.top(), Some(LayerKind::List));
    let Some(isms::app::Layer::List(popup)) = app.layers.last() else {
        panic!("the evidence list is on top");
    };
    assert_eq!(popup.items.len(), app.workspace.mgmt.evidence.items.len());
    assert!(
        popup.items[1].0.starts_with("E-002  document"),
        "{:?}",
        popup.items[1]
    );
    press(&mut app, "j <Enter>");
    assert_eq!(app.top(), Some(LayerKind::Form), "back in the form");
    let text = app.top_form().unwrap().text_of("evidence");
    assert!(text.ends_with("E-002"), "{text:?}");
    assert!(text.starts_with(before.trim_end()));
    press(&mut app, "<C-g> j <Enter>");
    assert!(app.message.as_ref().unwrap().text.contains("cited already"));
    assert_eq!(app.top_form().unwrap().text_of("evidence"), text, "once");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    let entry = app.soa_entry(&control).unwrap();
    assert!(entry.evidence.contains(&"E-002".to_string()));

    // Elsewhere Ctrl-g says where it works.
    press(&mut app, "2 e <C-g>");
    assert_eq!(app.top(), Some(LayerKind::Form));
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("evidence field")
    );
}

#[test]
fn e_edits_an_audit_keeping_its_items_and_a_review_keeping_its_actions() {
    let mut app = demo_app();
    let before = app.workspace.mgmt.audits.audit("A-001").unwrap().clone();
    press(&mut app, "6 j e");
    assert_eq!(
        form_title(&app),
        "tested item A-001.1",
        "e on an item edits the item"
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.top(), None);
    press(&mut app, "k e");
    assert_eq!(form_title(&app), "audit A-001");
    press(&mut app, "<End> <Space> (final)");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    let after = app.workspace.mgmt.audits.audit("A-001").unwrap();
    assert_eq!(after.title, "Internal audit 2025 (final)");
    assert_eq!(after.items, before.items, "the tested items stay");
    assert_eq!(
        (&after.scope, after.finished, after.status),
        (&before.scope, before.finished, before.status)
    );

    let review = app.workspace.mgmt.audits.review("MR-001").unwrap().clone();
    press(&mut app, "v v e");
    assert_eq!(form_title(&app), "management review MR-001");
    press(&mut app, "<End> <BS> <BS> <BS> COO");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    let after = app.workspace.mgmt.audits.review("MR-001").unwrap();
    assert_eq!(after.chair, "COO");
    assert_eq!(
        after.inputs, review.inputs,
        "the inputs read back as written"
    );
    assert_eq!(after.actions, review.actions, "the actions stay");
    assert_eq!(after.attendees, review.attendees);
    press(&mut app, "u");
    assert_eq!(app.workspace.mgmt.audits.review("MR-001").unwrap(), &review);
}

#[test]
fn the_edge_hashes_the_evidence_file_and_saves_it_through_the_store() {
    use isms::tui::persist::{self, Store};
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
    std::fs::create_dir_all(ws.join("docs")).unwrap();
    std::fs::write(ws.join("docs/backup.md"), "Back up nightly.\n").unwrap();
    let expected = isms::store::evidence_files::sha256_file(&ws.join("docs/backup.md")).unwrap();

    press(
        &mut app,
        "5 V n Backup <Space> policy <Tab> <Tab> docs/backup.md",
    );
    let effects = press(&mut app, "<C-s>");
    let [Effect::HashFile(location)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    isms::tui::evidence_hash::run(&mut app, &mut store, location.clone());
    assert_eq!(app.top(), None, "{:?}", app.message);
    assert!(!app.dirty, "saved: {:?}", app.message);
    let added = app.workspace.mgmt.evidence.items.last().unwrap();
    assert_eq!(added.sha256.as_deref(), Some(expected.as_str()));
    let saved = std::fs::read_to_string(ws.join("evidence.ron")).unwrap();
    assert!(
        saved.contains(&expected),
        "the hash is in the saved register"
    );

    // A file that is not there: the form stays open with the reason, nothing is added.
    let count = app.workspace.mgmt.evidence.items.len();
    press(&mut app, "n Gone <Tab> <Tab> docs/gone.md <C-s>");
    isms::tui::evidence_hash::run(&mut app, &mut store, "docs/gone.md".into());
    assert_eq!(app.top(), Some(LayerKind::Form));
    assert!(app.message.as_ref().unwrap().warning);
    assert_eq!(app.workspace.mgmt.evidence.items.len(), count);
}

#[test]
fn e_edits_evidence_keeping_its_hash_unless_its_location_moves() {
    let mut app = demo_app();
    let old = app.workspace.mgmt.evidence.get("E-006").unwrap().clone();
    press(&mut app, "5 V j j j j j e");
    assert_eq!(form_title(&app), "evidence E-006");
    press(&mut app, "<Tab> <Tab> <Tab> <Tab> <Tab>");
    assert_eq!(app.top_form().unwrap().focused().spec.name, "review_by");
    press(
        &mut app,
        "<End> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> 2027-09-30",
    );
    assert_eq!(
        press(&mut app, "<C-s>"),
        [Effect::Save],
        "{:?}",
        app.message
    );
    let new = app.workspace.mgmt.evidence.get("E-006").unwrap();
    assert_eq!(new.review_by.unwrap().to_string(), "2027-09-30");
    assert_eq!(
        (&new.sha256, &new.recorded, &new.supports),
        (&old.sha256, &old.recorded, &old.supports)
    );
    // A new location is hashed again.
    press(&mut app, "e <Tab> <Tab> <End> <Space> <BS> x");
    let effects = press(&mut app, "<C-s>");
    assert!(matches!(effects.as_slice(), [Effect::HashFile(path)] if path.ends_with('x')));
}

#[test]
fn enter_on_an_isms_record_opens_its_form_and_on_evidence_goes_where_it_points() {
    let mut app = demo_app();
    press(&mut app, "5 v v v <Enter>");
    assert_eq!(form_title(&app), "objective O-001");
    press(&mut app, "<Esc> v s");
    assert_eq!(app.top(), None);
    assert!(app.message.as_ref().unwrap().text.contains("sub-clause"));
    press(&mut app, "v <Enter>");
    assert_eq!(app.tab, Tab::Isms, "E-001 supports clause 4.3");
    assert_eq!(app.selected_clause().unwrap().clause, "4.3");
}
