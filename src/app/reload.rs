//! Files that changed on disk while the workbench is open (a `git pull`, a colleague's command):
//! the edge reads them and hands them here, and the unsaved edits are merged on top with the
//! one merge engine. Edits to other records survive untouched; the same field changed on both
//! sides opens the conflict chooser. Nothing typed is thrown away.

use super::layers::{ConflictChooser, Layer};
use super::{App, History};
use crate::domain::merge::merge;
use crate::domain::workspace::Workspace;

impl App {
    /// Takes in the files as they are now on disk (`files` names what changed).
    pub fn disk_changed(&mut self, theirs: Workspace, files: &[String]) {
        let files = files.join(", ");
        if !self.dirty {
            self.history = History::new(theirs.clone());
            self.workspace = theirs;
            self.workspace_changed();
            self.tell(format!("{files} changed on disk: reloaded"), false);
            return;
        }
        let base = self.history.saved_workspace().clone();
        let merged = merge(&base, &self.workspace, &theirs);
        // The undo history led to the old files; it starts again from the merge.
        self.history = History::new(theirs.clone());
        self.workspace = merged.merged;
        self.dirty = self.workspace != theirs;
        self.workspace_changed();
        let renumbered: Vec<String> = merged
            .renumbered
            .iter()
            .map(|r| format!("your {} is now {}", r.from, r.to))
            .collect();
        let mut text = format!("{files} changed on disk: reloaded, your unsaved edits kept");
        if !renumbered.is_empty() {
            text.push_str(&format!(" ({})", renumbered.join(", ")));
        }
        if merged.conflicts.is_empty() {
            self.tell(format!("{text}; Ctrl-S saves them"), false);
        } else {
            let count = merged.conflicts.len();
            self.tell(
                format!("{text}; {count} changed on both sides: choose"),
                true,
            );
            let chooser = ConflictChooser::new(merged.conflicts, theirs);
            self.layers.push(Layer::Conflicts(Box::new(chooser)));
        }
    }
}
