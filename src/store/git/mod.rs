//! Git through its command line (as lazygit does), never a re-implementation: repository facts,
//! the merge and diff drivers' setup, the conflicts file, per-record history and approvals.

mod approval;
mod conflicts;
mod history;
mod next_id;
mod setup;

use std::path::{Path, PathBuf};
use std::process::Command;

pub use approval::TAG_PREFIX;
pub use approval::{Approval, approvals, approve, last_approval};
pub use conflicts::{
    CONFLICTS_FILE, RecordedConflicts, read_conflicts, read_recorded, record_conflicts,
    record_file_conflicts, remove_conflicts,
};
pub use history::{Commit, History, file_at};
pub use next_id::{next_risk_id, renumber_added};
pub use setup::{ATTRIBUTES, DRIVER, missing_setup, setup};

/// A git command that could not run or that failed, in one sentence.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct GitError(pub String);

/// Runs `git -C dir ARGS…` and returns its standard output.
pub fn git(dir: &Path, args: &[&str]) -> Result<String, GitError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| GitError(format!("cannot run git ({e}); is git installed?")))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let why = stderr
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("failed");
        return Err(GitError(format!(
            "git {}: {}",
            args.first().copied().unwrap_or(""),
            why.trim()
        )));
    }
    String::from_utf8(output.stdout)
        .map_err(|_| GitError(format!("git {}: output is not UTF-8", args.join(" "))))
}

/// Whether `dir` lies inside a git work tree.
pub fn is_repository(dir: &Path) -> bool {
    git(dir, &["rev-parse", "--is-inside-work-tree"]).is_ok_and(|out| out.trim() == "true")
}

/// The top of the work tree that holds `dir`.
pub fn toplevel(dir: &Path) -> Result<PathBuf, GitError> {
    Ok(PathBuf::from(
        git(dir, &["rev-parse", "--show-toplevel"])?.trim_end(),
    ))
}

/// The path of `file` in the workspace `dir`, relative to the top of the repository, as
/// `git show REV:PATH` and `git log -- PATH` want it.
pub fn repo_path(dir: &Path, file: &str) -> Result<String, GitError> {
    let prefix = git(dir, &["rev-parse", "--show-prefix"])?;
    Ok(format!("{}{file}", prefix.trim_end()))
}

/// Commits `files` of the workspace `dir` (only those) with `message`.
pub fn commit_files(dir: &Path, files: &[&str], message: &str) -> Result<(), GitError> {
    let mut args = vec!["commit", "--quiet", "-m", message, "--"];
    args.extend(files);
    git(dir, &args).map(drop)
}

/// Whether any of `files` differs from HEAD (staged or not).
pub fn has_uncommitted(dir: &Path, files: &[&str]) -> Result<bool, GitError> {
    let mut args = vec!["status", "--porcelain", "--"];
    args.extend(files);
    Ok(!git(dir, &args)?.trim().is_empty())
}

/// Whether any of `files` differs between `rev` and the work tree (committed or not).
pub fn changed_since(dir: &Path, rev: &str, files: &[&str]) -> Result<bool, GitError> {
    if has_uncommitted(dir, files)? {
        return Ok(true);
    }
    let mut args = vec!["diff", "--name-only", rev, "HEAD", "--"];
    args.extend(files);
    Ok(!git(dir, &args)?.trim().is_empty())
}

/// The short id of HEAD; `None` outside a repository or before the first commit.
pub fn head(dir: &Path) -> Option<String> {
    let out = git(dir, &["rev-parse", "--short=12", "HEAD"]).ok()?;
    Some(out.trim().to_string()).filter(|id| !id.is_empty())
}

/// With `auto_commit` set in the workspace, commits the workspace files after a save that
/// changed `before` into `after`, with a message saying what changed. Returns the message when it
/// committed; outside a repository, or with the setting off, it does nothing.
pub fn auto_commit(
    dir: &Path,
    before: &crate::domain::workspace::Workspace,
    after: &crate::domain::workspace::Workspace,
) -> Result<Option<String>, GitError> {
    use crate::domain::workspace_format::{RISKS_FILE, SOA_FILE, WORKSPACE_FILE};
    if !after.settings.auto_commit || before == after || !is_repository(dir) {
        return Ok(None);
    }
    let files = [WORKSPACE_FILE, SOA_FILE, RISKS_FILE];
    let mut add = vec!["add", "--"];
    add.extend(files);
    git(dir, &add)?;
    let message = crate::domain::merge_diff::commit_message(before, after);
    commit_files(dir, &files, &message)?;
    Ok(Some(message))
}
