//! Where a value sits in a management-system file, so that a problem found after parsing (a
//! duplicate id, an unknown clause) is reported at its line and column.

use std::collections::HashMap;

use crate::domain::located_error::{LocatedError, line_and_column};
use crate::domain::ron_places::{field_offsets, text_in};

/// One file's text and its name in messages.
pub(super) struct Places<'a> {
    pub text: &'a str,
    pub file: &'a str,
}

impl Places<'_> {
    /// The place of the `nth` `field: "value"` in the file.
    pub fn field_value(&self, field: &str, value: &str, nth: usize) -> Option<(usize, usize)> {
        let quoted = format!("{value:?}");
        field_offsets(self.text, field)
            .into_iter()
            .filter(|at| {
                let rest = &self.text[at + field.len()..];
                rest.trim_start()
                    .strip_prefix(':')
                    .is_some_and(|v| v.trim_start().starts_with(&quoted))
            })
            .nth(nth)
            .map(|at| line_and_column(self.text, at))
    }

    /// The place of the first `"value"` anywhere in the file (a value inside a list).
    pub fn quoted(&self, value: &str) -> Option<(usize, usize)> {
        text_in(self.text, &format!("{value:?}"), 0, self.text.len())
            .map(|at| line_and_column(self.text, at))
    }

    pub fn error(&self, place: Option<(usize, usize)>, message: String) -> LocatedError {
        LocatedError::at(self.file, place, message)
    }

    /// Refuses an empty id, one with spaces, or one used twice (case does not count).
    pub fn unique_ids<'b>(
        &self,
        what: &str,
        ids: impl Iterator<Item = &'b str>,
    ) -> Result<(), LocatedError> {
        let mut first: HashMap<String, &str> = HashMap::new();
        let mut exact: HashMap<&str, usize> = HashMap::new();
        for id in ids {
            if id.trim().is_empty() || id.chars().any(char::is_whitespace) {
                return Err(self.error(
                    self.field_value("id", id, 0),
                    format!("{what} id {id:?} must be non-empty and without spaces"),
                ));
            }
            let nth = exact.entry(id).or_default();
            *nth += 1;
            if let Some(earlier) = first.insert(id.to_ascii_uppercase(), id) {
                let line = self
                    .field_value("id", earlier, 0)
                    .map_or(String::new(), |(line, _)| {
                        format!(" (first at line {line})")
                    });
                return Err(self.error(
                    self.field_value("id", id, *nth - 1),
                    format!("duplicate {what} id {id}{line}"),
                ));
            }
        }
        Ok(())
    }
}
