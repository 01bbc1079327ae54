//! A popup list of places to go: the controls of a risk, the risks in a heat-map cell, the
//! clauses, controls and risks a finding or an audit names.
//! Enter goes to the selected one; Esc closes.

use super::Outcome;
use crate::app::widgets::cursor::Cursor;
use crate::app::{Action, App, Effect};

/// Where an item of the list leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Control(String),
    Risk(String),
    /// A sub-clause, shown in the ISMS pane.
    Clause(String),
    /// The dashboard's findings with this code (all with `None`).
    FindingCode(Option<String>),
    /// Evidence: in the evidence picker, the id written into the form below; else the ISMS
    /// pane's evidence register.
    Evidence(String),
    /// A control's screen, remembering where the user was (Ctrl-O comes back).
    ControlScreen(String),
}

#[derive(Debug, Clone)]
pub struct ListPopup {
    pub title: String,
    /// Each item's text and where it leads.
    pub items: Vec<(String, Target)>,
    pub cursor: Cursor,
}

/// Rows the popup shows at most.
pub const POPUP_ROWS: usize = 10;

impl ListPopup {
    pub fn new(title: String, items: Vec<(String, Target)>) -> ListPopup {
        ListPopup {
            title,
            items,
            cursor: Cursor::default(),
        }
    }

    pub fn move_by(&mut self, delta: isize) {
        self.cursor.move_by(delta, self.items.len(), POPUP_ROWS);
    }

    pub fn selected(&self) -> Option<&Target> {
        self.items.get(self.cursor.selected).map(|(_, t)| t)
    }
}

/// An action while the list is the top layer.
pub(super) fn update(app: &mut App, popup: &mut ListPopup, action: Action) -> Outcome {
    match action {
        Action::MoveDown => popup.move_by(1),
        Action::MoveUp => popup.move_by(-1),
        Action::Close => return Outcome::Close(Effect::None),
        Action::Open => {
            if let Some(Target::Evidence(id)) = popup.selected().cloned()
                && matches!(app.layers.last(), Some(super::Layer::Form(_)))
                && let Some(super::Layer::Form(mut form)) = app.layers.pop()
            {
                super::evidence_pick::add(app, &mut form, &id);
                app.layers.push(super::Layer::Form(form));
                return Outcome::Close(Effect::None);
            }
            if let Some(target) = popup.selected().cloned() {
                app.layers.clear();
                app.go_to(&target);
            }
            return Outcome::Close(Effect::None);
        }
        other => return Outcome::Pass(other),
    }
    Outcome::Keep(Effect::None)
}
