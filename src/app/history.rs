//! Undo and redo across every workspace edit. Each edit goes through [`App::edit`], which keeps
//! the workspace as it was before; undo and redo swap whole workspaces, so every kind of edit
//! (SoA, risks, imports) is undone the same way.

use super::App;
use crate::domain::workspace::Workspace;

/// How many edits can be undone.
const UNDO_LIMIT: usize = 500;

/// One undoable step: the workspace before (for undo) or after (for redo) an edit.
#[derive(Debug, Clone)]
struct Step {
    label: String,
    workspace: Workspace,
}

/// The undo and redo stacks, and the workspace as it was last saved (to tell if there are edits).
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    saved: Workspace,
}

impl History {
    pub fn new(saved: Workspace) -> History {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            saved,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

impl App {
    /// Applies an edit to a copy of the workspace; on success the copy replaces it and the edit
    /// can be undone. A read-only workspace refuses every edit with the reason, so nothing typed
    /// is lost later at save time. Returns whether the edit was made.
    pub fn edit<E: std::fmt::Display>(
        &mut self,
        label: impl Into<String>,
        change: impl FnOnce(&mut Workspace) -> Result<(), E>,
    ) -> bool {
        if let Some(why) = &self.read_only {
            let text = format!("Read-only: {why}");
            self.tell(text, true);
            return false;
        }
        let mut next = self.workspace.clone();
        if let Err(error) = change(&mut next) {
            self.tell(error.to_string(), true);
            return false;
        }
        if next == self.workspace {
            return false;
        }
        let label = label.into();
        let before = std::mem::replace(&mut self.workspace, next);
        self.history.undo.push(Step {
            label,
            workspace: before,
        });
        if self.history.undo.len() > UNDO_LIMIT {
            self.history.undo.remove(0);
        }
        self.history.redo.clear();
        self.after_history_change();
        true
    }

    /// Undoes the last edit, saying which.
    pub fn undo(&mut self) {
        match self.history.undo.pop() {
            None => self.tell("Nothing to undo", false),
            Some(step) => {
                let after = std::mem::replace(&mut self.workspace, step.workspace);
                self.tell(format!("Undone: {}", step.label), false);
                self.history.redo.push(Step {
                    label: step.label,
                    workspace: after,
                });
                self.after_history_change();
            }
        }
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) {
        match self.history.redo.pop() {
            None => self.tell("Nothing to redo", false),
            Some(step) => {
                let before = std::mem::replace(&mut self.workspace, step.workspace);
                self.tell(format!("Redone: {}", step.label), false);
                self.history.undo.push(Step {
                    label: step.label,
                    workspace: before,
                });
                self.after_history_change();
            }
        }
    }

    /// Records that the workspace as it is now is what the files hold (after a save or reload).
    pub fn mark_saved(&mut self) {
        self.history.saved = self.workspace.clone();
        self.dirty = false;
    }

    fn after_history_change(&mut self) {
        self.dirty = self.workspace != self.history.saved;
        self.workspace_changed();
    }
}

#[cfg(test)]
mod tests {
    use crate::app::App;
    use crate::domain::catalogue::Catalogue;
    use crate::domain::soa::Applicability;
    use crate::domain::workspace::{Settings, Workspace};
    use crate::keymap::Keymap;

    fn app() -> App {
        let catalogue = Catalogue::builtin();
        let workspace = Workspace::new(Settings::default(), &catalogue);
        App::new(catalogue, workspace, "test".into(), Keymap::default())
    }

    fn set_applicable(app: &mut App) -> bool {
        app.edit("8.13 applicable", |ws| {
            ws.soa.entry_mut("8.13").ok_or("no 8.13")?.applicability = Applicability::Applicable;
            Ok::<(), &str>(())
        })
    }

    #[test]
    fn undo_and_redo_restore_the_workspace_and_the_unsaved_marker() {
        let mut app = app();
        assert!(set_applicable(&mut app));
        assert!(app.dirty);
        app.undo();
        assert_eq!(
            app.soa_entry("8.13").unwrap().applicability,
            Applicability::Undecided
        );
        assert!(!app.dirty, "back to what was saved");
        app.redo();
        assert_eq!(
            app.soa_entry("8.13").unwrap().applicability,
            Applicability::Applicable
        );
        assert!(app.dirty);
        app.mark_saved();
        assert!(!app.dirty);
    }

    #[test]
    fn a_read_only_workspace_refuses_edits_with_the_reason() {
        let mut app = app();
        app.read_only = Some("alice@host holds the lock".into());
        assert!(!set_applicable(&mut app));
        assert!(app.message.as_ref().unwrap().text.contains("alice@host"));
        assert!(!app.dirty);
    }

    #[test]
    fn a_failed_edit_changes_nothing() {
        let mut app = app();
        let made = app.edit("broken", |ws| {
            ws.soa.entries.clear();
            Err("refused")
        });
        assert!(!made);
        assert_eq!(app.workspace.soa.entries.len(), 93);
        assert!(!app.history.can_undo());
    }
}
