//! From keys to actions: the keymap, asked with the contexts of the top layer (or of the tab),
//! decides; a key it does not bind is typed into a layer that takes typing.

use super::{Action, App, Effect, update};
use crate::keymap::Key;

/// Handles one key press: the keymap decides; unbound keys are typed into a text layer.
pub fn handle_key(app: &mut App, key: Key) -> Effect {
    app.message = None;
    let bound = app.keymap.action_for(app.contexts(), key);
    let typed = || {
        let typing = !app.too_small() && app.layers.last().is_some_and(|l| l.takes_typing());
        typing.then_some(Action::Input(key))
    };
    match bound.or_else(typed) {
        Some(action) => update(app, action),
        None => Effect::None,
    }
}

/// Drives the app with a key string such as `"/ backup <Enter> j"` (see `Key::parse_sequence`)
/// and returns the effects; for tests and benchmarks.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    Key::parse_sequence(keys)
        .unwrap_or_else(|message| panic!("bad key string {keys:?}: {message}"))
        .into_iter()
        .map(|key| handle_key(app, key))
        .collect()
}
