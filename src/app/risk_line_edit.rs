//! A one-line text editor for the risk form and its control picker: the text and a cursor
//! counted in characters (never bytes), so any Unicode text can be edited without splitting a
//! character.

use crate::keymap::{Key, KeyCode};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    chars: Vec<char>,
    /// Characters before the cursor.
    cursor: usize,
}

impl LineEdit {
    /// Starts with `text`, the cursor at its end.
    pub fn new(text: &str) -> LineEdit {
        let chars: Vec<char> = text.chars().collect();
        LineEdit {
            cursor: chars.len(),
            chars,
        }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Inserts text at the cursor; control characters (a pasted newline, an escape) are dropped.
    pub fn insert(&mut self, text: &str) {
        // One splice, so a large paste costs its length and not its length times the text's.
        let added: Vec<char> = text.chars().filter(|c| !c.is_control()).collect();
        let count = added.len();
        self.chars.splice(self.cursor..self.cursor, added);
        self.cursor += count;
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    pub fn key(&mut self, key: Key) -> bool {
        match (key.code, key.ctrl) {
            (KeyCode::Char('a'), true) | (KeyCode::Home, _) => self.cursor = 0,
            (KeyCode::Char('e'), true) | (KeyCode::End, _) => self.cursor = self.chars.len(),
            (KeyCode::Char('u'), true) => {
                self.chars.drain(..self.cursor);
                self.cursor = 0;
            }
            (KeyCode::Char('k'), true) => self.chars.truncate(self.cursor),
            (KeyCode::Char('w'), true) => self.delete_word(),
            (KeyCode::Char(c), false) if !key.alt => self.insert(&c.to_string()),
            (KeyCode::Left, _) => self.cursor = self.cursor.saturating_sub(1),
            (KeyCode::Right, _) => self.cursor = (self.cursor + 1).min(self.chars.len()),
            (KeyCode::Backspace, _) if self.cursor > 0 => {
                self.cursor -= 1;
                self.chars.remove(self.cursor);
            }
            (KeyCode::Delete, _) if self.cursor < self.chars.len() => {
                self.chars.remove(self.cursor);
            }
            (KeyCode::Backspace | KeyCode::Delete, _) => {}
            _ => return false,
        }
        true
    }

    /// Deletes the word before the cursor and the spaces after it.
    fn delete_word(&mut self) {
        let mut start = self.cursor;
        while start > 0 && self.chars[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !self.chars[start - 1].is_whitespace() {
            start -= 1;
        }
        self.chars.drain(start..self.cursor);
        self.cursor = start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(edit: &mut LineEdit, text: &str) {
        for key in Key::parse_sequence(text).unwrap() {
            edit.key(key);
        }
    }

    #[test]
    fn edits_by_character_not_by_byte() {
        let mut edit = LineEdit::new("Größe 日本");
        keys(&mut edit, "<BS> <Left> <Left> <Left> <BS> x");
        assert_eq!(edit.text(), "Gröxe 日");
        keys(&mut edit, "<Home> <Del> <End> é");
        assert_eq!(edit.text(), "röxe 日é");
        keys(&mut edit, "<C-w>");
        assert_eq!(edit.text(), "röxe ");
        edit.insert("a\nb\u{1b}c");
        assert_eq!(edit.text(), "röxe abc");
    }
}
