//! The workspace lock: `.isms.lock` names the pid, host, user and start time of the session
//! editing the workspace.
//!
//! The file is also held with `flock`, which the kernel releases when the process dies, so on this
//! host a lock whose `flock` is free is stale (the process died, or its pid was reused) and is
//! taken over without asking; file systems without `flock` fall back to "a dead pid on this
//! host". A lock naming another host is respected until `isms unlock` clears it. The file is
//! opened with `O_NOFOLLOW` and must be a regular file: a planted link is never written through.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::os::fd::AsRawFd;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::domain::text::{quote, sanitize_line};

pub const LOCK_FILE: &str = ".isms.lock";

/// A held lock; dropping it removes the lock file.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    file: File,
}

/// Why the lock could not be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockRefused {
    /// Another live session holds it: who, in words ("pid 4711 (ann) on host alpha since …").
    HeldBy(String),
    /// The lock file could not be created (e.g. a read-only directory, or it is a link).
    Unwritable(String),
}

impl Lock {
    /// Takes the lock on the workspace in `dir`, or says who holds it.
    pub fn acquire(dir: &Path) -> Result<Lock, LockRefused> {
        let path = dir.join(LOCK_FILE);
        for _ in 0..5 {
            let mut file = open_lock_file(&path, true).map_err(LockRefused::Unwritable)?;
            let holder = Holder::parse(&read_small(&mut file));
            let flocked = match try_flock(&file) {
                Flock::Held => {
                    return Err(LockRefused::HeldBy(
                        holder.map_or_else(|| "another session".to_string(), |h| h.describe()),
                    ));
                }
                other => other,
            };
            // The file may have been removed by its previous holder between our open and flock.
            if !same_file(&file, &path) {
                continue;
            }
            if let Some(holder) = holder
                && holder.still_holds(flocked)
            {
                return Err(LockRefused::HeldBy(holder.describe()));
            }
            // No fsync: after a crash the flock is gone anyway, and the contents are informative.
            let written = file
                .set_len(0)
                .and_then(|_| file.rewind())
                .and_then(|_| file.write_all(Holder::me().render().as_bytes()));
            written.map_err(|e| LockRefused::Unwritable(super::read::io_reason(&e)))?;
            return Ok(Lock { path, file });
        }
        Err(LockRefused::HeldBy("another session".into()))
    }

    /// Like [`Lock::acquire`], trying again for up to `wait` while another session holds it.
    pub fn acquire_waiting(dir: &Path, wait: Duration) -> Result<Lock, LockRefused> {
        let deadline = Instant::now() + wait;
        loop {
            match Lock::acquire(dir) {
                Err(LockRefused::HeldBy(_)) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                other => return other,
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still flocked, so nobody can take a lock on the file being removed.
        if same_file(&self.file, &self.path) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Who holds the lock in `dir`, in words; `None` when there is no lock file.
pub fn holder(dir: &Path) -> Result<Option<String>, String> {
    let path = dir.join(LOCK_FILE);
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    let mut file = open_lock_file(&path, false)?;
    let text = read_small(&mut file);
    Ok(Some(Holder::parse(&text).map_or_else(
        || "an unreadable lock".to_string(),
        |h| h.describe(),
    )))
}

/// Removes the lock file of `dir` (`isms unlock`), unless a session on this host still holds it.
/// A link in its place is removed, never followed.
pub fn clear(dir: &Path) -> Result<(), String> {
    let path = dir.join(LOCK_FILE);
    let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        let file = open_lock_file(&path, false)?;
        if try_flock(&file) == Flock::Held {
            return Err(
                "a running isms session on this machine holds it; close that session instead"
                    .into(),
            );
        }
    }
    std::fs::remove_file(&path)
        .map_err(|e| format!("cannot remove: {}", super::read::io_reason(&e)))
}

/// Opens `.isms.lock` for reading and writing without following a link, never blocking, and
/// only if it is a regular file.
fn open_lock_file(path: &Path, create: bool) -> Result<File, String> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(create)
        .truncate(false)
        .mode(0o644)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|e| match e.raw_os_error() {
            Some(libc::ELOOP) => {
                format!("{LOCK_FILE} is a symbolic link; isms will not write through it (remove it, or run `isms unlock`)")
            }
            _ => super::read::io_reason(&e),
        })?;
    let meta = file.metadata().map_err(|e| super::read::io_reason(&e))?;
    if let Some(kind) = super::read::kind_of(&meta.file_type()) {
        return Err(format!(
            "{LOCK_FILE} is {kind}; remove it, or run `isms unlock`"
        ));
    }
    Ok(file)
}

/// The first few KB of the lock file: enough for what isms writes, and bounded.
fn read_small(file: &mut File) -> String {
    let mut bytes = Vec::new();
    let _ = file.take(4096).read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Who a lock file names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Holder {
    pid: u32,
    host: String,
    user: Option<String>,
    since: Option<String>,
}

impl Holder {
    fn me() -> Holder {
        Holder {
            pid: std::process::id(),
            host: hostname(),
            user: Some(super::user::current_user()),
            since: Some(chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        }
    }

    fn render(&self) -> String {
        let mut text = format!("pid {}\nhost {}\n", self.pid, self.host);
        if let Some(user) = &self.user {
            text.push_str(&format!("user {user}\n"));
        }
        if let Some(since) = &self.since {
            text.push_str(&format!("since {since}\n"));
        }
        text
    }

    fn parse(text: &str) -> Option<Holder> {
        let mut pid = None;
        let mut host = None;
        let mut user = None;
        let mut since = None;
        for line in text.lines() {
            match line.split_once(' ') {
                Some(("pid", value)) => pid = value.trim().parse().ok(),
                Some(("host", value)) => host = Some(value.trim().to_string()),
                Some(("user", value)) => user = Some(value.trim().to_string()),
                Some(("since", value)) => since = Some(value.trim().to_string()),
                _ => {}
            }
        }
        Some(Holder {
            pid: pid?,
            host: host?,
            user,
            since,
        })
    }

    /// "pid 4711 (ann) on host alpha since 2026-12-02T09:00:00Z", every part from the file cleaned
    /// and bounded.
    fn describe(&self) -> String {
        let mut text = format!("pid {}", self.pid);
        if let Some(user) = &self.user {
            text.push_str(&format!(" ({})", quote(&sanitize_line(user), 40)));
        }
        text.push_str(&format!(
            " on host {}",
            quote(&sanitize_line(&self.host), 60)
        ));
        if let Some(since) = &self.since {
            text.push_str(&format!(" since {}", quote(&sanitize_line(since), 30)));
        }
        text
    }

    /// Whether the lock is still someone's. `flocked` says whether our `flock` succeeded: on this
    /// host that proves the holder is gone (dead, or its pid reused by another program).
    fn still_holds(&self, flocked: Flock) -> bool {
        if self.host != hostname() {
            return true;
        }
        match flocked {
            Flock::Taken => false,
            _ => self.pid != std::process::id() && process_exists(self.pid),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flock {
    Taken,
    Held,
    /// The file system has no `flock`: the pid and host decide.
    Unsupported,
}

fn try_flock(file: &File) -> Flock {
    // SAFETY: flock on a file descriptor we own; no memory is passed.
    let result = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if result == 0 {
        return Flock::Taken;
    }
    if std::io::Error::last_os_error().raw_os_error() == Some(libc::ENOLCK) {
        Flock::Unsupported
    } else {
        Flock::Held
    }
}

fn same_file(file: &File, path: &Path) -> bool {
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(open), Ok(named)) => open.ino() == named.ino() && open.dev() == named.dev(),
        _ => false,
    }
}

fn process_exists(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// This machine's name, as the lock file records it.
pub fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .ok()
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_lock_from_a_dead_pid_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let stale = format!("pid {dead}\nhost {}\n", hostname());
        std::fs::write(dir.path().join(LOCK_FILE), stale).unwrap();
        let lock = Lock::acquire(dir.path()).unwrap();
        let text = std::fs::read_to_string(dir.path().join(LOCK_FILE)).unwrap();
        assert!(text.starts_with(&format!("pid {}\n", std::process::id())));
        drop(lock);
        assert!(!dir.path().join(LOCK_FILE).exists());
    }

    #[test]
    fn a_lock_from_another_host_is_respected() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(LOCK_FILE), "pid 1\nhost elsewhere\n").unwrap();
        assert_eq!(
            Lock::acquire(dir.path()).unwrap_err(),
            LockRefused::HeldBy("pid 1 on host elsewhere".into())
        );
    }

    #[test]
    fn a_second_lock_in_the_same_process_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let _first = Lock::acquire(dir.path()).unwrap();
        let second = Lock::acquire(dir.path()).unwrap_err();
        let LockRefused::HeldBy(who) = second else {
            panic!("{second:?}")
        };
        let me = format!("pid {} (", std::process::id());
        assert!(who.starts_with(&me) && who.contains(&format!(" on host {} since ", hostname())));
    }

    #[test]
    fn a_reused_pid_on_this_host_is_taken_over_when_its_flock_is_free() {
        let dir = tempfile::tempdir().unwrap();
        // pid 1 is alive but holds no flock on this file: its pid was reused.
        let reused = format!("pid 1\nhost {}\nuser ann\n", hostname());
        std::fs::write(dir.path().join(LOCK_FILE), reused).unwrap();
        let _lock = Lock::acquire(dir.path()).unwrap();
        let text = std::fs::read_to_string(dir.path().join(LOCK_FILE)).unwrap();
        assert!(
            text.contains("\nuser ") && text.contains("\nsince "),
            "{text}"
        );
    }

    #[test]
    fn clear_removes_a_lock_from_elsewhere_but_not_a_live_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(LOCK_FILE), "pid 1\nhost elsewhere\n").unwrap();
        assert_eq!(
            holder(dir.path()).unwrap().as_deref(),
            Some("pid 1 on host elsewhere")
        );
        clear(dir.path()).unwrap();
        assert_eq!(holder(dir.path()).unwrap(), None);
        let _live = Lock::acquire(dir.path()).unwrap();
        assert!(
            clear(dir.path())
                .unwrap_err()
                .contains("running isms session")
        );
    }

    #[test]
    fn a_holder_with_escapes_and_a_huge_host_is_described_cleanly() {
        let host = format!("ev\u{1b}]52;c;eA==\u{7}il{}", "x".repeat(100_000));
        let holder = Holder::parse(&format!("pid 7\nhost {host}\n")).unwrap();
        let said = holder.describe();
        assert!(!said.contains('\u{1b}') && !said.contains('\u{7}'));
        assert!(said.chars().count() < 100, "{said}");
    }
}
