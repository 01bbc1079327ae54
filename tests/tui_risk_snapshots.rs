//! Snapshots of the Risks pane, the risk form (with and without the control picker) and the
//! dashboard at 80×24 and 120×40, on the demo workspace with a fixed "today" for the findings.

use chrono::NaiveDate;
use isms::app::{Action, App, press, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::keymap::Keymap;
use isms::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(width: u16, height: u16, theme: &str, keys: &str) -> String {
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    let mut app = App::new(catalogue, workspace, "demo".into(), Keymap::default());
    app.risks_pane.today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    app.refresh_dashboard();
    update(&mut app, Action::Resize { width, height });
    press(&mut app, keys);
    let theme = Theme::builtin(theme).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| isms::ui::render(frame, &app, &theme))
        .unwrap();
    format!("{:?}", terminal.backend().buffer())
}

#[test]
fn risks_pane_80x24() {
    insta::assert_snapshot!(screen(80, 24, "default", "3 j"));
}

#[test]
fn risks_pane_80x24_mono() {
    insta::assert_snapshot!(screen(80, 24, "mono", "3 j"));
}

#[test]
fn risks_pane_120x40_filtered_and_sorted_by_owner() {
    insta::assert_snapshot!(screen(120, 40, "default", "3 s s s s s s s / it <Enter>"));
}

#[test]
fn risk_form_80x24() {
    insta::assert_snapshot!(screen(
        80,
        24,
        "default",
        "3 e <Tab> <Tab> <Tab> <Tab> <Tab> <Tab>"
    ));
}

#[test]
fn risk_form_120x40() {
    insta::assert_snapshot!(screen(120, 40, "default", "3 n Über <Space> 日本 <Tab>"));
}

#[test]
fn risk_form_control_picker_80x24() {
    let keys = "3 e <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Enter> backup";
    insta::assert_snapshot!(screen(80, 24, "default", keys));
}

#[test]
fn delete_question_80x24() {
    insta::assert_snapshot!(screen(80, 24, "default", "3 d"));
}

#[test]
fn dashboard_80x24() {
    insta::assert_snapshot!(screen(80, 24, "default", "4 k k k l l l"));
}

#[test]
fn dashboard_80x24_mono() {
    insta::assert_snapshot!(screen(80, 24, "mono", "4 f f j"));
}

#[test]
fn dashboard_120x40() {
    insta::assert_snapshot!(screen(120, 40, "default", "4 k k k l l l l <Enter>"));
}

#[test]
fn the_form_scrolls_to_the_focused_field_on_a_short_terminal() {
    let shown = screen(60, 15, "default", "3 e <S-Tab>");
    assert!(shown.contains("Next review"), "{shown}");
    assert!(
        !shown.contains("Title "),
        "the first fields scrolled away:\n{shown}"
    );
}
