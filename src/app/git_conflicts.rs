//! The conflicts a `git merge` left in `.isms-conflicts.ron`: the edge reads the file (at start
//! and on the few-second look at the disk) and hands the conflicts here with theirs' version of
//! the files; the conflict chooser opens. Applying the choices is one undoable edit and asks the
//! edge to save; once that save went through, the edge removes the file.

use super::layers::{ConflictChooser, Layer};
use super::{App, Effect};
use crate::domain::merge::Conflict;
use crate::domain::workspace::Workspace;

/// What this session did with the conflicts file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GitConflicts {
    /// The conflicts last offered, so that the same file does not open the chooser again.
    pub offered: Option<Vec<Conflict>>,
    /// Chosen and applied: the next save that goes through removes the file.
    pub resolved: bool,
}

impl App {
    /// Whether the edge should offer these conflicts now: not in a read-only session, not over
    /// another layer (the user is busy), and not the same ones offered before.
    pub fn wants_git_conflicts(&self, conflicts: &[Conflict]) -> bool {
        self.read_only.is_none()
            && self.top().is_none()
            && !conflicts.is_empty()
            && self.git_conflicts.offered.as_deref() != Some(conflicts)
    }

    /// Opens the chooser over the conflicts a git merge recorded; `theirs` is the workspace with
    /// theirs' version of each file that has conflicts.
    pub fn open_git_conflicts(&mut self, conflicts: Vec<Conflict>, theirs: Workspace) {
        self.git_conflicts = GitConflicts {
            offered: Some(conflicts.clone()),
            resolved: false,
        };
        let count = conflicts.len();
        self.tell(
            format!("The git merge left {count} field(s) changed on both branches: choose"),
            true,
        );
        let chooser = ConflictChooser::from_git(conflicts, theirs);
        self.layers.push(Layer::Conflicts(Box::new(chooser)));
    }

    /// The chooser applied the choices of a git merge: save, and let the edge remove the file.
    pub(super) fn git_conflicts_chosen(&mut self) -> Effect {
        self.git_conflicts.resolved = true;
        self.request_save()
    }

    /// The edge removed the conflicts file after a save.
    pub fn git_conflicts_removed(&mut self) {
        self.git_conflicts.resolved = false;
        self.tell(
            "Conflicts resolved and saved; .isms-conflicts.ron removed",
            false,
        );
    }
}
