//! The word index built once when a catalogue loads: every distinct word of every field, with the
//! controls and fields that hold it. A query word is matched against this vocabulary (tens of
//! thousands of words at most) instead of against whole texts.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::packed::{PackedPostings, PackedU32s, Posting};
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

    /// Every field, in the order of their byte values (`field as u8`).
    const ALL: [Field; 9] = [
        Field::Id,
        Field::Iso2013,
        Field::Title,
        Field::Aliases,
        Field::Tags,
        Field::Purpose,
        Field::Guidance,
        Field::Evidence,
        Field::Pitfalls,
    ];

    /// The field written as `field as u8`.
    pub fn from_byte(byte: u8) -> Field {
        Field::ALL[usize::from(byte)]
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
/// built-in catalogue's index is built at compile time (see `build.rs`); its large arrays are kept
/// as bytes so that loading it is a handful of copies.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Every vocabulary word, one after the other.
    text: String,
    /// Where each word ends in `text`.
    word_ends: PackedU32s,
    /// Each control's title and aliases as lower-case words joined by single spaces, one phrase
    /// after the other separated by ` | `, for phrase matches.
    phrases: Vec<String>,
    /// Where each word occurs, word after word, each word's in catalogue order.
    postings: PackedPostings,
    /// Where each word's postings end in `postings`.
    posting_ends: PackedU32s,
}

/// A word's length in characters and a coarse letter histogram, so that most vocabulary words
/// can be ruled out as typing slips without computing an edit distance. Computed when a query
/// word has no exact or prefix match, rather than stored: storing it made the compiled index
/// three times larger and slower to load than computing it is.
#[derive(Debug, Clone, Copy)]
struct WordShape {
    chars: usize,
    letters: [u8; LETTER_BINS],
}

const LETTER_BINS: usize = 32;

impl WordShape {
    fn of(word: &str) -> WordShape {
        let mut letters = [0u8; LETTER_BINS];
        let mut chars = 0;
        for c in word.chars() {
            let bin = c as usize % LETTER_BINS;
            letters[bin] = letters[bin].saturating_add(1);
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

/// A vocabulary word that matched a query word, and how well (0 to 1).
#[derive(Debug, Clone, Copy)]
pub struct WordMatch {
    pub word: usize,
    pub quality: f32,
}

impl SearchIndex {
    pub fn build(controls: &[Control]) -> SearchIndex {
        // Postings are gathered per word first, then laid out word after word.
        let mut ids: FxHashMap<String, usize> = FxHashMap::default();
        let mut words: Vec<String> = Vec::new();
        let mut postings: Vec<Vec<Posting>> = Vec::new();
        let mut phrases = Vec::with_capacity(controls.len());
        for (position, control) in controls.iter().enumerate() {
            phrases.push(phrases_of(control));
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
                    let id = *ids.entry(word.to_string()).or_insert_with(|| {
                        words.push(word.to_string());
                        postings.push(Vec::new());
                        words.len() - 1
                    });
                    // A field's words are read together, so a repeat is always the last posting.
                    let postings = &mut postings[id];
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
        let mut index = SearchIndex {
            phrases,
            ..SearchIndex::default()
        };
        for (word, postings) in words.iter().zip(postings) {
            index.text.push_str(word);
            index.word_ends.push(index.text.len() as u32);
            for posting in postings {
                index.postings.push(posting);
            }
            index.posting_ends.push(index.postings.len() as u32);
        }
        index
    }

    /// How many words the vocabulary has.
    pub fn len(&self) -> usize {
        self.word_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Per control, its title and aliases as words, phrases separated by ` | `.
    pub fn phrases(&self) -> &[String] {
        &self.phrases
    }

    /// The vocabulary word with this number.
    pub fn word(&self, word: usize) -> &str {
        let start = word.checked_sub(1).map_or(0, |w| self.word_ends.get(w));
        &self.text[start as usize..self.word_ends.get(word) as usize]
    }

    /// Where a vocabulary word occurs, in catalogue order.
    pub fn postings(&self, word: usize) -> impl Iterator<Item = Posting> + '_ {
        let start = word.checked_sub(1).map_or(0, |w| self.posting_ends.get(w));
        (start..self.posting_ends.get(word)).map(|i| self.postings.get(i as usize))
    }

    /// The vocabulary words that match a query word, in tiers: exactly or as a prefix; failing
    /// that, as a substring or with a typing slip (one edit or swapped pair, two in long words);
    /// failing that, as a fuzzy subsequence. A word people typed correctly is never matched to
    /// look-alike words ("sast" does not find "last").
    pub fn match_word(&self, query: &str) -> Vec<WordMatch> {
        let shape = WordShape::of(query);
        let tier = |quality: &dyn Fn(usize, &str) -> Option<f32>| -> Vec<WordMatch> {
            (0..self.len())
                .filter_map(|id| {
                    quality(id, self.word(id)).map(|quality| WordMatch { word: id, quality })
                })
                .collect()
        };
        let exact = tier(&|_, word| exact_or_prefix_quality(query, shape.chars, word));
        if !exact.is_empty() {
            return exact;
        }
        let near = tier(&|_, word| near_quality(query, &shape, word, &WordShape::of(word)));
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
