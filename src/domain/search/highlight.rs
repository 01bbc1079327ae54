//! Which characters of a shown text a query matched, so the screen can highlight them.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::query::{Query, Term};

/// Character indices (not bytes) of `text` matched by the query's words and ids, sorted.
/// A word found as a substring marks that run; otherwise skim's fuzzy match marks its characters.
pub fn highlight(text: &str, query: &Query) -> Vec<usize> {
    let lower: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    // Lower-casing can change the length of exotic characters; highlight nothing rather than wrongly.
    if lower.len() != text.chars().count() {
        return Vec::new();
    }
    let lower_text: String = lower.iter().collect();
    let matcher = SkimMatcherV2::default();
    let mut marked = Vec::new();
    for term in &query.terms {
        let (Term::Word(word) | Term::Id(word)) = term else {
            continue;
        };
        let mut found_substring = false;
        let mut from = 0;
        while let Some(byte) = lower_text[from..].find(word.as_str()) {
            let start_char = lower_text[..from + byte].chars().count();
            marked.extend(start_char..start_char + word.chars().count());
            found_substring = true;
            from += byte + word.len();
        }
        if !found_substring && let Some((_, indices)) = matcher.fuzzy_indices(text, word) {
            marked.extend(indices);
        }
    }
    marked.sort_unstable();
    marked.dedup();
    marked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_substrings_and_fuzzy_matches() {
        let query = Query::parse("backup");
        assert_eq!(
            highlight("Information backup", &query),
            (12..18).collect::<Vec<_>>()
        );
        let query = Query::parse("thrt");
        assert_eq!(highlight("Threat intelligence", &query), vec![0, 1, 2, 5]);
    }
}
