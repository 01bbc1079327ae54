//! Defect 5 of issue 10, end to end: words typed into an open SoA form over a real SSH link
//! survive the link dropping. The workbench runs in tmux inside `ssh -tt` to a throw-away sshd
//! on loopback; the sshd processes serving the session are killed, so the session's terminal
//! hangs up as it does when a network goes away; the next start offers the words back.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::procs;
use common::sshd::Sshd;
use common::tmux::Tmux;

const SENTENCE: &str = "Tapes leave the building every Friday in a locked case.";

#[test]
#[ignore = "needs tmux and sshd; .ci/run installs them"]
fn words_typed_in_a_form_survive_a_dropped_ssh_link() {
    let isms = env!("CARGO_BIN_EXE_isms");
    let home = tempfile::tempdir().unwrap();
    let ws = home.path().join("ws");
    let init = Command::new(isms).arg("init").arg(&ws).output().unwrap();
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let sshd = Sshd::start();

    let remote = format!(
        "cd {home} && {env} {isms} -w {ws}",
        home = home.path().display(),
        env = session_env(home.path()),
        ws = ws.display()
    );
    let tmux = Tmux::start(&format!(
        "{}; echo ssh-exit=$?; sleep 600",
        sshd.ssh_command(&remote)
    ));
    let screen = tmux.wait_for_any(&["Catalogue · 93", "ssh-exit="]);
    // A server run by a plain user must be able to give the session's pty to the tty group
    // (devpts mounted with gid=5, or the user in that group); its log says so when it cannot.
    assert!(
        screen.contains("Catalogue · 93"),
        "the ssh session ended before the workbench opened:\n{screen}\nsshd log:\n{}",
        sshd.log()
    );
    tmux.keys(&["2", "e"]);
    tmux.wait_for(&["Justification", "Reviewed"]);
    tmux.type_text(SENTENCE);
    tmux.wait_for(&[SENTENCE]);

    let dropped = sshd.drop_connections();
    assert!(
        dropped > 0,
        "no sshd process served the session:\n{}",
        sshd.log()
    );
    wait_until_exited(&ws);
    let recovery = std::fs::read_to_string(ws.join(".isms-recovery.ron"))
        .expect("the dead session left a recovery file");
    assert!(
        recovery.contains(SENTENCE),
        "the typing is in the recovery file:\n{recovery}"
    );

    let again = Tmux::start(&format!(
        "cd {home} && {env} {isms} -w {ws}; sleep 600",
        home = home.path().display(),
        env = session_env(home.path()),
        ws = ws.display()
    ));
    again.wait_for(&["Unsaved edits found", "Restore its edits?"]);
    again.keys(&["y"]);
    again.wait_for(&["Restored"]);
    again.keys(&["C-s"]);
    again.wait_for(&["Saved"]);
    again.keys(&["q"]);
    wait_until_exited(&ws);

    let soa: serde_json::Value =
        serde_json::from_str(&common::cli::ok(&ws, &["soa", "--format", "json"])).unwrap();
    let entry = soa["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["control"] == "5.1")
        .unwrap();
    assert_eq!(entry["justification"], SENTENCE);
}

/// A fresh HOME and config folder (no user keymap or theme), a known terminal and user.
fn session_env(home: &Path) -> String {
    let home = home.display();
    format!(
        "env HOME={home} XDG_CONFIG_HOME={home}/config TMPDIR={home} TERM=xterm-256color USER=tester"
    )
}

/// Waits for the workbench on `ws` to end; a session that outlives a dead link is a failure.
fn wait_until_exited(ws: &Path) {
    let ws = ws.display().to_string();
    let started = Instant::now();
    loop {
        let running: Vec<_> = procs::with_argument(&ws)
            .into_iter()
            .filter(|p| p.comm == "isms")
            .collect();
        if running.is_empty() {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "isms is still running on {ws}: {:?}",
            running.iter().map(|p| &p.cmdline).collect::<Vec<_>>()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
