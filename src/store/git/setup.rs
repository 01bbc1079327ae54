//! `isms git setup`: the committed `.gitattributes` that route the workspace files to isms's merge
//! and diff drivers, and the per-clone git config that defines those drivers.

use std::path::Path;

use super::{GitError, git, is_repository};
use crate::domain::workspace_part::PART_FILES;

/// The name of both drivers in `.gitattributes` and the git config.
pub const DRIVER: &str = "isms";

/// The lines `.gitattributes` (in the workspace directory) needs.
pub const ATTRIBUTES: [&str; 7] = [
    "workspace.ron merge=isms diff=isms",
    "soa.ron merge=isms diff=isms",
    "risks.ron merge=isms diff=isms",
    "isms.ron merge=isms diff=isms",
    "evidence.ron merge=isms diff=isms",
    "audits.ron merge=isms diff=isms",
    "findings.ron merge=isms diff=isms",
];

/// Hunk headers of `git diff` name the record: `control: "8.13"`, `clause: "9.2.2"` or
/// `id: "R-004"` (git shows the first group when the pattern has groups).
const HUNK_HEADER: &str = r#"^[ ]+((control|clause|id): "[^"]*"),$"#;

/// Writes the missing `.gitattributes` lines and the local git config for the drivers, which run
/// `isms_exe`. Returns what it did, one line each.
pub fn setup(dir: &Path, isms_exe: &Path) -> Result<Vec<String>, GitError> {
    if !is_repository(dir) {
        return Err(GitError(format!(
            "{}: not inside a git repository (run `git init` first)",
            dir.display()
        )));
    }
    let mut done = Vec::new();
    let attributes = dir.join(".gitattributes");
    let existing = std::fs::read_to_string(&attributes).unwrap_or_default();
    let missing: Vec<&str> = ATTRIBUTES
        .iter()
        .copied()
        .filter(|line| !existing.lines().any(|l| l.trim() == *line))
        .collect();
    if !missing.is_empty() {
        let mut text = existing.clone();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        for line in &missing {
            text.push_str(line);
            text.push('\n');
        }
        crate::store::replace_file(&attributes, text.as_bytes(), crate::store::write_and_sync)
            .map_err(|e| GitError(format!("{}: cannot write: {e}", attributes.display())))?;
        done.push(format!(
            "wrote {} (commit it, so that every clone uses the drivers)",
            attributes.display()
        ));
    }
    let command = format!("{} merge-driver %O %A %B %P", shell_quoted(isms_exe));
    for (key, value) in [
        (
            "merge.isms.name",
            "isms: merge workspace files record by record",
        ),
        ("merge.isms.driver", command.as_str()),
        ("diff.isms.xfuncname", HUNK_HEADER),
    ] {
        git(dir, &["config", "--local", key, value])?;
    }
    done.push("set merge.isms and diff.isms in this clone's git config".to_string());
    Ok(done)
}

/// Why this clone would merge the workspace files line by line, when it would; `None` outside a
/// repository or when the drivers are in place.
pub fn missing_setup(dir: &Path) -> Option<String> {
    if !is_repository(dir) {
        return None;
    }
    let configured = git(dir, &["config", "--get", "merge.isms.driver"]).is_ok();
    let attributed = PART_FILES.iter().all(|file| {
        git(dir, &["check-attr", "merge", "--", file])
            .is_ok_and(|out| out.trim_end().ends_with(": merge: isms"))
    });
    match (configured, attributed) {
        (true, true) => None,
        _ => Some(
            "this git clone lacks isms's record-aware merge driver, so merges of the workspace \
             files can stop on lines nobody edited twice; run `isms git setup`"
                .to_string(),
        ),
    }
}

/// The path in single quotes for the shell git runs drivers with.
fn shell_quoted(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', r"'\''"))
}
