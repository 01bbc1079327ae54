//! What becomes of the temporary folder of `isms demo` when the workbench ends: it is removed,
//! with one line on stderr saying so, unless the user asked to keep it (`--keep`) or it holds
//! work of theirs (a save, an export, rescued edits: any file new or changed since the start),
//! which is never deleted; then the line says where it stays.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::store::RECOVERY_FILE;
use crate::store::lock::LOCK_FILE;

/// The folder's files (path below the folder → contents).
pub type Files = BTreeMap<PathBuf, Vec<u8>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Remove,
    /// The session's unsaved edits were rescued there.
    KeepRescued,
    /// Something was saved or written there during the session.
    KeepSaved,
    /// `isms demo --keep`.
    KeepAsked,
}

/// Decides from the files at the start and at the end. The lock file comes and goes with every
/// session, and a file that went away holds no work, so neither keeps the folder.
pub fn decide(keep: bool, before: &Files, after: &Files) -> Outcome {
    let changed = after
        .iter()
        .any(|(path, bytes)| path != Path::new(LOCK_FILE) && before.get(path) != Some(bytes));
    if after.contains_key(Path::new(RECOVERY_FILE)) {
        Outcome::KeepRescued
    } else if changed {
        Outcome::KeepSaved
    } else if keep {
        Outcome::KeepAsked
    } else {
        Outcome::Remove
    }
}

/// The line for stderr once the outcome is carried out.
pub fn message(outcome: Outcome, dir: &Path) -> String {
    let dir = dir.display();
    match outcome {
        Outcome::Remove => {
            format!("isms: removed the demo workspace {dir}; run `isms demo --keep` to keep it")
        }
        Outcome::KeepRescued => format!(
            "isms: the demo workspace stays in {dir} with your unsaved edits; `isms {dir}` offers them back"
        ),
        Outcome::KeepSaved => format!(
            "isms: the demo workspace stays in {dir}, as you saved there; `isms {dir}` opens it again"
        ),
        Outcome::KeepAsked => {
            format!("isms: the demo workspace stays in {dir}; `isms {dir}` opens it again")
        }
    }
}

/// The demo's folder, watched from the start of the session.
pub struct DemoFolder {
    dir: PathBuf,
    keep: bool,
    before: Files,
}

impl DemoFolder {
    /// Notes what the new demo folder holds.
    pub fn watch(dir: &Path, keep: bool) -> DemoFolder {
        DemoFolder {
            dir: dir.to_path_buf(),
            keep,
            before: read_files(dir),
        }
    }

    /// After the session (and its lock) ended: removes the folder or keeps it; returns the line
    /// that says which.
    pub fn finish(self) -> String {
        let outcome = decide(self.keep, &self.before, &read_files(&self.dir));
        match outcome {
            Outcome::Remove => match std::fs::remove_dir_all(&self.dir) {
                Ok(()) => message(outcome, &self.dir),
                Err(error) => format!(
                    "isms: could not remove the demo workspace {}: {error}",
                    self.dir.display()
                ),
            },
            _ => message(outcome, &self.dir),
        }
    }

    /// The session never started (no terminal): nothing of the user's is there.
    pub fn discard(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Every file below `dir` (unreadable ones as empty), by path below `dir`.
fn read_files(dir: &Path) -> Files {
    let mut files = Files::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                folders.push(path);
            } else if let Ok(below) = path.strip_prefix(dir) {
                files.insert(
                    below.to_path_buf(),
                    std::fs::read(&path).unwrap_or_default(),
                );
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Files {
        list.iter()
            .map(|(p, t)| (PathBuf::from(p), t.as_bytes().to_vec()))
            .collect()
    }

    fn start() -> Files {
        files(&[
            ("workspace.ron", "w"),
            ("soa.ron", "s"),
            (LOCK_FILE, "pid 1"),
        ])
    }

    #[test]
    fn an_untouched_demo_is_removed_unless_kept() {
        let end = files(&[("workspace.ron", "w"), ("soa.ron", "s")]);
        assert_eq!(decide(false, &start(), &end), Outcome::Remove);
        assert_eq!(decide(true, &start(), &end), Outcome::KeepAsked);
        let relocked = files(&[("workspace.ron", "w"), ("soa.ron", "s"), (LOCK_FILE, "x")]);
        assert_eq!(decide(false, &start(), &relocked), Outcome::Remove);
    }

    #[test]
    fn saved_or_new_files_keep_the_folder_even_without_keep() {
        let saved = files(&[("workspace.ron", "w"), ("soa.ron", "s2")]);
        assert_eq!(decide(false, &start(), &saved), Outcome::KeepSaved);
        let exported = files(&[
            ("workspace.ron", "w"),
            ("soa.ron", "s"),
            ("out/soa.pdf", "%"),
        ]);
        assert_eq!(decide(false, &start(), &exported), Outcome::KeepSaved);
        assert_eq!(decide(true, &start(), &exported), Outcome::KeepSaved);
    }

    #[test]
    fn rescued_edits_keep_the_folder_and_say_so() {
        let rescued = files(&[
            ("workspace.ron", "w"),
            ("soa.ron", "s"),
            (RECOVERY_FILE, "r"),
        ]);
        assert_eq!(decide(false, &start(), &rescued), Outcome::KeepRescued);
        let line = message(Outcome::KeepRescued, Path::new("/tmp/isms-demo-7"));
        assert!(
            line.contains("/tmp/isms-demo-7 with your unsaved edits"),
            "{line}"
        );
    }

    #[test]
    fn the_folder_is_read_with_its_subfolders_and_removed_only_when_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let demo = dir.path().join("isms-demo-1");
        std::fs::create_dir_all(demo.join("sub")).unwrap();
        std::fs::write(demo.join("soa.ron"), "s").unwrap();
        let folder = DemoFolder::watch(&demo, false);
        assert_eq!(folder.before, files(&[("soa.ron", "s")]));
        std::fs::write(demo.join("sub/report.md"), "r").unwrap();
        assert!(folder.finish().contains("as you saved there"));
        assert!(demo.join("sub/report.md").exists(), "new work is kept");

        let folder = DemoFolder::watch(&demo, false);
        assert!(folder.finish().contains("removed the demo workspace"));
        assert!(!demo.exists(), "an untouched folder is removed");
    }
}
