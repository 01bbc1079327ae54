//! The search box over a tab: the catalogue's search, the SoA filter or the risk filter, typed in
//! the one text input. Each change filters the tab at once; Enter keeps it, Esc clears it, and
//! the arrow keys still move through the hits.

use super::Outcome;
use crate::app::widgets::text_input::TextInput;
use crate::app::{Action, App, Effect, Tab};

#[derive(Debug, Clone)]
pub struct Search {
    /// The tab being filtered.
    pub target: Tab,
    pub input: TextInput,
}

impl Search {
    pub fn new(target: Tab, text: &str) -> Search {
        Search {
            target,
            input: TextInput::line(text),
        }
    }
}

pub(super) fn update(app: &mut App, search: &mut Search, action: Action) -> Outcome {
    match action {
        Action::AcceptSearch => {
            app.accept_filter(search.target);
            return Outcome::Close(Effect::None);
        }
        Action::CancelSearch => {
            app.set_filter(search.target, String::new());
            return Outcome::Close(Effect::None);
        }
        Action::Input(key) => {
            if search.input.input(key) {
                app.set_filter(search.target, search.input.text());
            }
        }
        Action::Paste(text) => {
            search.input.paste(&text);
            app.set_filter(search.target, search.input.text());
        }
        other => return Outcome::Pass(other),
    }
    Outcome::Keep(Effect::None)
}
