//! The conflict chooser: after the files changed on disk, each field that both this session and
//! the files changed, with both values; the user keeps ours or takes theirs, field by field, or
//! (`e` on a text field) types the merged text in the one text input.
//! Applying is one undoable edit; leaving keeps ours everywhere (as the merge did). The same
//! chooser takes the conflicts a git merge recorded: there applying also saves, and leaving
//! keeps the conflicts file for later.

use super::Outcome;
use crate::app::widgets::cursor::Cursor;
use crate::app::widgets::text_input::TextInput;
use crate::app::{Action, App, Effect};
use crate::domain::merge::Conflict;
use crate::domain::merge_resolve::{set_text, take_theirs, text_of};
use crate::domain::workspace::Workspace;

/// Rows the chooser shows at most.
pub const CHOOSER_ROWS: usize = 12;

#[derive(Debug, Clone)]
pub struct ConflictChooser {
    pub conflicts: Vec<Conflict>,
    /// For each conflict: take theirs (else keep ours).
    pub theirs_chosen: Vec<bool>,
    /// For each conflict: the merged text typed for it, which wins over the side chosen.
    pub edited: Vec<Option<String>>,
    /// For each conflict: whether its field holds text that can be typed.
    pub editable: Vec<bool>,
    /// The merged text being typed for the selected conflict, while it is.
    pub editing: Option<TextInput>,
    pub cursor: Cursor,
    theirs: Workspace,
    /// The conflicts came from a git merge's conflicts file, not from files changed on disk.
    pub from_git: bool,
}

impl ConflictChooser {
    pub fn new(conflicts: Vec<Conflict>, theirs: Workspace) -> ConflictChooser {
        ConflictChooser {
            theirs_chosen: vec![false; conflicts.len()],
            edited: vec![None; conflicts.len()],
            editable: conflicts
                .iter()
                .map(|c| text_of(&theirs, c).is_some())
                .collect(),
            editing: None,
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
    if chooser.editing.is_some() {
        return typing(chooser, action);
    }
    let len = chooser.conflicts.len();
    let at = chooser.cursor.selected;
    match action {
        Action::MoveDown => chooser.cursor.move_by(1, len, CHOOSER_ROWS),
        Action::MoveUp => chooser.cursor.move_by(-1, len, CHOOSER_ROWS),
        // Picking a side drops a typed text first; the next pick changes the side.
        Action::Toggle if chooser.edited.get(at).is_some_and(Option::is_some) => {
            chooser.edited[at] = None;
        }
        Action::Toggle => {
            if let Some(choice) = chooser.theirs_chosen.get_mut(at) {
                *choice = !*choice;
            }
        }
        Action::Edit => start_typing(app, chooser),
        Action::Open => {
            let theirs = &chooser.theirs;
            let mut taken = 0;
            let mut typed = 0;
            app.edit("resolve conflicts", |ws| {
                for (i, conflict) in chooser.conflicts.iter().enumerate() {
                    if let Some(text) = &chooser.edited[i] {
                        set_text(ws, conflict, text);
                        typed += 1;
                    } else if chooser.theirs_chosen[i] {
                        take_theirs(ws, theirs, conflict);
                        taken += 1;
                    }
                }
                Ok::<(), std::convert::Infallible>(())
            });
            let edited = if typed > 0 {
                format!(", typed {typed}")
            } else {
                String::new()
            };
            app.tell(
                format!(
                    "Took theirs in {taken}{edited}, kept yours in {} (u undoes)",
                    len - taken - typed
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

/// Opens the text input on the selected conflict, holding the text typed before, else the chosen
/// side's value; a field that is not text says so instead.
fn start_typing(app: &mut App, chooser: &mut ConflictChooser) {
    let at = chooser.cursor.selected;
    let Some(conflict) = chooser.conflicts.get(at) else {
        return;
    };
    if !chooser.editable[at] {
        app.tell(
            format!("{} is not text: keep yours or take theirs", conflict.field),
            false,
        );
        return;
    }
    let start = match &chooser.edited[at] {
        Some(text) => Some(text.clone()),
        None if chooser.theirs_chosen[at] => text_of(&chooser.theirs, conflict),
        None => text_of(&app.workspace, conflict),
    };
    chooser.editing = Some(TextInput::line(&start.unwrap_or_default()));
}

/// Keys while the merged text is typed: Enter keeps it as the field's value, Esc goes back with
/// the choice as it was.
fn typing(chooser: &mut ConflictChooser, action: Action) -> Outcome {
    let Some(input) = &mut chooser.editing else {
        return Outcome::Pass(action);
    };
    match action {
        Action::Open => {
            chooser.edited[chooser.cursor.selected] = Some(input.text());
            chooser.editing = None;
        }
        Action::Close => chooser.editing = None,
        Action::Input(key) => {
            input.input(key);
        }
        Action::Paste(text) => input.paste(&text),
        other => return Outcome::Pass(other),
    }
    Outcome::Keep(Effect::None)
}
