//! Key flows: a string of keys drives the workbench's `App` exactly as a person would, and the
//! test asserts on the state (no terminal involved).

mod common;

use common::workbench::{demo_app, workbench};
use isms::app::{Action, App, Effect, Focus, LayerKind, Tab, press, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::keymap::Keymap;

fn selected_id(app: &App) -> String {
    let position = app
        .catalogue_pane
        .selected()
        .expect("a control is selected");
    app.catalogue.controls()[position].id.clone()
}

#[test]
fn typing_searches_and_enter_keeps_the_filter_with_the_first_hit_selected() {
    let mut app = demo_app();
    press(&mut app, "/ back");
    assert_eq!(app.top(), Some(LayerKind::Search));
    assert_eq!(app.catalogue_pane.query_text, "back");
    press(&mut app, "up <Enter>");
    assert_eq!(app.top(), None);
    assert_eq!(selected_id(&app), "8.13");
    assert!(app.catalogue_pane.results.len() < app.catalogue.len());
    // The search box takes every printable key, even those bound elsewhere.
    press(&mut app, "/ <BS> <BS> <BS> <BS> q? <Esc>");
    assert_eq!(app.top(), None);
}

#[test]
fn filters_combine_and_escape_clears_keeping_the_selected_control() {
    let mut app = demo_app();
    press(&mut app, "/ #detective <Space> theme:people <Enter>");
    let results = app.catalogue_pane.results.clone();
    assert!(!results.is_empty());
    for position in &results {
        let control = &app.catalogue.controls()[*position];
        assert!(control.id.starts_with("6."), "{}", control.id);
        assert!(control.attributes.has("Detective"));
    }
    press(&mut app, "j");
    let chosen = selected_id(&app);
    press(&mut app, "<Esc>");
    assert_eq!(app.catalogue_pane.results.len(), app.catalogue.len());
    assert_eq!(selected_id(&app), chosen);
}

#[test]
fn an_unknown_filter_is_explained_and_the_last_hits_stay() {
    let mut app = demo_app();
    press(&mut app, "/ #zz");
    let error = app.catalogue_pane.error.clone().expect("an error");
    assert!(error.contains("#zz"), "{error}");
    assert_eq!(app.catalogue_pane.results.len(), app.catalogue.len());
    press(&mut app, "<BS> <BS> <BS> <Esc>");
    assert_eq!(app.catalogue_pane.error, None);
}

#[test]
fn enter_on_a_related_control_jumps_to_it_and_back_returns() {
    let mut app = demo_app();
    // A control's id typed whole opens its screen; Esc goes back to the list, `l` into the detail.
    press(&mut app, "/ 8.13 <Enter>");
    assert_eq!(app.top(), Some(LayerKind::Control));
    press(&mut app, "<Esc>");
    assert_eq!(selected_id(&app), "8.13");
    press(&mut app, "l");
    assert_eq!(app.catalogue_pane.focus, Focus::Detail);
    press(&mut app, "j <Enter>");
    let related = &app.catalogue.get("8.13").unwrap().related;
    assert_eq!(selected_id(&app), related[1]);
    press(&mut app, "<C-o>");
    assert_eq!(selected_id(&app), "8.13");
    press(&mut app, "<Esc>");
    assert_eq!(app.catalogue_pane.focus, Focus::List);
}

#[test]
fn enter_on_a_linked_risk_opens_it_in_the_risk_register() {
    let mut app = demo_app();
    press(&mut app, "/ 8.13 <Enter> <Esc> l");
    let risk_link = app
        .detail
        .links
        .iter()
        .position(|l| matches!(l, isms::app::detail::Link::Risk(_)))
        .expect("8.13 has linked risks in the demo");
    for _ in 0..risk_link {
        press(&mut app, "j");
    }
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Risks);
    assert_eq!(app.selected_risk_id().as_deref(), Some("R-001"));
}

#[test]
fn the_detail_scrolls_and_stops_at_its_end() {
    let mut app = demo_app();
    press(&mut app, "J J J K");
    assert_eq!(app.catalogue_pane.scroll, 2);
    press(
        &mut app,
        "l <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn>",
    );
    let max = app.detail.lines.len() - app.detail_rows();
    assert_eq!(app.catalogue_pane.scroll, max);
    press(&mut app, "<Esc> j");
    assert_eq!(
        app.catalogue_pane.scroll, 0,
        "a new control starts at the top"
    );
}

#[test]
fn lists_move_by_rows_pages_and_ends() {
    let mut app = demo_app();
    press(&mut app, "j j k");
    assert_eq!(selected_id(&app), "5.2");
    press(&mut app, "G");
    assert_eq!(selected_id(&app), "8.34");
    press(&mut app, "g <PgDn>");
    assert_eq!(app.catalogue_pane.cursor.selected, app.list_rows() - 1);
    assert_eq!(app.catalogue_pane.cursor.offset, 0);
}

#[test]
fn tabs_switch_by_number_and_by_tab() {
    let mut app = demo_app();
    press(&mut app, "2");
    assert_eq!(app.tab, Tab::Soa);
    press(&mut app, "j j <Tab>");
    assert_eq!(app.soa_cursor.selected, 2);
    assert_eq!(app.tab, Tab::Risks);
    press(&mut app, "<S-Tab> <S-Tab> <S-Tab>");
    assert_eq!(app.tab, Tab::Audit, "back from the first pane to the last");
    press(&mut app, "<Tab>");
    assert_eq!(
        app.tab,
        Tab::Catalogue,
        "on from the last pane to the first"
    );
    press(&mut app, "5");
    assert_eq!(app.tab, Tab::Isms);
    press(&mut app, "6 <S-Tab> <S-Tab>");
    assert_eq!(app.tab, Tab::Dashboard);
    press(&mut app, "1");
    assert_eq!(app.tab, Tab::Catalogue);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = demo_app();
    press(&mut app, "?");
    assert_eq!(app.top(), Some(LayerKind::Help));
    press(&mut app, "j j");
    assert_eq!(help_scroll(&app), 2);
    assert_eq!(
        selected_id(&app),
        "5.1",
        "keys in help do not move the list"
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.top(), None);
    press(&mut app, "? ?");
    assert_eq!(app.top(), None);
}

#[test]
fn quit_asks_only_when_there_are_unsaved_edits() {
    let mut app = demo_app();
    assert_eq!(press(&mut app, "q"), [Effect::Quit]);
    app.dirty = true;
    assert_eq!(press(&mut app, "q"), [Effect::None]);
    assert_eq!(app.top(), Some(LayerKind::Question));
    press(&mut app, "n");
    assert_eq!(app.top(), None);
    assert_eq!(press(&mut app, "q y"), [Effect::None, Effect::Quit]);
    let mut app = demo_app();
    assert_eq!(
        press(&mut app, "<C-z> <C-l>"),
        [Effect::Suspend, Effect::Redraw]
    );
}

#[test]
fn user_keys_replace_the_defaults() {
    let mut keymap = Keymap::default();
    keymap
        .apply_overrides(
            "{ \"search\": [\"s\"], \"quit\": [\"<C-q>\"] }",
            "keymap.ron",
        )
        .unwrap();
    let mut app = workbench(
        Catalogue::builtin(),
        demo_workspace(&Catalogue::builtin()),
        keymap,
    );
    assert_eq!(press(&mut app, "q"), [Effect::None]);
    press(&mut app, "s backup <Enter>");
    assert_eq!(selected_id(&app), "8.13");
    assert_eq!(press(&mut app, "<C-q>"), [Effect::Quit]);
}

#[test]
fn resizing_keeps_the_selection_visible() {
    let mut app = demo_app();
    press(&mut app, "G");
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    let cursor = app.catalogue_pane.cursor;
    assert!(cursor.selected >= cursor.offset && cursor.selected < cursor.offset + app.list_rows());
    update(
        &mut app,
        Action::Resize {
            width: 20,
            height: 5,
        },
    );
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let cursor = app.catalogue_pane.cursor;
    assert!(cursor.selected < cursor.offset + app.list_rows());
    assert_eq!(app.detail.width, app.catalogue_areas().detail_text.width);
}

fn help_scroll(app: &App) -> usize {
    match app.layers.last() {
        Some(isms::app::Layer::Help(help)) => help.scroll,
        _ => panic!("the help is open"),
    }
}

#[test]
fn h_asks_the_edge_for_a_record_history_and_shows_it_when_it_arrives() {
    use isms::app::layers::history::{Version, Versions};
    use isms::domain::merge_fields::FieldChange;
    let mut app = demo_app();
    assert_eq!(
        press(&mut app, "2 h"),
        [Effect::None, Effect::LoadHistory("5.1".into())]
    );
    assert_eq!(app.top(), Some(LayerKind::History));
    let version = |commit: &str, after: &str| Version {
        commit: commit.into(),
        date: "2026-11-30".into(),
        author: "alice".into(),
        message: "Decide 5.1".into(),
        what: "changed".into(),
        changes: vec![FieldChange {
            field: "status".into(),
            before: "planned".into(),
            after: after.into(),
        }],
    };
    // Keys still work while git is read; the answer comes as an action.
    press(&mut app, "j");
    update(
        &mut app,
        Action::HistoryLoaded {
            record: "5.1".into(),
            versions: Ok(vec![
                version("aaaa", "partial"),
                version("bbbb", "implemented"),
            ]),
        },
    );
    let Some(isms::app::Layer::History(view)) = app.layers.last() else {
        panic!("the history is open");
    };
    let Versions::Loaded(versions) = &view.versions else {
        panic!("loaded: {:?}", view.versions);
    };
    assert_eq!(versions[0].commit, "bbbb", "newest first");
    press(&mut app, "j");
    let Some(isms::app::Layer::History(view)) = app.layers.last() else {
        panic!("the history is open");
    };
    assert_eq!(
        view.selected().unwrap().commit,
        "aaaa",
        "j steps to the older version"
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.top(), None);
}

#[test]
fn a_control_detail_lists_the_csf_subcategories_nist_maps_to_it_per_source() {
    let mut app = demo_app();
    press(&mut app, "/ 5.1 <Enter>");
    assert_eq!(selected_id(&app), "5.1");
    let text: Vec<String> = app
        .detail
        .lines
        .iter()
        .map(|l| l.spans.iter().map(|(_, s)| s.as_str()).collect())
        .collect();
    let at = text
        .iter()
        .position(|l| l.starts_with("NIST CSF 2.0"))
        .unwrap_or_else(|| panic!("a CSF section:\n{}", text.join("\n")));
    let listed = text[at + 1..].join(" ");
    assert!(listed.contains("GV.PO-01"), "{listed}");
}

#[test]
fn the_dashboard_counts_the_entries_changed_since_the_approved_soa() {
    let mut app = demo_app();
    let approved = isms::domain::workspace_format::render_soa(&app.workspace.soa);
    update(
        &mut app,
        Action::ApprovedSoa {
            tag: "soa-v3".into(),
            text: approved,
        },
    );
    assert_eq!(app.dashboard.changed_since_approval, Some(0));
    press(&mut app, "2 a j a j a");
    assert_eq!(app.dashboard.changed_since_approval, Some(3));
    press(&mut app, "u");
    assert_eq!(app.dashboard.changed_since_approval, Some(2));
}
