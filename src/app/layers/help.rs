//! The help layer: every context's keys, generated from the keymap, scrolled with the list keys.

use super::Outcome;
use crate::app::{Action, App, Effect};

#[derive(Debug, Clone, Default)]
pub struct Help {
    /// The first line shown.
    pub scroll: usize,
}

pub(super) fn update(_app: &mut App, help: &mut Help, action: Action) -> Outcome {
    let delta: isize = match action {
        Action::ToggleHelp | Action::CloseHelp => return Outcome::Close(Effect::None),
        Action::MoveDown => 1,
        Action::MoveUp => -1,
        Action::PageDown => 10,
        Action::PageUp => -10,
        Action::MoveTop => -10_000,
        Action::MoveBottom => 10_000,
        other => return Outcome::Pass(other),
    };
    help.scroll = help.scroll.saturating_add_signed(delta).min(1000);
    Outcome::Keep(Effect::None)
}
