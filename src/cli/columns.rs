//! Column widths for text tables taken from the data, so that a long id (`IA-2(1)`, `GV.SC-07`,
//! `AC-2(12)`) never runs into the column after it.

/// The width of a column: the widest of `header` and `values` (in characters) plus a gap of one
/// space, and at least `min`.
pub fn width<'a>(header: &'a str, values: impl IntoIterator<Item = &'a str>, min: usize) -> usize {
    values
        .into_iter()
        .chain([header])
        .map(|value| value.chars().count() + 1)
        .max()
        .unwrap_or(0)
        .max(min)
}

/// `text` padded with spaces to `width` characters (never cut).
pub fn pad(text: &str, width: usize) -> String {
    format!("{text:<width$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_widest_value_sets_the_width_with_a_gap() {
        assert_eq!(width("ID", ["5.1", "8.34"], 6), 6);
        assert_eq!(width("ID", ["5.1", "IA-2(1)", "AC-2(12)"], 6), 9);
        assert_eq!(width("IDENTIFIER", ["5.1"], 0), 11);
        assert_eq!(pad("IA-2(1)", 9), "IA-2(1)  ");
        assert_eq!(pad("too-long-id", 4), "too-long-id");
    }
}
