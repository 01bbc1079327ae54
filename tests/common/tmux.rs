//! A tmux server of the test's own (its own socket, killed on drop) running one 80×24 session,
//! typed into with `send-keys` and read back with `capture-pane`. Waits poll the screen with a
//! generous timeout; no fixed sleeps decide a result.

use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static SERVERS: AtomicUsize = AtomicUsize::new(0);
pub const TIMEOUT: Duration = Duration::from_secs(30);

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts a server whose one session (`t`, 80×24) runs `script` in `sh -c`.
    pub fn start(script: &str) -> Tmux {
        let n = SERVERS.fetch_add(1, Ordering::SeqCst);
        let tmux = Tmux {
            socket: format!("isms-test-{}-{n}", std::process::id()),
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
            script,
        ]);
        assert!(
            output.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        tmux
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux is installed (.ci/run installs it)")
    }

    /// Sends each item as tmux key names (`Enter`, `C-s`, or plain words).
    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "t", key]);
        }
    }

    /// Types `text` literally, character by character.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// Polls the screen until it shows every one of `texts`.
    pub fn wait_for(&self, texts: &[&str]) -> String {
        self.wait_until(texts, |screen| texts.iter().all(|t| screen.contains(t)))
    }

    /// Polls the screen until it shows any one of `texts`.
    pub fn wait_for_any(&self, texts: &[&str]) -> String {
        self.wait_until(texts, |screen| texts.iter().any(|t| screen.contains(t)))
    }

    fn wait_until(&self, texts: &[&str], done: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
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
