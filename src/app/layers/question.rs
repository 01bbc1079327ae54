//! The one question layer: everything that must be answered before anything else happens
//! (quitting with unsaved edits, edits rescued from a session that ended abruptly, closing a
//! changed form, deleting a risk, undoing a saved edit). `y` and `n` (from the keymap) answer.

use std::convert::Infallible;

use super::Outcome;
use crate::app::{Action, App, Effect};
use crate::domain::edit;
use crate::domain::merge::merge;
use crate::domain::workspace::Workspace;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// Quit and lose what is not saved?
    Quit,
    /// Delete this risk?
    DeleteRisk { id: String },
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
    /// Replace a file (or folder) an export would write over?
    OverwriteExport {
        request: super::export::ExportRequest,
    },
    /// Apply a new risk method that moves risks to other levels?
    RiskMethod {
        change: Box<crate::domain::edit_settings::SettingsChange>,
        moves: usize,
    },
}

impl Question {
    pub fn title(&self) -> &'static str {
        match self {
            Question::Quit => " Unsaved edits ",
            Question::DeleteRisk { .. } => " Delete risk ",
            Question::Restore { .. } => " Unsaved edits found ",
            Question::DiscardForm => " Discard changes ",
            Question::UndoSaved { .. } => " Undo a saved edit ",
            Question::OverwriteExport { .. } => " File exists ",
            Question::RiskMethod { .. } => " New risk method ",
        }
    }

    /// The question, one line per entry.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Question::Quit => vec!["Quit and lose the edits not yet saved?".to_string()],
            Question::DeleteRisk { id } => {
                vec![format!("Delete {id}? (u undoes it until you quit)")]
            }
            Question::Restore { written, .. } => vec![
                format!("A session ended without saving ({written})."),
                "Restore its edits?".to_string(),
            ],
            Question::DiscardForm => vec!["Close the form and lose what you changed?".to_string()],
            Question::UndoSaved { label } => vec![
                format!("\"{label}\" is already saved in the files."),
                "Undo it anyway (Ctrl-S then writes it undone)?".to_string(),
            ],
            Question::OverwriteExport { request } => vec![
                format!("{} is already there.", request.file),
                "Replace it with the new export?".to_string(),
            ],
            Question::RiskMethod { moves, .. } => vec![
                format!(
                    "The new risk method moves {moves} risk level{} (inherent or residual).",
                    if *moves == 1 { "" } else { "s" }
                ),
                "Apply it?".to_string(),
            ],
        }
    }

    /// What yes and no mean here.
    pub fn answers(&self) -> (&'static str, &'static str) {
        match self {
            Question::Quit => ("quit without saving", "stay"),
            Question::DeleteRisk { .. } => ("delete", "keep it"),
            Question::Restore { .. } => ("restore", "discard them"),
            Question::DiscardForm => ("discard", "back to the form"),
            Question::UndoSaved { .. } => ("undo it", "keep it"),
            Question::OverwriteExport { .. } => ("overwrite", "keep the file"),
            Question::RiskMethod { .. } => ("apply", "back to the settings"),
        }
    }

    /// A third answer, when the question has one (its key is the `save_quit` binding).
    pub fn third_answer(&self) -> Option<&'static str> {
        match self {
            Question::Quit => Some("save, then quit"),
            _ => None,
        }
    }
}

impl App {
    /// Asks a question; the keyboard answers it before anything else.
    pub fn ask(&mut self, question: Question) {
        self.layers.push(super::Layer::Question(question));
    }

    /// Offers the edits of a recovery file (written when, by whom) back to the user; `base` is
    /// what the files held when that session loaded them.
    pub fn offer_recovery(
        &mut self,
        workspace: Workspace,
        base: Option<Workspace>,
        written: String,
    ) {
        self.ask(Question::Restore {
            written,
            workspace: Box::new(workspace),
            base: base.map(Box::new),
        });
    }
}

/// An action while the question is the top layer: only its answers act.
pub(super) fn update(app: &mut App, question: &mut Question, action: Action) -> Outcome {
    let yes = match action {
        Action::Yes => true,
        Action::No => false,
        Action::SaveAndQuit if *question == Question::Quit => {
            return Outcome::Close(app.request_save_and_quit());
        }
        _ => return Outcome::Keep(Effect::None),
    };
    let question = std::mem::replace(question, Question::DiscardForm);
    Outcome::Close(answer(app, question, yes))
}

fn answer(app: &mut App, question: Question, yes: bool) -> Effect {
    match (question, yes) {
        (Question::Quit, true) => Effect::Quit,
        (Question::Quit, false) => Effect::None,
        (Question::DeleteRisk { id }, true) => {
            let remove = |ws: &mut Workspace| edit::remove_risk(ws, &id).map(|_| ());
            if app.edit(format!("delete {id}"), remove) {
                app.tell(format!("Deleted {id} (u undoes)"), false);
            }
            Effect::None
        }
        (Question::DeleteRisk { .. }, false) => Effect::None,
        (
            Question::Restore {
                workspace, base, ..
            },
            true,
        ) => {
            restore(app, *workspace, base.map(|b| *b));
            Effect::DiscardRecovery
        }
        (Question::Restore { .. }, false) => {
            app.tell("Discarded the rescued edits", false);
            Effect::DiscardRecovery
        }
        (Question::DiscardForm, true) => {
            // The form is the layer under the question.
            if matches!(app.layers.last(), Some(super::Layer::Form(_))) {
                app.layers.pop();
            }
            Effect::None
        }
        (Question::DiscardForm, false) => Effect::None,
        (Question::UndoSaved { .. }, true) => {
            app.undo_now();
            Effect::None
        }
        (Question::OverwriteExport { mut request }, true) => {
            request.overwrite = true;
            app.pending_export = Some(request);
            Effect::Export
        }
        (Question::OverwriteExport { request }, false) => {
            app.tell(format!("Kept {}; nothing exported", request.file), false);
            Effect::None
        }
        (Question::RiskMethod { change, .. }, true) => {
            app.apply_settings(&change);
            // The settings form is the layer under the question; like Ctrl-S in it, this
            // applies, closes and saves.
            if matches!(app.layers.last(), Some(super::Layer::Form(_))) {
                app.layers.pop();
            }
            app.request_save()
        }
        (Question::RiskMethod { .. }, false) => Effect::None,
        (Question::UndoSaved { label }, false) => {
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
