//! Finding the header row and understanding its column names, in the many spellings SoA
//! spreadsheets and risk registers use. Titles or merged group headings above the header are
//! skipped: the header is the row among the first few that names the most known columns.

use super::table::{Row, Sheet};

/// How many rows from the top are searched for the header.
const HEADER_SEARCH_ROWS: usize = 20;

/// A column heading reduced to lowercase words: "Annex A Ref." → "annex a ref".
pub fn normalize_heading(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A kind of table (SoA or risk register) and how its columns are named.
pub trait Columns: Copy + PartialEq + Sized + 'static {
    /// Every column with the headings (normalized) that name it.
    const ALIASES: &'static [(Self, &'static [&'static str])];
    /// The column without which a row cannot be mapped.
    const KEY: &'static [Self];
    /// Columns whose values are derived by isms and so are read but not imported.
    fn derived(self) -> bool;
    /// Whether several columns may map to this one (their texts are combined).
    fn combines(self) -> bool;
}

/// The header: which column index holds which known column, and what was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header<C> {
    /// Index of the header row in the sheet's rows.
    pub row_index: usize,
    pub row_number: usize,
    pub columns: Vec<(usize, C)>,
    /// Headings that name no known column (with their column letters for the report).
    pub unknown: Vec<String>,
    /// Headings that repeat a known column; only the first is read.
    pub repeated: Vec<String>,
}

impl<C: Columns> Header<C> {
    /// The column indexes of a known column (several when it combines).
    pub fn indexes(&self, column: C) -> Vec<usize> {
        self.columns
            .iter()
            .filter(|(_, c)| *c == column)
            .map(|(i, _)| *i)
            .collect()
    }

    pub fn has(&self, column: C) -> bool {
        self.columns.iter().any(|(_, c)| *c == column)
    }

    /// The texts of a column in a row, non-empty ones only.
    pub fn values<'r>(&self, row: &'r Row, column: C) -> Vec<&'r str> {
        self.indexes(column)
            .into_iter()
            .map(|i| row.cell(i))
            .filter(|t| !t.is_empty())
            .collect()
    }
}

fn classify<C: Columns>(heading: &str) -> Option<C> {
    let normal = normalize_heading(heading);
    C::ALIASES
        .iter()
        .find(|(_, names)| names.contains(&normal.as_str()))
        .map(|(c, _)| *c)
}

/// Spreadsheet column letters for an index: 0 → A, 27 → AB.
pub fn column_letter(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Finds the header row of a sheet, or None when no row names a key column.
pub fn find_header<C: Columns>(sheet: &Sheet) -> Option<Header<C>> {
    let mut best: Option<(usize, usize)> = None;
    for (index, row) in sheet.rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
        let known: Vec<C> = row.cells.iter().filter_map(|c| classify::<C>(c)).collect();
        let has_key = known.iter().any(|c| C::KEY.contains(c));
        if has_key && known.len() >= 2 && best.is_none_or(|(_, count)| known.len() > count) {
            best = Some((index, known.len()));
        }
    }
    let (row_index, _) = best?;
    let row = &sheet.rows[row_index];
    let mut header = Header {
        row_index,
        row_number: row.number,
        columns: Vec::new(),
        unknown: Vec::new(),
        repeated: Vec::new(),
    };
    for (i, text) in row.cells.iter().enumerate() {
        if text.is_empty() {
            continue;
        }
        let label = format!(
            "\"{}\" (column {})",
            crate::domain::text::sanitize_line(text),
            column_letter(i)
        );
        match classify::<C>(text) {
            Some(column) if header.has(column) && !column.combines() => header.repeated.push(label),
            Some(column) => header.columns.push((i, column)),
            None => header.unknown.push(label),
        }
    }
    Some(header)
}

/// The headings a sheet's first non-empty row shows, for a message when no header was found.
pub fn first_row_headings(sheet: &Sheet) -> String {
    let row = sheet.rows.iter().find(|r| !r.is_empty());
    let cells: Vec<String> = row
        .map(|r| {
            r.cells
                .iter()
                .filter(|c| !c.is_empty())
                .take(8)
                .map(|c| format!("\"{}\"", crate::domain::text::sanitize_line(c)))
                .collect()
        })
        .unwrap_or_default();
    if cells.is_empty() {
        "nothing".to_string()
    } else {
        cells.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_letters() {
        assert_eq!(normalize_heading("  Annex A Ref. "), "annex a ref");
        assert_eq!(normalize_heading("Applicable (Y/N)?"), "applicable y n");
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(27), "AB");
    }
}
