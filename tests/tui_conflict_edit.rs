//! The third choice of the conflict chooser: `e` on a text field types the merged text in the one
//! text input; Enter keeps it (`edited: …`), Esc goes back with the choice unchanged; applying
//! writes it through the undoable edit, and the save puts it in the file.

mod common;

use common::workbench::{demo_app, text};
use isms::app::{App, Effect, LayerKind, press};
use isms::domain::catalogue::Catalogue;
use isms::domain::merge::merge;
use isms::domain::mgmt::format::FINDINGS_FILE;
use isms::domain::sample::demo_workspace;
use isms::domain::workspace_part::{kinds_in, render_file};
use isms::store;
use isms::store::git::{CONFLICTS_FILE, record_file_conflicts};
use isms::tui::conflicts_file;
use isms::tui::persist::{self, Store};

const OURS: &str = "Ours: the board approves the policy set.";
const THEIRS: &str = "Theirs: the policy set is reviewed yearly.";
const MERGED: &str = "The board approves the policy set and it is reviewed yearly.";

/// Types `text` key by key, as a person would.
fn type_text(app: &mut App, text: &str) {
    let keys: Vec<String> = text
        .chars()
        .map(|c| match c {
            ' ' => "<Space>".to_string(),
            c => c.to_string(),
        })
        .collect();
    press(app, &keys.join(" "));
}

fn justification(app: &App, id: &str) -> String {
    app.soa_entry(id).unwrap().justification.clone()
}

/// The demo saved in `dir`, then 5.1's justification changed here (unsaved) and on disk (as a
/// `git pull` would), and the workbench's look at the disk: the chooser is open.
fn clash_on_disk(dir: &std::path::Path) -> (App, Store) {
    let mut app = demo_app();
    let mut store = Store {
        dir: dir.to_path_buf(),
        handle: None,
        catalogue: None,
    };
    persist::save(&mut app, &mut store);
    persist::check_disk(&mut app, &mut store);
    app.edit("justify", |ws| {
        ws.soa.entry_mut("5.1").unwrap().justification = OURS.to_string();
        Ok::<(), std::convert::Infallible>(())
    });
    let soa = dir.join("soa.ron");
    let text = std::fs::read_to_string(&soa).unwrap();
    let at = text.find("control: \"5.1\"").unwrap();
    let field = "justification: \"";
    let start = at + text[at..].find(field).unwrap() + field.len();
    let end = start + text[start..].find('"').unwrap();
    std::fs::write(&soa, format!("{}{THEIRS}{}", &text[..start], &text[end..])).unwrap();
    persist::check_disk(&mut app, &mut store);
    assert_eq!(app.top(), Some(LayerKind::Conflicts), "{:?}", app.message);
    (app, store)
}

#[test]
fn a_clash_on_a_justification_is_resolved_by_typing_the_merged_sentence_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = clash_on_disk(dir.path());
    press(&mut app, "e");
    assert!(
        text(&app).contains("edited: Ours: the board"),
        "the input starts from yours:\n{}",
        text(&app)
    );
    assert!(text(&app).contains("Enter keep text"), "{}", text(&app));
    press(&mut app, "<C-u>");
    type_text(&mut app, MERGED);
    press(&mut app, "<Enter>");
    assert_eq!(app.top(), Some(LayerKind::Conflicts), "back in the chooser");
    assert_eq!(justification(&app, "5.1"), OURS, "nothing applied yet");
    press(&mut app, "<Enter>");
    assert_eq!(app.top(), None);
    assert_eq!(justification(&app, "5.1"), MERGED);

    press(&mut app, "<C-s>");
    persist::save(&mut app, &mut store);
    assert!(!app.dirty, "{:?}", app.message);
    let on_disk = store::open(dir.path(), &app.catalogue, store::Access::ReadOnly).unwrap();
    let entry = on_disk.workspace.soa.entry("5.1").unwrap();
    assert_eq!(entry.justification, MERGED);
}

#[test]
fn escape_leaves_the_choice_unchanged_and_undo_restores_yours() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _store) = clash_on_disk(dir.path());
    // Theirs chosen, then a text typed and dropped with Esc: theirs is still the choice.
    press(&mut app, "<Space> e <C-u> x y z <Esc>");
    assert_eq!(app.top(), Some(LayerKind::Conflicts));
    assert!(!text(&app).contains("edited:"), "{}", text(&app));
    press(&mut app, "<Enter>");
    assert_eq!(justification(&app, "5.1"), THEIRS);
    press(&mut app, "u");
    assert_eq!(justification(&app, "5.1"), OURS, "undo gives yours back");

    // A kept text is undone the same way.
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _store) = clash_on_disk(dir.path());
    press(&mut app, "<Space> e");
    assert!(text(&app).contains("edited: Theirs:"), "starts from theirs");
    type_text(&mut app, " Agreed.");
    press(&mut app, "<Enter>");
    assert!(text(&app).contains("edited: Theirs:"), "{}", text(&app));
    // Space drops the typed value and shows the sides again, theirs still chosen; e brings
    // back a fresh start from theirs.
    press(&mut app, "<Space>");
    assert!(!text(&app).contains("edited:"), "{}", text(&app));
    press(&mut app, "e");
    type_text(&mut app, " Agreed.");
    press(&mut app, "<Enter> <Enter>");
    assert_eq!(justification(&app, "5.1"), format!("{THEIRS} Agreed."));
    press(&mut app, "u");
    assert_eq!(justification(&app, "5.1"), OURS);
}

/// Both sides changed 5.1's justification and its applicability: the first is typed, the second
/// cannot be and says so.
fn chooser_with_an_edited_field() -> App {
    let mut app = demo_app();
    let mut theirs = app.workspace.clone();
    app.edit("ours", |ws| {
        let entry = ws.soa.entry_mut("5.1").unwrap();
        entry.justification = OURS.to_string();
        entry.applicability = isms::domain::soa::Applicability::Excluded;
        Ok::<(), std::convert::Infallible>(())
    });
    let entry = theirs.soa.entry_mut("5.1").unwrap();
    entry.justification = THEIRS.to_string();
    entry.applicability = isms::domain::soa::Applicability::Undecided;
    app.disk_changed(theirs, &["soa.ron".to_string()]);
    assert_eq!(app.top(), Some(LayerKind::Conflicts), "{:?}", app.message);
    app
}

#[test]
fn a_field_that_is_not_text_says_so_and_opens_no_input() {
    let mut app = chooser_with_an_edited_field();
    let screen = text(&app);
    let row = screen
        .lines()
        .find(|l| l.contains("applicability"))
        .unwrap();
    assert!(row.contains("not text"), "{screen}");
    // Fields come in the order the entry declares them: applicability first.
    press(&mut app, "e");
    assert_eq!(app.top(), Some(LayerKind::Conflicts));
    assert!(app.message.as_ref().unwrap().text.contains("is not text"));
    press(&mut app, "x");
    assert!(!text(&app).contains("edited:"), "no input took the x");
}

#[test]
fn the_chooser_with_an_edited_field_at_80x24() {
    let mut app = chooser_with_an_edited_field();
    press(&mut app, "j e <C-u>");
    type_text(&mut app, MERGED);
    press(&mut app, "<Enter>");
    insta::assert_snapshot!(text(&app));
}

#[test]
fn a_typed_owner_resolves_a_git_merge_conflict_in_a_management_record() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("ws");
    let base = demo_workspace(&Catalogue::builtin());
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.mgmt.findings.items[0].owner = "Ours".into();
    theirs.mgmt.findings.items[0].owner = "Theirs".into();
    let result = merge(&base, &ours, &theirs);
    let mut app = common::workbench::workbench(
        Catalogue::builtin(),
        result.merged,
        isms::keymap::Keymap::default(),
    );
    let mut store = Store {
        dir: dir.clone(),
        handle: None,
        catalogue: None,
    };
    persist::save(&mut app, &mut store);
    let kinds = kinds_in(FINDINGS_FILE);
    let text_of_theirs = render_file(FINDINGS_FILE, &theirs).unwrap();
    record_file_conflicts(
        &dir,
        FINDINGS_FILE,
        kinds,
        &result.conflicts,
        &text_of_theirs,
    )
    .unwrap();

    conflicts_file::offer(&mut app, &dir);
    assert_eq!(app.top(), Some(LayerKind::Conflicts), "{:?}", app.message);
    press(&mut app, "e <C-u>");
    type_text(&mut app, "Ours and Theirs");
    press(&mut app, "<Enter>");
    assert_eq!(press(&mut app, "<Enter>"), [Effect::Save]);
    persist::save(&mut app, &mut store);
    assert!(!app.dirty, "{:?}", app.message);
    assert!(!dir.join(CONFLICTS_FILE).exists(), "resolved and saved");
    let saved = std::fs::read_to_string(dir.join(FINDINGS_FILE)).unwrap();
    assert!(saved.contains("owner: \"Ours and Theirs\""), "{saved}");
}
