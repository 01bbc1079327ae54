//! Text from files is data. [`sanitize`] and [`sanitize_line`] clean text as it is stored or
//! exported (control characters out); [`for_terminal`] is the one function every text passes
//! before it reaches a terminal: it also makes bidi overrides and zero-width characters visible
//! (`<U+202E>`), so a line cannot pretend to say something else. [`quote`] bounds what a message
//! quotes of the offending text.

/// Removes control characters (including ESC, so no escape sequence survives) except newline and
/// tab; carriage returns are dropped.
pub fn sanitize(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

/// Like [`sanitize`], for a single line: newlines and tabs become spaces.
pub fn sanitize_line(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// What the terminal must not receive as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hazard {
    /// A C0 or C1 control character or DEL: removed.
    Control,
    /// A bidi override or isolate, a zero-width or other invisible formatting character: shown as
    /// `<U+XXXX>`.
    Invisible,
}

/// Whether `c` is unsafe to show as it is (newline and tab are left to the caller).
pub fn hazard(c: char) -> Option<Hazard> {
    match c {
        c if c.is_control() => Some(Hazard::Control),
        '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}' => Some(Hazard::Invisible),
        _ => None,
    }
}

/// The text as a terminal may show it: newlines and tabs kept, other control characters (ESC,
/// BEL, C1 such as 0x9b) removed, bidi and zero-width characters written as `<U+202E>`.
pub fn for_terminal(text: &str) -> String {
    if !text
        .chars()
        .any(|c| c != '\n' && c != '\t' && hazard(c).is_some())
    {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match (c, hazard(c)) {
            ('\n' | '\t', _) | (_, None) => out.push(c),
            (_, Some(Hazard::Control)) => {}
            (_, Some(Hazard::Invisible)) => out.push_str(&format!("<U+{:04X}>", c as u32)),
        }
    }
    out
}

/// How a message quotes a piece of text from a file or the command line: cleaned, in quotes, at
/// most 60 characters.
pub fn quoted(text: &str) -> String {
    // Cleaned from a bounded head: quoting a 30 MB id costs no more than quoting a short one.
    let head: String = text.chars().take(4 * 60).collect();
    let mut clean = quote(&sanitize_line(&head), 60);
    if head.len() < text.len() && !clean.ends_with('…') {
        clean.push('…');
    }
    format!("\"{clean}\"")
}

/// At most `max` characters of `text`, ending with `…` when cut: what a message quotes.
pub fn quote(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some(_) => {
            let cut: String = text.chars().take(max.saturating_sub(1)).collect();
            format!("{cut}…")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escape_sequences() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{7}\r\nb"), "a[31mred\nb");
        assert_eq!(sanitize_line("a\tb\nc\u{9b}"), "a b c");
    }

    #[test]
    fn the_terminal_sees_no_controls_and_no_hidden_characters() {
        let payload = "a\u{1b}]52;c;ZXZpbA==\u{7}b\u{9b}31m\u{202e}cod\u{200b}e\n\tz\r";
        assert_eq!(
            for_terminal(payload),
            "a]52;c;ZXZpbA==b31m<U+202E>cod<U+200B>e\n\tz"
        );
        assert_eq!(for_terminal("plain 8.9 — café"), "plain 8.9 — café");
    }

    #[test]
    fn quotes_are_bounded() {
        assert_eq!(quote("abcdef", 4), "abc…");
        assert_eq!(quote("abcd", 4), "abcd");
        assert_eq!(quote(&"x".repeat(10_000_000), 60).chars().count(), 60);
    }
}
