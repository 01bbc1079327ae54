//! The conflicts file next to the workspace (`.isms-conflicts.ron`): each field both sides of a
//! git merge changed differently, kept there until someone chooses; the merged files hold ours.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::domain::merge::Conflict;
use crate::domain::workspace_format::{WORKSPACE_FORMAT, to_pretty};

pub const CONFLICTS_FILE: &str = ".isms-conflicts.ron";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConflictsFile {
    format: u32,
    conflicts: Vec<Conflict>,
}

/// The conflicts recorded in `dir`; empty when there is no conflicts file.
pub fn read_conflicts(dir: &Path) -> Result<Vec<Conflict>, String> {
    let path = dir.join(CONFLICTS_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => ron::from_str::<ConflictsFile>(&text)
            .map(|f| f.conflicts)
            .map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
    }
}

/// Replaces the conflicts of the lists `kinds` (one workspace file's) with `conflicts`, keeping
/// those of the other files; removes the file when none remain.
pub fn record_conflicts(dir: &Path, kinds: &[&str], conflicts: &[Conflict]) -> Result<(), String> {
    let mut all = read_conflicts(dir)?;
    all.retain(|c| !kinds.contains(&c.kind.as_str()));
    all.extend(conflicts.iter().cloned());
    let path = dir.join(CONFLICTS_FILE);
    if all.is_empty() {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(format!("{}: cannot remove: {e}", path.display()))
            }
            _ => Ok(()),
        };
    }
    let text = to_pretty(&ConflictsFile {
        format: WORKSPACE_FORMAT,
        conflicts: all,
    });
    crate::store::replace_file(&path, text.as_bytes(), crate::store::write_and_sync)
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))
}
