//! Finding where a field or a value sits in RON text, so that problems found after parsing
//! (an unknown control id, a duplicate risk id) can be reported at a line and column.
//!
//! The scan skips string literals and comments, so a justification that happens to contain
//! `control: "5.1"` does not confuse it.

use std::cell::OnceCell;

/// Byte offsets, in order, of every `field:` outside strings and comments.
pub fn field_offsets(text: &str, field: &str) -> Vec<usize> {
    let mut found = Vec::new();
    scan(text, 0, text.len(), |at| {
        if is_field_at(text, at, field) {
            found.push(at);
        }
        false
    });
    found
}

/// The first `field:` outside strings and comments within `start..end`.
pub fn field_in(text: &str, field: &str, start: usize, end: usize) -> Option<usize> {
    let mut found = None;
    scan(text, start, end, |at| {
        if is_field_at(text, at, field) {
            found = Some(at);
            return true;
        }
        false
    });
    found
}

/// Where the `i`-th record of a list starts, found by its key field (`control`, `id`).
///
/// A refusal names one or two records, so the scan stops at the record it looks for: text after
/// it (a 30 MB id, the rest of the file) is never scanned. The field found is checked against
/// the record's key; when they disagree (a raw string, an escape), every field is listed once
/// and used only when there are as many as records.
pub struct RecordPlaces<'a> {
    text: &'a str,
    field: &'a str,
    count: usize,
    all: OnceCell<Option<Vec<usize>>>,
}

impl<'a> RecordPlaces<'a> {
    pub fn new(text: &'a str, field: &'a str, count: usize) -> Self {
        RecordPlaces {
            text,
            field,
            count,
            all: OnceCell::new(),
        }
    }

    /// The byte offset of record `i`'s key field; `key` is its value as written (compared
    /// without case on its first characters).
    pub fn offset(&self, i: usize, key: &str) -> Option<usize> {
        if let Some(at) = nth_field(self.text, self.field, i)
            && value_starts_as(self.text, at + self.field.len(), key)
        {
            return Some(at);
        }
        let all = self.all.get_or_init(|| {
            Some(field_offsets(self.text, self.field)).filter(|all| all.len() == self.count)
        });
        all.as_ref().and_then(|all| all.get(i).copied())
    }
}

/// The byte offset of the `n`-th (from 0) `field:` outside strings and comments.
fn nth_field(text: &str, field: &str, n: usize) -> Option<usize> {
    let (mut seen, mut found) = (0, None);
    scan(text, 0, text.len(), |at| {
        if !is_field_at(text, at, field) {
            return false;
        }
        if seen == n {
            found = Some(at);
            return true;
        }
        seen += 1;
        false
    });
    found
}

/// Whether the value after `field:` (from `after`, the end of the field name) is a string that
/// starts like `key`. Only plain characters are compared, so an escape never makes it fail.
fn value_starts_as(text: &str, after: usize, key: &str) -> bool {
    let Some(value) = text[after..].trim_start().strip_prefix(':') else {
        return false;
    };
    let Some(value) = value.trim_start().strip_prefix('"') else {
        return false;
    };
    let plain: String = key
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .take(32)
        .collect();
    value
        .get(..plain.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(&plain))
}

/// The first occurrence of `needle` (e.g. `"8.99"`, quotes included) within `start..end`.
pub fn text_in(text: &str, needle: &str, start: usize, end: usize) -> Option<usize> {
    let end = end.min(text.len());
    let start = start.min(end);
    text.get(start..end)?.find(needle).map(|i| start + i)
}

fn is_field_at(text: &str, at: usize, field: &str) -> bool {
    let bytes = text.as_bytes();
    if !text[at..].starts_with(field) {
        return false;
    }
    let word_char = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    if at > 0 && word_char(bytes[at - 1]) {
        return false;
    }
    let after = at + field.len();
    if bytes.get(after).is_some_and(|&b| word_char(b)) {
        return false;
    }
    text[after..].trim_start().starts_with(':')
}

/// Calls `visit` with each byte offset outside strings and comments in `start..end` where an
/// identifier may start; stops when `visit` returns true.
fn scan(text: &str, start: usize, end: usize, mut visit: impl FnMut(usize) -> bool) {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut i = start;
    while i < end {
        match bytes[i] {
            b'"' => i = skip_string(bytes, i + 1),
            b'r' if raw_string_hashes(bytes, i).is_some() => {
                let hashes = raw_string_hashes(bytes, i).unwrap_or(0);
                i = skip_raw_string(bytes, i + 1 + hashes + 1, hashes);
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(end, |p| i + p);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(end, |p| i + 2 + p + 2);
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                if visit(i) {
                    return;
                }
                while i < end && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
}

/// After an opening quote at `i - 1`: the offset just past the closing quote.
fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The number of `#` when a raw string (`r"…"`, `r#"…"#`) starts at `i`.
fn raw_string_hashes(bytes: &[u8], i: usize) -> Option<usize> {
    if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_') {
        return None;
    }
    let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
    (bytes.get(i + 1 + hashes) == Some(&b'"')).then_some(hashes)
}

fn skip_raw_string(bytes: &[u8], mut i: usize, hashes: usize) -> usize {
    while i < bytes.len() {
        if bytes[i] == b'"' && bytes[i + 1..].iter().take(hashes).all(|&b| b == b'#') {
            return (i + 1 + hashes).min(bytes.len());
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_but_not_inside_strings_or_comments() {
        let text = r##"(entries: [(control: "5.1", note: "control: \"x\""), // control: 1
            (control: "5.2", note: r#"control: "y""#), /* control: */ (controls: [])])"##;
        let offsets = field_offsets(text, "control");
        assert_eq!(offsets.len(), 2);
        assert!(text[offsets[1]..].starts_with("control: \"5.2\""));
        assert!(field_in(text, "note", offsets[1], text.len()).is_some());
        assert!(field_in(text, "controls", 0, text.len()).is_some());
    }

    #[test]
    fn finds_a_record_without_scanning_past_it() {
        let text = r#"[(control: "5.1"), (control: "A.5.2"), (control: "8.13999")]"#;
        let places = RecordPlaces::new(text, "control", 3);
        assert!(text[places.offset(2, "8.13999").unwrap()..].starts_with("control: \"8.13999"));
        assert!(text[places.offset(1, "a.5.2").unwrap()..].starts_with("control: \"A.5.2"));
        // The key does not match the field found: the full list decides.
        assert_eq!(places.offset(1, "9.9"), places.offset(1, "A.5.2"));
        let places = RecordPlaces::new(text, "control", 4);
        assert_eq!(places.offset(1, "9.9"), None);
    }

    #[test]
    fn finds_text_in_a_range() {
        assert_eq!(text_in("a \"8.9\" b", "\"8.9\"", 0, 9), Some(2));
        assert_eq!(text_in("a \"8.9\" b", "\"8.9\"", 3, 9), None);
    }
}
