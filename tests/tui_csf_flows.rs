//! NIST CSF 2.0 in the workbench, driven by keys on the demo workspace: `csf:NODE` in the
//! catalogue search lists the ISO controls NIST's two mappings map the subcategory to (saying
//! which source maps which), and Enter opens one.

use isms::app::{Action, App, Layer, LayerKind, press, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::keymap::Keymap;

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
