//! NIST CSF 2.0 in the workbench, driven by keys on the demo workspace: `csf:NODE` in the
//! catalogue search lists the ISO controls NIST's two mappings map the subcategory to (saying
//! which source maps which), and Enter opens one; the dashboard's CSF view counts the
//! subcategories per state from the SoA, opens a function, lists a subcategory's controls with
//! their decisions, jumps to a control and comes back with Ctrl-O. Its states agree with a
//! table worked out by hand from the demo's decisions.

mod common;

use isms::app::tabs::csf_view::CsfRow;
use isms::app::tabs::isms::IsmsView;
use isms::app::{Action, App, Layer, LayerKind, Tab, press, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::framework::State;
use isms::domain::mgmt::system::ClauseStatus;
use isms::domain::sample::demo_workspace;
use isms::domain::soa::{Applicability, Status};
use isms::keymap::{Context, Keymap};

fn demo_app(width: u16, height: u16) -> App {
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    let mut app = App::new(catalogue, workspace, "demo".into(), Keymap::default());
    update(&mut app, Action::Resize { width, height });
    app
}

/// The ids the catalogue list shows, in order.
fn listed(app: &App) -> Vec<String> {
    app.catalogue_pane
        .results
        .iter()
        .map(|&p| app.catalogue.controls()[p].id.clone())
        .collect()
}

/// The sources marked on the listed row of `id`.
fn sources_of(app: &App, id: &str) -> Vec<String> {
    let pane = &app.catalogue_pane;
    let csf = pane.csf.as_ref().expect("a csf: search is shown");
    let row = listed(app).iter().position(|x| x == id).unwrap();
    csf.rows[row]
        .iter()
        .map(|&s| csf.sources[s].clone())
        .collect()
}

/// The control on the control screen on top.
fn screen_control(app: &App) -> Option<String> {
    match app.layers.last() {
        Some(Layer::Control(screen)) => Some(screen.control.clone()),
        _ => None,
    }
}

/// PR.AA-05 in the reference CSV: Razilio maps 11 controls, Independent 6, 5 of them shared.
const PR_AA_05: [&str; 12] = [
    "5.1", "5.3", "5.14", "5.15", "5.16", "5.17", "5.18", "8.2", "8.3", "8.4", "8.5", "8.18",
];

#[test]
fn a_csf_subcategory_in_the_search_lists_its_mapped_controls_by_source() {
    let mut app = demo_app(80, 24);
    press(&mut app, "/ csf:PR.AA-05");
    assert_eq!(app.top(), Some(LayerKind::Search));
    assert_eq!(listed(&app), PR_AA_05);
    assert_eq!(app.catalogue_pane.error, None);
    let both = ["NIST-OLIR:Razilio", "NIST-OLIR:Independent"];
    assert_eq!(sources_of(&app, "5.15"), both);
    assert_eq!(sources_of(&app, "5.3"), ["NIST-OLIR:Razilio"]);
    assert_eq!(sources_of(&app, "8.4"), ["NIST-OLIR:Independent"]);

    // Enter keeps the list; Enter again opens the selected control; Ctrl-O comes back.
    press(&mut app, "<Enter>");
    assert_eq!(app.top(), None);
    assert_eq!(listed(&app), PR_AA_05);
    press(&mut app, "j j j <Enter>");
    assert_eq!(screen_control(&app).as_deref(), Some("5.15"));
    press(&mut app, "<C-o>");
    assert_eq!(app.top(), None);
    assert_eq!(
        listed(&app),
        PR_AA_05,
        "the list is still the subcategory's"
    );
}

#[test]
fn the_prefix_and_the_id_may_be_written_in_any_case() {
    for typed in ["csf2:PR.AA-05", "CSF:pr.aa-05", "Csf2:Pr.Aa-05"] {
        let mut app = demo_app(80, 24);
        press(&mut app, &format!("/ {typed} <Enter>"));
        assert_eq!(listed(&app), PR_AA_05, "{typed}");
    }
}

#[test]
fn an_unknown_node_or_a_category_is_said_and_a_plain_search_is_unchanged() {
    let mut app = demo_app(80, 24);
    press(&mut app, "/ csf:PR.AA-99");
    let error = app.catalogue_pane.error.clone().unwrap();
    assert!(error.contains("no CSF 2.0 subcategory PR.AA-99"), "{error}");
    press(&mut app, "<Esc> / csf:PR.AA");
    let error = app.catalogue_pane.error.clone().unwrap();
    assert!(error.contains("csf:PR.AA-01"), "{error}");

    press(&mut app, "<Esc> / theme:people <Enter>");
    assert!(app.catalogue_pane.csf.is_none());
    assert_eq!(app.catalogue_pane.results.len(), 8);
}

const RAZILIO: &str = "NIST-OLIR:Razilio";

/// The state the CSF view computed for a subcategory.
fn state_of(app: &App, node: &str) -> State {
    let cov = app
        .dashboard
        .csf
        .coverage
        .as_ref()
        .expect("the CSF view is shown");
    cov.nodes.iter().find(|n| n.node == node).unwrap().state
}

/// The counts of a roll-up (function or category), by state.
fn counts_of(app: &App, node: &str) -> Vec<(State, usize)> {
    let cov = app.dashboard.csf.coverage.as_ref().unwrap();
    let roll = cov.roll_ups.iter().find(|r| r.node == node).unwrap();
    roll.counts
        .iter()
        .copied()
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// The selected row of an open function, as a node id.
fn selected_node(app: &App) -> String {
    let view = &app.dashboard.csf;
    let cov = view.coverage.as_ref().unwrap();
    match view.rows()[view.nodes.selected] {
        CsfRow::Category(r) => cov.roll_ups[r].node.clone(),
        CsfRow::Subcategory(n) => cov.nodes[n].node.clone(),
    }
}

#[test]
fn the_dashboard_switches_to_the_csf_view_and_back() {
    let mut app = demo_app(80, 24);
    press(&mut app, "4");
    assert_eq!(app.contexts()[0], Context::Dashboard);
    press(&mut app, "v");
    assert!(app.dashboard.csf.shown);
    assert_eq!(app.contexts()[0], Context::Csf);
    let view = &app.dashboard.csf;
    assert_eq!(view.source_name(), RAZILIO);
    let functions: Vec<&str> = view.functions().iter().map(|r| r.node.as_str()).collect();
    assert_eq!(functions, ["GV", "ID", "PR", "DE", "RS", "RC"]);
    // Every subcategory is counted once under its function: 106 in all.
    let total: usize = view
        .functions()
        .iter()
        .flat_map(|r| r.counts.iter().map(|(_, n)| n))
        .sum();
    assert_eq!(total, 106);

    // s: the other source, its own counts (never merged with the first).
    press(&mut app, "s");
    assert_eq!(app.dashboard.csf.source_name(), "NIST-OLIR:Independent");
    assert_eq!(
        app.dashboard.csf.coverage.as_ref().unwrap().source,
        "NIST-OLIR:Independent"
    );
    assert!(counts_of(&app, "RS").contains(&(State::NotMapped, 11)));
    press(&mut app, "s");
    assert_eq!(app.dashboard.csf.source_name(), RAZILIO);

    // v again: the risk view, its keys back.
    press(&mut app, "v");
    assert!(!app.dashboard.csf.shown);
    assert_eq!(app.contexts()[0], Context::Dashboard);
}

#[test]
fn enter_goes_from_a_function_to_a_subcategory_to_a_control_and_ctrl_o_comes_back() {
    let mut app = demo_app(80, 24);
    press(&mut app, "4 v j j <Enter>");
    assert_eq!(app.dashboard.csf.function, Some(2), "PR is open");
    assert_eq!(selected_node(&app), "PR.AA");
    // Enter on a category says what to do; nothing opens.
    press(&mut app, "<Enter>");
    assert_eq!(app.top(), None);
    press(&mut app, "j j j j j");
    assert_eq!(selected_node(&app), "PR.AA-05");

    press(&mut app, "<Enter>");
    assert_eq!(app.top(), Some(LayerKind::List));
    let Some(Layer::List(popup)) = app.layers.last() else {
        panic!("a list is open");
    };
    let texts: Vec<&str> = popup.items.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts.len(), 11, "Razilio maps 11 controls: {texts:?}");
    assert!(
        texts[0].starts_with("5.1   applicable, implemented"),
        "{texts:?}"
    );
    assert!(texts[1].starts_with("5.3   undecided"), "{texts:?}");

    // The second control, 5.3: its control screen; Ctrl-O back to the open function.
    press(&mut app, "j <Enter>");
    assert_eq!(screen_control(&app).as_deref(), Some("5.3"));
    press(&mut app, "<C-o>");
    assert_eq!(app.tab, Tab::Dashboard);
    assert_eq!(app.top(), None);
    assert!(app.dashboard.csf.shown);
    assert_eq!(selected_node(&app), "PR.AA-05");

    // Esc: back to the function bars.
    press(&mut app, "<Esc>");
    assert_eq!(app.dashboard.csf.function, None);
    assert_eq!(app.dashboard.csf.functions.selected, 2);
}

#[test]
fn a_decision_in_the_soa_changes_the_view_at_once() {
    let mut app = demo_app(80, 24);
    press(&mut app, "4 v");
    // Razilio maps PR.AA-04 to 5.16 alone, which the demo leaves undecided.
    assert_eq!(state_of(&app, "PR.AA-04"), State::Undecided);
    let entry = app.soa_entry("5.16").unwrap();
    assert_eq!(entry.applicability, Applicability::Undecided);
    // Applicable and planned: a gap; implemented: covered; four undos: undecided again.
    press(&mut app, "2 / 5.16 <Enter> a s 4");
    assert_eq!(state_of(&app, "PR.AA-04"), State::Gap);
    press(&mut app, "2 s s 4");
    assert_eq!(state_of(&app, "PR.AA-04"), State::Covered);
    press(&mut app, "u u u u");
    assert_eq!(state_of(&app, "PR.AA-04"), State::Undecided);
}

/// Worked out by hand from the reference CSV (Razilio's rows) and the demo's decisions:
///
/// | subcategory | mapped (Razilio)                 | demo decisions                   | state     |
/// |-------------|----------------------------------|----------------------------------|-----------|
/// | PR.DS-11    | 8.13                             | implemented                      | covered   |
/// | DE.AE-02    | 5.24, 5.25                       | implemented, undecided           | partial   |
/// | DE.CM-03    | 7.4, 8.16, clause 9.1            | excluded, planned, 9.1 partial   | partial   |
/// | DE.CM-01    | 8.16                             | planned                          | gap       |
/// | DE.CM-02    | 7.4                              | excluded                         | excluded  |
/// | PR.AA-04    | 5.16                             | undecided                        | undecided |
///
/// DE.CM (01, 02, 03, 06, 09): 06 is 5.22 undecided + 8.16 planned (nothing done: gap), 09 is
/// 8.16 planned (gap); so 1 partial, 3 gap, 1 excluded.
#[test]
fn states_and_counts_match_a_table_worked_out_by_hand() {
    let mut app = demo_app(80, 24);
    let decision = |app: &App, id: &str| {
        let e = app.soa_entry(id).unwrap();
        (e.applicability, e.status)
    };
    assert_eq!(
        decision(&app, "8.13"),
        (Applicability::Applicable, Status::Implemented)
    );
    assert_eq!(
        decision(&app, "5.24"),
        (Applicability::Applicable, Status::Implemented)
    );
    assert_eq!(decision(&app, "5.25").0, Applicability::Undecided);
    assert_eq!(decision(&app, "7.4").0, Applicability::Excluded);
    assert_eq!(
        decision(&app, "8.16"),
        (Applicability::Applicable, Status::Planned)
    );
    assert_eq!(decision(&app, "5.22").0, Applicability::Undecided);
    assert_eq!(decision(&app, "5.16").0, Applicability::Undecided);
    let clause = app.workspace.mgmt.system.clause("9.1").unwrap();
    assert_eq!(clause.status, ClauseStatus::Partial);

    press(&mut app, "4 v");
    let expected = [
        ("PR.DS-11", State::Covered),
        ("DE.AE-02", State::Partial),
        ("DE.CM-03", State::Partial),
        ("DE.CM-01", State::Gap),
        ("DE.CM-02", State::Excluded),
        ("PR.AA-04", State::Undecided),
    ];
    for (node, state) in expected {
        assert_eq!(state_of(&app, node), state, "{node}");
    }
    assert_eq!(
        counts_of(&app, "DE.CM"),
        [(State::Partial, 1), (State::Gap, 3), (State::Excluded, 1)]
    );

    // The screen says the same: DE opened, its first rows.
    let shown = common::workbench::screen(80, 24, "4 v j j j <Enter>");
    for line in [
        "DE.CM Continuous Monitoring — 1 partial · 3 gap · 1 excluded",
        "DE.CM-01  gap        8.16 plan",
        "DE.CM-02  excluded   7.4 excl",
        "DE.CM-03  partial    7.4 excl  8.16 plan  clause 9.1 partial",
    ] {
        assert!(shown.contains(line), "{line:?} not on screen:\n{shown}");
    }
}

#[test]
fn a_mapped_clause_is_listed_with_its_status_and_leads_to_the_isms_pane() {
    let mut app = demo_app(80, 24);
    // DE, then DE.CM-03: Razilio maps it to 7.4, 8.16 and clause 9.1.
    press(&mut app, "4 v j j j <Enter> j j j");
    assert_eq!(selected_node(&app), "DE.CM-03");
    press(&mut app, "<Enter>");
    let Some(Layer::List(popup)) = app.layers.last() else {
        panic!("a list is open");
    };
    let texts: Vec<&str> = popup.items.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts[0].starts_with("7.4   excluded"), "{texts:?}");
    assert!(
        texts[1].starts_with("8.16  applicable, planned"),
        "{texts:?}"
    );
    assert!(texts[2].starts_with("clause 9.1    partial"), "{texts:?}");
    press(&mut app, "j j <Enter>");
    assert_eq!(app.tab, Tab::Isms);
    let clauses = &app.workspace.mgmt.system.clauses;
    let selected = app.isms_pane.cursors[IsmsView::Clauses.index()].selected;
    assert_eq!(clauses[selected].clause, "9.1");
}
