//! The workbench in tests: `demo_app` (the demo workspace at 80×24 with the default keys) for
//! key flows, `workbench` for another workspace or keymap, and `screen`, the demo workbench at a
//! size after keys, drawn in the default theme (its debug form keeps the styles).

use isms::app::{Action, App, press, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::domain::workspace::Workspace;
use isms::keymap::Keymap;
use isms::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A workbench on `workspace` with `keymap`, at 80×24.
pub fn workbench(catalogue: Catalogue, workspace: Workspace, keymap: Keymap) -> App {
    let mut app = App::new(catalogue, workspace, "demo".into(), keymap);
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    app
}

/// The demo workspace at 80×24 with the default keys.
pub fn demo_app() -> App {
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    workbench(catalogue, workspace, Keymap::default())
}

/// The demo workbench `width`×`height` after `keys`, drawn.
pub fn screen(width: u16, height: u16, keys: &str) -> String {
    let mut app = demo_app();
    update(&mut app, Action::Resize { width, height });
    press(&mut app, keys);
    let theme = Theme::builtin("default").unwrap();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| isms::ui::render(frame, &app, &theme))
        .unwrap();
    format!("{:?}", terminal.backend().buffer())
}

/// The text of `app`'s screen at its size, one line per row (styles dropped).
pub fn text(app: &App) -> String {
    let (width, height) = app.size;
    let theme = Theme::builtin("default").unwrap();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| isms::ui::render(frame, app, &theme))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
