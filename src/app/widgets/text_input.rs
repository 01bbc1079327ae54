//! The one text input of the workbench: a wrapper over ratatui-textarea used by the search boxes,
//! the filters, the control picker and every text field of the forms. One line or many; pasted
//! and typed text is cleaned of control characters; a paste costs its length.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::domain::text::{sanitize, sanitize_line};
use crate::keymap::Key;
use crate::keymap::text::{is_newline, text_input};

#[derive(Debug, Clone)]
pub struct TextInput {
    area: TextArea<'static>,
    multi_line: bool,
}

impl TextInput {
    /// A one-line input holding `text` (line breaks become spaces), the cursor at its end.
    pub fn line(text: &str) -> TextInput {
        TextInput::build(&sanitize_line(text), false)
    }

    /// A multi-line input holding `text`, the cursor at its end.
    pub fn lines(text: &str) -> TextInput {
        TextInput::build(text, true)
    }

    fn build(text: &str, multi_line: bool) -> TextInput {
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let mut area = TextArea::new(lines);
        area.set_cursor_line_style(ratatui::style::Style::default());
        area.set_wrap_mode(if multi_line {
            WrapMode::WordOrGlyph
        } else {
            WrapMode::None
        });
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        TextInput { area, multi_line }
    }

    pub fn is_multi_line(&self) -> bool {
        self.multi_line
    }

    /// The text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_empty(&self) -> bool {
        self.area.lines().iter().all(String::is_empty)
    }

    /// The editor, for drawing.
    pub fn area(&self) -> &TextArea<'static> {
        &self.area
    }

    /// (line, column in characters) of the cursor.
    pub fn cursor(&self) -> (usize, usize) {
        let cursor = self.area.cursor();
        (cursor.0, cursor.1)
    }

    /// Edits with one key; returns true when the text changed. A one-line input takes no
    /// line break.
    pub fn input(&mut self, key: Key) -> bool {
        if !self.multi_line && is_newline(key) {
            return false;
        }
        match text_input(key) {
            Some(input) => self.area.input(input),
            None => false,
        }
    }

    /// Inserts pasted text at the cursor, cleaned (a one-line input turns breaks into spaces).
    pub fn paste(&mut self, text: &str) {
        let clean = if self.multi_line {
            sanitize(text)
        } else {
            sanitize_line(text)
        };
        self.area.insert_str(clean);
    }

    /// Replaces the whole text (from `$EDITOR`, or `t` for today), keeping the editor's undo.
    pub fn set_text(&mut self, text: &str) {
        let clean = if self.multi_line {
            sanitize(text.trim_end_matches('\n'))
        } else {
            sanitize_line(text.lines().next().unwrap_or("").trim())
        };
        self.area.select_all();
        self.area.cut();
        self.area.insert_str(clean);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(input: &mut TextInput, text: &str) {
        for key in Key::parse_sequence(text).unwrap() {
            input.input(key);
        }
    }

    #[test]
    fn edits_by_character_and_keeps_one_line_on_one_line() {
        let mut input = TextInput::line("Größe 日本");
        keys(&mut input, "<BS> <Left> <Left> <Left> <BS> x <Enter>");
        assert_eq!(input.text(), "Gröxe 日");
        keys(&mut input, "<End> <C-w>");
        assert_eq!(input.text(), "Gröxe ");
        input.paste("a\nb\u{1b}c");
        assert!(!input.text().contains('\n'));
        assert!(!input.text().contains('\u{1b}'));
        keys(&mut input, "<C-u>");
        assert_eq!(input.text(), "");
    }

    #[test]
    fn a_multi_line_input_takes_line_breaks() {
        let mut input = TextInput::lines("one");
        keys(&mut input, "<Enter> t w o");
        assert_eq!(input.text(), "one\ntwo");
        input.set_text("three\n");
        assert_eq!(input.text(), "three");
    }
}
