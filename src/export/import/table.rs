//! Reading a spreadsheet's bytes into sheets of text cells: XLSX (and the other formats calamine
//! reads) by its signature, anything else as CSV. Bad files are refused with one clear message.

use std::io::Cursor;

use calamine::{Data, Reader};

use crate::export::csv_cell::unneutralise;

/// Files larger than this are refused: an SoA or a risk register is far smaller.
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;
/// Sheets with more rows than this are refused.
pub const MAX_ROWS: usize = 50_000;

/// Why a file cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {message}")]
pub struct ImportError {
    pub file: String,
    pub message: String,
}

impl ImportError {
    pub fn new(file: &str, message: impl Into<String>) -> ImportError {
        ImportError {
            file: file.to_string(),
            message: message.into(),
        }
    }
}

/// One sheet: its name (None for CSV), rows of trimmed cells, and notes about how it was read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sheet {
    pub name: Option<String>,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
}

/// A row of cells and where it is: the sheet's row number, or the CSV line where it starts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(|c| c.is_empty())
    }

    /// The cell in a column, or "" when the row is shorter.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }
}

const ZIP_SIGNATURE: &[u8] = b"PK\x03\x04";
const OLE_SIGNATURE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];

/// Reads the sheets of a CSV or spreadsheet file.
pub fn read_sheets(bytes: &[u8], file: &str) -> Result<Vec<Sheet>, ImportError> {
    let fail = |message: String| ImportError::new(file, message);
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(fail(format!(
            "is {:.1} MB, larger than the {} MB isms imports; an SoA or risk register is far smaller — is it the right file?",
            bytes.len() as f64 / (1024.0 * 1024.0),
            MAX_IMPORT_BYTES / (1024 * 1024)
        )));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(fail(
            "is empty; expected a CSV or XLSX file with a header row".into(),
        ));
    }
    if bytes.starts_with(ZIP_SIGNATURE) || bytes.starts_with(OLE_SIGNATURE) {
        return read_workbook(bytes, file);
    }
    super::csv_table::read_csv(bytes, file).map(|sheet| vec![sheet])
}

fn read_workbook(bytes: &[u8], file: &str) -> Result<Vec<Sheet>, ImportError> {
    let decimals = super::xlsx_guard::check(bytes, file)?;
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        ImportError::new(
            file,
            format!("is not a spreadsheet isms can read ({e}); save it as .xlsx or CSV UTF-8"),
        )
    })?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| ImportError::new(file, format!("sheet \"{name}\" cannot be read: {e}")))?;
        if range.height() > MAX_ROWS {
            return Err(too_many_rows(file, range.height()));
        }
        // The range starts at the first used cell: number rows and pad columns from there.
        let (top, left) = range.start().unwrap_or((0, 0));
        let shown = decimals.get(&name);
        let mut rows = Vec::new();
        for (i, row) in range.rows().enumerate() {
            let mut cells = vec![String::new(); left as usize];
            cells.extend(row.iter().enumerate().map(|(j, cell)| {
                let at = (top + i as u32, left + j as u32);
                match (cell, shown.and_then(|s| s.get(&at))) {
                    // Shown with fixed decimals: read as shown (5.3 in a 0.00 cell is 5.30).
                    (Data::Float(f), Some(places)) => clean_cell(&format!("{f:.places$}")),
                    _ => cell_text(cell),
                }
            }));
            rows.push(Row {
                number: top as usize + i + 1,
                cells,
            });
        }
        sheets.push(Sheet {
            name: Some(name),
            rows,
            notes: Vec::new(),
        });
    }
    Ok(sheets)
}

pub(super) fn too_many_rows(file: &str, rows: usize) -> ImportError {
    ImportError::new(
        file,
        format!(
            "has {rows} rows, more than the {MAX_ROWS} isms imports; an SoA has 93 rows — is it the right file?"
        ),
    )
}

/// A cell as text: whole numbers without ".0", dates as ISO 8601, errors as empty.
fn cell_text(cell: &Data) -> String {
    let text = match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(at) if at.time() == chrono::NaiveTime::MIN => at.date().to_string(),
            Some(at) => at.to_string(),
            None => d.to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
    };
    clean_cell(&text)
}

/// Trims a cell, removes control characters and undoes formula neutralisation.
pub fn clean_cell(text: &str) -> String {
    let clean =
        crate::domain::text::sanitize(text.trim_matches(|c: char| c.is_whitespace() && c != '\t'));
    unneutralise(clean.trim_start_matches('\t').trim())
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_semicolons_and_a_bom() {
        let sheets = read_sheets(
            "\u{feff}Control;Applicable\r\nA.5.1;Yes\r\n".as_bytes(),
            "x.csv",
        )
        .unwrap();
        let cells: Vec<_> = sheets[0].rows.iter().map(|r| r.cells.clone()).collect();
        assert_eq!(cells, [vec!["Control", "Applicable"], vec!["A.5.1", "Yes"]]);
        assert_eq!(sheets[0].notes.len(), 2);
    }

    #[test]
    fn refuses_latin1_with_the_line() {
        let error = read_sheets(b"Control,Notes\n5.1,caf\xe9\n", "x.csv").unwrap_err();
        assert!(error.message.starts_with("line 2: is not UTF-8"), "{error}");
    }

    #[test]
    fn rows_are_numbered_by_their_first_line() {
        let text = b"Control;Applicable\r\n5.1;\"two\nlines\"\r\n\r\n\r\n8.13;Ja\n8.14;x\n";
        let sheets = read_sheets(text, "x").unwrap();
        let numbers: Vec<usize> = sheets[0].rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 2, 6, 7]);
    }
}
