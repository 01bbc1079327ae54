//! Reading CSV bytes into a sheet: UTF-8 only (a UTF-8 byte order mark is dropped, UTF-16 and
//! other encodings are refused), comma, semicolon or tab separated, rows numbered by file line.

use super::table::{ImportError, MAX_ROWS, Row, Sheet, clean_cell, too_many_rows};

/// Reads a CSV file, refusing what is not UTF-8 CSV text with one clear message.
pub fn read_csv(bytes: &[u8], file: &str) -> Result<Sheet, ImportError> {
    let fail = |message: String| ImportError::new(file, message);
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(fail(
            "is UTF-16 text (\"Unicode text\"); save it as \"CSV UTF-8\" and import that".into(),
        ));
    }
    if bytes.contains(&0) {
        return Err(fail(
            "holds binary data, not CSV text; expected a CSV (UTF-8) or XLSX file".into(),
        ));
    }
    let mut notes = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            let byte = bytes[e.valid_up_to()];
            return Err(fail(format!(
                "line {line}: is not UTF-8 text (byte 0x{byte:02X}; probably Windows-1252 or Latin-1); save it as \"CSV UTF-8\" and import that"
            )));
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            notes.push("a UTF-8 byte order mark at the start was ignored".to_string());
            rest
        }
        None => text,
    };
    if let Some(line) = unclosed_quote_line(text) {
        return Err(fail(format!(
            "line {line}: a quoted cell is opened here and never closed"
        )));
    }
    let delimiter = detect_delimiter(text);
    if delimiter != b',' {
        let name = if delimiter == b';' {
            "semicolons"
        } else {
            "tabs"
        };
        notes.push(format!(
            "cells are separated by {name}, not commas; read accordingly"
        ));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Lines are counted as the reader moves on, so numbering stays linear in the file's size.
    let (mut counted_to, mut line) = (0usize, 1usize);
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            fail(format!(
                "line {line}: is not valid CSV ({e}); is a quote left open?"
            ))
        })?;
        // The reader places a record at the line break before it (and before skipped blank
        // lines): step over line breaks to its first byte, then count the lines before that.
        let bytes = text.as_bytes();
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        line += bytes[counted_to..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted_to = start;
        let number = line;
        rows.push(Row {
            number,
            cells: record.iter().map(clean_cell).collect(),
        });
        if rows.len() > MAX_ROWS {
            return Err(too_many_rows(file, rows.len()));
        }
    }
    Ok(Sheet {
        name: None,
        rows,
        notes,
    })
}

/// The line of a quote that opens a cell and is never closed (quotes come in pairs in CSV).
fn unclosed_quote_line(text: &str) -> Option<usize> {
    let mut line = 1;
    let mut opened_on = None;
    for b in text.bytes() {
        match b {
            b'"' => {
                opened_on = if opened_on.is_some() {
                    None
                } else {
                    Some(line)
                }
            }
            b'\n' => line += 1,
            _ => {}
        }
    }
    opened_on
}

/// The separator of the first non-empty line: the most frequent of `,` `;` and tab outside quotes.
fn detect_delimiter(text: &str) -> u8 {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            counts
                .iter_mut()
                .filter(|(d, _)| *d == b)
                .for_each(|(_, n)| *n += 1);
        }
    }
    counts
        .iter()
        .copied()
        .max_by_key(|&(d, n)| (n, d == b','))
        .filter(|&(_, n)| n > 0)
        .map_or(b',', |(d, _)| d)
}
