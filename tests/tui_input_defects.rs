//! Key flows for the defects of issue 10, each reproduced as a person met it: keys acting behind
//! the "too small" screen, a cycle key under a filter deciding the next control, undo reaching
//! past a save out of sight, a read-only session taking a whole form of typing, and a large paste
//! into the risk form.

use chrono::NaiveDate;
use isms::app::{Action, App, Effect, LayerKind, Tab, press, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::domain::soa::Applicability;
use isms::keymap::Keymap;
use isms::theme::Theme;
use isms::tui::persist::{self, Store};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn demo_app() -> App {
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    let mut app = App::new(catalogue, workspace, "demo".into(), Keymap::default());
    app.risks_pane.today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    resize(&mut app, 80, 24);
    app
}

fn resize(app: &mut App, width: u16, height: u16) {
    update(app, Action::Resize { width, height });
}

fn selected(app: &App) -> String {
    app.selected_soa_entry().unwrap().control.clone()
}

fn justification(app: &App) -> String {
    app.form()
        .expect("the form is open")
        .text_of("justification")
}

fn screen_text(app: &App) -> String {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let theme = Theme::builtin("default").unwrap();
    terminal
        .draw(|frame| isms::ui::render(frame, app, &theme))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..height {
        for x in 0..width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

/// Defect 1: behind "Terminal too small" no key but quit does anything, and quit asks there.
#[test]
fn keys_do_nothing_behind_the_too_small_screen_and_quit_asks_there() {
    let mut app = demo_app();
    press(&mut app, "2 e EDIT <Space>");
    let typed = justification(&app);
    assert!(typed.ends_with("EDIT "));
    resize(&mut app, 50, 12);
    press(&mut app, "x");
    assert_eq!(justification(&app), typed, "typing is swallowed");
    press(&mut app, "q");
    assert_eq!(justification(&app), typed, "q is not typed");
    assert_eq!(
        app.top(),
        Some(LayerKind::Question),
        "the form holds typing: quit asks"
    );
    assert!(
        screen_text(&app).contains("Quit"),
        "the question shows on the small screen:\n{}",
        screen_text(&app)
    );
    press(&mut app, "n");
    resize(&mut app, 80, 24);
    assert_eq!(app.top(), Some(LayerKind::Form), "back in the form");
    assert_eq!(justification(&app), typed);

    // In the table, a and s change nothing unseen; with nothing to lose q quits at once.
    let mut app = demo_app();
    press(&mut app, "2");
    let before = app.workspace.clone();
    resize(&mut app, 50, 12);
    press(&mut app, "a s j a u");
    assert_eq!(app.workspace, before);
    assert!(!app.dirty);
    assert_eq!(press(&mut app, "q"), [Effect::Quit]);
}

/// Defect 2: a cycle key under a filter keeps acting on the row the user sees.
#[test]
fn a_cycle_key_under_a_filter_stays_on_the_row_it_changed() {
    let mut app = demo_app();
    press(&mut app, "2 / undecided <Enter>");
    let first = selected(&app);
    let rows = app.soa_pane.rows.clone();
    let second = app.workspace.soa.entries[rows[1]].control.clone();
    press(&mut app, "a");
    assert_eq!(
        selected(&app),
        first,
        "the changed row stays under the cursor"
    );
    assert!(
        app.soa_row_is_kept(rows[0]),
        "and marked: the filter no longer takes it"
    );
    press(&mut app, "a");
    assert_eq!(selected(&app), first);
    let entry = |app: &App, id: &str| app.soa_entry(id).unwrap().applicability;
    assert_eq!(
        entry(&app, &first),
        Applicability::Excluded,
        "decided twice"
    );
    assert_eq!(entry(&app, &second), Applicability::Undecided, "untouched");
    // Leaving the row lets the filter drop it.
    press(&mut app, "j");
    assert!(
        app.soa_pane
            .rows
            .iter()
            .all(|&i| app.workspace.soa.entries[i].control != first)
    );

    let mut app = demo_app();
    press(&mut app, "2 / status:planned <Enter>");
    let first = selected(&app);
    press(&mut app, "s s");
    assert_eq!(selected(&app), first);
    let changed: Vec<String> = demo_app()
        .workspace
        .soa
        .entries
        .iter()
        .zip(&app.workspace.soa.entries)
        .filter(|(a, b)| a.status != b.status)
        .map(|(a, _)| a.control.clone())
        .collect();
    assert_eq!(changed, [first]);
}

/// Defect 3: undo shows what it changes, and asks before undoing what was already saved.
#[test]
fn undo_shows_the_row_it_changes_and_asks_before_reaching_past_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app();
    let mut store = Store {
        dir: dir.path().to_path_buf(),
        handle: None,
        catalogue: None,
    };
    persist::save(&mut app, &mut store);
    press(&mut app, "2");
    assert_eq!(selected(&app), "5.1");
    press(&mut app, "e <Space> filled <C-s>");
    persist::save(&mut app, &mut store);
    assert!(!app.dirty, "{:?}", app.message);
    let saved = app.soa_entry("5.1").unwrap().justification.clone();
    assert!(saved.ends_with("filled"));

    press(&mut app, "j a u");
    assert_eq!(selected(&app), "5.2");
    press(&mut app, "1 u");
    assert_eq!(
        app.top(),
        Some(LayerKind::Question),
        "undoing a saved edit asks first"
    );
    assert_eq!(app.soa_entry("5.1").unwrap().justification, saved);
    assert!(!app.dirty);
    press(&mut app, "y");
    assert_eq!(app.tab, Tab::Soa, "undo shows the pane it changes");
    assert_eq!(selected(&app), "5.1", "and the row");
    assert!(app.message.as_ref().unwrap().text.contains("5.1"));
    assert_ne!(app.soa_entry("5.1").unwrap().justification, saved);
    assert!(app.dirty);

    // Redo goes back to the row as well.
    press(&mut app, "j <C-r>");
    assert_eq!(selected(&app), "5.1");
    assert_eq!(app.soa_entry("5.1").unwrap().justification, saved);

    // Saying no keeps the saved edit.
    press(&mut app, "u");
    assert_eq!(app.top(), Some(LayerKind::Question));
    press(&mut app, "n");
    assert_eq!(app.soa_entry("5.1").unwrap().justification, saved);
}

/// Defect 4: a read-only session refuses the first editing key, not the Ctrl-S after a form.
#[test]
fn a_read_only_session_refuses_typing_at_once_with_the_reason() {
    let mut app = demo_app();
    app.read_only = Some("open for editing by bob (pid 42 on host)".into());
    press(&mut app, "2 e");
    assert_eq!(
        app.top(),
        Some(LayerKind::Form),
        "the form opens to be read"
    );
    let before = justification(&app);
    press(&mut app, "h");
    let message = app.message.clone().expect("refused at once");
    assert!(message.warning);
    assert!(message.text.contains("bob (pid 42 on host)"), "{message:?}");
    press(&mut app, "ello");
    assert_eq!(justification(&app), before, "nothing was typed in");
    update(&mut app, Action::Paste("pasted".into()));
    assert_eq!(justification(&app), before);
    press(&mut app, "<Esc>");
    assert_eq!(app.top(), None, "nothing to discard");

    // The risk register refuses new, edit and delete at once too.
    press(&mut app, "3 n");
    assert_eq!(app.top(), None, "no form opens for a new risk");
    assert!(app.message.as_ref().unwrap().text.contains("bob"));
    press(&mut app, "<Esc> d");
    assert_eq!(app.top(), None, "no delete question");
    assert!(app.message.as_ref().unwrap().text.contains("bob"));
    assert!(!app.dirty);
}

/// Defect 7: a megabyte pasted into a form field is taken whole (it used to take minutes).
#[test]
fn a_megabyte_paste_into_the_forms_is_taken_whole() {
    let words = "backup tapes leave the building in an unlocked van ";
    let big: String = words.repeat(1_000_000 / words.len() + 1);
    let mut app = demo_app();
    press(&mut app, "3 n <Tab>");
    update(&mut app, Action::Paste(big.clone()));
    let form = app.top_form().expect("the risk form is open");
    assert_eq!(form.text_of("description"), big);

    let mut app = demo_app();
    press(&mut app, "2 e <C-u>");
    let before = justification(&app);
    update(&mut app, Action::Paste(big.clone()));
    assert_eq!(justification(&app).len(), before.len() + big.len());
}

/// Defect 5 (the part without a terminal): words typed into an open form and not applied are
/// rescued as the pending value of that entry, and offered back as such.
#[test]
fn typing_in_an_open_form_is_rescued_as_a_pending_value() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app();
    let store = Store {
        dir: dir.path().to_path_buf(),
        handle: None,
        catalogue: None,
    };
    press(
        &mut app,
        "2 <Enter> e <Space> words <Space> typed <Space> before <Space> the <Space> drop",
    );
    assert!(!app.dirty, "nothing applied yet");
    persist::rescue(&app, &store);
    let recovered = isms::store::read_recovery(dir.path(), &app.catalogue)
        .unwrap()
        .expect("a recovery file");
    assert_eq!(recovered.pending, ["5.1 entry"]);
    let entry = recovered.workspace.soa.entry("5.1").unwrap();
    assert!(entry.justification.ends_with("words typed before the drop"));

    let mut next = demo_app();
    persist::offer_recovery(&mut next, &store);
    let dialog = next
        .question()
        .cloned()
        .expect("the rescued edits are offered");
    assert!(dialog.lines().join(" ").contains("not applied: 5.1 entry"));
    press(&mut next, "y");
    let justification = &next.soa_entry("5.1").unwrap().justification;
    assert!(justification.ends_with("words typed before the drop"));
}

/// Defect 5, the risk form: a new risk typed and not applied is rescued too, named as pending,
/// its description over several lines.
#[test]
fn typing_in_the_risk_form_is_rescued_as_a_pending_risk() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app();
    let store = Store {
        dir: dir.path().to_path_buf(),
        handle: None,
        catalogue: None,
    };
    press(
        &mut app,
        "3 n Tapes <Space> lost <Tab> first <Space> line <Enter> second <Space> line",
    );
    assert!(!app.dirty, "nothing applied yet");
    assert!(app.has_unsaved(), "the typing counts as unsaved");
    persist::rescue(&app, &store);
    let recovered = isms::store::read_recovery(dir.path(), &app.catalogue)
        .unwrap()
        .expect("a recovery file");
    assert_eq!(recovered.pending, ["R-013"]);
    let risk = recovered
        .workspace
        .risks
        .get("R-013")
        .expect("the pending risk");
    assert_eq!(risk.title, "Tapes lost");
    assert_eq!(risk.description, "first line\nsecond line");
}

/// Defect 6: restoring rescued edits keeps a change made with the command line after the crash.
#[test]
fn restoring_keeps_a_change_made_on_disk_after_the_crash() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app();
    let mut store = Store {
        dir: dir.path().to_path_buf(),
        handle: None,
        catalogue: None,
    };
    persist::save(&mut app, &mut store);
    press(&mut app, "2 a");
    let rescued_5_1 = app.soa_entry("5.1").unwrap().applicability;
    persist::rescue(&app, &store);
    drop(store); // the session dies; its lock goes with it

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_isms"))
        .arg("-w")
        .arg(dir.path())
        .args([
            "soa",
            "set",
            "5.15",
            "--justification",
            "Set from the command line",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");

    let catalogue = Catalogue::builtin();
    let opened = isms::store::open(dir.path(), &catalogue, isms::store::Access::Edit).unwrap();
    let mut next = App::new(catalogue, opened.workspace, "ws".into(), Keymap::default());
    resize(&mut next, 80, 24);
    let mut store = Store {
        dir: dir.path().to_path_buf(),
        handle: Some(opened.handle),
        catalogue: None,
    };
    persist::offer_recovery(&mut next, &store);
    assert_eq!(press(&mut next, "y"), [Effect::DiscardRecovery]);
    persist::discard_recovery(&mut next, &store);
    let entry = |app: &App, id: &str| app.soa_entry(id).unwrap().clone();
    assert_eq!(
        entry(&next, "5.1").applicability,
        rescued_5_1,
        "the rescued edit"
    );
    assert_eq!(
        entry(&next, "5.15").justification,
        "Set from the command line",
        "the change made on disk since is kept"
    );
    press(&mut next, "<C-s>");
    persist::save(&mut next, &mut store);
    assert!(!next.dirty, "{:?}", next.message);
    let catalogue = Catalogue::builtin();
    let on_disk = isms::store::open(dir.path(), &catalogue, isms::store::Access::ReadOnly).unwrap();
    let disk_entry = on_disk.workspace.soa.entry("5.15").unwrap();
    assert_eq!(disk_entry.justification, "Set from the command line");
}
