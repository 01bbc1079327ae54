//! The workbench's figures for `isms bench`: start to first frame, one keystroke in the search box
//! to the next frame (update + render at 120×40) on the shipped and a 10 000-control catalogue,
//! bytes written to the terminal for moving the selection one row, and resident memory.
//! Figures, never assertions.

use std::cell::Cell;
use std::io::Write;
use std::process::{Command, ExitCode};
use std::rc::Rc;
use std::time::{Duration, Instant};

use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::bench::generated_catalogue;
use crate::app::{Action, App, handle_key, press, update};
use crate::domain::catalogue::Catalogue;
use crate::domain::sample::demo_workspace;
use crate::domain::workspace::{Settings, Workspace};
use crate::keymap::{Key, Keymap};
use crate::theme::Theme;

/// Set in the child process that measures memory.
const PROBE: &str = "ISMS_BENCH_MEMORY_PROBE";
/// Set in the child process that measures the undo history.
const UNDO_PROBE: &str = "ISMS_BENCH_UNDO_PROBE";
/// Edits kept in the undo history for its figure.
const UNDO_STEPS: usize = 500;
/// What is typed, one key at a time, in the keystroke figures.
const TYPED: &str = "threat intel";

pub fn run() -> anyhow::Result<()> {
    outln!("\nworkbench (update + render to an in-memory terminal):");
    let first = time_per_run(20, || {
        let catalogue = Catalogue::builtin();
        let workspace = demo_workspace(&catalogue);
        let mut app = App::new(catalogue, workspace, "demo".into(), Keymap::default());
        let theme = Theme::default_theme();
        draw_once(&mut app, &theme, 120, 40);
    });
    outln!(
        "  start to first frame (load catalogue, demo, keymap, theme; render 120×40): {}",
        millis(first)
    );

    let builtin = Catalogue::builtin();
    let workspace = demo_workspace(&builtin);
    keystrokes(
        "93 controls",
        App::new(builtin, workspace, "demo".into(), Keymap::default()),
    );
    let base = Catalogue::builtin();
    let large = Catalogue::parse(&generated_catalogue(&base, 10_000), "generated")?;
    let workspace = Workspace::new(Settings::default(), &large);
    keystrokes(
        "10 000 controls",
        App::new(large, workspace, "generated".into(), Keymap::default()),
    );

    for (width, height) in [(80, 24), (120, 40)] {
        let (list_only, with_detail) = bytes_for_one_row(width, height);
        outln!(
            "  bytes written for moving the selection one row at {width}×{height}: {with_detail} B \
             in the catalogue (list and the new control's detail), {list_only} B in the SoA table"
        );
    }
    memory()?;
    undo_history()?;
    Ok(())
}

/// The undo history of 500 edits on a workspace with 10 000 risks, in a fresh process.
fn undo_history() -> anyhow::Result<()> {
    let output = Command::new(std::env::current_exe()?)
        .arg("bench")
        .env(UNDO_PROBE, "1")
        .output()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let figures: Vec<f64> = text
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    match figures[..] {
        [before, after, median_ms] => outln!(
            "  {UNDO_STEPS} undoable edits (a, s, and every tenth a risk) on {} risks: peak memory \
             {:.1} MB before, {:.1} MB after ({:+.1} MB for the history); one edit to the next frame: \
             median {median_ms:.3} ms",
            super::bench_workspace::RISKS,
            before / 1024.0,
            after / 1024.0,
            (after - before) / 1024.0
        ),
        _ => outln!("  undo history memory: not available on this system"),
    }
    Ok(())
}

/// In the child started by `undo_history`: open a large workspace, make the edits, print the
/// peak RSS before and after (KiB) and the median time of one edit and its frame (ms).
pub fn undo_probe() -> Option<ExitCode> {
    std::env::var_os(UNDO_PROBE)?;
    let catalogue = Catalogue::builtin();
    let workspace = super::bench_workspace::generated_workspace(&catalogue);
    let mut app = App::new(catalogue, workspace, "bench".into(), Keymap::default());
    let theme = Theme::default_theme();
    draw_once(&mut app, &theme, 120, 40);
    press(&mut app, "2");
    let before = crate::store::process::peak_resident_kib().unwrap_or(0);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    let mut times = Vec::new();
    for step in 0..UNDO_STEPS {
        let started = Instant::now();
        if step % 10 == 9 {
            app.edit("bench risk", |ws| {
                ws.risks.risks[step].title.push('!');
                Ok::<(), std::convert::Infallible>(())
            });
        } else {
            press(&mut app, if step % 2 == 0 { "a" } else { "s" });
        }
        terminal
            .draw(|f| crate::ui::render(f, &app, &theme))
            .expect("draw");
        times.push(started.elapsed());
    }
    times.sort();
    let after = crate::store::process::peak_resident_kib().unwrap_or(0);
    let median = times[times.len() / 2].as_secs_f64() * 1000.0;
    outln!("{before} {after} {median}");
    Some(ExitCode::SUCCESS)
}

fn draw_once(app: &mut App, theme: &Theme, width: u16, height: u16) {
    update(app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|f| crate::ui::render(f, app, theme))
        .expect("draw");
}

/// Types `TYPED` and deletes it again, timing each key's update and frame at 120×40.
fn keystrokes(label: &str, mut app: App) {
    let theme = Theme::default_theme();
    // The workbench builds the search index right after its first frame, before any key.
    app.catalogue.prepare_search();
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    press(&mut app, "/");
    let mut keys: Vec<Key> = TYPED.chars().map(Key::char).collect();
    keys.extend(std::iter::repeat_n(
        Key::parse("<BS>").expect("key"),
        TYPED.len(),
    ));
    let mut times = Vec::new();
    for _ in 0..5 {
        for key in &keys {
            let started = Instant::now();
            handle_key(&mut app, *key);
            terminal
                .draw(|f| crate::ui::render(f, &app, &theme))
                .expect("draw");
            times.push(started.elapsed());
        }
    }
    times.sort();
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    let median = times[times.len() / 2];
    let p95 = times[times.len() * 95 / 100];
    outln!(
        "  keystroke in the search box to next frame, {label}: median {}, mean {}, 95th percentile {}, worst {}",
        millis(median),
        millis(mean),
        millis(p95),
        millis(*times.last().expect("timed"))
    );
}

/// Counts the bytes a real terminal backend writes.
struct CountingWriter(Rc<Cell<usize>>);

impl Write for CountingWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes written by the frame after one `j`: in the SoA table, and in the catalogue.
fn bytes_for_one_row(width: u16, height: u16) -> (usize, usize) {
    let measure = |keys: &str| {
        let catalogue = Catalogue::builtin();
        let workspace = demo_workspace(&catalogue);
        let mut app = App::new(catalogue, workspace, "demo".into(), Keymap::default());
        let theme = Theme::default_theme();
        update(&mut app, Action::Resize { width, height });
        let count = Rc::new(Cell::new(0));
        let backend = CrosstermBackend::new(CountingWriter(count.clone()));
        let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
        let mut terminal =
            Terminal::with_options(backend, TerminalOptions { viewport }).expect("backend");
        press(&mut app, keys);
        terminal
            .draw(|f| crate::ui::render(f, &app, &theme))
            .expect("draw");
        count.set(0);
        press(&mut app, "j");
        terminal
            .draw(|f| crate::ui::render(f, &app, &theme))
            .expect("draw");
        count.get()
    };
    (measure("2 j j j"), measure("j j j"))
}

/// Peak resident memory of a fresh process that opens the demo at 120×40 and searches.
fn memory() -> anyhow::Result<()> {
    let output = Command::new(std::env::current_exe()?)
        .arg("bench")
        .env(PROBE, "1")
        .output()?;
    let text = String::from_utf8_lossy(&output.stdout);
    match text.trim().parse::<u64>() {
        Ok(kib) => outln!(
            "  resident memory (peak, fresh process with the demo open at 120×40 after a search): {:.1} MB",
            kib as f64 / 1024.0
        ),
        Err(_) => outln!("  resident memory: not available on this system"),
    }
    Ok(())
}

/// In the child started by `memory`: open, draw, search, print the peak RSS in KiB.
pub fn memory_probe() -> Option<ExitCode> {
    std::env::var_os(PROBE)?;
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    let mut app = App::new(catalogue, workspace, "demo".into(), Keymap::default());
    let theme = Theme::default_theme();
    draw_once(&mut app, &theme, 120, 40);
    press(&mut app, "/ backup <Enter> <Enter> j <Enter>");
    draw_once(&mut app, &theme, 120, 40);
    outln!(
        "{}",
        crate::store::process::peak_resident_kib().unwrap_or(0)
    );
    Some(ExitCode::SUCCESS)
}

fn time_per_run(rounds: u32, mut work: impl FnMut()) -> Duration {
    let started = Instant::now();
    for _ in 0..rounds {
        work();
    }
    started.elapsed() / rounds
}

fn millis(duration: Duration) -> String {
    format!("{:.3} ms", duration.as_secs_f64() * 1000.0)
}
