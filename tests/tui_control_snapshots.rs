//! Snapshots of the control screen (reading and editing its entry in place), the risk detail and
//! the grouped findings at 80×24 and 120×40, on the demo workspace with a fixed "today". The text
//! is snapshotted as plain lines so that a reviewer reads the screen as the user does.

use chrono::NaiveDate;
use isms::app::{Action, App, press, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::keymap::Keymap;
use isms::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(width: u16, height: u16, keys: &str) -> String {
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    let mut app = App::new(catalogue, workspace, "demo".into(), Keymap::default());
    app.risks_pane.today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    app.refresh_dashboard();
    update(&mut app, Action::Resize { width, height });
    press(&mut app, keys);
    let theme = Theme::builtin("default").unwrap();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| isms::ui::render(frame, &app, &theme))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            let line: String = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn control_screen_80x24() {
    insta::assert_snapshot!(screen(80, 24, "/ 8.13 <Enter>"));
}

#[test]
fn control_screen_120x40() {
    insta::assert_snapshot!(screen(120, 40, "/ 8.13 <Enter>"));
}

#[test]
fn control_screen_editing_80x24() {
    insta::assert_snapshot!(screen(80, 24, "/ 8.13 <Enter> e"));
}

#[test]
fn control_screen_editing_120x40() {
    insta::assert_snapshot!(screen(120, 40, "/ 8.13 <Enter> e"));
}

#[test]
fn control_screen_searched_80x24() {
    insta::assert_snapshot!(screen(80, 24, "/ 8.13 <Enter> / restore <Enter> n"));
}

#[test]
fn risk_detail_80x24() {
    insta::assert_snapshot!(screen(80, 24, "3 <Enter>"));
}

#[test]
fn risk_detail_120x40() {
    insta::assert_snapshot!(screen(120, 40, "3 <Enter> j"));
}

#[test]
fn grouped_findings_80x24() {
    insta::assert_snapshot!(screen(80, 24, "4 f f"));
}

#[test]
fn grouped_findings_120x40_one_group_open() {
    insta::assert_snapshot!(screen(120, 40, "4 f f <Enter> j"));
}
