//! Questions that must be answered before anything else happens: a save refused because the
//! files changed on disk, reloading over unsaved edits, edits rescued from a session that ended
//! abruptly, and closing a form that was changed. `y` and `n` (from the keymap) answer.

use std::convert::Infallible;

use super::{App, Effect, Mode};
use crate::domain::merge::merge;
use crate::domain::workspace::Workspace;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    /// Saving was refused: someone changed these files since they were loaded.
    ChangedOnDisk { files: Vec<String> },
    /// Reload the files and lose the unsaved edits?
    ConfirmReload,
    /// A recovery file holds edits from a session that ended without saving.
    Restore {
        written: String,
        workspace: Box<Workspace>,
        /// The files as the dead session loaded them (older recovery files lack it).
        base: Option<Box<Workspace>>,
    },
    /// Close the SoA form and lose what was changed in it?
    DiscardForm,
    /// Undo an edit the files already hold?
    UndoSaved { label: String },
}

impl Dialog {
    pub fn title(&self) -> &'static str {
        match self {
            Dialog::ChangedOnDisk { .. } => " Changed on disk ",
            Dialog::ConfirmReload => " Reload ",
            Dialog::Restore { .. } => " Unsaved edits found ",
            Dialog::DiscardForm => " Discard changes ",
            Dialog::UndoSaved { .. } => " Undo a saved edit ",
        }
    }

    /// The question, one line per entry.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Dialog::ChangedOnDisk { files } => vec![
                format!("{} changed on disk since it was loaded.", files.join(", ")),
                "Nothing was saved.".to_string(),
                "Reload the files, discarding your edits?".to_string(),
            ],
            Dialog::ConfirmReload => vec![
                "Your unsaved edits will be lost.".to_string(),
                "Really reload?".to_string(),
            ],
            Dialog::Restore { written, .. } => vec![
                format!("A session ended without saving ({written})."),
                "Restore its edits?".to_string(),
            ],
            Dialog::DiscardForm => vec!["Close the form and lose what you changed?".to_string()],
            Dialog::UndoSaved { label } => vec![
                format!("\"{label}\" is already saved in the files."),
                "Undo it anyway (Ctrl-S then writes it undone)?".to_string(),
            ],
        }
    }

    /// What yes and no mean here.
    pub fn answers(&self) -> (&'static str, &'static str) {
        match self {
            Dialog::ChangedOnDisk { .. } => ("reload", "keep editing"),
            Dialog::ConfirmReload => ("reload, losing edits", "keep editing"),
            Dialog::Restore { .. } => ("restore", "discard them"),
            Dialog::DiscardForm => ("discard", "back to the form"),
            Dialog::UndoSaved { .. } => ("undo it", "keep it"),
        }
    }
}

impl App {
    /// Opens a dialog; the keyboard answers it before anything else.
    pub fn ask(&mut self, dialog: Dialog) {
        self.dialog = Some(dialog);
        self.mode = Mode::Dialog;
    }

    /// Offers the edits of a recovery file (written when, by whom) back to the user; `base` is
    /// what the files held when that session loaded them.
    pub fn offer_recovery(
        &mut self,
        workspace: Workspace,
        base: Option<Workspace>,
        written: String,
    ) {
        self.ask(Dialog::Restore {
            written,
            workspace: Box::new(workspace),
            base: base.map(Box::new),
        });
    }
}

/// Answers the open dialog.
pub(super) fn answer(app: &mut App, yes: bool) -> Effect {
    let Some(dialog) = app.dialog.take() else {
        app.mode = Mode::Normal;
        return Effect::None;
    };
    app.mode = Mode::Normal;
    match (dialog, yes) {
        (Dialog::ChangedOnDisk { .. }, true) => {
            if app.dirty {
                app.ask(Dialog::ConfirmReload);
                Effect::None
            } else {
                Effect::Reload
            }
        }
        (Dialog::ConfirmReload, true) => Effect::Reload,
        (Dialog::ChangedOnDisk { .. } | Dialog::ConfirmReload, false) => {
            app.tell("Kept your edits; they are not saved yet", true);
            Effect::None
        }
        (
            Dialog::Restore {
                workspace, base, ..
            },
            true,
        ) => {
            restore(app, *workspace, base.map(|b| *b));
            Effect::DiscardRecovery
        }
        (Dialog::Restore { .. }, false) => {
            app.tell("Discarded the rescued edits", false);
            Effect::DiscardRecovery
        }
        (Dialog::DiscardForm, true) => {
            app.form = None;
            Effect::None
        }
        (Dialog::DiscardForm, false) => {
            app.mode = Mode::Form;
            Effect::None
        }
        (Dialog::UndoSaved { .. }, true) => {
            app.undo_now();
            Effect::None
        }
        (Dialog::UndoSaved { label }, false) => {
            app.tell(format!("Kept the saved edit: {label}"), false);
            Effect::None
        }
    }
}

/// Puts rescued edits back as one undoable edit. With the base the dead session loaded, this is a
/// three-way merge over what the files hold now, so a change made on disk since (by a colleague,
/// or the command line) is kept; where both changed the same field, the rescued value is kept and
/// named.
fn restore(app: &mut App, rescued: Workspace, base: Option<Workspace>) {
    let (restored, conflicts) = match base {
        Some(base) => {
            let merged = merge(&base, &rescued, &app.workspace);
            let conflicts: Vec<String> = merged
                .conflicts
                .iter()
                .map(|c| format!("{} {}", c.record, c.field))
                .collect();
            (merged.merged, conflicts)
        }
        None => (rescued, Vec::new()),
    };
    if app.edit("restore unsaved edits", move |ws| {
        *ws = restored;
        Ok::<(), Infallible>(())
    }) {
        let text = if conflicts.is_empty() {
            "Restored the unsaved edits over the files as they are now; Ctrl-S saves them".into()
        } else {
            format!(
                "Restored; changed on disk too, your rescued value kept (u undoes): {}",
                conflicts.join(", ")
            )
        };
        app.tell(text, !conflicts.is_empty());
    }
}
