//! The workbench started with `--catalogue FILE` on a folder without a workspace: nothing is
//! written until the first save, which creates the files and keeps a copy of the catalogue, as
//! `isms init --catalogue` does, so that the next session and every command follow it without
//! the option. A foreign copy already in the folder is never written over.

mod common;

use std::path::{Path, PathBuf};

use common::cli::ok;
use common::tmux::Tmux;
use isms::app::{Action, press, update};
use isms::store::{self, catalogue_file};
use isms::tui::persist::{self, Store};
use isms::tui::{Options, Target, open};

const CUSTOM: &str = "tests/fixtures/sp800_53_catalogue.ron";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

/// Opens the workbench as `isms --catalogue FILE DIR` does, and the store its event loop keeps.
fn open_new(dir: &Path, catalogue: Option<PathBuf>) -> (isms::app::App, Store) {
    let options = Options {
        target: Target::Dir(dir.to_path_buf()),
        catalogue: catalogue.clone(),
        theme: None,
        mouse: false,
    };
    let opened = open(&options).unwrap();
    assert!(opened.handle.is_none(), "a new workspace has no files yet");
    let mut app = opened.app;
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let store = Store {
        dir: opened.dir,
        handle: opened.handle,
        catalogue,
    };
    (app, store)
}

#[test]
fn the_first_save_keeps_the_catalogue_and_later_sessions_follow_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = open_new(dir.path(), Some(fixture(CUSTOM)));
    assert_eq!(app.catalogue.name, "Example SP 800-53 selection");
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());

    // Decide the first control, then save: the files and the copy appear.
    press(&mut app, "2 a");
    persist::save(&mut app, &mut store);
    assert!(!app.dirty, "{:?}", app.message);
    let said = app.message.as_ref().map(|m| m.text.clone()).unwrap();
    assert!(said.contains("catalogue.ron"), "{said}");
    assert_eq!(
        std::fs::read(dir.path().join("catalogue.ron")).unwrap(),
        std::fs::read(fixture(CUSTOM)).unwrap()
    );
    drop(store);

    // Without --catalogue: the workspace's own copy is found, and its ids are accepted.
    let catalogue = catalogue_file::for_workspace(None, dir.path()).unwrap();
    assert_eq!(catalogue.name, "Example SP 800-53 selection");
    let opened = store::open(dir.path(), &catalogue, store::Access::ReadOnly).unwrap();
    assert_eq!(opened.workspace.soa, app.workspace.soa);
    let (next, _) = open_existing(dir.path());
    assert_eq!(next.catalogue.name, "Example SP 800-53 selection");
    let soa = ok(dir.path(), &["soa"]);
    assert!(soa.contains("IA-2(1)"), "{soa}");
}

/// The workbench on an existing workspace, without `--catalogue`.
fn open_existing(dir: &Path) -> (isms::app::App, Option<store::WorkspaceHandle>) {
    let options = Options {
        target: Target::Dir(dir.to_path_buf()),
        catalogue: None,
        theme: None,
        mouse: false,
    };
    let opened = open(&options).unwrap();
    (opened.app, opened.handle)
}

#[test]
fn the_iso_catalogue_given_is_not_copied() {
    let dir = tempfile::tempdir().unwrap();
    let iso = fixture("catalogue/iso27002-2022.ron");
    let (mut app, mut store) = open_new(dir.path(), Some(iso));
    press(&mut app, "2 a");
    persist::save(&mut app, &mut store);
    assert!(!app.dirty, "{:?}", app.message);
    assert!(dir.path().join("workspace.ron").exists());
    assert!(!dir.path().join("catalogue.ron").exists());
}

#[test]
fn a_foreign_copy_in_the_folder_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = open_new(dir.path(), Some(fixture(CUSTOM)));
    // Someone puts another catalogue copy there while the session runs.
    std::fs::write(dir.path().join("catalogue.ron"), "mine").unwrap();
    press(&mut app, "2 a");
    persist::save(&mut app, &mut store);
    assert!(app.dirty, "the edit is kept unsaved");
    let said = app.message.as_ref().map(|m| m.text.clone()).unwrap();
    assert!(said.contains("catalogue.ron"), "{said}");
    assert!(!dir.path().join("workspace.ron").exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("catalogue.ron")).unwrap(),
        "mine"
    );
}

#[test]
#[ignore = "needs tmux; .ci/run installs it"]
fn in_a_terminal_the_first_save_keeps_the_catalogue() {
    let home = tempfile::tempdir().unwrap();
    let ws = home.path().join("ws");
    std::fs::create_dir(&ws).unwrap();
    let script = format!(
        "cd {home} && env HOME={home} XDG_CONFIG_HOME={home}/config TMPDIR={home} \
         TERM=xterm-256color USER=tester {isms} --catalogue {catalogue} ws; sleep 600",
        home = home.path().display(),
        isms = env!("CARGO_BIN_EXE_isms"),
        catalogue = fixture(CUSTOM).display(),
    );
    let tmux = Tmux::start(&script);
    tmux.wait_for(&["AC-1", "a new one"]);
    tmux.keys(&["2", "a"]);
    tmux.wait_for(&["[+]"]);
    tmux.keys(&["C-s"]);
    tmux.wait_for(&["Saved"]);
    tmux.keys(&["q"]);
    assert_eq!(
        std::fs::read(ws.join("catalogue.ron")).unwrap(),
        std::fs::read(fixture(CUSTOM)).unwrap()
    );
    let soa = ok(&ws, &["soa"]);
    assert!(soa.contains("AC-1    applicable"), "{soa}");
}
