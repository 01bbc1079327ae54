//! Neutralising spreadsheet formulas: a cell that a spreadsheet would run as a formula gets a
//! leading apostrophe on export, and the importers take that apostrophe away again.

/// Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The cell text with control characters removed and a leading `'` when it would start a formula.
pub fn neutralise(text: &str) -> String {
    let clean = crate::domain::text::sanitize(text);
    if clean.starts_with(FORMULA_STARTS) {
        format!("'{clean}")
    } else {
        clean
    }
}

/// Undoes [`neutralise`]: drops the apostrophe that guards a formula character.
pub fn unneutralise(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_guarded_and_restored() {
        for text in ["=1+1", "+44 20", "-based on", "@SUM(A1)", "\tx"] {
            let guarded = neutralise(text);
            assert!(guarded.starts_with('\''), "{text:?} → {guarded:?}");
            assert_eq!(unneutralise(&guarded), text);
        }
        assert_eq!(neutralise("plain"), "plain");
        assert_eq!(neutralise("\r=cmd"), "=cmd".replacen('=', "'=", 1));
        assert_eq!(unneutralise("'quoted"), "'quoted");
    }
}
