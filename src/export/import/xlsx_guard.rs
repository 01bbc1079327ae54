//! Checks an XLSX file's zip entries before calamine reads them, so that a small crafted file
//! cannot make the import allocate or work without bound: decompressed bytes are capped (and
//! counted as they are read, whatever sizes the zip declares), shared-string counts and sheet
//! dimensions must match what the file really holds, and cells, cell references and single
//! strings are capped. Each refusal names what was wrong in one sentence. On the way it notes
//! how many decimals each number cell shows (an id typed 5.30 in a `0.00` cell arrives as 5.3).

use std::collections::HashMap;
use std::io::{Cursor, Read};

use super::table::ImportError;

/// Decompressed bytes of all the sheets and shared strings together.
pub const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;
/// Cells of one sheet, counting the blanks between the first and the last used cell.
pub const MAX_CELLS: u64 = 4_000_000;
/// Bytes of one shared string (Excel itself stops at 32 767 characters).
pub const MAX_STRING_BYTES: usize = 256 * 1024;

/// Number cells shown with fixed decimals, by sheet name: (row, column) zero-based → decimals.
pub type Decimals = HashMap<String, HashMap<(u32, u32), usize>>;

/// Reads one part through the cap on unpacked bytes.
fn read_part(entry: impl Read, name: &str, total: &mut u64) -> Result<Vec<u8>, String> {
    let room = MAX_XML_BYTES - *total;
    let mut xml = Vec::new();
    let read_ok = entry.take(room + 1).read_to_end(&mut xml).is_ok();
    if xml.len() as u64 > room {
        return Err(format!(
            "unpacks to more than {} MB of sheet data (at {name}); an SoA or risk register is far smaller — is it the right file?",
            MAX_XML_BYTES / (1024 * 1024)
        ));
    }
    if !read_ok {
        return Err(format!(
            "part {name} cannot be unpacked; the file is damaged — save it again as .xlsx"
        ));
    }
    *total += xml.len() as u64;
    Ok(xml)
}

/// Refuses a workbook whose parts would take more than the caps to read, and returns the
/// decimals its number cells show. A file that is not a zip at all is left to calamine.
pub fn check(bytes: &[u8], file: &str) -> Result<Decimals, ImportError> {
    let fail = |message: String| ImportError::new(file, message);
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(Decimals::new());
    };
    let mut total: u64 = 0;
    let styles = match zip.by_name("xl/styles.xml") {
        Ok(entry) => style_decimals(&read_part(entry, "xl/styles.xml", &mut total).map_err(fail)?),
        Err(_) => Vec::new(),
    };
    let (mut workbook, mut rels) = (Vec::new(), Vec::new());
    let mut by_path: HashMap<String, HashMap<(u32, u32), usize>> = HashMap::new();
    for index in 0..zip.len() {
        let Ok(entry) = zip.by_index(index) else {
            continue;
        };
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        if name == "xl/styles.xml" {
            continue;
        }
        let read = name == "xl/sharedStrings.xml"
            || (name.starts_with("xl/worksheets/") && name.ends_with(".xml"))
            || name == "xl/workbook.xml"
            || name == "xl/_rels/workbook.xml.rels";
        if !read {
            if entry.size() > MAX_XML_BYTES {
                return Err(fail(format!(
                    "part {name} declares {} MB unpacked, more than the {} MB isms reads",
                    entry.size() / (1024 * 1024),
                    MAX_XML_BYTES / (1024 * 1024)
                )));
            }
            continue;
        }
        let xml = read_part(entry, &name, &mut total).map_err(fail)?;
        if name == "xl/sharedStrings.xml" {
            check_strings(&xml).map_err(fail)?;
        } else if name.starts_with("xl/worksheets/") {
            let shown = check_sheet(&xml, &name, &styles).map_err(fail)?;
            if !shown.is_empty() {
                by_path.insert(name, shown);
            }
        } else if name == "xl/workbook.xml" {
            workbook = xml;
        } else {
            rels = xml;
        }
    }
    Ok(sheet_names(&workbook, &rels)
        .into_iter()
        .filter_map(|(sheet, path)| by_path.remove(&path).map(|d| (sheet, d)))
        .collect())
}

/// The text of each `<NAME …>` tag in a part.
fn tags<'a>(xml: &'a [u8], name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
    let opening = format!("<{name} ").into_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = find_all(&xml[from..], &opening).next()? + from;
        let end = xml[at..]
            .iter()
            .position(|b| *b == b'>')
            .map_or(xml.len(), |e| at + e);
        from = end;
        Some(&xml[at..end])
    })
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Sheet name → the path of its part, from the workbook and its relationships.
fn sheet_names(workbook: &[u8], rels: &[u8]) -> Vec<(String, String)> {
    let targets: HashMap<&str, String> = tags(rels, "Relationship")
        .filter_map(|tag| {
            let target = attribute(tag, "Target")?;
            let path = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => format!("xl/{target}"),
            };
            Some((attribute(tag, "Id")?, path))
        })
        .collect();
    tags(workbook, "sheet")
        .filter_map(|tag| {
            let name = unescape(attribute(tag, "name")?);
            let path = targets.get(attribute(tag, "r:id")?)?.clone();
            Some((name, path))
        })
        .collect()
}

/// Fixed decimals a number format shows: `0.00` and `#,##0.00` → 2; others → 0.
fn format_decimals(code: &str) -> usize {
    let first = code.split(';').next().unwrap_or("");
    let Some((whole, fraction)) = first.split_once('.') else {
        return 0;
    };
    let zeros = fraction.chars().take_while(|c| *c == '0').count();
    let plain = whole.chars().all(|c| matches!(c, '#' | ',' | '0'))
        && fraction.len() == zeros
        && zeros <= 6;
    if plain { zeros } else { 0 }
}

/// Decimals shown by each cell style (the `s` of a cell), from `xl/styles.xml`.
fn style_decimals(styles: &[u8]) -> Vec<usize> {
    let mut formats: HashMap<u32, usize> = HashMap::from([(2, 2), (4, 2)]);
    for tag in tags(styles, "numFmt") {
        if let (Some(id), Some(code)) = (attribute(tag, "numFmtId"), attribute(tag, "formatCode"))
            && let Ok(id) = id.parse()
        {
            formats.insert(id, format_decimals(&unescape(code)));
        }
    }
    let Some(start) = find_all(styles, b"<cellXfs").next() else {
        return Vec::new();
    };
    let end = find_all(&styles[start..], b"</cellXfs>")
        .next()
        .map_or(styles.len(), |e| start + e);
    tags(&styles[start..end], "xf")
        .map(|tag| {
            attribute(tag, "numFmtId")
                .and_then(|id| id.parse().ok())
                .and_then(|id: u32| formats.get(&id).copied())
                .unwrap_or(0)
        })
        .collect()
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

fn check_sheet(
    xml: &[u8],
    name: &str,
    styles: &[usize],
) -> Result<HashMap<(u32, u32), usize>, String> {
    let mut shown = HashMap::new();
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
            let number = matches!(attribute(tag, "t"), None | Some("n"));
            if let Some(decimals) = attribute(tag, "s")
                .and_then(|s| s.parse::<usize>().ok())
                .and_then(|s| styles.get(s))
                .filter(|d| number && **d > 0)
                && let (Ok(r), Ok(c)) = (u32::try_from(r), u32::try_from(c))
            {
                shown.insert((r, c), *decimals);
            }
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
        return Ok(shown);
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
    Ok(shown)
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
        assert!(check_sheet(b"<c r=\"A1\"/><c r=\"XFD1048576\"/>", "s", &[]).is_err());
        assert!(check_sheet(b"<row r=\"1\"><c r=\"A1\"/><c/></row>", "s", &[]).is_ok());
        assert_eq!(format_decimals("0.00"), 2);
        assert_eq!(format_decimals("#,##0.000;[Red]-#,##0.000"), 3);
        assert_eq!(format_decimals("0.00%"), 0);
        assert_eq!(format_decimals("yy.m.d"), 0);
    }
}
