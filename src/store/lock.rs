//! The workspace lock: `.isms.lock` holds the pid and host of the session editing the workspace.
//!
//! The file is also held with `flock`, which the kernel releases when the process dies, so a lock
//! left by a crash is taken over without asking. The pid and host in the file say who holds it;
//! a lock from a dead pid on this host is stale and taken over as well (file systems without
//! `flock` fall back to that rule). A lock naming another host is respected.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::os::fd::AsRawFd;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

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
    /// Another live session holds it: who, in words ("pid 4711 on host alpha").
    HeldBy(String),
    /// The lock file could not be created (e.g. a read-only directory).
    Unwritable(String),
}

impl Lock {
    /// Takes the lock on the workspace in `dir`, or says who holds it.
    pub fn acquire(dir: &Path) -> Result<Lock, LockRefused> {
        let path = dir.join(LOCK_FILE);
        for _ in 0..5 {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|e| LockRefused::Unwritable(super::read::io_reason(&e)))?;
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = Holder::parse(&holder);
            if !try_flock(&file) {
                return Err(LockRefused::HeldBy(
                    holder.map_or_else(|| "another session".to_string(), |h| h.describe()),
                ));
            }
            // The file may have been removed by its previous holder between our open and flock.
            if !same_file(&file, &path) {
                continue;
            }
            if let Some(holder) = holder
                && holder.is_alive_elsewhere()
            {
                return Err(LockRefused::HeldBy(holder.describe()));
            }
            let mine = format!("pid {}\nhost {}\n", std::process::id(), hostname());
            // No fsync: after a crash the flock is gone anyway, and the pid is only informative.
            let written = file
                .set_len(0)
                .and_then(|_| file.rewind())
                .and_then(|_| file.write_all(mine.as_bytes()));
            written.map_err(|e| LockRefused::Unwritable(super::read::io_reason(&e)))?;
            return Ok(Lock { path, file });
        }
        Err(LockRefused::HeldBy("another session".into()))
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

/// Who a lock file names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Holder {
    pid: u32,
    host: String,
}

impl Holder {
    fn parse(text: &str) -> Option<Holder> {
        let mut pid = None;
        let mut host = None;
        for line in text.lines() {
            match line.split_once(' ') {
                Some(("pid", value)) => pid = value.trim().parse().ok(),
                Some(("host", value)) => host = Some(value.trim().to_string()),
                _ => {}
            }
        }
        Some(Holder {
            pid: pid?,
            host: host?,
        })
    }

    fn describe(&self) -> String {
        format!("pid {} on host {}", self.pid, self.host)
    }

    /// True when the lock names a live process other than us on this host, or any other host.
    fn is_alive_elsewhere(&self) -> bool {
        if self.host != hostname() {
            return true;
        }
        self.pid != std::process::id() && process_exists(self.pid)
    }
}

fn try_flock(file: &File) -> bool {
    // SAFETY: flock on a file descriptor we own; no memory is passed.
    let result = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if result == 0 {
        return true;
    }
    // File systems without flock: rely on the pid and host in the file.
    std::io::Error::last_os_error().raw_os_error() == Some(libc::ENOLCK)
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
        let me = format!("pid {} on host {}", std::process::id(), hostname());
        assert_eq!(second, LockRefused::HeldBy(me));
    }
}
