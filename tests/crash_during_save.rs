//! A child process saving the workspace in a loop is killed (SIGKILL) at random moments, 200
//! times. After every kill each file must hold exactly the old or the new content, never a torn
//! mix, and the workspace must load; the next child takes over the dead one's lock.
//!
//! The child is this test binary run again with `ISMS_CRASH_CHILD` set (see `saver_child`).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use isms::domain::catalogue::Catalogue;
use isms::domain::risk::Risk;
use isms::domain::soa::Applicability;
use isms::domain::workspace::{Settings, Workspace};
use isms::domain::workspace_format::render;
use isms::store::{self, Access};

const KILLS: usize = 200;

/// One of two versions of a workspace big enough that writing it takes a while.
fn version(catalogue: &Catalogue, which: char) -> Workspace {
    let mut workspace = Workspace::new(Settings::default(), catalogue);
    for entry in &mut workspace.soa.entries {
        entry.applicability = Applicability::Applicable;
        entry.justification = format!("Version {which}. ").repeat(40);
    }
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    for n in 0..400 {
        let mut risk = Risk::new(
            &format!("R-{:03}", n + 1),
            &format!("Risk {which}{n}"),
            2,
            3,
            day,
        );
        risk.description = format!("Version {which} of risk {n}. ").repeat(5);
        workspace.risks.risks.push(risk);
    }
    workspace
}

/// In the child: save version A and B alternately until killed.
#[test]
fn saver_child() {
    let Some(dir) = std::env::var_os("ISMS_CRASH_CHILD") else {
        return;
    };
    let catalogue = Catalogue::builtin();
    let versions = [version(&catalogue, 'A'), version(&catalogue, 'B')];
    let mut opened = store::open(Path::new(&dir), &catalogue, Access::Edit).unwrap();
    assert!(
        opened.handle.read_only().is_none(),
        "the stale lock was not taken over"
    );
    let mut turn = usize::from(opened.workspace == versions[0]);
    println!("ready");
    std::io::Write::flush(&mut std::io::stdout()).unwrap();
    loop {
        opened.handle.save(&versions[turn]).unwrap();
        println!("saved");
        std::io::Write::flush(&mut std::io::stdout()).unwrap();
        turn = 1 - turn;
    }
}

#[test]
fn a_killed_save_leaves_old_or_new_content_never_torn() {
    let catalogue = Catalogue::builtin();
    let dir = tempfile::tempdir().unwrap();
    let a = version(&catalogue, 'A');
    let b = version(&catalogue, 'B');
    drop(store::create(dir.path(), &a).unwrap());
    let (files_a, files_b) = (render(&a), render(&b));
    let allowed = |file: &str, a: &str, b: &str| {
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        assert!(
            text == a || text == b,
            "{file} is torn ({} bytes)",
            text.len()
        );
    };

    let exe = std::env::current_exe().unwrap();
    let spawn = || {
        Command::new(&exe)
            .args(["--exact", "saver_child", "--nocapture", "--test-threads=1"])
            .env("ISMS_CRASH_CHILD", dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // How long one save takes on this machine, build and load: kills are spread over two of them,
    // so some land inside a write however fast or slow the saves are.
    let window = {
        let mut child = spawn();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        assert!(lines.any(|line| line.is_ok_and(|l| l.ends_with("ready"))));
        assert!(lines.any(|line| line.is_ok_and(|l| l == "saved")));
        let started = Instant::now();
        for _ in 0..4 {
            assert!(lines.any(|line| line.is_ok_and(|l| l == "saved")));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        (started.elapsed() / 2).max(Duration::from_millis(1))
    };
    let mut changes = 0;
    let mut last = std::fs::read(dir.path().join("soa.ron")).unwrap();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for kill in 0..KILLS {
        let mut child = spawn();
        // Wait until the child is in its save loop, on every other kill also until it finished a
        // save (so the test sees progress however slow the machine), then kill it a random
        // moment later.
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let ready = lines.any(|line| line.is_ok_and(|l| l.ends_with("ready")));
        assert!(
            ready,
            "child {kill} failed before saving (lock not taken over?)"
        );
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        if seed.is_multiple_of(2) {
            let saved = lines.any(|line| line.is_ok_and(|l| l == "saved"));
            assert!(saved, "child {kill} never finished a save");
        }
        let window_us = u64::try_from(window.as_micros()).unwrap_or(u64::MAX);
        std::thread::sleep(Duration::from_micros(seed % window_us));
        child.kill().unwrap();
        let status = child.wait().unwrap();
        assert!(
            !status.success(),
            "child {kill} ended by itself: {status:?}"
        );

        allowed("soa.ron", &files_a.soa, &files_b.soa);
        allowed("risks.ron", &files_a.risks, &files_b.risks);
        allowed("workspace.ron", &files_a.workspace, &files_b.workspace);
        let opened = store::open(dir.path(), &catalogue, Access::ReadOnly)
            .unwrap_or_else(|e| panic!("after kill {kill}: {e}"));
        assert_eq!(opened.workspace.soa.entries.len(), 93);
        let now = std::fs::read(dir.path().join("soa.ron")).unwrap();
        changes += usize::from(now != last);
        last = now;
    }
    // Kills inside a write leave the dead process's temporary file behind (never read).
    let torn_writes = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".tmp-")
        })
        .count();
    eprintln!(
        "{changes} of {KILLS} kills found new content; {torn_writes} kills interrupted a write"
    );
    assert!(
        changes > KILLS / 10,
        "the children hardly saved: {changes} changes"
    );
    assert!(torn_writes > 0, "no kill landed inside a write");
}
