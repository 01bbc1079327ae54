//! Finding the header row and understanding its column names, in the many spellings SoA
//! spreadsheets and risk registers use (see `words.tsv`). Titles above the header are skipped:
//! the header is the row among the first few that names the most known columns. A header may
//! span two rows, a group heading ("Residual risk", "Reasons for selection") over sub-headings.

use super::table::{Row, Sheet};
use super::words;

/// How many rows from the top are searched for the header.
const HEADER_SEARCH_ROWS: usize = 20;

/// A column heading reduced to lowercase words: "Annex A Ref." → "annex a ref".
pub fn normalize_heading(text: &str) -> String {
    words::normalize(text)
}

/// A kind of table (SoA or risk register) and how its columns are named.
pub trait Columns: Copy + PartialEq + Sized + 'static {
    /// The kind of heading in the table of words (`soa`, `risk`).
    const KIND: &'static str;
    /// The column without which a row cannot be mapped.
    const KEY: &'static [Self];
    /// The column a meaning of the table of words (or a `--map` field name) stands for.
    fn from_meaning(meaning: &str) -> Option<Self>;
    /// Whether several columns may map to this one (their texts are combined).
    fn combines(self) -> bool;
}

/// A user's word on what a heading means (`--map 'HEADER=field'`), heading normalized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub heading: String,
    pub field: String,
}

impl Mapping {
    /// Reads `HEADER=field`.
    pub fn parse(text: &str) -> Result<Mapping, String> {
        match text.rsplit_once('=') {
            Some((heading, field)) if !heading.trim().is_empty() && !field.trim().is_empty() => {
                Ok(Mapping {
                    heading: normalize_heading(heading),
                    field: field.trim().to_ascii_lowercase().replace([' ', '-'], "_"),
                })
            }
            _ => Err(format!(
                "--map {text:?}: expected HEADER=field, e.g. --map 'Remarks=justification'"
            )),
        }
    }
}

/// One column of the header: where it is, what it says and what it was understood as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading<C> {
    pub index: usize,
    /// The heading as written (group and sub-heading joined with " / " for two-row headers).
    pub text: String,
    pub column: Option<C>,
}

/// The header: which column index holds which known column, and what was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header<C> {
    /// Index of the (last) header row in the sheet's rows.
    pub row_index: usize,
    pub row_number: usize,
    /// True when a group heading row above was joined.
    pub two_rows: bool,
    pub columns: Vec<(usize, C)>,
    /// Headings that name no known column (with their column letters for the report).
    pub unknown: Vec<String>,
    /// Columns with a heading but no field: (index, heading text).
    pub extra: Vec<(usize, String)>,
    /// Headings that repeat a known column; only the first is read: (index, column, label).
    pub repeated: Vec<(usize, C, String)>,
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

    /// The non-empty cells of the columns with no field, each with its heading.
    pub fn extras<'r>(&self, row: &'r Row) -> Vec<(&str, &'r str)> {
        self.extra
            .iter()
            .map(|(i, heading)| (heading.as_str(), row.cell(*i)))
            .filter(|(_, t)| !t.is_empty())
            .collect()
    }
}

/// The spellings tried for a heading: as written, without a bracketed suffix, each side of a `/`.
fn candidates(heading: &str) -> Vec<String> {
    let mut out = vec![normalize_heading(heading)];
    if matches!(heading.trim(), "#" | "№" | "No." | "Nr.") {
        out.push("number".into());
    }
    let mut bare = String::new();
    let mut depth = 0usize;
    for c in heading.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    out.push(normalize_heading(&bare));
    out.extend(bare.split('/').map(normalize_heading));
    out.retain(|c| !c.is_empty());
    out
}

fn classify<C: Columns>(heading: &str, mappings: &[Mapping]) -> Option<C> {
    let normal = normalize_heading(heading);
    if let Some(mapping) = mappings.iter().find(|m| m.heading == normal) {
        return C::from_meaning(&mapping.field);
    }
    candidates(heading)
        .iter()
        .find_map(|c| words::meaning(C::KIND, c))
        .and_then(C::from_meaning)
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

/// The headings of row `index`, joined with the group headings of the row above when `joined`.
fn headings<C: Columns>(
    sheet: &Sheet,
    index: usize,
    joined: bool,
    mappings: &[Mapping],
) -> Vec<Heading<C>> {
    let row = &sheet.rows[index];
    let group_row = joined.then(|| &sheet.rows[index - 1]);
    let width = row.cells.len().max(group_row.map_or(0, |r| r.cells.len()));
    let mut group = String::new();
    let mut out = Vec::new();
    for i in 0..width {
        let sub = row.cell(i);
        if let Some(above) = group_row {
            let cell = above.cell(i);
            if !cell.is_empty() {
                group = cell.to_string();
            }
        }
        let (text, column) = if group_row.is_some() && !group.is_empty() {
            if sub.is_empty() {
                (group.clone(), classify::<C>(&group, mappings))
            } else {
                let both = format!("{group} / {sub}");
                let column = classify::<C>(&format!("{group} {sub}"), mappings)
                    .or_else(|| classify::<C>(sub, mappings));
                (both, column)
            }
        } else {
            (sub.to_string(), classify::<C>(sub, mappings))
        };
        if !text.is_empty() {
            out.push(Heading {
                index: i,
                text,
                column,
            });
        }
    }
    out
}

fn score<C: Columns>(headings: &[Heading<C>]) -> Option<usize> {
    let mut known: Vec<C> = Vec::new();
    for column in headings.iter().filter_map(|h| h.column) {
        if !known.contains(&column) {
            known.push(column);
        }
    }
    let has_key = known.iter().any(|c| C::KEY.contains(c));
    (has_key && known.len() >= 2).then_some(known.len())
}

/// Finds the header row of a sheet, or None when no row names a key column.
pub fn find_header<C: Columns>(sheet: &Sheet, mappings: &[Mapping]) -> Option<Header<C>> {
    let mut best: Option<(usize, bool, usize)> = None;
    let rows = sheet.rows.len().min(HEADER_SEARCH_ROWS);
    for index in 0..rows {
        for joined in [false, true] {
            if joined && (index == 0 || sheet.rows[index - 1].is_empty()) {
                continue;
            }
            if let Some(count) = score(&headings::<C>(sheet, index, joined, mappings))
                && best.is_none_or(|(_, _, best)| count > best)
            {
                best = Some((index, joined, count));
            }
        }
    }
    let (row_index, two_rows, _) = best?;
    let row = &sheet.rows[row_index];
    let mut header = Header {
        row_index,
        row_number: row.number,
        two_rows,
        columns: Vec::new(),
        unknown: Vec::new(),
        extra: Vec::new(),
        repeated: Vec::new(),
    };
    for heading in headings::<C>(sheet, row_index, two_rows, mappings) {
        let label = format!(
            "\"{}\" (column {})",
            crate::domain::text::sanitize_line(&heading.text),
            column_letter(heading.index)
        );
        match heading.column {
            Some(column) if header.has(column) && !column.combines() => {
                header.repeated.push((heading.index, column, label))
            }
            Some(column) => header.columns.push((heading.index, column)),
            None => {
                header.unknown.push(label);
                header.extra.push((
                    heading.index,
                    crate::domain::text::sanitize_line(&heading.text),
                ));
            }
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
        assert_eq!(normalize_heading("inherent_proba"), "inherent proba");
        assert_eq!(
            candidates("Justification / Implementation Reference"),
            [
                "justification implementation reference",
                "justification implementation reference",
                "justification",
                "implementation reference"
            ]
        );
        assert_eq!(candidates("Likelihood (1-5)")[1], "likelihood");
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(27), "AB");
    }
}
