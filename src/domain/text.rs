//! Text from files is data: control characters and escape sequences are removed before anything
//! reaches a terminal.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escape_sequences() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{7}\r\nb"), "a[31mred\nb");
        assert_eq!(sanitize_line("a\tb\nc\u{9b}"), "a b c");
    }
}
