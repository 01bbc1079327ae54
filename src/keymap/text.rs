//! The editing keys of every text field (search boxes, filters, form fields): the readline keys
//! people already type in a shell, handed to ratatui-textarea. Keys the keymap binds in the
//! field's context never get here; everything else edits the text.

use ratatui_textarea::{Input, Key as TaKey};

use super::{Key, KeyCode};

/// The text area's input for a key, or `None` when the key does not edit text.
pub fn text_input(key: Key) -> Option<Input> {
    let code = match key.code {
        // Ctrl-U deletes back to the start of the line, as in a shell (the text area's own
        // Ctrl-U is undo, which surprises everyone who types in a terminal).
        KeyCode::Char('u') if key.ctrl => {
            return Some(Input {
                key: TaKey::Char('j'),
                ctrl: true,
                alt: false,
                shift: false,
            });
        }
        KeyCode::Char(c) => TaKey::Char(c),
        KeyCode::Enter => TaKey::Enter,
        KeyCode::Backspace => TaKey::Backspace,
        KeyCode::Delete => TaKey::Delete,
        KeyCode::Up => TaKey::Up,
        KeyCode::Down => TaKey::Down,
        KeyCode::Left => TaKey::Left,
        KeyCode::Right => TaKey::Right,
        KeyCode::Home => TaKey::Home,
        KeyCode::End => TaKey::End,
        KeyCode::PageUp => TaKey::PageUp,
        KeyCode::PageDown => TaKey::PageDown,
        KeyCode::Esc | KeyCode::Tab | KeyCode::BackTab | KeyCode::F(_) => return None,
    };
    Some(Input {
        key: code,
        ctrl: key.ctrl,
        alt: key.alt,
        shift: false,
    })
}

/// True for a key that would start a new line (Enter, Ctrl-M, Ctrl-J as a newline).
pub fn is_newline(key: Key) -> bool {
    key.code == KeyCode::Enter || (key.ctrl && key.code == KeyCode::Char('m'))
}

/// The character a plain key types, if any (a digit picks a rating, a letter is typed).
pub fn typed_char(key: Key) -> Option<char> {
    match key.code {
        KeyCode::Char(c) if !key.ctrl && !key.alt => Some(c),
        _ => None,
    }
}
