//! Undo and redo across every workspace edit. Each edit goes through [`App::edit`] (or
//! [`App::record`] when it was made in place) and is kept as a [`Patch`] of what it changed, so
//! 500 steps over a register of 10 000 risks cost the changed records, not 500 copies. Undo and
//! redo show the pane and row they change, and undoing an edit that is already in the saved files
//! asks first.

use super::layers::Question;
use super::patch::{Patch, Place};
use super::{App, Tab};
use crate::domain::workspace::Workspace;

/// How many edits can be undone.
const UNDO_LIMIT: usize = 500;

/// One undoable step: the patch that undoes an edit (on the undo stack) or redoes it (on the
/// redo stack).
#[derive(Debug, Clone)]
struct Step {
    label: String,
    patch: Patch,
}

/// The undo and redo stacks, and the workspace as it was last saved (to tell if there are edits).
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    saved: Workspace,
    /// How many steps the undo stack held at the last save, while that point can be reached:
    /// undoing below it takes back an edit the files already hold.
    saved_depth: Option<usize>,
}

impl History {
    pub fn new(saved: Workspace) -> History {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            saved,
            saved_depth: Some(0),
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The workspace as the files held it at the last load or save.
    pub fn saved_workspace(&self) -> &Workspace {
        &self.saved
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
        if self.refuse_read_only() {
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
        let patch = Patch::between(&self.workspace, &next);
        self.workspace = next;
        self.record(label, patch);
        true
    }

    /// Records an edit already made in place (e.g. one SoA entry), as the patch that undoes it.
    pub fn record(&mut self, label: impl Into<String>, patch: Patch) {
        let history = &mut self.history;
        if history.saved_depth.is_some_and(|d| d > history.undo.len()) {
            // The saved point was on the redo stack, which this edit clears.
            history.saved_depth = None;
        }
        history.undo.push(Step {
            label: label.into(),
            patch,
        });
        if history.undo.len() > UNDO_LIMIT {
            history.undo.remove(0);
            history.saved_depth = history.saved_depth.and_then(|d| d.checked_sub(1));
        }
        history.redo.clear();
        self.after_history_change();
    }

    /// In a read-only session: says so, why and what to do, and returns true (the caller then
    /// leaves everything as it is). Every editing key asks this first.
    pub fn refuse_read_only(&mut self) -> bool {
        let Some(why) = &self.read_only else {
            return false;
        };
        let text = format!(
            "Read-only: {why}. Nothing can be changed here; close that session, then open the \
             workspace again to edit"
        );
        self.tell(text, true);
        true
    }

    /// Undoes the last edit, saying which and showing where; an edit already saved is undone
    /// only after the user agreed.
    pub fn undo(&mut self) {
        let history = &self.history;
        match history.undo.last() {
            Some(step) if history.saved_depth == Some(history.undo.len()) => {
                let label = step.label.clone();
                self.ask(Question::UndoSaved { label });
            }
            _ => self.undo_now(),
        }
    }

    /// Undoes the last edit without asking.
    pub fn undo_now(&mut self) {
        match self.history.undo.pop() {
            None => self.tell("Nothing to undo", false),
            Some(step) => {
                let place = step.patch.place();
                let spot = self.mgmt_spot(&step.patch);
                let redo = step.patch.apply(&mut self.workspace);
                self.history.redo.push(Step {
                    label: step.label.clone(),
                    patch: redo,
                });
                self.after_history_change();
                self.show_place(place);
                if let Some(spot) = spot {
                    self.show_mgmt_spot(spot);
                }
                self.tell(format!("Undone: {}", step.label), false);
            }
        }
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) {
        match self.history.redo.pop() {
            None => self.tell("Nothing to redo", false),
            Some(step) => {
                let place = step.patch.place();
                let spot = self.mgmt_spot(&step.patch);
                let undo = step.patch.apply(&mut self.workspace);
                self.history.undo.push(Step {
                    label: step.label.clone(),
                    patch: undo,
                });
                self.after_history_change();
                self.show_place(place);
                if let Some(spot) = spot {
                    self.show_mgmt_spot(spot);
                }
                self.tell(format!("Redone: {}", step.label), false);
            }
        }
    }

    /// Records that the workspace as it is now is what the files hold (after a save or reload).
    pub fn mark_saved(&mut self) {
        self.history.saved = self.workspace.clone();
        self.history.saved_depth = Some(self.history.undo.len());
        self.dirty = false;
    }

    /// Shows the pane and selects the row an undo or redo changed.
    fn show_place(&mut self, place: Place) {
        match place {
            Place::Elsewhere => {}
            Place::SoaEntry(index) => {
                let Some(control) = self.workspace.soa.entries.get(index) else {
                    return;
                };
                let control = control.control.clone();
                self.layers.clear();
                self.tab = Tab::Soa;
                self.select_soa_control(&control);
            }
            Place::Risk(index) => match self.workspace.risks.risks.get(index) {
                Some(risk) => {
                    let id = risk.id.clone();
                    self.go_to_risk(&id);
                }
                None => {
                    self.layers.clear();
                    self.tab = Tab::Risks;
                }
            },
        }
    }

    /// Where a patch changes the management system, to show it once applied.
    fn mgmt_spot(&self, patch: &Patch) -> Option<super::tabs::mgmt_undo::MgmtSpot> {
        let kept = patch.kept_mgmt()?;
        super::tabs::mgmt_undo::changed_record(kept, &self.workspace.mgmt)
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
