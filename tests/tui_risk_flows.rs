//! Key flows of the Risks pane, the risk form and the dashboard: keys drive `App` as a person
//! would, and the tests assert on the workspace and the selection.

mod common;

use chrono::NaiveDate;
use isms::app::tabs::dashboard::{FindingRow, Panel};
use isms::app::tabs::risks::SortColumn;
use isms::app::{App, Layer, LayerKind, Tab, View, press};
use isms::domain::risk::RiskStatus;

/// The demo workbench on 2 March 2026 (the demo's review dates are around it).
fn demo_app() -> App {
    let mut app = common::workbench::demo_app();
    app.risks_pane.today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    app
}

fn form_open(app: &App) -> bool {
    app.form().is_some()
}

fn popup_items(app: &App) -> Option<usize> {
    match app.layers.last() {
        Some(Layer::List(list)) => Some(list.items.len()),
        _ => None,
    }
}

/// From a new form's title: six Tabs reach the likelihood, eight the treating controls.
const NEW_RISK: &str = "3 n Stolen <Space> backup <Space> tapes \
    <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> 4 <Tab> 5 <Tab> <Tab> \
    <Enter> backup <Enter> <C-u> 8.24 <Enter> <Esc>";

#[test]
fn adding_a_risk_with_two_controls_picked_by_search() {
    let mut app = demo_app();
    press(&mut app, NEW_RISK);
    assert!(form_open(&app), "the picker closed, the form stays");
    press(&mut app, "<C-s>");
    assert!(!form_open(&app));
    let risk = app.workspace.risks.get("R-013").expect("added as R-013");
    assert_eq!(risk.title, "Stolen backup tapes");
    assert_eq!((risk.likelihood, risk.impact), (4, 5));
    assert_eq!(risk.controls, ["8.13", "8.24"]);
    assert_eq!(risk.created, app.risks_pane.today);
    assert_eq!(app.selected_risk_id().as_deref(), Some("R-013"));
    assert!(app.dirty);
    // Undo takes the new risk away; redo brings it back.
    press(&mut app, "u");
    assert!(app.workspace.risks.get("R-013").is_none());
    press(&mut app, "<C-r>");
    assert!(app.workspace.risks.get("R-013").is_some());
}

#[test]
fn the_picker_removes_a_control_picked_twice() {
    let mut app = demo_app();
    press(&mut app, NEW_RISK);
    press(&mut app, "<Enter> 8.24 <Enter> <Esc> <C-s>");
    let risk = app.workspace.risks.get("R-013").unwrap();
    assert_eq!(risk.controls, ["8.13"]);
}

#[test]
fn editing_a_risk_and_undoing_the_edit() {
    let mut app = demo_app();
    // The table starts sorted by inherent level: R-003 (4×5) is first.
    press(&mut app, "3");
    assert_eq!(app.selected_risk_id().as_deref(), Some("R-003"));
    press(
        &mut app,
        "e <Tab> <Tab> <Tab> <Tab> <Tab> <C-u> Ana <Space> Müller",
    );
    press(
        &mut app,
        "<Tab> <Left> <Tab> <Tab> <Tab> <Tab> 0 <Tab> <Tab> <Right> <C-s>",
    );
    let risk = app.workspace.risks.get("R-003").unwrap();
    assert_eq!(risk.owner, "Ana Müller");
    assert_eq!(risk.likelihood, 3);
    assert_eq!(
        risk.residual_likelihood, None,
        "0 clears the residual rating"
    );
    assert_eq!(risk.status, RiskStatus::Accepted);
    assert!(risk.updated.is_some());
    press(&mut app, "u");
    let risk = app.workspace.risks.get("R-003").unwrap();
    assert_eq!(risk.owner, "IT Lead");
    assert_eq!(risk.residual_likelihood, Some(2));
    assert!(!app.dirty);
}

#[test]
fn a_bad_date_keeps_the_form_open_on_that_field() {
    let mut app = demo_app();
    press(&mut app, "3 e <S-Tab> <C-u> 2026-02-30 <C-s>");
    assert!(form_open(&app));
    assert!(app.message.as_ref().unwrap().text.contains("not a date"));
    assert!(!app.dirty);
    // `t` puts today in a date field.
    press(&mut app, "<C-u> t <C-s>");
    assert!(!form_open(&app));
    let risk = app.workspace.risks.get("R-003").unwrap();
    assert_eq!(risk.next_review, Some(app.risks_pane.today));
}

#[test]
fn an_acceptance_needs_who_and_when() {
    let mut app = demo_app();
    let to_accepted_by = "<Tab>".repeat(13).replace("><", "> <");
    press(&mut app, &format!("3 e {to_accepted_by} CISO <C-s>"));
    assert!(form_open(&app));
    press(&mut app, "t <C-s>");
    let risk = app.workspace.risks.get("R-003").unwrap();
    let acceptance = risk.acceptance.as_ref().unwrap();
    assert_eq!(acceptance.by, "CISO");
    assert_eq!(acceptance.on, app.risks_pane.today);
}

#[test]
fn esc_asks_before_throwing_changes_away() {
    let mut app = demo_app();
    press(&mut app, "3 e <Esc>");
    assert!(!form_open(&app), "nothing changed: Esc closes at once");
    press(&mut app, "e x <Esc>");
    assert!(form_open(&app), "a change: Esc asks");
    press(&mut app, "n");
    assert!(form_open(&app));
    press(&mut app, "<Esc> y");
    assert!(!form_open(&app));
    assert!(!app.dirty);
}

#[test]
fn deleting_asks_and_can_be_cancelled_or_undone() {
    let mut app = demo_app();
    press(&mut app, "3 d n");
    assert_eq!(app.workspace.risks.risks.len(), 12);
    press(&mut app, "d <Esc>");
    assert_eq!(app.workspace.risks.risks.len(), 12);
    press(&mut app, "d y");
    assert_eq!(app.workspace.risks.risks.len(), 11);
    assert!(app.workspace.risks.get("R-003").is_none());
    assert_eq!(app.risks_pane.rows.len(), 11);
    press(&mut app, "u");
    assert!(app.workspace.risks.get("R-003").is_some());
}

#[test]
fn a_read_only_workspace_refuses_the_form_and_keeps_it_open() {
    let mut app = demo_app();
    app.read_only = Some("bob@host holds the lock".into());
    press(&mut app, "3 e x <C-s>");
    assert!(form_open(&app), "nothing typed is lost");
    assert!(app.message.as_ref().unwrap().text.contains("bob@host"));
}

#[test]
fn sorting_cycles_columns_and_flips_the_order() {
    let mut app = demo_app();
    press(&mut app, "3");
    assert_eq!(app.risks_pane.sort, SortColumn::Inherent);
    press(&mut app, "s");
    assert_eq!(app.risks_pane.sort, SortColumn::Residual);
    let ws = &app.workspace;
    let first = &ws.risks.risks[app.risks_pane.rows[0]];
    assert!(first.residual_score().is_some());
    press(&mut app, "s s s s");
    assert_eq!(app.risks_pane.sort, SortColumn::Id);
    let ids = |app: &App| -> Vec<String> {
        let risks = &app.workspace.risks.risks;
        app.risks_pane
            .rows
            .iter()
            .map(|&i| risks[i].id.clone())
            .collect()
    };
    assert_eq!(ids(&app)[0], "R-001");
    press(&mut app, "S");
    assert_eq!(ids(&app)[0], "R-012");
}

#[test]
fn filtering_as_you_type_and_clearing() {
    let mut app = demo_app();
    press(&mut app, "3 / laptops");
    assert_eq!(app.top(), Some(LayerKind::Search));
    assert_eq!(app.risks_pane.filter, "laptops");
    assert_eq!(app.risks_pane.rows.len(), 1);
    press(&mut app, "<Enter>");
    assert_eq!(app.top(), None);
    assert_eq!(app.selected_risk_id().as_deref(), Some("R-006"));
    press(&mut app, "<Esc>");
    assert_eq!(app.risks_pane.rows.len(), 12);
}

#[test]
fn from_a_risk_to_its_controls() {
    let mut app = demo_app();
    press(&mut app, "3");
    // `c` filters the SoA to R-003's controls; Enter opens the control screen of the one picked;
    // Ctrl-O goes back along the jump list, Esc clears the filter.
    press(&mut app, "c");
    assert_eq!(app.tab, Tab::Soa);
    let controls = app.workspace.risks.get("R-003").unwrap().controls.clone();
    assert_eq!(app.soa_pane.rows.len(), controls.len());
    let screen = common::workbench::text(&app);
    assert!(
        screen.contains("controls of R-003 · Esc clears"),
        "{screen}"
    );
    press(&mut app, "j <Enter>");
    assert_eq!(app.top(), Some(LayerKind::Control));
    let shown = app.selected_soa_entry().unwrap().control.clone();
    assert!(controls.contains(&shown));
    press(&mut app, "<C-o>");
    assert_eq!((app.tab, app.top()), (Tab::Soa, None));
    assert_eq!(app.selected_soa_entry().unwrap().control, shown);
    press(&mut app, "<C-o>");
    assert_eq!(app.tab, Tab::Risks);
    assert_eq!(app.selected_risk_id().as_deref(), Some("R-003"));
    press(&mut app, "<C-n> <Esc>");
    assert_eq!(app.tab, Tab::Soa);
    assert_eq!(app.soa_pane.rows.len(), app.workspace.soa.entries.len());
}

/// Enter on a risk shows it whole; `e` edits it; Enter on one of its controls opens that
/// control's screen.
#[test]
fn the_risk_detail_shows_every_field_and_leads_to_its_controls() {
    let mut app = demo_app();
    press(&mut app, "3 <Enter>");
    assert_eq!(app.top(), Some(LayerKind::RiskDetail));
    let risk = app.workspace.risks.get("R-003").unwrap().clone();
    let screen = common::workbench::text(&app);
    for control in &risk.controls {
        assert!(screen.contains(control.as_str()), "{control} in {screen}");
    }
    assert!(screen.contains(&risk.owner), "{screen}");
    press(&mut app, "e");
    assert!(form_open(&app));
    press(&mut app, "<Esc> j <Enter>");
    assert_eq!(app.top(), Some(LayerKind::Control));
    press(&mut app, "<C-o>");
    assert_eq!(app.top(), Some(LayerKind::RiskDetail));
}

#[test]
fn a_heat_map_cell_lists_its_risks_and_opens_one() {
    let mut app = demo_app();
    // From likelihood 1 × impact 1 up three and right four: 4 × 5, where R-003 is.
    press(&mut app, "4 k k k l l l l <Enter>");
    assert_eq!(popup_items(&app), Some(1), "the cell's risks");
    press(&mut app, "<Enter>");
    assert_eq!(app.tab, Tab::Risks);
    assert_eq!(app.selected_risk_id().as_deref(), Some("R-003"));
    // The residual map counts residual ratings: R-003 sits at 2 × 4 there with two others.
    press(&mut app, "4 f");
    assert_eq!(app.dashboard.panel, Panel::Residual);
    press(&mut app, "j j h <Enter>");
    assert_eq!(popup_items(&app), Some(3));
    press(&mut app, "<Esc>");
    assert_eq!(popup_items(&app), None);
}

#[test]
fn a_finding_jumps_to_its_control_or_risk() {
    let mut app = demo_app();
    press(&mut app, "4 f f");
    assert_eq!(app.dashboard.panel, Panel::Findings);
    // The undecided controls are one line, which Enter opens.
    let rows = app.dashboard_rows();
    let group = rows
        .iter()
        .position(|r| {
            matches!(
                r,
                FindingRow::Group {
                    code: "undecided",
                    ..
                }
            )
        })
        .expect("the demo leaves controls undecided");
    let FindingRow::Group { count, first, .. } = rows[group] else {
        unreachable!()
    };
    assert!(count > 1);
    assert!(rows.len() < app.dashboard.findings.len());
    move_to(&mut app, group);
    press(&mut app, "<Enter>");
    assert_eq!(app.dashboard_rows().len(), rows.len() + count);
    // Enter on one of them: the control screen with the SoA form open, where it is decided.
    press(&mut app, "j <Enter>");
    let subject = app.dashboard.findings[first].subject.clone();
    let kinds: Vec<_> = app.layers.iter().map(|l| l.kind()).collect();
    assert_eq!(kinds, [LayerKind::Control, LayerKind::Form]);
    assert_eq!(app.place().view, View::Control(subject));
    press(&mut app, "<Esc> <C-o>");
    assert_eq!((app.tab, app.top()), (Tab::Dashboard, None));
    assert_eq!(
        app.dashboard.findings_cursor.selected,
        group + 1,
        "back on the finding"
    );
    press(&mut app, "k <Space>");
    assert_eq!(
        app.dashboard_rows().len(),
        rows.len(),
        "Space folds it again"
    );

    // A finding about a risk (its group opened first when there are several).
    let about_risk = |index: usize| app.dashboard.findings[index].subject.starts_with("R-");
    let mut risk_row = rows
        .iter()
        .position(|r| match *r {
            FindingRow::Item { index, .. } => about_risk(index),
            FindingRow::Group { first, .. } => about_risk(first),
        })
        .expect("the demo has a finding about a risk");
    if let FindingRow::Group { .. } = rows[risk_row] {
        move_to(&mut app, risk_row);
        press(&mut app, "<Enter>");
        risk_row += 1;
    }
    let FindingRow::Item { index, .. } = app.dashboard_rows()[risk_row] else {
        unreachable!()
    };
    let subject = app.dashboard.findings[index].subject.clone();
    move_to(&mut app, risk_row);
    press(&mut app, "<Enter>");
    assert_eq!(app.place().view, View::Risk(subject));
    press(&mut app, "<C-o>");
    assert_eq!((app.tab, app.top()), (Tab::Dashboard, None));
}

fn move_to(app: &mut App, row: usize) {
    press(app, "k k k k k k k k k k k k k k k k k k k k");
    for _ in 0..row {
        press(app, "j");
    }
}
