//! End to end: the real binary in tmux, read back with `capture-pane`. Each test uses its own tmux
//! socket, a fresh HOME and XDG_CONFIG_HOME, TERM=xterm-256color, waits by polling the screen
//! (generous timeouts, no fixed sleeps for correctness), and always kills its tmux server.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static SESSIONS: AtomicUsize = AtomicUsize::new(0);
const TIMEOUT: Duration = Duration::from_secs(30);

struct Tmux {
    socket: String,
    home: tempfile::TempDir,
}

impl Tmux {
    /// Runs `isms ARGS` at 80×24 in a shell that, after isms exits, prints its exit code and
    /// whether the terminal is back in canonical mode, then waits so the screen can be read.
    /// `files` are written under the fresh XDG_CONFIG_HOME/isms first.
    fn start(args: &str, env: &str, files: &[(&str, &str)]) -> Tmux {
        let isms = env!("CARGO_BIN_EXE_isms");
        Tmux::start_script(files, |home| {
            format!(
                "cd {home} && env HOME={home} XDG_CONFIG_HOME={home}/config TMPDIR={home} TERM=xterm-256color \
                 {env} sh -c 'echo $$ > {home}/pid; exec {isms} {args}'; \
                 echo \"exit=$?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon'; sleep 600"
            )
        })
    }

    fn start_script(files: &[(&str, &str)], script: impl FnOnce(&str) -> String) -> Tmux {
        let n = SESSIONS.fetch_add(1, Ordering::SeqCst);
        let socket = format!("isms-test-{}-{n}", std::process::id());
        let home = tempfile::tempdir().unwrap();
        let config = home.path().join("config/isms");
        for (name, text) in files {
            let path = config.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let tmux = Tmux { socket, home };
        let script = script(&tmux.home.path().display().to_string());
        let output = tmux.run(&[
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            "-s",
            "t",
            &script,
        ]);
        assert!(
            output.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux is installed (.ci/run installs it)")
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "t", key]);
        }
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// Polls the screen until it shows every one of `texts`.
    fn wait_for(&self, texts: &[&str]) -> String {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            assert!(
                started.elapsed() < TIMEOUT,
                "waited for {texts:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn alternate_screen_on(&self) -> bool {
        let output = self.run(&["display-message", "-p", "-t", "t", "#{alternate_on}"]);
        String::from_utf8_lossy(&output.stdout).trim() == "1"
    }

    fn isms_pid(&self) -> String {
        let file = self.home.path().join("pid");
        let started = Instant::now();
        while !Path::new(&file).exists() && started.elapsed() < TIMEOUT {
            std::thread::sleep(Duration::from_millis(20));
        }
        std::fs::read_to_string(file).unwrap().trim().to_string()
    }

    /// After isms has exited: the exit code shown and a terminal back in canonical mode.
    fn assert_restored(&self, exit: &str) -> String {
        let screen = self.wait_for(&[&format!("exit={exit}"), "icanon"]);
        assert!(
            !screen.contains("-icanon"),
            "terminal left in raw mode:\n{screen}"
        );
        assert!(!self.alternate_screen_on(), "still on the alternate screen");
        screen
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

#[test]
#[ignore = "needs tmux; .ci/run installs it"]
fn search_jump_help_and_quit() {
    let tmux = Tmux::start("demo", "", &[]);
    tmux.wait_for(&[
        "1 Catalogue",
        "Catalogue · 93",
        "5.1  Policies for information security",
    ]);
    tmux.keys(&["/", "backup"]);
    tmux.wait_for(&["/ backup", "of 93", "8.13  Information backup"]);
    // Enter keeps the filter; `l` moves into the detail to pick its links.
    tmux.keys(&["Enter", "l"]);
    tmux.wait_for(&["pick link"]);
    // The first related control of 8.13 is 5.29; Enter goes there.
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["5.29  Information security during", "go to"]);
    tmux.keys(&["?"]);
    tmux.wait_for(&["Help · lines 1–", "Keys of the Catalogue pane"]);
    tmux.keys(&["Escape"]);
    tmux.wait_for(&["5.29  Information security during"]);
    tmux.keys(&["q"]);
    tmux.assert_restored("0");
}

/// "What does 8.9 ask?" at 80×24: `/8.9` Enter opens its control screen, with the purpose and
/// the first lines of guidance on the first screen.
#[test]
#[ignore = "needs tmux; .ci/run installs it"]
fn what_does_8_9_ask_is_answered_on_the_first_screen() {
    let catalogue = isms::domain::catalogue::Catalogue::builtin();
    let control = catalogue.get("8.9").unwrap();
    let opening = |text: &str| -> String {
        let words: Vec<&str> = text.split_whitespace().take(4).collect();
        words.join(" ")
    };
    let purpose = opening(&control.purpose);
    let guidance = opening(&control.guidance);
    let tmux = Tmux::start("demo", "", &[]);
    tmux.wait_for(&["Catalogue · 93"]);
    tmux.keys(&["/", "8.9", "Enter"]);
    let screen = tmux.wait_for(&["8.9 · guidance", "Purpose", "Guidance", "SoA entry"]);
    assert!(screen.contains(&purpose), "{purpose:?} in\n{screen}");
    assert!(screen.contains(&guidance), "{guidance:?} in\n{screen}");
    let guidance_row = screen.lines().position(|l| l.contains(&guidance)).unwrap();
    let next = screen.lines().nth(guidance_row + 1).unwrap_or("");
    assert!(
        next.trim_matches(['│', ' ']).len() > 20,
        "more than one line of guidance shows:\n{screen}"
    );
    tmux.keys(&["q", "q"]);
    tmux.assert_restored("0");
}

#[test]
#[ignore = "needs tmux; .ci/run installs it"]
fn the_terminal_is_restored_after_a_panic() {
    let tmux = Tmux::start("demo", "ISMS_TEST_PANIC=1 RUST_BACKTRACE=0", &[]);
    tmux.wait_for(&["Catalogue · 93"]);
    assert!(tmux.alternate_screen_on());
    tmux.keys(&["j"]);
    let screen = tmux.assert_restored("101");
    assert!(screen.contains("panicked"), "{screen}");
}

#[test]
#[ignore = "needs tmux; .ci/run installs it"]
fn the_terminal_is_restored_on_sigterm_and_sighup() {
    for (signal, code) in [("TERM", "143"), ("HUP", "129")] {
        let tmux = Tmux::start("demo", "", &[]);
        tmux.wait_for(&["Catalogue · 93"]);
        let pid = tmux.isms_pid();
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(status.success());
        tmux.assert_restored(code);
    }
}

#[test]
#[ignore = "needs tmux; .ci/run installs it"]
fn a_broken_theme_and_keymap_are_reported_and_the_workbench_still_opens() {
    let tmux = Tmux::start("demo --theme nosuch", "", &[]);
    tmux.wait_for(&["no theme called \"nosuch\""]);
    tmux.keys(&["q"]);
    tmux.assert_restored("0");

    let files = [
        ("keymap.ron", "{ \"quit\": [\"<Nope>\"] }"),
        (
            "themes/mine.ron",
            "(roles: { \"text\": (fg: \"blurple\") })",
        ),
    ];
    let tmux = Tmux::start("demo --theme mine", "", &files);
    tmux.wait_for(&["Catalogue · 93", "keymap.ron:1:12"]);
    tmux.keys(&["j"]);
    tmux.wait_for(&["/ search"]);
    tmux.keys(&["q"]);
    tmux.assert_restored("0");
}

#[test]
#[ignore = "needs tmux; .ci/run installs it"]
fn user_keys_and_themes_apply() {
    let files = [
        ("keymap.ron", "{ \"search\": [\"s\"] }"),
        (
            "themes/mine.ron",
            "(extends: \"mono\", roles: { \"heading\": (underline: true) })",
        ),
    ];
    let tmux = Tmux::start("demo --theme mine", "", &files);
    tmux.wait_for(&["s search"]);
    tmux.keys(&["s", "8.9"]);
    tmux.wait_for(&["/ 8.9", "8.9  Configuration management"]);
    tmux.keys(&["Escape", "q"]);
    tmux.assert_restored("0");
}

#[test]
#[ignore = "needs tmux; .ci/run installs it"]
fn ctrl_z_suspends_and_fg_resumes() {
    let isms = env!("CARGO_BIN_EXE_isms");
    let tmux = Tmux::start_script(&[], |home| {
        format!(
            "cd {home} && env -i PATH=/usr/bin:/bin HOME={home} XDG_CONFIG_HOME={home}/config TMPDIR={home} \
             TERM=xterm-256color PS1='ready$ ' bash --norc --noprofile -i"
        )
    });
    tmux.wait_for(&["ready$"]);
    tmux.keys(&[&format!("{isms} demo"), "Enter"]);
    tmux.wait_for(&["Catalogue · 93"]);
    tmux.keys(&["C-z"]);
    tmux.wait_for(&["Stopped"]);
    assert!(!tmux.alternate_screen_on());
    tmux.keys(&["fg", "Enter"]);
    tmux.wait_for(&["Catalogue · 93", "5.1  Policies"]);
    tmux.keys(&["j", "q"]);
    let started = Instant::now();
    while tmux.alternate_screen_on() && started.elapsed() < TIMEOUT {
        std::thread::sleep(Duration::from_millis(50));
    }
    let check = "echo \"exit=$?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon'";
    tmux.run(&["send-keys", "-t", "t", "-l", check]);
    tmux.keys(&["Enter"]);
    tmux.assert_restored("0");
}

#[test]
#[ignore = "needs tmux; .ci/run installs it"]
fn resizing_redraws_and_a_small_terminal_gets_a_notice() {
    let tmux = Tmux::start("demo", "", &[]);
    tmux.wait_for(&["Catalogue · 93"]);
    tmux.run(&["resize-window", "-t", "t", "-x", "50", "-y", "12"]);
    tmux.wait_for(&["Terminal too small", "50×12"]);
    tmux.run(&["resize-window", "-t", "t", "-x", "120", "-y", "40"]);
    tmux.wait_for(&[
        "Catalogue · 93",
        "Information security roles and responsibilities",
    ]);
    tmux.keys(&["q"]);
    tmux.assert_restored("0");
}

#[test]
#[ignore = "needs tmux; .ci/run installs it"]
fn a_folder_opens_its_workspace_and_a_second_session_is_read_only() {
    let tmux = Tmux::start("", "", &[]);
    tmux.wait_for(&["no workspace in . yet"]);
    tmux.keys(&["q"]);
    tmux.assert_restored("0");

    let folder = tempfile::tempdir().unwrap();
    let workspace = folder.path().join("acme");
    let init = Command::new(env!("CARGO_BIN_EXE_isms"))
        .arg("init")
        .arg(&workspace)
        .output()
        .unwrap();
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let path = workspace.display().to_string();
    let first = Tmux::start(&path, "", &[]);
    first.wait_for(&["Catalogue · 93", "acme"]);
    let second = Tmux::start(&path, "", &[]);
    second.wait_for(&["read-only: open for editing by"]);
    second.keys(&["q"]);
    second.assert_restored("0");
    first.keys(&["q"]);
    first.assert_restored("0");
}

impl Tmux {
    /// The demo's folder in this test's TMPDIR, if there is one.
    fn demo_folder(&self) -> Option<std::path::PathBuf> {
        std::fs::read_dir(self.home.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("isms-demo-")
            })
    }
}

#[test]
#[ignore = "needs tmux; .ci/run installs it"]
fn the_demo_is_a_copy_in_a_temporary_folder_removed_on_quit() {
    let tmux = Tmux::start("demo", "", &[]);
    let screen = tmux.wait_for(&["Catalogue · 93", "isms-demo-"]);
    assert!(screen.contains("Brackenfield"));
    let demo = tmux.demo_folder().expect("a demo folder in TMPDIR");
    for file in ["workspace.ron", "soa.ron", "risks.ron"] {
        assert!(demo.join(file).exists(), "{file}");
    }
    tmux.keys(&["q"]);
    let screen = tmux.assert_restored("0");
    assert!(screen.contains("removed the demo workspace"), "{screen}");
    assert!(!demo.exists(), "the demo folder is removed on quit");
}

#[test]
#[ignore = "needs tmux; .ci/run installs it"]
fn the_demo_folder_stays_when_asked_or_saved_in() {
    let asked = Tmux::start("demo --keep", "", &[]);
    asked.wait_for(&["Catalogue · 93"]);
    asked.keys(&["q"]);
    let screen = asked.assert_restored("0");
    assert!(screen.contains("the demo workspace stays in"), "{screen}");
    let demo = asked.demo_folder().expect("the demo folder is kept");
    assert!(demo.join("soa.ron").exists());

    let saved = Tmux::start("demo", "", &[]);
    saved.wait_for(&["Catalogue · 93"]);
    saved.keys(&["2", "a"]);
    saved.wait_for(&["[+]"]);
    saved.keys(&["C-s"]);
    saved.wait_for(&["Saved"]);
    saved.keys(&["q"]);
    let screen = saved.assert_restored("0");
    assert!(screen.contains("the demo workspace stays in"), "{screen}");
    let demo = saved.demo_folder().expect("a demo folder saved in is kept");
    assert!(demo.join("soa.ron").exists());
}

impl Tmux {
    /// `isms init ws` in a fresh HOME, then the workbench on it (as `start` does for `isms ARGS`).
    fn start_on_new_workspace() -> Tmux {
        let isms = env!("CARGO_BIN_EXE_isms");
        Tmux::start_script(&[], |home| {
            format!(
                "cd {home} && {isms} init ws >/dev/null && env HOME={home} XDG_CONFIG_HOME={home}/config \
                 TMPDIR={home} TERM=xterm-256color USER=tester sh -c 'echo $$ > {home}/pid; exec {isms} ws'; \
                 echo \"exit=$?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon'; sleep 600"
            )
        })
    }

    /// Starts the workbench again on the same `ws`, in a new tmux server on the same HOME.
    fn restart_on(home: &Path) -> Output {
        let isms = env!("CARGO_BIN_EXE_isms");
        let n = SESSIONS.fetch_add(1, Ordering::SeqCst);
        let socket = format!("isms-test-{}-{n}", std::process::id());
        let home = home.display();
        Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24"])
            .args(["-s", "t"])
            .arg(format!(
                "cd {home} && env HOME={home} TMPDIR={home} TERM=xterm-256color USER=tester {isms} ws; sleep 600"
            ))
            .env_remove("TMUX")
            .output()
            .map(|mut o| {
                o.stdout = socket.into_bytes();
                o
            })
            .unwrap()
    }
}

fn soa_entry_json(home: &Path, id: &str) -> serde_json::Value {
    let output = Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(["soa", "-w"])
        .arg(home.join("ws"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    value["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["control"] == id)
        .cloned()
        .unwrap()
}

#[test]
#[ignore = "needs tmux; .ci/run installs it"]
fn decide_justify_save_quit_and_read_back_with_the_cli() {
    let tmux = Tmux::start_on_new_workspace();
    tmux.wait_for(&["Catalogue · 93"]);
    tmux.keys(&["2", "/", "backup"]);
    tmux.wait_for(&["/ backup", "8.13  Information backup"]);
    tmux.keys(&["Enter", "a"]);
    tmux.wait_for(&["8.13 applicable", "[+]"]);
    // Enter opens the control screen; `e` the form inside it, under the guidance.
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["8.13 · guidance", "SoA entry"]);
    tmux.keys(&["e"]);
    tmux.wait_for(&["8.13 · guidance", "Justification", "Reviewed"]);
    tmux.keys(&[
        "Nightly backups of the planning database.",
        "Enter",
        "Restores are tested monthly.",
    ]);
    tmux.wait_for(&["Restores are tested monthly.", "[changed]"]);
    tmux.keys(&["C-s"]);
    tmux.wait_for(&["Saved", "soa.ron"]);
    assert!(!tmux.screen().contains("[+]"), "the unsaved marker is gone");
    // The first q closes the control screen, the second quits.
    tmux.keys(&["q", "q"]);
    tmux.assert_restored("0");
    let entry = soa_entry_json(tmux.home.path(), "8.13");
    assert_eq!(entry["applicability"], "applicable");
    assert_eq!(
        entry["justification"],
        "Nightly backups of the planning database.\nRestores are tested monthly."
    );
}

#[test]
#[ignore = "needs tmux; .ci/run installs it"]
fn edits_survive_a_killed_session_and_are_offered_back() {
    let tmux = Tmux::start_on_new_workspace();
    tmux.wait_for(&["Catalogue · 93"]);
    tmux.keys(&["2", "a"]);
    tmux.wait_for(&["5.1 applicable", "[+]"]);
    // kill-server hangs up the terminal: isms gets SIGHUP, as when an SSH link drops.
    tmux.run(&["kill-server"]);
    let recovery = tmux.home.path().join("ws/.isms-recovery.ron");
    let started = Instant::now();
    while !recovery.exists() && started.elapsed() < TIMEOUT {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(recovery.exists(), "the edits were rescued");
    // Wait for the lock of the dead session to be released before starting again.
    std::thread::sleep(Duration::from_millis(300));

    let output = Tmux::restart_on(tmux.home.path());
    let again = Tmux {
        socket: String::from_utf8(output.stdout).unwrap(),
        home: tempfile::tempdir().unwrap(),
    };
    again.wait_for(&["Unsaved edits found", "Restore its edits?"]);
    again.keys(&["y"]);
    again.wait_for(&["Restored the unsaved edits", "[+]"]);
    assert!(
        !recovery.exists(),
        "the recovery file is gone once restored"
    );
    again.keys(&["C-s"]);
    again.wait_for(&["Saved"]);
    assert_eq!(
        soa_entry_json(tmux.home.path(), "5.1")["applicability"],
        "applicable"
    );
}

/// Add a risk linked to two controls picked by search; see it on the heat map and in the cell.
#[test]
#[ignore = "needs tmux; .ci/run installs it"]
fn a_new_risk_with_two_controls_shows_on_the_heat_map() {
    let tmux = Tmux::start("demo", "", &[]);
    tmux.wait_for(&["Catalogue · 93"]);
    tmux.keys(&["3"]);
    tmux.wait_for(&["Risks · 12 of 12"]);
    tmux.keys(&["n"]);
    tmux.wait_for(&["New risk", "Likelihood"]);
    tmux.keys(&["Stolen backup tapes"]);
    for _ in 0..6 {
        tmux.keys(&["Tab"]);
    }
    // Likelihood 5, impact 5: the top right cell, empty in the demo.
    tmux.keys(&["5", "Tab", "5", "Tab", "Tab", "Enter"]);
    tmux.wait_for(&["Treating controls · 0 picked"]);
    tmux.keys(&["backup"]);
    // The picker shows each control's SoA decision between the id and the title.
    tmux.wait_for(&["8.13  done Information backup"]);
    tmux.keys(&["Enter", "C-u", "cryptography"]);
    tmux.wait_for(&["· 1 picked", "Use of cryptography"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Treating controls · 2 picked"]);
    tmux.keys(&["Escape"]);
    tmux.wait_for(&["8.13 8.24", "Inherent critical 25"]);
    tmux.keys(&["C-s"]);
    // Ctrl-S applies and saves: the "Applied" message may already be replaced by "Saved".
    tmux.wait_for(&["Risks · 13 of 13", "R-013 Stolen backup"]);
    tmux.keys(&["4"]);
    let screen = tmux.wait_for(&["Inherent · 13"]);
    let top_row = screen
        .lines()
        .find(|l| l.starts_with("│ 5 "))
        .expect("the likelihood 5 row of the inherent map");
    assert!(
        top_row.starts_with("│ 5   ·    ·    ·    ·    1"),
        "{screen}"
    );
    // The cell lists the new risk.
    tmux.keys(&["k", "k", "k", "k", "l", "l", "l", "l", "Enter"]);
    tmux.wait_for(&["inherent 5×5: 1 risks", "R-013 Stolen backup tapes"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Risks · 13 of 13"]);
}

/// A workspace in a git clone without `isms git setup` says so in the status bar, as `isms check`
/// does; the warning is found off the loop, so the first frame does not wait for git.
#[test]
#[ignore = "needs tmux and git; .ci/run installs them"]
fn a_clone_without_the_merge_driver_is_warned_about() {
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path().join("ws");
    let isms = env!("CARGO_BIN_EXE_isms");
    let init = Command::new(isms).arg("init").arg(&dir).output().unwrap();
    assert!(init.status.success(), "{init:?}");
    let git = Command::new("git")
        .arg("init")
        .arg("-q")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(git.status.success(), "{git:?}");
    let tmux = Tmux::start(&dir.display().to_string(), "", &[]);
    tmux.wait_for(&["no isms merge driver in this clone: run `isms git setup`"]);
    tmux.keys(&["q"]);
    tmux.assert_restored("0");
}
