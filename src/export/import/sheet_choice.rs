//! Choosing the sheet to import from a workbook: the one named like the kind (our exports name
//! them "SoA" and "Risks"), else the first sheet with a recognisable header row.

use super::header::{Columns, Header, Mapping, find_header, first_row_headings};
use super::table::{ImportError, Sheet};

/// The chosen sheet, its header and the report's name for it (`file` or `file, sheet "SoA"`).
pub fn choose<'s, C: Columns>(
    sheets: &'s [Sheet],
    file: &str,
    preferred: &str,
    expected: &str,
    mappings: &[Mapping],
) -> Result<(&'s Sheet, Header<C>, String), ImportError> {
    let named = sheets.iter().filter(|s| {
        s.name
            .as_deref()
            .is_some_and(|n| n.eq_ignore_ascii_case(preferred))
    });
    let candidates = named.chain(sheets.iter());
    for sheet in candidates {
        if let Some(header) = find_header::<C>(sheet, mappings) {
            let source = match &sheet.name {
                Some(name) => format!("{file}, sheet \"{name}\""),
                None => file.to_string(),
            };
            return Ok((sheet, header, source));
        }
    }
    let seen = sheets
        .first()
        .map(first_row_headings)
        .unwrap_or_else(|| "no sheets".into());
    Err(ImportError::new(
        file,
        format!(
            "found no header row naming {expected} and at least one more known column in the first 20 rows (the first row shows {seen})"
        ),
    ))
}
