//! Undo and redo across every workspace edit. Each edit goes through [`App::edit`], which keeps
//! the workspace as it was before; undo and redo swap whole workspaces, so every kind of edit
//! (SoA, risks, imports) is undone the same way. Undo and redo show the pane and row they change,
//! and undoing an edit that is already in the saved files asks first.

use super::layers::Question;
use super::{App, Tab};
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
    /// How many steps the undo stack held at the last save, while that point can be reached:
    /// undoing below it takes back an edit the files already hold.
    saved_depth: Option<usize>,
}

/// Where an undo or redo changed the workspace, to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    SoaEntry(String),
    Risk(String),
    Risks,
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
        let label = label.into();
        let before = std::mem::replace(&mut self.workspace, next);
        let history = &mut self.history;
        if history.saved_depth.is_some_and(|d| d > history.undo.len()) {
            // The saved point was on the redo stack, which this edit clears.
            history.saved_depth = None;
        }
        history.undo.push(Step {
            label,
            workspace: before,
        });
        if history.undo.len() > UNDO_LIMIT {
            history.undo.remove(0);
            history.saved_depth = history.saved_depth.and_then(|d| d.checked_sub(1));
        }
        history.redo.clear();
        self.after_history_change();
        true
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
                let after = std::mem::replace(&mut self.workspace, step.workspace);
                let place = changed_place(&after, &self.workspace);
                self.history.redo.push(Step {
                    label: step.label.clone(),
                    workspace: after,
                });
                self.after_history_change();
                self.show_place(place);
                self.tell(format!("Undone: {}", step.label), false);
            }
        }
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) {
        match self.history.redo.pop() {
            None => self.tell("Nothing to redo", false),
            Some(step) => {
                let before = std::mem::replace(&mut self.workspace, step.workspace);
                let place = changed_place(&before, &self.workspace);
                self.history.undo.push(Step {
                    label: step.label.clone(),
                    workspace: before,
                });
                self.after_history_change();
                self.show_place(place);
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
    fn show_place(&mut self, place: Option<Place>) {
        match place {
            None => {}
            Some(Place::SoaEntry(control)) => {
                self.layers.clear();
                self.tab = Tab::Soa;
                self.select_soa_control(&control);
            }
            Some(Place::Risk(id)) if self.workspace.risks.get(&id).is_some() => {
                self.go_to_risk(&id)
            }
            Some(Place::Risk(_) | Place::Risks) => {
                self.layers.clear();
                self.tab = Tab::Risks;
            }
        }
    }

    fn after_history_change(&mut self) {
        self.dirty = self.workspace != self.history.saved;
        self.workspace_changed();
    }
}

/// The first SoA entry or risk that differs between two workspaces.
fn changed_place(a: &Workspace, b: &Workspace) -> Option<Place> {
    let entries = a.soa.entries.iter().zip(&b.soa.entries);
    if let Some((entry, _)) = entries.into_iter().find(|(x, y)| x != y) {
        return Some(Place::SoaEntry(entry.control.clone()));
    }
    let (ra, rb) = (&a.risks.risks, &b.risks.risks);
    if let Some((risk, _)) = ra.iter().zip(rb).find(|(x, y)| x != y) {
        return Some(Place::Risk(risk.id.clone()));
    }
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Less => rb.last().map(|r| Place::Risk(r.id.clone())),
        std::cmp::Ordering::Greater => Some(Place::Risks),
        std::cmp::Ordering::Equal => None,
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
