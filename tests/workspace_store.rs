//! The store API on real directories: init, open, save identity, lock, external changes,
//! recovery, and a full disk.

use std::io::{self, Write};
use std::path::Path;

use isms::domain::catalogue::Catalogue;
use isms::domain::risk::Risk;
use isms::domain::soa::Applicability;
use isms::store::{self, Access, StoreError};

fn files(dir: &Path) -> Vec<Vec<u8>> {
    ["workspace.ron", "soa.ron", "risks.ron"]
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect()
}

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
}

#[test]
fn init_then_open_and_save_unchanged_writes_nothing() {
    let catalogue = Catalogue::builtin();
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("acme");
    drop(store::init(&ws, &catalogue).unwrap());
    let before = files(&ws);
    let mut opened = store::open(&ws, &catalogue, Access::Edit).unwrap();
    assert!(opened.notes.is_empty());
    assert_eq!(opened.workspace.settings.name, "acme");
    assert_eq!(opened.workspace.soa.entries.len(), 93);
    assert!(opened.handle.save(&opened.workspace).unwrap().is_empty());
    assert_eq!(files(&ws), before);

    let error = store::init(&ws, &catalogue).unwrap_err();
    assert!(matches!(error, StoreError::AlreadyExists { .. }), "{error}");
    assert_eq!(files(&ws), before);
}

#[test]
fn one_edit_changes_only_its_lines_and_file() {
    let catalogue = Catalogue::builtin();
    let dir = tempfile::tempdir().unwrap();
    drop(store::init(dir.path(), &catalogue).unwrap());
    let before = files(dir.path());
    let mut opened = store::open(dir.path(), &catalogue, Access::Edit).unwrap();
    let entry = opened.workspace.soa.entry_mut("8.13").unwrap();
    entry.applicability = Applicability::Applicable;
    let written = opened.handle.save(&opened.workspace).unwrap();
    assert_eq!(written, [dir.path().join("soa.ron").display().to_string()]);
    let after = files(dir.path());
    assert_eq!(after[0], before[0]);
    assert_eq!(after[2], before[2]);
    let old = String::from_utf8(before[1].clone()).unwrap();
    let new = String::from_utf8(after[1].clone()).unwrap();
    let differing = old.lines().zip(new.lines()).filter(|(a, b)| a != b).count();
    assert_eq!(old.lines().count(), new.lines().count());
    assert_eq!(differing, 1);
}

#[test]
fn a_second_session_is_read_only_and_the_lock_is_released() {
    let catalogue = Catalogue::builtin();
    let dir = tempfile::tempdir().unwrap();
    drop(store::init(dir.path(), &catalogue).unwrap());
    let first = store::open(dir.path(), &catalogue, Access::Edit).unwrap();
    assert!(first.handle.holds_lock());
    let mut second = store::open(dir.path(), &catalogue, Access::Edit).unwrap();
    let why = second.handle.read_only().unwrap().to_string();
    assert!(why.starts_with("open for editing by pid "), "{why}");
    let error = second.handle.save(&second.workspace).unwrap_err();
    assert!(matches!(error, StoreError::ReadOnly { .. }));
    drop(first);
    assert!(!dir.path().join(".isms.lock").exists());
    let third = store::open(dir.path(), &catalogue, Access::Edit).unwrap();
    assert!(third.handle.read_only().is_none());
}

#[test]
fn an_external_edit_is_refused_and_kept() {
    let catalogue = Catalogue::builtin();
    let dir = tempfile::tempdir().unwrap();
    drop(store::init(dir.path(), &catalogue).unwrap());
    let mut opened = store::open(dir.path(), &catalogue, Access::Edit).unwrap();
    let theirs = std::fs::read_to_string(dir.path().join("risks.ron"))
        .unwrap()
        .replace("risks: []", "risks: [] // pulled from git");
    std::fs::write(dir.path().join("risks.ron"), &theirs).unwrap();
    let before = files(dir.path());

    opened.workspace.soa.entries[0].owner = "CISO".into();
    let error = opened.handle.save(&opened.workspace).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("risks.ron changed on disk since it was loaded (git pull or another editor?); nothing was saved — reload, or save elsewhere"),
        "{error}"
    );
    assert_eq!(files(dir.path()), before);

    let (mut reloaded, _) = opened.handle.reload(&catalogue).unwrap();
    assert_eq!(reloaded.soa.entries[0].owner, "");
    reloaded.soa.entries[0].owner = "CISO".into();
    let written = opened.handle.save(&reloaded).unwrap();
    assert_eq!(written, [dir.path().join("soa.ron").display().to_string()]);
    assert_eq!(files(dir.path())[2], before[2], "their comment is kept");
}

#[test]
fn recovery_round_trips_and_is_discarded() {
    let catalogue = Catalogue::builtin();
    let dir = tempfile::tempdir().unwrap();
    drop(store::init(dir.path(), &catalogue).unwrap());
    let before = files(dir.path());
    let mut opened = store::open(dir.path(), &catalogue, Access::Edit).unwrap();
    assert!(
        store::read_recovery(dir.path(), &catalogue)
            .unwrap()
            .is_none()
    );
    let mut risk = Risk::new("R-001", "Laptop theft", 3, 4, day());
    risk.controls.push("8.1".into());
    opened.workspace.risks.risks.push(risk);
    opened.workspace.soa.entries[5].justification = "Line one\nline \"two\"".into();
    let stamp = store::stamp_now();
    store::write_recovery(dir.path(), &opened.workspace, stamp.clone()).unwrap();
    assert_eq!(
        files(dir.path()),
        before,
        "recovery never touches the files"
    );

    let recovered = store::read_recovery(dir.path(), &catalogue)
        .unwrap()
        .unwrap();
    assert_eq!(recovered.workspace, opened.workspace);
    assert_eq!(recovered.written, stamp);
    store::discard_recovery(dir.path()).unwrap();
    assert!(
        store::read_recovery(dir.path(), &catalogue)
            .unwrap()
            .is_none()
    );
    store::discard_recovery(dir.path()).unwrap();
}

#[test]
fn a_full_disk_leaves_every_file_as_it_was() {
    let catalogue = Catalogue::builtin();
    let dir = tempfile::tempdir().unwrap();
    drop(store::init(dir.path(), &catalogue).unwrap());
    let before = files(dir.path());
    let mut opened = store::open(dir.path(), &catalogue, Access::Edit).unwrap();
    opened.handle.set_writer(|file, bytes| {
        file.write_all(&bytes[..bytes.len() / 2])?;
        Err(io::Error::from(io::ErrorKind::StorageFull))
    });
    opened.workspace.soa.entries[0].owner = "CISO".into();
    let error = opened.handle.save(&opened.workspace).unwrap_err();
    let expected = format!(
        "{}: cannot save: the disk is full; the file on disk is unchanged",
        dir.path().join("soa.ron").display()
    );
    assert_eq!(error.to_string(), expected);
    assert_eq!(files(dir.path()), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_control_missing_from_the_soa_comes_back_undecided() {
    let catalogue = Catalogue::builtin();
    let dir = tempfile::tempdir().unwrap();
    drop(store::init(dir.path(), &catalogue).unwrap());
    let soa = std::fs::read_to_string(dir.path().join("soa.ron")).unwrap();
    let start = soa.find("        (\n            control: \"5.7\"").unwrap();
    let end = start + soa[start..].find("        ),\n").unwrap() + "        ),\n".len();
    let without = format!("{}{}", &soa[..start], &soa[end..]);
    std::fs::write(dir.path().join("soa.ron"), &without).unwrap();
    let opened = store::open(dir.path(), &catalogue, Access::ReadOnly).unwrap();
    assert_eq!(opened.workspace.soa.entries[6].control, "5.7");
    assert_eq!(
        opened.notes,
        [format!(
            "{}: 1 control(s) had no entry (5.7); added as undecided",
            dir.path().join("soa.ron").display()
        )]
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("soa.ron")).unwrap(),
        without
    );
}
