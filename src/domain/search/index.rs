//! The word index built once when a catalogue loads: every distinct word of every field, with the
//! controls and fields that hold it. A query word is matched against this vocabulary (tens of
//! thousands of words at most) instead of against whole texts.

use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::query::words_of;
use crate::domain::control::Control;

/// Where in a control a word was found; the weight makes a title hit beat a guidance hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Title,
    Tags,
    Purpose,
    Guidance,
    Notes,
}

impl Field {
    pub fn weight(self) -> f32 {
        match self {
            Field::Title => 60.0,
            Field::Tags => 40.0,
            Field::Purpose => 20.0,
            Field::Guidance => 12.0,
            Field::Notes => 10.0,
        }
    }
}

/// The vocabulary of a catalogue and, for each word, where it occurs.
#[derive(Debug, Default)]
pub struct SearchIndex {
    words: Vec<String>,
    /// For each word: where it occurs, in catalogue order.
    postings: Vec<Vec<Posting>>,
}

/// One field of one control that holds a word, and how many times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub control: u32,
    pub field: Field,
    pub count: u16,
}

/// A vocabulary word that matched a query word, and how well (0 to 1).
#[derive(Debug, Clone, Copy)]
pub struct WordMatch {
    pub word: usize,
    pub quality: f32,
}

impl SearchIndex {
    pub fn build(controls: &[Control]) -> SearchIndex {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut index = SearchIndex::default();
        for (position, control) in controls.iter().enumerate() {
            let tags = control.attributes.names().join(" ");
            let notes = control
                .evidence
                .iter()
                .chain(&control.pitfalls)
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            let fields = [
                (Field::Title, control.title.as_str()),
                (Field::Tags, tags.as_str()),
                (Field::Purpose, control.purpose.as_str()),
                (Field::Guidance, control.guidance.as_str()),
                (Field::Notes, notes.as_str()),
            ];
            for (field, text) in fields {
                // Attribute names are also indexed whole ("threat_and_vulnerability_management").
                let whole_tags = if field == Field::Tags {
                    control.attributes.names()
                } else {
                    Vec::new()
                };
                let words = words_of(text).chain(whole_tags.into_iter().map(str::to_lowercase));
                for word in words {
                    let id = *ids.entry(word).or_insert_with_key(|word| {
                        index.words.push(word.clone());
                        index.postings.push(Vec::new());
                        index.words.len() - 1
                    });
                    // A field's words are read together, so a repeat is always the last posting.
                    let postings = &mut index.postings[id];
                    match postings.last_mut() {
                        Some(last) if last.control == position as u32 && last.field == field => {
                            last.count = last.count.saturating_add(1)
                        }
                        _ => postings.push(Posting {
                            control: position as u32,
                            field,
                            count: 1,
                        }),
                    }
                }
            }
        }
        index
    }

    pub fn postings(&self, word: usize) -> &[Posting] {
        &self.postings[word]
    }

    /// The vocabulary words that match a query word: exactly, as a prefix, as a substring, with a
    /// typing slip (one edit or swapped pair, two for long words), or, when none of those match,
    /// as a fuzzy subsequence.
    pub fn match_word(&self, query: &str) -> Vec<WordMatch> {
        let query_len = query.chars().count();
        let mut matches = Vec::new();
        for (id, word) in self.words.iter().enumerate() {
            if let Some(quality) = close_match_quality(query, query_len, word) {
                matches.push(WordMatch { word: id, quality });
            }
        }
        if matches.is_empty() && query_len >= 3 {
            let matcher = SkimMatcherV2::default();
            let threshold = 16 * query_len as i64;
            for (id, word) in self.words.iter().enumerate() {
                if matcher
                    .fuzzy_match(word, query)
                    .is_some_and(|score| score >= threshold)
                {
                    matches.push(WordMatch {
                        word: id,
                        quality: 0.3,
                    });
                }
            }
        }
        matches
    }
}

fn close_match_quality(query: &str, query_len: usize, word: &str) -> Option<f32> {
    if word == query {
        return Some(1.0);
    }
    if query_len >= 2 && word.starts_with(query) {
        return Some(0.8);
    }
    if query_len >= 4 && word.contains(query) {
        return Some(0.5);
    }
    if query_len < 4 {
        return None;
    }
    let allowed = if query_len <= 7 { 1 } else { 2 };
    let word_len = word.chars().count();
    if word_len + allowed < query_len {
        return None;
    }
    if word_len <= query_len + allowed && strsim::osa_distance(query, word) <= allowed {
        return Some(0.6);
    }
    // A slip in the first letters of a longer word: "bakcup" for "backups".
    if word_len > query_len {
        let head: String = word.chars().take(query_len).collect();
        if strsim::osa_distance(query, &head) <= allowed {
            return Some(0.45);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_matches() {
        assert_eq!(close_match_quality("backup", 6, "backup"), Some(1.0));
        assert_eq!(close_match_quality("intel", 5, "intelligence"), Some(0.8));
        assert_eq!(close_match_quality("bakcup", 6, "backup"), Some(0.6));
        assert_eq!(close_match_quality("bakcup", 6, "backups"), Some(0.45));
        assert_eq!(close_match_quality("cat", 3, "dog"), None);
        assert_eq!(close_match_quality("mfa", 3, "mfa"), Some(1.0));
    }
}
