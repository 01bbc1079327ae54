//! The workbench's export dialog writes the same bytes as the command line: for every document
//! and format the dialog offers, the file written through the app and the edge
//! (`tui::export::run`) is compared with `isms soa|risks --format F -o FILE` run as a process on
//! the same workspace folder. An existing file is replaced only after a yes.

mod common;

use std::path::Path;

use common::cli::ok;
use isms::app::layers::export::{Document, ExportDialog};
use isms::app::{Action, App, Effect, Question, press, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::keymap::Keymap;
use isms::store;
use isms::tui::persist::Store;

/// A workspace folder holding the demo, and an app opened on what the files hold.
fn workspace() -> (tempfile::TempDir, App, Store) {
    let dir = tempfile::tempdir().unwrap();
    let catalogue = Catalogue::builtin();
    drop(store::create(dir.path(), &demo_workspace(&catalogue)).unwrap());
    let opened = store::open(dir.path(), &catalogue, store::Access::ReadOnly).unwrap();
    let mut app = App::new(
        catalogue,
        opened.workspace,
        "demo".into(),
        Keymap::default(),
    );
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let store = Store {
        dir: dir.path().to_path_buf(),
        handle: None,
        catalogue: None,
    };
    (dir, app, store)
}

/// Every file under `path` (or the file itself), by name, with its bytes.
fn contents(path: &Path) -> Vec<(String, Vec<u8>)> {
    if path.is_dir() {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(path)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let name = e.file_name().to_string_lossy().into_owned();
                (name, std::fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    } else {
        vec![(String::new(), std::fs::read(path).unwrap())]
    }
}

#[test]
fn every_export_from_the_workbench_is_byte_identical_to_the_command_line() {
    let (dir, mut app, store) = workspace();
    let choices = ExportDialog::new(Document::Soa, app.session.today).choices;
    assert_eq!(choices.len(), 16, "eight formats of two documents");
    for (row, (document, format)) in choices.iter().enumerate() {
        let downs = vec!["<Down>"; row].join(" ");
        press(&mut app, &format!("E {downs}"));
        let file = match app.layers.last() {
            Some(isms::app::Layer::Export(dialog)) => dialog.name.text(),
            _ => panic!("the export dialog is open"),
        };
        assert_eq!(press(&mut app, "<Enter>"), [Effect::Export]);
        isms::tui::export::run(&mut app, &store);
        let message = app.message.clone().unwrap();
        assert!(
            !message.warning,
            "{document:?} {format:?}: {}",
            message.text
        );
        let command = match document {
            Document::Soa => "soa",
            Document::Risks => "risks",
        };
        let cli_file = dir.path().join(format!("cli-{file}"));
        ok(
            dir.path(),
            &[
                command,
                "--format",
                format.name(),
                "-o",
                cli_file.to_str().unwrap(),
            ],
        );
        let ours = contents(&dir.path().join(&file));
        assert!(!ours.is_empty() && !ours[0].1.is_empty(), "{file} is empty");
        assert_eq!(
            ours,
            contents(&cli_file),
            "{file} differs from `isms {command} --format {}`",
            format.name()
        );
    }
}

#[test]
fn an_existing_file_is_replaced_only_after_a_yes() {
    let (dir, mut app, store) = workspace();
    let path = dir.path().join("soa-2026-03-02.md");
    std::fs::write(&path, "mine").unwrap();
    assert_eq!(press(&mut app, "E <Enter>"), [Effect::None, Effect::Export]);
    isms::tui::export::run(&mut app, &store);
    assert!(matches!(
        app.question(),
        Some(Question::OverwriteExport { .. })
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    assert_eq!(press(&mut app, "n"), [Effect::None]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");

    press(&mut app, "E <Enter>");
    isms::tui::export::run(&mut app, &store);
    assert_eq!(press(&mut app, "y"), [Effect::Export]);
    isms::tui::export::run(&mut app, &store);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("Statement of Applicability")
    );
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("isms soa --format md")
    );
}

#[test]
fn the_file_name_can_be_changed_and_an_empty_one_is_refused() {
    let (dir, mut app, store) = workspace();
    press(&mut app, "3 E <Down>");
    // In the Risks pane the register comes first; the second row is HTML.
    match app.layers.last() {
        Some(isms::app::Layer::Export(dialog)) => {
            assert_eq!(dialog.name.text(), "risks-2026-03-02.html")
        }
        _ => panic!("the export dialog is open"),
    }
    press(&mut app, "<C-u> register.html <Enter>");
    isms::tui::export::run(&mut app, &store);
    assert!(dir.path().join("register.html").is_file());
    press(&mut app, "E <C-u>");
    assert_eq!(press(&mut app, "<Enter>"), [Effect::None]);
    assert!(app.message.as_ref().unwrap().warning);
    assert_eq!(press(&mut app, "<Esc>"), [Effect::None]);
    assert_eq!(app.top(), None);
}
