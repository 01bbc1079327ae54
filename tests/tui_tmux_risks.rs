//! End to end in tmux: the real binary on the demo workspace at 80×24. Add a risk linked to two
//! controls picked by search, and see it on the dashboard's heat map and in the cell's list.
//! Own tmux socket, fresh HOME, polling the screen (no fixed sleeps), the server always killed.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);

struct Tmux {
    socket: String,
    _home: tempfile::TempDir,
}

impl Tmux {
    fn start() -> Tmux {
        let home = tempfile::tempdir().unwrap();
        let socket = format!("isms-risks-{}", std::process::id());
        let dir = home.path().display().to_string();
        let script = format!(
            "cd {dir} && env HOME={dir} XDG_CONFIG_HOME={dir}/config TMPDIR={dir} TERM=xterm-256color {} demo; sleep 600",
            env!("CARGO_BIN_EXE_isms")
        );
        let tmux = Tmux {
            socket,
            _home: home,
        };
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

    fn wait_for(&self, texts: &[&str]) -> String {
        let started = Instant::now();
        loop {
            let output = self.run(&["capture-pane", "-p", "-t", "t"]);
            let screen = String::from_utf8_lossy(&output.stdout).into_owned();
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
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

#[test]
fn a_new_risk_with_two_controls_shows_on_the_heat_map() {
    let tmux = Tmux::start();
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
    tmux.wait_for(&["8.13  Information backup"]);
    tmux.keys(&["Enter", "C-u", "cryptography"]);
    tmux.wait_for(&["· 1 picked", "8.24  Use of cryptography"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Treating controls · 2 picked"]);
    tmux.keys(&["Escape"]);
    tmux.wait_for(&["8.13 8.24", "Inherent critical 25"]);
    tmux.keys(&["C-s"]);
    tmux.wait_for(&["Applied R-013", "Risks · 13 of 13", "R-013 Stolen backup"]);
    tmux.keys(&["4"]);
    let screen = tmux.wait_for(&["Inherent · 13"]);
    let top_row = screen
        .lines()
        .find(|l| l.starts_with("│ 5 "))
        .expect("the likelihood 5 row of the inherent map");
    assert!(top_row.starts_with("│ 5  ·   ·   ·   ·   1"), "{screen}");
    // The cell lists the new risk.
    tmux.keys(&["k", "k", "k", "k", "l", "l", "l", "l", "Enter"]);
    tmux.wait_for(&["inherent 5×5: 1 risks", "R-013 Stolen backup tapes"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Risks · 13 of 13"]);
}
