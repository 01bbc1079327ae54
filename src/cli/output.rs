//! Plain-text output for the terminal: 80-column wrapping and colour only when stdout is a
//! terminal and `NO_COLOR` is not set.

use std::io::IsTerminal;

/// The width text output is wrapped to.
pub const WIDTH: usize = 80;

/// Whether to colour output, decided once from the environment.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    color: bool,
}

impl Style {
    pub fn detect() -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            color: !no_color && std::io::stdout().is_terminal(),
        }
    }

    /// No colour, for text written to a file.
    pub fn plain() -> Style {
        Style { color: false }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    pub fn heading(&self, text: &str) -> String {
        self.paint("1;36", text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }

    pub fn accent(&self, text: &str) -> String {
        self.paint("33", text)
    }

    /// The text with the characters at `marked` (char indices, sorted) emphasized.
    pub fn marked(&self, text: &str, marked: &[usize]) -> String {
        if !self.color || marked.is_empty() {
            return text.to_string();
        }
        let mut out = String::new();
        for (i, c) in text.chars().enumerate() {
            if marked.binary_search(&i).is_ok() {
                out.push_str(&self.paint("1;33", &c.to_string()));
            } else {
                out.push(c);
            }
        }
        out
    }
}

/// Wraps prose to the output width with the given indent; paragraphs stay separated by a blank line.
pub fn wrap_paragraphs(text: &str, indent: &str) -> String {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(indent)
        .subsequent_indent(indent);
    text.split("\n\n")
        .map(|paragraph| {
            textwrap::fill(
                &paragraph.split_whitespace().collect::<Vec<_>>().join(" "),
                &options,
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Wraps one bullet item: `  • text`, continuation lines aligned under the text.
pub fn wrap_bullet(text: &str) -> String {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent("  • ")
        .subsequent_indent("    ");
    textwrap::fill(text, &options)
}

/// Truncates to `width` characters, ending with `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_to_eighty_columns() {
        let text = "word ".repeat(60);
        let wrapped = wrap_paragraphs(&text, "  ");
        assert!(wrapped.lines().all(|line| line.chars().count() <= WIDTH));
        assert!(wrapped.lines().all(|line| line.starts_with("  ")));
    }

    #[test]
    fn plain_style_adds_no_escapes() {
        let style = Style { color: false };
        assert_eq!(style.bold("x"), "x");
        assert_eq!(style.marked("abc", &[1]), "abc");
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }
}
