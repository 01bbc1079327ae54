//! The conflicts file a `git merge` left next to the workspace (`.isms-conflicts.ron`), at the
//! edge: read at start and on each look at the disk, handed to the app with theirs' version of
//! the files for the chooser, and removed after the save that follows the user's choices.

use std::path::Path;

use crate::app::App;
use crate::domain::workspace_part::{parse_part, put_part};
use crate::store::git::{read_recorded, remove_conflicts};

/// Opens the chooser when the conflicts file holds conflicts this session has not offered yet.
pub fn offer(app: &mut App, dir: &Path) {
    let recorded = match read_recorded(dir) {
        Ok(Some(recorded)) => recorded,
        Ok(None) => return,
        Err(error) => {
            // Said once per session, not on every look.
            if app.git_conflicts.offered.is_none() {
                app.git_conflicts.offered = Some(Vec::new());
                app.tell(format!("{error}; resolve the merge by hand"), true);
            }
            return;
        }
    };
    if !app.wants_git_conflicts(&recorded.conflicts) {
        return;
    }
    let mut theirs = app.workspace.clone();
    for (file, text) in &recorded.theirs {
        // A version that no longer reads leaves ours in place: taking theirs changes nothing.
        if let Ok(part) = parse_part(file, text, &app.catalogue) {
            put_part(&mut theirs, file, part);
        }
    }
    app.open_git_conflicts(recorded.conflicts, theirs);
}

/// After a save that went through: removes the conflicts file once the choices were applied.
pub fn after_save(app: &mut App, dir: &Path) {
    if !app.git_conflicts.resolved {
        return;
    }
    match remove_conflicts(dir) {
        Ok(()) => app.git_conflicts_removed(),
        Err(error) => app.tell(error, true),
    }
}
