//! Snapshots of the screen (insta over ratatui's `TestBackend`): the catalogue pane and the help
//! overlay at 80×24 and 120×40, in the default and mono themes. The buffer's debug form keeps the
//! styles, so a theme change shows up as a diff. Nothing here depends on the date or a path.

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
    update(&mut app, Action::Resize { width, height });
    press(&mut app, keys);
    let theme = Theme::builtin(theme).unwrap();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| isms::ui::render(frame, &app, &theme))
        .unwrap();
    format!("{:?}", terminal.backend().buffer())
}

/// The catalogue after searching for "backup" and opening the detail of the first hit.
const CATALOGUE_KEYS: &str = "/ backup <Enter> l j";

#[test]
fn catalogue_pane_80x24_default() {
    insta::assert_snapshot!(screen(80, 24, "default", CATALOGUE_KEYS));
}

#[test]
fn catalogue_pane_80x24_mono() {
    insta::assert_snapshot!(screen(80, 24, "mono", CATALOGUE_KEYS));
}

#[test]
fn catalogue_pane_120x40_default() {
    insta::assert_snapshot!(screen(120, 40, "default", CATALOGUE_KEYS));
}

#[test]
fn catalogue_pane_120x40_mono() {
    insta::assert_snapshot!(screen(120, 40, "mono", CATALOGUE_KEYS));
}

#[test]
fn help_overlay_80x24_default() {
    insta::assert_snapshot!(screen(80, 24, "default", "?"));
}

#[test]
fn help_overlay_80x24_mono() {
    insta::assert_snapshot!(screen(80, 24, "mono", "?"));
}

#[test]
fn help_overlay_120x40_default() {
    insta::assert_snapshot!(screen(120, 40, "default", "?"));
}

#[test]
fn help_overlay_120x40_mono() {
    insta::assert_snapshot!(screen(120, 40, "mono", "?"));
}

#[test]
fn search_box_while_typing_80x24() {
    insta::assert_snapshot!(screen(80, 24, "default", "/ thrt <Space> intel"));
}

#[test]
fn too_small_terminal_gets_a_notice() {
    let shown = screen(50, 12, "default", "");
    assert!(shown.contains("Terminal too small"), "{shown}");
    assert!(shown.contains("isms needs 60×15"), "{shown}");
}

#[test]
fn every_pane_draws_at_80x24() {
    for keys in ["2", "3", "4", "2 G", "3 G"] {
        let shown = screen(80, 24, "default", keys);
        assert!(!shown.contains("Terminal too small"));
    }
    assert!(screen(80, 24, "default", "3").contains("R-001"));
    assert!(screen(80, 24, "default", "2").contains("applicable"));
    assert!(screen(80, 24, "default", "4").contains("Inherent · 12"));
}
