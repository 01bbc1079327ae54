//! One key press as the keymap speaks of it (`j`, `G`, `<Enter>`, `<C-r>`, `<S-Tab>`), parsed from
//! and shown as text, independent of the terminal library.

use std::fmt;

/// Which key, without modifiers. Shifted letters are their own characters (`G`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// A key with the modifiers that matter (Ctrl and Alt; Shift is in the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

const NAMED: [(&str, KeyCode); 16] = [
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("S-Tab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("BS", KeyCode::Backspace),
    ("Del", KeyCode::Delete),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Space", KeyCode::Char(' ')),
];

impl Key {
    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// A character key; upper-case letters mean Shift.
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// Ctrl plus a character.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Parses `j`, `G`, `?`, `<Enter>`, `<PgDn>`, `<C-r>`, `<A-x>`, `<S-Tab>`, `<F5>`, `<lt>`.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(Key::char(c));
        }
        let inner = text
            .strip_prefix('<')
            .and_then(|t| t.strip_suffix('>'))
            .ok_or_else(|| format!("{text:?} is not a key; write one character or <Name>"))?;
        let mut key = Key::plain(KeyCode::Char(' '));
        let mut rest = inner;
        loop {
            if let Some(after) = rest.strip_prefix("C-") {
                key.ctrl = true;
                rest = after;
            } else if let Some(after) = rest.strip_prefix("A-") {
                key.alt = true;
                rest = after;
            } else {
                break;
            }
        }
        let mut rest_chars = rest.chars();
        key.code = match (rest_chars.next(), rest_chars.next()) {
            (Some(c), None) => KeyCode::Char(if key.ctrl { c.to_ascii_lowercase() } else { c }),
            _ if rest == "lt" => KeyCode::Char('<'),
            _ => {
                if let Some(n) = rest.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
                    KeyCode::F(n)
                } else {
                    NAMED
                        .iter()
                        .find(|(name, _)| name.eq_ignore_ascii_case(rest))
                        .map(|(_, code)| *code)
                        .ok_or_else(|| {
                            format!(
                                "unknown key name <{rest}>; known: Enter, Esc, Tab, S-Tab, BS, Del, \
                                 Up, Down, Left, Right, Home, End, PgUp, PgDn, Space, F1…F12, \
                                 and C- or A- before a key"
                            )
                        })?
                }
            }
        };
        Ok(key)
    }

    /// Parses a test's key string: tokens separated by spaces; `<…>` is one key, any other token
    /// is typed character by character. `"/ backup <Enter> j"`.
    pub fn parse_sequence(text: &str) -> Result<Vec<Key>, String> {
        let mut keys = Vec::new();
        for token in text.split_whitespace() {
            if token.starts_with('<') && token.ends_with('>') && token.len() > 2 {
                keys.push(Key::parse(token)?);
            } else {
                keys.extend(token.chars().map(Key::char));
            }
        }
        Ok(keys)
    }
}

impl fmt::Display for Key {
    /// How help and hints show the key: `j`, `G`, `Enter`, `Ctrl-r`, `Shift-Tab`, `PgDn`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::F(n) => write!(f, "F{n}"),
            code => {
                let name = NAMED
                    .iter()
                    .find(|(_, c)| *c == code)
                    .map_or("?", |(name, _)| name);
                f.write_str(name)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_shows_keys() {
        assert_eq!(Key::parse("G").unwrap(), Key::char('G'));
        assert_eq!(Key::parse("<C-R>").unwrap(), Key::ctrl('r'));
        assert_eq!(Key::parse("<pgdn>").unwrap(), Key::plain(KeyCode::PageDown));
        assert_eq!(Key::parse("<lt>").unwrap(), Key::char('<'));
        assert_eq!(Key::ctrl('r').to_string(), "Ctrl-r");
        assert_eq!(Key::plain(KeyCode::BackTab).to_string(), "Shift-Tab");
        assert_eq!(Key::plain(KeyCode::Backspace).to_string(), "Backspace");
        assert!(
            Key::parse("<Hyper-x>")
                .unwrap_err()
                .contains("unknown key name")
        );
        assert!(Key::parse("jj").is_err());
    }

    #[test]
    fn parses_sequences() {
        let keys = Key::parse_sequence("/ ab <Enter>").unwrap();
        assert_eq!(
            keys,
            [
                Key::char('/'),
                Key::char('a'),
                Key::char('b'),
                Key::plain(KeyCode::Enter)
            ]
        );
    }
}
