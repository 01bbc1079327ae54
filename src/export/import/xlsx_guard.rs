//! Checks an XLSX file's zip entries before calamine reads them, so that a small crafted file
//! cannot make the import allocate or work without bound: decompressed bytes are capped (and
//! counted as they are read, whatever sizes the zip declares), shared-string counts and sheet
//! dimensions must match what the file really holds, and cells, cell references and single
//! strings are capped. Each refusal names what was wrong in one sentence.

use std::io::{Cursor, Read};

use super::table::ImportError;

/// Decompressed bytes of all the sheets and shared strings together.
pub const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;
/// Cells of one sheet, counting the blanks between the first and the last used cell.
pub const MAX_CELLS: u64 = 4_000_000;
/// Bytes of one shared string (Excel itself stops at 32 767 characters).
pub const MAX_STRING_BYTES: usize = 256 * 1024;

/// Refuses a workbook whose parts would take more than the caps to read. A file that is not a
/// zip at all is left to calamine, which says so.
pub fn check(bytes: &[u8], file: &str) -> Result<(), ImportError> {
    let fail = |message: String| Err(ImportError::new(file, message));
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for index in 0..zip.len() {
        let Ok(entry) = zip.by_index(index) else {
            continue;
        };
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        let read = name == "xl/sharedStrings.xml"
            || (name.starts_with("xl/worksheets/") && name.ends_with(".xml"))
            || name == "xl/styles.xml"
            || name == "xl/workbook.xml";
        if !read {
            if entry.size() > MAX_XML_BYTES {
                return fail(format!(
                    "part {name} declares {} MB unpacked, more than the {} MB isms reads",
                    entry.size() / (1024 * 1024),
                    MAX_XML_BYTES / (1024 * 1024)
                ));
            }
            continue;
        }
        let room = MAX_XML_BYTES - total;
        let mut xml = Vec::new();
        let read_ok = entry.take(room + 1).read_to_end(&mut xml).is_ok();
        if xml.len() as u64 > room {
            return fail(format!(
                "unpacks to more than {} MB of sheet data (at {name}); an SoA or risk register is far smaller — is it the right file?",
                MAX_XML_BYTES / (1024 * 1024)
            ));
        }
        if !read_ok {
            return fail(format!(
                "part {name} cannot be unpacked; the file is damaged — save it again as .xlsx"
            ));
        }
        total += xml.len() as u64;
        if name == "xl/sharedStrings.xml" {
            check_strings(&xml).or_else(fail)?;
        } else if name.starts_with("xl/worksheets/") {
            check_sheet(&xml, &name).or_else(fail)?;
        }
    }
    Ok(())
}

/// Positions of `needle` in `hay`.
fn find_all<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    hay.windows(needle.len())
        .enumerate()
        .filter(move |(_, w)| *w == needle)
        .map(|(i, _)| i)
}

/// The number value of `name="123"` in a tag's text.
fn attribute<'a>(tag: &'a [u8], name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = find_all(tag, key.as_bytes()).next()? + key.len();
    let end = tag[start..].iter().position(|b| *b == b'"')? + start;
    std::str::from_utf8(&tag[start..end]).ok()
}

fn check_strings(xml: &[u8]) -> Result<(), String> {
    let opening = find_all(xml, b"<sst").next();
    let tag_end = opening
        .and_then(|o| xml[o..].iter().position(|b| *b == b'>').map(|e| o + e))
        .unwrap_or(0);
    let declared: Option<u64> = opening
        .and_then(|o| attribute(&xml[o..=tag_end], "uniqueCount"))
        .and_then(|n| n.parse().ok());
    let mut count: u64 = 0;
    let mut open_at: Option<usize> = None;
    let mut i = 0;
    while i + 4 < xml.len() {
        if xml[i] == b'<' {
            if xml[i + 1..].starts_with(b"si") && matches!(xml[i + 3], b'>' | b' ' | b'/') {
                count += 1;
                open_at = Some(i);
            } else if xml[i + 1..].starts_with(b"/si>") {
                open_at = None;
            }
        }
        if let Some(start) = open_at
            && i - start > MAX_STRING_BYTES
        {
            return Err(format!(
                "shared string {count} is longer than the {} KB a cell can hold",
                MAX_STRING_BYTES / 1024
            ));
        }
        i += 1;
    }
    match declared {
        Some(declared) if declared > count => Err(format!(
            "declares {declared} shared strings but holds {count}; the file is damaged or crafted — save it again as .xlsx"
        )),
        _ => Ok(()),
    }
}

/// `XFD1048576` → (row 1048575, column 16383), zero-based.
fn cell_position(reference: &str) -> Option<(u64, u64)> {
    let letters: String = reference
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    let row: u64 = reference[letters.len()..].parse().ok()?;
    if letters.is_empty() || letters.len() > 3 || row == 0 {
        return None;
    }
    let column = letters.bytes().fold(0u64, |n, b| {
        n * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    Some((row - 1, column - 1))
}

fn area(first: (u64, u64), last: (u64, u64)) -> u64 {
    (last.0.saturating_sub(first.0) + 1).saturating_mul(last.1.saturating_sub(first.1) + 1)
}

fn check_sheet(xml: &[u8], name: &str) -> Result<(), String> {
    let mut cells: u64 = 0;
    let (mut top, mut left, mut bottom, mut right) = (u64::MAX, u64::MAX, 0u64, 0u64);
    let (mut row, mut column) = (0u64, 0u64);
    let mut i = 0;
    while let Some(offset) = xml[i..].iter().position(|b| *b == b'<') {
        i += offset + 1;
        let rest = &xml[i..];
        let end = rest.iter().position(|b| *b == b'>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if tag.starts_with(b"row") && matches!(tag.get(3), Some(b' ') | Some(b'/') | None) {
            if let Some(r) = attribute(tag, "r").and_then(|r| r.parse::<u64>().ok()) {
                row = r.saturating_sub(1);
            } else {
                row += 1;
            }
            column = 0;
        } else if tag.starts_with(b"c") && matches!(tag.get(1), Some(b' ') | Some(b'/') | None) {
            cells += 1;
            let (r, c) = match attribute(tag, "r") {
                Some(reference) => cell_position(reference).ok_or_else(|| {
                    format!("{name}: cell reference \"{reference}\" is not valid")
                })?,
                None => (row, column),
            };
            column = c + 1;
            (top, left, bottom, right) = (top.min(r), left.min(c), bottom.max(r), right.max(c));
            if cells > MAX_CELLS {
                return Err(format!(
                    "a sheet holds more than {MAX_CELLS} cells; an SoA or risk register is far smaller — is it the right file?"
                ));
            }
        }
        i += end;
    }
    if cells == 0 {
        return Ok(());
    }
    let used = area((top, left), (bottom, right));
    if used > MAX_CELLS {
        return Err(format!(
            "a cell at {} stretches a sheet to {used} cells, more than the {MAX_CELLS} isms reads; delete the stray cell and save again",
            super::header::column_letter(right as usize) + &(bottom + 1).to_string()
        ));
    }
    if let Some(at) = find_all(xml, b"<dimension").next()
        && let Some(declared) = attribute(&xml[at..xml.len().min(at + 200)], "ref")
        && let Some((first, last)) = declared.split_once(':')
        && let (Some(first), Some(last)) = (cell_position(first), cell_position(last))
        && area(first, last) > MAX_CELLS
    {
        return Err(format!(
            "declares a sheet of {declared} ({} cells) but uses {used}; the file is damaged or crafted — save it again as .xlsx",
            area(first, last)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_and_counts() {
        assert_eq!(cell_position("A1"), Some((0, 0)));
        assert_eq!(cell_position("XFD1048576"), Some((1_048_575, 16_383)));
        assert!(
            check_strings(b"<sst uniqueCount=\"99999999999\"><si><t>a</t></si></sst>").is_err()
        );
        assert!(check_strings(b"<sst uniqueCount=\"1\"><si><t>a</t></si></sst>").is_ok());
        assert!(check_sheet(b"<c r=\"A1\"/><c r=\"XFD1048576\"/>", "s").is_err());
        assert!(check_sheet(b"<row r=\"1\"><c r=\"A1\"/><c/></row>", "s").is_ok());
    }
}
