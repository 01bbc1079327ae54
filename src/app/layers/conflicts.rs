//! The conflict chooser: after the files changed on disk, each field that both this session and
//! the files changed, with both values; the user keeps ours or takes theirs, field by field.
//! Applying is one undoable edit; leaving keeps ours everywhere (as the merge did). The same
//! chooser takes the conflicts a git merge recorded: there applying also saves, and leaving
//! keeps the conflicts file for later.

use super::Outcome;
use crate::app::widgets::cursor::Cursor;
use crate::app::{Action, App, Effect};
use crate::domain::merge::Conflict;
use crate::domain::merge_resolve::take_theirs;
use crate::domain::workspace::Workspace;

/// Rows the chooser shows at most.
pub const CHOOSER_ROWS: usize = 12;

#[derive(Debug, Clone)]
pub struct ConflictChooser {
    pub conflicts: Vec<Conflict>,
    /// For each conflict: take theirs (else keep ours).
    pub theirs_chosen: Vec<bool>,
    pub cursor: Cursor,
    theirs: Workspace,
    /// The conflicts came from a git merge's conflicts file, not from files changed on disk.
    pub from_git: bool,
}

impl ConflictChooser {
    pub fn new(conflicts: Vec<Conflict>, theirs: Workspace) -> ConflictChooser {
        ConflictChooser {
            theirs_chosen: vec![false; conflicts.len()],
            conflicts,
            cursor: Cursor::default(),
            theirs,
            from_git: false,
        }
    }

    /// The chooser over the conflicts a git merge recorded.
    pub fn from_git(conflicts: Vec<Conflict>, theirs: Workspace) -> ConflictChooser {
        ConflictChooser {
            from_git: true,
            ..ConflictChooser::new(conflicts, theirs)
        }
    }
}

pub(super) fn update(app: &mut App, chooser: &mut ConflictChooser, action: Action) -> Outcome {
    let len = chooser.conflicts.len();
    match action {
        Action::MoveDown => chooser.cursor.move_by(1, len, CHOOSER_ROWS),
        Action::MoveUp => chooser.cursor.move_by(-1, len, CHOOSER_ROWS),
        Action::Toggle => {
            if let Some(choice) = chooser.theirs_chosen.get_mut(chooser.cursor.selected) {
                *choice = !*choice;
            }
        }
        Action::Open => {
            let chosen: Vec<Conflict> = chooser
                .conflicts
                .iter()
                .zip(&chooser.theirs_chosen)
                .filter(|(_, theirs)| **theirs)
                .map(|(c, _)| c.clone())
                .collect();
            let theirs = &chooser.theirs;
            let taken = chosen.len();
            app.edit("take theirs in conflicts", |ws| {
                for conflict in &chosen {
                    take_theirs(ws, theirs, conflict);
                }
                Ok::<(), std::convert::Infallible>(())
            });
            app.tell(
                format!(
                    "Took theirs in {taken}, kept yours in {} (u undoes)",
                    len - taken
                ),
                false,
            );
            if chooser.from_git {
                return Outcome::Close(app.git_conflicts_chosen());
            }
            return Outcome::Close(Effect::None);
        }
        Action::Close if chooser.from_git => {
            app.tell(
                "Nothing chosen yet; the conflicts stay in .isms-conflicts.ron for the next start",
                false,
            );
            return Outcome::Close(Effect::None);
        }
        Action::Close => {
            app.tell(
                "Kept your values in every conflict; Ctrl-S saves them",
                false,
            );
            return Outcome::Close(Effect::None);
        }
        other => return Outcome::Pass(other),
    }
    Outcome::Keep(Effect::None)
}
