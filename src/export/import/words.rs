//! The one table of words spreadsheets use for column headings and values, in English, German,
//! French, Spanish, Czech and Greek. The words are data (`words.tsv`), not code: add a spelling
//! there and both the header finder and the value readers know it.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("words.tsv");

/// (kind, normalized word) → meaning.
fn table() -> &'static HashMap<(&'static str, String), &'static str> {
    static WORDS: OnceLock<HashMap<(&'static str, String), &'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = HashMap::new();
        for line in TABLE.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t');
            if let (Some(kind), Some(meaning), Some(word)) =
                (parts.next(), parts.next(), parts.next())
            {
                words
                    .entry((kind, normalize(word)))
                    .or_insert(meaning.trim());
            }
        }
        words
    })
}

/// A heading or value reduced to lowercase words: "Annex A Ref." → "annex a ref",
/// "inherent_proba" → "inherent proba", "Ναι" → "ναι".
pub fn normalize(text: &str) -> String {
    let spaced: String = text
        .chars()
        .flat_map(|c| {
            let keep = c.is_alphanumeric();
            c.to_lowercase().map(move |l| if keep { l } else { ' ' })
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a word means for a kind of heading or value, e.g. `meaning("applicability", "Ano")` is
/// `Some("applicable")`.
pub fn meaning(kind: &str, text: &str) -> Option<&'static str> {
    table().get(&(kind, normalize(text))).copied()
}

/// The words of a kind with a meaning, for help texts and messages (first spellings only).
pub fn spellings(kind: &str, meaning: &str) -> Vec<&'static str> {
    TABLE
        .lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            match (parts.next(), parts.next(), parts.next()) {
                (Some(k), Some(m), Some(word)) if k == kind && m == meaning => Some(word),
                _ => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_has_three_fields() {
        for line in TABLE.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            assert_eq!(line.split('\t').count(), 3, "{line:?}");
        }
    }

    #[test]
    fn words_in_the_languages() {
        assert_eq!(meaning("applicability", "Ja"), Some("applicable"));
        assert_eq!(meaning("applicability", "Ne"), Some("excluded"));
        assert_eq!(meaning("applicability", "ΝΑΙ"), Some("applicable"));
        assert_eq!(meaning("soa", "Begründung"), Some("justification"));
        assert_eq!(meaning("risk", "inherent_proba"), Some("likelihood"));
        assert_eq!(meaning("level", "Střední"), Some("medium"));
    }
}
