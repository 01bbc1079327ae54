//! The conflicts file next to the workspace (`.isms-conflicts.ron`): each field both sides of a
//! git merge changed differently, kept there until someone chooses; the merged files hold ours,
//! and the file keeps theirs' version of each file with conflicts, for "take theirs".

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::domain::merge::Conflict;
use crate::domain::workspace_format::{WORKSPACE_FORMAT, to_pretty};

pub const CONFLICTS_FILE: &str = ".isms-conflicts.ron";

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ConflictsFile {
    format: u32,
    conflicts: Vec<Conflict>,
    /// Theirs' text of each workspace file with conflicts, by file name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    theirs: BTreeMap<String, String>,
}

/// What the conflicts file holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecordedConflicts {
    pub conflicts: Vec<Conflict>,
    /// Theirs' text of each file with conflicts, by file name (`soa.ron`).
    pub theirs: BTreeMap<String, String>,
}

fn read_file(dir: &Path) -> Result<Option<ConflictsFile>, String> {
    let path = dir.join(CONFLICTS_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => ron::from_str::<ConflictsFile>(&text)
            .map(Some)
            .map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
    }
}

/// The conflicts recorded in `dir`; empty when there is no conflicts file.
pub fn read_conflicts(dir: &Path) -> Result<Vec<Conflict>, String> {
    Ok(read_recorded(dir)?.map(|r| r.conflicts).unwrap_or_default())
}

/// The conflicts recorded in `dir` with theirs' versions; `None` when there is no conflicts file.
pub fn read_recorded(dir: &Path) -> Result<Option<RecordedConflicts>, String> {
    Ok(read_file(dir)?.map(|f| RecordedConflicts {
        conflicts: f.conflicts,
        theirs: f.theirs,
    }))
}

/// Replaces the conflicts of the lists `kinds` (one workspace file's) with `conflicts`, keeping
/// those of the other files; removes the file when none remain.
pub fn record_conflicts(dir: &Path, kinds: &[&str], conflicts: &[Conflict]) -> Result<(), String> {
    let mut all = read_file(dir)?.unwrap_or_default();
    all.conflicts.retain(|c| !kinds.contains(&c.kind.as_str()));
    all.conflicts.extend(conflicts.iter().cloned());
    write(dir, all)
}

/// As [`record_conflicts`] for workspace file `file`, keeping `theirs_text` (theirs' version of
/// it) while it has conflicts.
pub fn record_file_conflicts(
    dir: &Path,
    file: &str,
    kinds: &[&str],
    conflicts: &[Conflict],
    theirs_text: &str,
) -> Result<(), String> {
    let mut all = read_file(dir)?.unwrap_or_default();
    all.conflicts.retain(|c| !kinds.contains(&c.kind.as_str()));
    all.conflicts.extend(conflicts.iter().cloned());
    if conflicts.is_empty() {
        all.theirs.remove(file);
    } else {
        all.theirs.insert(file.to_string(), theirs_text.to_string());
    }
    write(dir, all)
}

/// Removes the conflicts file (all conflicts were resolved); no file is no error.
pub fn remove_conflicts(dir: &Path) -> Result<(), String> {
    let path = dir.join(CONFLICTS_FILE);
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("{}: cannot remove: {e}", path.display()))
        }
        _ => Ok(()),
    }
}

fn write(dir: &Path, mut file: ConflictsFile) -> Result<(), String> {
    if file.conflicts.is_empty() {
        return remove_conflicts(dir);
    }
    file.format = WORKSPACE_FORMAT;
    let path = dir.join(CONFLICTS_FILE);
    let text = to_pretty(&file);
    crate::store::replace_file(&path, text.as_bytes(), crate::store::write_and_sync)
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conflict(kind: &str) -> Conflict {
        Conflict {
            kind: kind.to_string(),
            record: "F-001".to_string(),
            field: "owner".to_string(),
            base: "A".to_string(),
            ours: "B".to_string(),
            theirs: "C".to_string(),
        }
    }

    #[test]
    fn theirs_is_kept_per_file_while_it_has_conflicts() {
        let dir = tempfile::tempdir().unwrap();
        let finding = conflict("finding");
        record_file_conflicts(
            dir.path(),
            "findings.ron",
            &["finding"],
            std::slice::from_ref(&finding),
            "T",
        )
        .unwrap();
        record_file_conflicts(dir.path(), "soa.ron", &["soa"], &[], "S").unwrap();
        let recorded = read_recorded(dir.path()).unwrap().unwrap();
        assert_eq!(recorded.conflicts, [finding]);
        assert_eq!(
            recorded.theirs.get("findings.ron").map(String::as_str),
            Some("T")
        );
        assert_eq!(recorded.theirs.len(), 1);
        record_file_conflicts(dir.path(), "findings.ron", &["finding"], &[], "T").unwrap();
        assert_eq!(
            read_recorded(dir.path()).unwrap(),
            None,
            "no conflicts, no file"
        );
    }
}
