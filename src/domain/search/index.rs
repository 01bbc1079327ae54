//! The word index built once when a catalogue loads: every distinct word of every field, with the
//! controls and fields that hold it. A query word is matched against this vocabulary (tens of
//! thousands of words at most) instead of against whole texts.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::query::{for_each_word, words_of};
use crate::domain::control::Control;

/// Where in a control a query matched; the weight makes a title hit beat an alias hit, an alias
/// hit beat an attribute, and any of them beat the prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Field {
    /// The 2022 id (matched by id terms, not through the word index).
    Id,
    /// A 2013 id the control replaced (matched by id terms, not through the word index).
    Iso2013,
    Title,
    Aliases,
    Tags,
    Purpose,
    Guidance,
    Evidence,
    Pitfalls,
}

impl Field {
    pub fn weight(self) -> f32 {
        match self {
            Field::Id | Field::Iso2013 => 0.0,
            Field::Title => 60.0,
            Field::Aliases => 50.0,
            Field::Tags => 40.0,
            Field::Purpose => 20.0,
            Field::Guidance => 12.0,
            Field::Evidence | Field::Pitfalls => 10.0,
        }
    }

    /// The most a field can score for one word, however often it says it: an alias said three
    /// times still ranks below the title.
    pub fn ceiling(self) -> f32 {
        match self {
            Field::Aliases => Field::Title.weight() - 1.0,
            _ => f32::INFINITY,
        }
    }

    /// The name of the field as a control's JSON spells it.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Iso2013 => "iso27002_2013",
            Field::Title => "title",
            Field::Aliases => "aliases",
            Field::Tags => "attributes",
            Field::Purpose => "purpose",
            Field::Guidance => "guidance",
            Field::Evidence => "evidence",
            Field::Pitfalls => "pitfalls",
        }
    }
}

/// The vocabulary of a catalogue and, for each word, where it occurs. Serializable, so that the
/// built-in catalogue's index is built at compile time (see `build.rs`).
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct SearchIndex {
    words: Vec<String>,
    /// Per word: its length in characters and a coarse letter histogram, so that most words can
    /// be ruled out as typing slips without computing an edit distance.
    shapes: Vec<WordShape>,
    /// Each control's title and aliases as lower-case words joined by single spaces, one phrase
    /// after the other separated by ` | `, for phrase matches.
    phrases: Vec<String>,
    /// For each word: where it occurs, in catalogue order.
    postings: Vec<Vec<Posting>>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct WordShape {
    chars: usize,
    letters: [u8; 32],
}

impl WordShape {
    fn of(word: &str) -> WordShape {
        let mut letters = [0u8; 32];
        let mut chars = 0;
        for c in word.chars() {
            letters[c as usize % 32] = letters[c as usize % 32].saturating_add(1);
            chars += 1;
        }
        WordShape { chars, letters }
    }

    /// How many of this word's letters the other word lacks: a lower bound of the edits that turn
    /// this word into any part of the other.
    fn missing_from(&self, other: &WordShape) -> usize {
        self.letters
            .iter()
            .zip(&other.letters)
            .map(|(a, b)| usize::from(a.saturating_sub(*b)))
            .sum()
    }

    /// A lower bound of twice the edit distance: each edit changes at most two letter counts.
    fn letter_difference(&self, other: &WordShape) -> usize {
        self.letters
            .iter()
            .zip(&other.letters)
            .map(|(a, b)| usize::from(a.abs_diff(*b)))
            .sum()
    }
}

/// One field of one control that holds a word, and how many times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
        let mut ids: FxHashMap<String, usize> = FxHashMap::default();
        let mut index = SearchIndex::default();
        for (position, control) in controls.iter().enumerate() {
            index.phrases.push(phrases_of(control));
            let tags = control.attributes.names().join(" ");
            let aliases = control.aliases.join(" | ");
            let evidence = control.evidence.join(" | ");
            let pitfalls = control.pitfalls.join(" | ");
            let fields = [
                (Field::Title, control.title.as_str()),
                (Field::Aliases, aliases.as_str()),
                (Field::Tags, tags.as_str()),
                (Field::Purpose, control.purpose.as_str()),
                (Field::Guidance, control.guidance.as_str()),
                (Field::Evidence, evidence.as_str()),
                (Field::Pitfalls, pitfalls.as_str()),
            ];
            for (field, text) in fields {
                let mut add = |word: &str| {
                    let id = match ids.get(word) {
                        Some(&id) => id,
                        None => {
                            ids.insert(word.to_string(), index.words.len());
                            index.words.push(word.to_string());
                            index.shapes.push(WordShape::of(word));
                            index.postings.push(Vec::new());
                            index.words.len() - 1
                        }
                    };
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
                };
                for_each_word(text, &mut add);
                // Attribute names are also indexed whole ("threat_and_vulnerability_management").
                if field == Field::Tags {
                    for name in control.attributes.iter_names() {
                        add(&name.to_lowercase());
                    }
                }
            }
        }
        index
    }

    /// Per control, its title and aliases as words, phrases separated by ` | `.
    pub fn phrases(&self) -> &[String] {
        &self.phrases
    }

    /// The vocabulary word with this number.
    pub fn word(&self, word: usize) -> &str {
        &self.words[word]
    }

    pub fn postings(&self, word: usize) -> &[Posting] {
        &self.postings[word]
    }

    /// The vocabulary words that match a query word, in tiers: exactly or as a prefix; failing
    /// that, as a substring or with a typing slip (one edit or swapped pair, two in long words);
    /// failing that, as a fuzzy subsequence. A word people typed correctly is never matched to
    /// look-alike words ("sast" does not find "last").
    pub fn match_word(&self, query: &str) -> Vec<WordMatch> {
        let shape = WordShape::of(query);
        let tier = |quality: &dyn Fn(usize, &str) -> Option<f32>| -> Vec<WordMatch> {
            self.words
                .iter()
                .enumerate()
                .filter_map(|(id, word)| {
                    quality(id, word).map(|quality| WordMatch { word: id, quality })
                })
                .collect()
        };
        let exact = tier(&|_, word| exact_or_prefix_quality(query, shape.chars, word));
        if !exact.is_empty() {
            return exact;
        }
        let near = tier(&|id, word| near_quality(query, &shape, word, &self.shapes[id]));
        if !near.is_empty() || shape.chars < 3 {
            return near;
        }
        let matcher = SkimMatcherV2::default();
        let threshold = 16 * shape.chars as i64;
        tier(&|_, word| {
            matcher
                .fuzzy_match(word, query)
                .filter(|&score| score >= threshold)
                .map(|_| 0.3)
        })
    }
}

/// The title and each alias as lower-case words, joined by ` | `.
fn phrases_of(control: &Control) -> String {
    std::iter::once(&control.title)
        .chain(&control.aliases)
        .map(|text| words_of(text).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(" | ")
}

fn exact_or_prefix_quality(query: &str, query_len: usize, word: &str) -> Option<f32> {
    if word == query {
        Some(1.0)
    } else if query_len >= 2 && word.starts_with(query) {
        Some(0.8)
    } else {
        None
    }
}

fn near_quality(
    query: &str,
    query_shape: &WordShape,
    word: &str,
    shape: &WordShape,
) -> Option<f32> {
    let query_len = query_shape.chars;
    if query_len >= 5 && word.contains(query) {
        return Some(0.5);
    }
    let allowed = allowed_slips(query_len);
    if query_len < 4 || shape.chars + allowed < query_len {
        return None;
    }
    if shape.chars <= query_len + allowed
        && query_shape.letter_difference(shape) <= 2 * allowed
        && strsim::osa_distance(query, word) <= allowed
    {
        return Some(0.6);
    }
    // A slip in the first letters of a longer word: "bakcup" for "backups".
    if shape.chars > query_len && query_shape.missing_from(shape) <= allowed {
        let head_end = word
            .char_indices()
            .nth(query_len)
            .map_or(word.len(), |(i, _)| i);
        if strsim::osa_distance(query, &word[..head_end]) <= allowed {
            return Some(0.45);
        }
    }
    None
}

/// Edits tolerated in a word of this length: one, or two in long words.
fn allowed_slips(query_len: usize) -> usize {
    if query_len <= 7 { 1 } else { 2 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quality(query: &str, word: &str) -> Option<f32> {
        let shape = WordShape::of(query);
        exact_or_prefix_quality(query, shape.chars, word)
            .or_else(|| near_quality(query, &shape, word, &WordShape::of(word)))
    }

    #[test]
    fn grades_matches() {
        assert_eq!(quality("backup", "backup"), Some(1.0));
        assert_eq!(quality("intel", "intelligence"), Some(0.8));
        assert_eq!(quality("bakcup", "backup"), Some(0.6));
        assert_eq!(quality("bakcup", "backups"), Some(0.45));
        assert_eq!(quality("cat", "dog"), None);
        assert_eq!(quality("mfa", "mfa"), Some(1.0));
        assert_eq!(quality("cryptograpy", "cryptography"), Some(0.6));
        assert_eq!(quality("abckup", "backups"), Some(0.45));
    }
}
