//! An error in a text file, located by file name, 1-based line and column, and said in one sentence.

use std::fmt;

/// A problem found in a file's content: where it is and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedError {
    pub file: String,
    /// 1-based line and column, when the problem has a place in the text.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl LocatedError {
    pub fn at(file: &str, position: Option<(usize, usize)>, message: impl Into<String>) -> Self {
        LocatedError {
            file: file.to_string(),
            position,
            message: message.into(),
        }
    }

    /// Turns a RON parse error into a located error, keeping ron's 1-based span start.
    pub fn from_ron(file: &str, error: &ron::error::SpannedError) -> Self {
        let start = error.span.start;
        let position = (start.line > 0).then_some((start.line, start.col.max(1)));
        let cut_short = matches!(error.code, ron::Error::Eof | ron::Error::ExpectedStringEnd);
        let hint = if cut_short {
            " (is the file cut short?)"
        } else {
            ""
        };
        let said = crate::domain::text::quote(&error.code.to_string(), 400);
        LocatedError::at(file, position, format!("{said}{hint}"))
    }
}

impl fmt::Display for LocatedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => {
                write!(f, "{}:{}:{}: {}", self.file, line, column, self.message)
            }
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for LocatedError {}

/// The 1-based line and column of a byte offset in `text`.
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_line_and_column() {
        let text = "ab\ncd\nef";
        assert_eq!(line_and_column(text, 0), (1, 1));
        assert_eq!(line_and_column(text, 4), (2, 2));
        assert_eq!(line_and_column(text, 6), (3, 1));
    }

    #[test]
    fn displays_with_and_without_position() {
        let with = LocatedError::at("a.ron", Some((3, 7)), "expected a string");
        assert_eq!(with.to_string(), "a.ron:3:7: expected a string");
        let without = LocatedError::at("a.ron", None, "empty file");
        assert_eq!(without.to_string(), "a.ron: empty file");
    }
}
