//! The conflicts a git merge left in `.isms-conflicts.ron` open the chooser in the workbench:
//! picking theirs for one field and keeping ours for another is one undoable edit, Enter saves,
//! and the save removes the conflicts file; leaving with Esc keeps the file and does not ask
//! again for the same conflicts.

mod common;

use std::path::Path;

use isms::app::{Action, App, Effect, LayerKind, press, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::merge::merge;
use isms::domain::mgmt::format::{FINDINGS_FILE, ISMS_FILE};
use isms::domain::sample::demo_workspace;
use isms::domain::workspace::Workspace;
use isms::domain::workspace_part::{kinds_in, render_file};
use isms::keymap::Keymap;
use isms::store::git::{CONFLICTS_FILE, record_file_conflicts};
use isms::tui::conflicts_file;
use isms::tui::persist::{self, Store};

fn app_with(workspace: Workspace) -> App {
    let mut app = App::new(
        Catalogue::builtin(),
        workspace,
        "demo".into(),
        Keymap::default(),
    );
    let size = Action::Resize {
        width: 80,
        height: 24,
    };
    update(&mut app, size);
    app
}

fn finding_owner(workspace: &Workspace, id: &str) -> String {
    workspace.mgmt.findings.get(id).unwrap().owner.clone()
}

fn clause_owner(workspace: &Workspace, id: &str) -> String {
    workspace.mgmt.system.clause(id).unwrap().owner.clone()
}

/// A workspace saved in `dir` holding ours, and the conflicts file a git merge with theirs
/// would leave: F-001's owner and 9.1's owner changed differently on both branches.
fn merged_with_conflicts(dir: &Path) -> (App, Store) {
    let base = demo_workspace(&Catalogue::builtin());
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.mgmt.findings.items[0].owner = "Ours".into();
    theirs.mgmt.findings.items[0].owner = "Theirs".into();
    ours.mgmt.system.clause_mut("9.1").unwrap().owner = "Our owner".into();
    theirs.mgmt.system.clause_mut("9.1").unwrap().owner = "Their owner".into();
    let result = merge(&base, &ours, &theirs);
    assert_eq!(
        result.merged, ours,
        "the merge keeps ours where both changed"
    );
    let mut app = app_with(result.merged);
    let mut store = Store {
        dir: dir.to_path_buf(),
        handle: None,
        catalogue: None,
    };
    persist::save(&mut app, &mut store);
    assert!(!app.dirty, "{:?}", app.message);
    for file in [ISMS_FILE, FINDINGS_FILE] {
        let kinds = kinds_in(file);
        let conflicts: Vec<_> = result
            .conflicts
            .iter()
            .filter(|c| kinds.contains(&c.kind.as_str()))
            .cloned()
            .collect();
        let text = render_file(file, &theirs).unwrap();
        record_file_conflicts(dir, file, kinds, &conflicts, &text).unwrap();
    }
    (app, store)
}

#[test]
fn choosing_per_field_applies_undoably_and_the_save_removes_the_conflicts_file() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("ws");
    let (mut app, mut store) = merged_with_conflicts(&dir);
    assert!(dir.join(CONFLICTS_FILE).exists());

    conflicts_file::offer(&mut app, &dir);
    assert_eq!(app.top(), Some(LayerKind::Conflicts));
    // The first row is 9.1 (isms.ron, recorded first); take theirs there, keep ours for F-001.
    assert_eq!(press(&mut app, "<Space> j"), [Effect::None, Effect::None]);
    assert_eq!(press(&mut app, "<Enter>"), [Effect::Save]);
    assert_eq!(app.top(), None);
    assert_eq!(clause_owner(&app.workspace, "9.1"), "Their owner");
    assert_eq!(finding_owner(&app.workspace, "F-001"), "Ours");
    assert!(app.dirty);

    persist::save(&mut app, &mut store);
    assert!(!app.dirty, "{:?}", app.message);
    assert!(!dir.join(CONFLICTS_FILE).exists(), "resolved and saved");
    let message = app.message.clone().unwrap().text;
    assert!(message.contains("removed"), "{message}");
    let saved = std::fs::read_to_string(dir.join(ISMS_FILE)).unwrap();
    assert!(saved.contains("Their owner"));
    // The choice was one edit: undo (of a saved edit, so asked first) gives ours back.
    press(&mut app, "5 u");
    assert_eq!(app.top(), Some(LayerKind::Question));
    press(&mut app, "y");
    assert_eq!(
        clause_owner(&app.workspace, "9.1"),
        "Our owner",
        "{:?}",
        app.message
    );
    // With the file gone, a look at the disk opens nothing.
    conflicts_file::offer(&mut app, &dir);
    assert_eq!(app.top(), None);
}

#[test]
fn leaving_the_chooser_keeps_the_file_and_does_not_ask_again_for_the_same_conflicts() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("ws");
    let (mut app, mut store) = merged_with_conflicts(&dir);
    conflicts_file::offer(&mut app, &dir);
    assert_eq!(app.top(), Some(LayerKind::Conflicts));
    press(&mut app, "<Esc>");
    assert_eq!(app.top(), None);
    assert_eq!(clause_owner(&app.workspace, "9.1"), "Our owner");
    // The two-second look at the disk does not open it again.
    persist::check_disk(&mut app, &mut store);
    assert_eq!(app.top(), None);
    persist::save(&mut app, &mut store);
    assert!(dir.join(CONFLICTS_FILE).exists(), "nothing was chosen");
}

#[test]
fn the_chooser_shows_every_conflict_whole_at_80x24_and_120x40() {
    let temp = tempfile::tempdir().unwrap();
    let (mut app, _store) = merged_with_conflicts(&temp.path().join("ws"));
    conflicts_file::offer(&mut app, &temp.path().join("ws"));
    for (width, height) in [(80, 24), (120, 40)] {
        update(&mut app, Action::Resize { width, height });
        let text = common::workbench::text(&app);
        for wanted in [
            "A git merge left these: pick each value; Enter applies and saves.",
            "clause 9.1 · owner",
            "finding F-001 · owner",
            "Our owner",
            "Their owner",
        ] {
            assert!(
                text.contains(wanted),
                "{wanted} at {width}x{height}:\n{text}"
            );
        }
    }
}

#[test]
fn a_read_only_session_is_not_offered_the_chooser() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("ws");
    let (mut app, _store) = merged_with_conflicts(&dir);
    app.read_only = Some("another session holds the lock".into());
    conflicts_file::offer(&mut app, &dir);
    assert_eq!(app.top(), None);
}
