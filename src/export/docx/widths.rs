//! Column widths for fixed-layout Word tables: every column at least as wide as its longest word
//! (so a word processor never breaks a word across lines), the rest of the page shared out in
//! proportion to how much text each column holds beyond that.

/// Estimated width of `text` in twips at `size_pt`, in a sans-serif font like Arial; generous
/// enough for DejaVu Sans, which LibreOffice uses when Arial and its metric twins are missing.
fn text_width(text: &str, size_pt: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | '.' | ',' | ':' | ';' | '!' | '|' | '\''
            | ' ' | '(' | ')' | '/' | '-' => 0.34,
            'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.9,
            c if c.is_uppercase() || c.is_ascii_digit() => 0.68,
            _ => 0.58,
        })
        .sum();
    em * size_pt * 20.0 * 1.15
}

/// Cell padding on both sides plus a margin for rounding, in twips.
const CELL_PADDING: f64 = 2.0 * 60.0 + 40.0;

/// Tokens longer than this many characters may wrap at separators other than hyphens.
const LONG_TOKEN: usize = 24;

/// Bold text (the headings) is this much wider than regular text.
const BOLD: f64 = 1.12;

/// Widths in twips for columns whose cells (heading first, in bold) are `columns[i]`, filling
/// `total`.
/// A word never breaks: columns get at least their longest word; long tokens that carry
/// separators (`/`, `_`) count by their parts.
pub fn column_widths(columns: &[Vec<&str>], total: u32, size_pt: f64) -> Vec<u32> {
    // Long tokens (paths, URLs) may wrap after a separator; short ones such as `5.10`,
    // `2025-09-01` or `and/or` count whole, so a date never breaks at its hyphens.
    let word_parts = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .flat_map(|word| {
                if word.chars().count() > LONG_TOKEN {
                    word.split_inclusive(['-', '/', '_', '\\'])
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                } else {
                    vec![word.to_string()]
                }
            })
            .collect()
    };
    let minimum: Vec<f64> = columns
        .iter()
        .map(|cells| {
            cells
                .iter()
                .enumerate()
                .flat_map(|(i, cell)| {
                    let weight = if i == 0 { BOLD } else { 1.0 };
                    word_parts(cell).into_iter().map(move |word| (word, weight))
                })
                .map(|(word, weight)| text_width(&word, size_pt) * weight)
                .fold(0.0, f64::max)
                + CELL_PADDING
        })
        .collect();
    let wanted: Vec<f64> = columns
        .iter()
        .zip(&minimum)
        .map(|(cells, &min)| {
            let longest_line = cells
                .iter()
                .flat_map(|cell| cell.lines())
                .map(|line| text_width(line, size_pt))
                .fold(0.0, f64::max)
                + CELL_PADDING;
            longest_line.max(min)
        })
        .collect();
    let total = f64::from(total);
    let min_sum: f64 = minimum.iter().sum();
    let wanted_sum: f64 = wanted.iter().sum();
    let widths: Vec<f64> = if wanted_sum <= total {
        wanted.iter().map(|w| w * total / wanted_sum).collect()
    } else if min_sum >= total {
        minimum.iter().map(|w| w * total / min_sum).collect()
    } else {
        // Share what is left after the minimums by each column's want, damped a little so one
        // long text column does not starve the others.
        let extra: Vec<f64> = wanted
            .iter()
            .zip(&minimum)
            .map(|(w, m)| (w - m).powf(0.8))
            .collect();
        let extra_sum: f64 = extra.iter().sum();
        minimum
            .iter()
            .zip(&extra)
            .map(|(m, e)| m + (total - min_sum) * e / extra_sum)
            .collect()
    };
    let mut rounded: Vec<u32> = widths.iter().map(|w| w.floor() as u32).collect();
    let short = total as u32 - rounded.iter().sum::<u32>();
    if let Some(widest) = rounded.iter_mut().max() {
        *widest += short;
    }
    rounded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_their_longest_word_and_fill_the_page() {
        let long = "long text with many words ".repeat(40);
        let columns = vec![
            vec!["ID", "5.1", "8.13"],
            vec!["Decision", "applicable", "implemented"],
            vec!["Justification", &long],
        ];
        let widths = column_widths(&columns, 10000, 8.0);
        assert_eq!(widths.iter().sum::<u32>(), 10000);
        assert!(f64::from(widths[1]) + 1.0 >= text_width("implemented", 8.0) + CELL_PADDING);
        assert!(widths[2] > widths[1] && widths[1] > widths[0]);
    }
}
