//! At 80×24 no two visible rows of the Catalogue or the SoA read the same title: a title that
//! does not fit gives way to the control's short title before it is cut.

use isms::app::{Action, App, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::keymap::Keymap;
use isms::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = Theme::builtin("default").unwrap();
    terminal
        .draw(|frame| isms::ui::render(frame, app, &theme))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..24)
        .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

/// The title cells of the table rows on screen: from the header's `title` column to the next
/// header word.
fn titles(lines: &[String], title: &str, next: &str) -> Vec<String> {
    let header = lines
        .iter()
        .position(|l| l.contains(title) && l.contains(next))
        .expect("a header row");
    let chars: Vec<char> = lines[header].chars().collect();
    let text: String = chars.iter().collect();
    let start = text.find(title).unwrap();
    let end = text.find(next).unwrap();
    let (start, end) = (text[..start].chars().count(), text[..end].chars().count());
    lines[header + 1..]
        .iter()
        .map(|l| l.chars().skip(start).take(end - start).collect::<String>())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty() && !t.starts_with('─'))
        .collect()
}

fn no_two_alike(app: &mut App, title: &str, next: &str, pages: usize) {
    for page in 0..pages {
        let lines = screen(app);
        let shown = titles(&lines, title, next);
        assert!(
            shown.len() > 5,
            "rows on page {page}:\n{}",
            lines.join("\n")
        );
        let mut seen = std::collections::BTreeSet::new();
        for t in &shown {
            assert!(
                seen.insert(t.clone()),
                "{t:?} twice on page {page}:\n{}",
                lines.join("\n")
            );
        }
        update(app, Action::PageDown);
    }
}

#[test]
fn no_two_visible_rows_read_the_same_title() {
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    let mut app = App::new(catalogue, workspace, "demo".into(), Keymap::default());
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    no_two_alike(&mut app, "Title", "Thm", 6);
    isms::app::press(&mut app, "2");
    no_two_alike(&mut app, "Control", "Decision", 6);
}
