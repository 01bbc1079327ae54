//! Every built-in theme keeps selected rows readable: on the screens that show a selection (the
//! catalogue list, the SoA and risk tables, the findings, the picker, the control screen's risks,
//! the risk detail), no cell's text is drawn in its own background colour (the cyan id on a cyan
//! selection this test was written for).

use chrono::NaiveDate;
use isms::app::{Action, App, press, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::keymap::Keymap;
use isms::theme::{BUILTIN, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const SCREENS: &[&str] = &[
    "j",
    "/ backup <Enter> l j",
    "2 j j",
    "2 / 8.13 <Enter> e",
    "3 j",
    "3 e <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Tab> <Enter> backup",
    "3 <Enter> j",
    "4 f f",
    "4 f f <Enter> j",
    "4",
    "1 / 8.13 <Enter> <Tab> <Tab>",
    "1 / 8.13 <Enter> / backup <Enter>",
];

fn draw(theme: &Theme, keys: &str) -> Buffer {
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    let mut app = App::new(catalogue, workspace, "demo".into(), Keymap::default());
    app.risks_pane.today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    app.refresh_dashboard();
    update(
        &mut app,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    press(&mut app, keys);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal
        .draw(|frame| isms::ui::render(frame, &app, theme))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The colours a cell is seen in, reverse video applied.
fn seen(fg: Color, bg: Color, modifier: Modifier) -> (Color, Color) {
    if modifier.contains(Modifier::REVERSED) {
        (bg, fg)
    } else {
        (fg, bg)
    }
}

#[test]
fn no_theme_draws_text_in_its_own_background_colour() {
    let mut problems = Vec::new();
    for (name, _) in BUILTIN {
        let theme = Theme::builtin(name).unwrap();
        for keys in SCREENS {
            let buffer = draw(&theme, keys);
            for y in 0..buffer.area.height {
                for x in 0..buffer.area.width {
                    let cell = &buffer[(x, y)];
                    if cell.symbol().trim().is_empty() {
                        continue;
                    }
                    let (fg, bg) = seen(cell.fg, cell.bg, cell.modifier);
                    if fg == bg && fg != Color::Reset {
                        let row: String = (0..buffer.area.width)
                            .map(|x| buffer[(x, y)].symbol())
                            .collect();
                        problems.push(format!(
                            "{name} {keys:?} ({x},{y}) {fg:?}: {}",
                            row.trim_end()
                        ));
                        break;
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "unreadable cells:\n{}",
        problems.join("\n")
    );
}
