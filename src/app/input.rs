//! From keys to actions (through the keymap), and the catalogue's own actions: the search box,
//! the detail's focus, links and scrolling.

use super::update::{follow_link, pick_link, scroll_detail};
use super::{Action, App, Effect, Focus, Mode, Tab, update};
use crate::keymap::{Key, KeyCode};

/// Handles one key press: the keymap decides, and in the search box other characters are typed.
pub fn handle_key(app: &mut App, key: Key) -> Effect {
    app.message = None;
    if app.too_small() {
        // Only the notice's own keys (quit, or the quit question's answers) act.
        return match app.keymap.action_for(app.contexts(), key) {
            Some(action) => update(app, action),
            None => Effect::None,
        };
    }
    let taken =
        super::risk_actions::intercept(app, key).or_else(|| super::dashboard::intercept(app, key));
    if let Some(effect) = taken {
        // A popup may have jumped to a control: the detail follows the selection.
        app.refresh_detail();
        return effect;
    }
    let bound = app.keymap.action_for(app.contexts(), key);
    let action = bound.or(match key.code {
        KeyCode::Char(c) if app.mode == Mode::Search && !key.ctrl && !key.alt => {
            Some(Action::SearchInput(c))
        }
        _ => None,
    });
    match action {
        Some(action) => update(app, action),
        None if app.mode == Mode::Form => super::soa_form_keys::form_key(app, key),
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

/// The actions that belong to the catalogue pane.
pub(super) fn catalogue_action(app: &mut App, action: Action) -> Effect {
    if app.tab != Tab::Catalogue {
        return Effect::None;
    }
    let rows = app.list_rows();
    let pane = &mut app.catalogue_pane;
    match action {
        Action::StartSearch => {
            app.mode = Mode::Search;
            pane.focus = Focus::List;
        }
        Action::AcceptSearch => {
            app.mode = Mode::Normal;
            pane.cursor.select(0, pane.results.len(), rows);
            pane.reset_detail();
        }
        Action::CancelSearch => {
            app.mode = Mode::Normal;
            pane.clear_query(&app.catalogue, rows);
        }
        Action::ClearFilter if pane.has_filter() => pane.clear_query(&app.catalogue, rows),
        Action::SearchInput(c) => {
            let text = format!("{}{c}", pane.query_text);
            pane.set_query(&app.catalogue, text, rows);
        }
        Action::Paste(text) => {
            let text = format!(
                "{}{}",
                pane.query_text,
                crate::domain::text::sanitize_line(&text)
            );
            app.mode = Mode::Search;
            pane.set_query(&app.catalogue, text, rows);
        }
        Action::SearchBackspace => {
            let mut text = pane.query_text.clone();
            text.pop();
            pane.set_query(&app.catalogue, text, rows);
        }
        Action::SearchDeleteWord => {
            let trimmed = pane.query_text.trim_end();
            let cut = trimmed.rfind(' ').map_or(0, |i| i + 1);
            let text = trimmed[..cut].to_string();
            pane.set_query(&app.catalogue, text, rows);
        }
        Action::SearchClear => pane.set_query(&app.catalogue, String::new(), rows),
        Action::Open if pane.selected().is_some() => pane.focus = Focus::Detail,
        Action::LeaveDetail => pane.focus = Focus::List,
        Action::NextLink => pick_link(app, 1),
        Action::PrevLink => pick_link(app, -1),
        Action::FollowLink => follow_link(app),
        Action::JumpBack => {
            if let Some(previous) = pane.history.pop() {
                pane.select_position(&app.catalogue, previous, rows);
            }
        }
        Action::ScrollDetailDown => scroll_detail(app, 1),
        Action::ScrollDetailUp => scroll_detail(app, -1),
        Action::DetailPageDown => {
            let page = app.detail_rows().saturating_sub(2).max(1) as isize;
            scroll_detail(app, page);
        }
        Action::DetailPageUp => {
            let page = app.detail_rows().saturating_sub(2).max(1) as isize;
            scroll_detail(app, -page);
        }
        _ => {}
    }
    Effect::None
}
