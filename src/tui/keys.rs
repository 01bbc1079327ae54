//! Crossterm's key events as the keymap's keys.

use crossterm::event::{KeyCode as TermCode, KeyEvent, KeyModifiers};

use crate::keymap::{Key, KeyCode};

/// The keymap's key for a terminal key event; none for keys isms has no use for.
pub fn key_from(event: KeyEvent) -> Option<Key> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    let code = match event.code {
        TermCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        TermCode::Char(c) => KeyCode::Char(c),
        TermCode::Enter => KeyCode::Enter,
        TermCode::Esc => KeyCode::Esc,
        TermCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        TermCode::Tab => KeyCode::Tab,
        TermCode::BackTab => KeyCode::BackTab,
        TermCode::Backspace => KeyCode::Backspace,
        TermCode::Delete => KeyCode::Delete,
        TermCode::Up => KeyCode::Up,
        TermCode::Down => KeyCode::Down,
        TermCode::Left => KeyCode::Left,
        TermCode::Right => KeyCode::Right,
        TermCode::Home => KeyCode::Home,
        TermCode::End => KeyCode::End,
        TermCode::PageUp => KeyCode::PageUp,
        TermCode::PageDown => KeyCode::PageDown,
        TermCode::F(n) => KeyCode::F(n),
        _ => return None,
    };
    Some(Key { code, ctrl, alt })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_shift_and_ctrl() {
        let shift_g = KeyEvent::new(TermCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(key_from(shift_g), Some(Key::char('G')));
        let ctrl_r = KeyEvent::new(TermCode::Char('R'), KeyModifiers::CONTROL);
        assert_eq!(key_from(ctrl_r), Some(Key::ctrl('r')));
        let back_tab = KeyEvent::new(TermCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(key_from(back_tab), Some(Key::plain(KeyCode::BackTab)));
    }
}
