//! The workbench on the demo workspace, for snapshot tests: keys pressed at a size, then the
//! buffer drawn in the default theme (its debug form keeps the styles).

use isms::app::{Action, App, press, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::keymap::Keymap;
use isms::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The demo workbench `width`×`height` after `keys`, drawn.
pub fn screen(width: u16, height: u16, keys: &str) -> String {
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    let mut app = App::new(catalogue, workspace, "demo".into(), Keymap::default());
    update(&mut app, Action::Resize { width, height });
    press(&mut app, keys);
    let theme = Theme::builtin("default").unwrap();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| isms::ui::render(frame, &app, &theme))
        .unwrap();
    format!("{:?}", terminal.backend().buffer())
}
