//! Opening the workspace for a command: read-only for listings and checks, locked for edits,
//! with notes about in-memory repairs on stderr. Every write goes through the store's save.

use std::path::Path;
use std::process::ExitCode;
use std::sync::OnceLock;
use std::time::Duration;

use super::{EXIT_BAD_INPUT, EXIT_FINDINGS};
use crate::domain::catalogue::Catalogue;
use crate::domain::edit::EditError;
use crate::domain::workspace::Workspace;
use crate::store::{self, Access, StoreError};

static LOCK_WAIT: OnceLock<Duration> = OnceLock::new();

/// How long a writer waits for another session's lock (`--wait SECONDS`, default 5).
pub fn set_lock_wait(wait: Duration) {
    let _ = LOCK_WAIT.set(wait);
}

fn lock_wait() -> Duration {
    LOCK_WAIT.get().copied().unwrap_or(Duration::from_secs(5))
}

/// Like [`read`], also saying which comments a save would not keep (for `isms check`).
pub fn read_noting_comments(dir: &Path, catalogue: &Catalogue) -> Result<Workspace, StoreError> {
    let opened = store::open(dir, catalogue, Access::ReadOnly)?;
    print_notes(&opened.notes);
    for (_, note) in opened.handle.comment_notes() {
        errln!("isms: warning: {note}");
    }
    Ok(opened.workspace)
}

/// Loads the workspace without taking the lock.
pub fn read(dir: &Path, catalogue: &Catalogue) -> Result<Workspace, StoreError> {
    let opened = store::open(dir, catalogue, Access::ReadOnly)?;
    print_notes(&opened.notes);
    Ok(opened.workspace)
}

/// Loads the workspace under the lock, applies `edit`, and saves when it succeeded.
/// Store problems are the outer error (exit 2); a refused edit is the inner one.
pub fn edit<T>(
    dir: &Path,
    catalogue: &Catalogue,
    edit: impl FnOnce(&mut Workspace) -> Result<T, EditError>,
) -> Result<Result<T, EditError>, StoreError> {
    let mut opened = store::open_for_edit(dir, catalogue, lock_wait())?;
    if let Some(reason) = opened.handle.read_only() {
        return Err(StoreError::ReadOnly {
            dir: dir.display().to_string(),
            reason: reason.to_string(),
        });
    }
    print_notes(&opened.notes);
    let before = opened.workspace.clone();
    let value = match edit(&mut opened.workspace) {
        Ok(value) => value,
        Err(refused) => return Ok(Err(refused)),
    };
    let comments = opened.handle.comment_notes();
    let written = opened.handle.save(&opened.workspace)?;
    for (file, note) in comments {
        if written.contains(&file) {
            let note = note
                .replace(
                    " is not kept when isms writes",
                    " was not kept when isms wrote",
                )
                .replace(
                    " are not kept when isms writes",
                    " were not kept when isms wrote",
                );
            errln!("isms: warning: {note}");
        }
    }
    if let Err(why) = store::git::auto_commit(dir, &before, &opened.workspace) {
        errln!("isms: saved, but auto_commit did not commit: {why}");
    }
    Ok(Ok(value))
}

/// Says why an edit was refused and gives its exit code: 1 for not found, 2 for a bad value.
pub fn refused(error: &EditError) -> ExitCode {
    errln!("isms: {error}");
    match error {
        EditError::NotFound(_) => ExitCode::from(EXIT_FINDINGS),
        EditError::Invalid(_) => ExitCode::from(EXIT_BAD_INPUT),
    }
}

fn print_notes(notes: &[String]) {
    for note in notes {
        errln!("isms: note: {note}");
    }
}
