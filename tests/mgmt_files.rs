//! The management-system files through the store: written by `init` and `create`, read back
//! equal, saved byte-identically when unchanged, missing in older workspaces without harm.

use isms::domain::catalogue::Catalogue;
use isms::domain::mgmt::format::{MGMT_FILES, render_part};
use isms::domain::mgmt::system::ClauseStatus;
use isms::domain::sample::demo_workspace;
use isms::store::{self, Access};

#[test]
fn the_demo_round_trips_byte_identically() {
    let catalogue = Catalogue::builtin();
    let demo = demo_workspace(&catalogue);
    let dir = tempfile::tempdir().unwrap();
    drop(store::create(dir.path(), &demo).unwrap());
    let mut opened = store::open(dir.path(), &catalogue, Access::Edit).unwrap();
    assert!(opened.notes.is_empty(), "{:?}", opened.notes);
    assert_eq!(opened.workspace.mgmt, demo.mgmt);
    for (i, file) in MGMT_FILES.iter().enumerate() {
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        assert_eq!(text, render_part(&demo.mgmt, i), "{file}");
        assert!(text.starts_with("(\n    format: 1,\n"), "{file}");
    }
    let before: Vec<Vec<u8>> = MGMT_FILES
        .iter()
        .map(|f| std::fs::read(dir.path().join(f)).unwrap())
        .collect();
    assert!(opened.handle.save(&opened.workspace).unwrap().is_empty());
    opened.workspace.mgmt.findings.items[2].root_cause = "No drift alerting.".into();
    let written = opened.handle.save(&opened.workspace).unwrap();
    assert_eq!(written.len(), 1);
    assert!(written[0].ends_with("findings.ron"));
    for (file, bytes) in MGMT_FILES.iter().zip(&before).take(3) {
        assert_eq!(&std::fs::read(dir.path().join(file)).unwrap(), bytes);
    }
}

#[test]
fn init_seeds_every_sub_clause_and_an_older_workspace_still_opens() {
    let catalogue = Catalogue::builtin();
    let dir = tempfile::tempdir().unwrap();
    drop(store::init(dir.path(), &catalogue).unwrap());
    let isms = std::fs::read_to_string(dir.path().join("isms.ron")).unwrap();
    assert_eq!(isms.matches("status: not_started").count(), 30);
    for file in MGMT_FILES {
        std::fs::remove_file(dir.path().join(file)).unwrap();
    }
    let mut opened = store::open(dir.path(), &catalogue, Access::Edit).unwrap();
    assert_eq!(opened.workspace.mgmt.system.clauses.len(), 30);
    // An edit elsewhere does not create the management files…
    opened.workspace.soa.entries[0].owner = "CISO".into();
    opened.handle.save(&opened.workspace).unwrap();
    assert!(!dir.path().join("isms.ron").exists());
    // …an edit to the management system writes the file it changed.
    opened.workspace.mgmt.system.clauses[0].status = ClauseStatus::Planned;
    opened.handle.save(&opened.workspace).unwrap();
    assert!(dir.path().join("isms.ron").exists());
    assert!(!dir.path().join("evidence.ron").exists());
}

#[test]
fn a_management_file_changed_on_disk_blocks_the_save() {
    let catalogue = Catalogue::builtin();
    let dir = tempfile::tempdir().unwrap();
    drop(store::init(dir.path(), &catalogue).unwrap());
    let mut opened = store::open(dir.path(), &catalogue, Access::Edit).unwrap();
    let path = dir.path().join("findings.ron");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("// edited elsewhere\n");
    std::fs::write(&path, &text).unwrap();
    opened.workspace.mgmt.system.clauses[0].owner = "CISO".into();
    let error = opened.handle.save(&opened.workspace).unwrap_err();
    assert!(error.to_string().contains("findings.ron"), "{error}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_recovery_file_keeps_the_management_system() {
    let catalogue = Catalogue::builtin();
    let demo = demo_workspace(&catalogue);
    let dir = tempfile::tempdir().unwrap();
    let stamp = isms::domain::stamp::Stamp::new(chrono::DateTime::UNIX_EPOCH, "t");
    store::write_recovery(dir.path(), &demo, stamp).unwrap();
    let recovered = store::read_recovery(dir.path(), &catalogue)
        .unwrap()
        .unwrap();
    assert_eq!(recovered.workspace.mgmt, demo.mgmt);
}
