//! What a person types into the search box, split into words, control ids and filters.

use crate::domain::control::{looks_like_id, normalize_id};

/// One piece of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A lower-case word matched against the text of the controls.
    Word(String),
    /// A control id (2022 or 2013), normalized without `A.`.
    Id(String),
    /// An attribute filter such as `#preventive`, lower-case, without `#`.
    Tag(String),
    /// A `key:value` filter such as `theme:physical`, both lower-case.
    Filter { key: String, value: String },
}

/// A parsed query: the terms in the order they were typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let mut terms = Vec::new();
        for token in text.split_whitespace() {
            if let Some(tag) = token.strip_prefix('#') {
                if !tag.is_empty() {
                    terms.push(Term::Tag(tag.to_lowercase()));
                }
            } else if let Some((key, value)) = split_filter(token) {
                terms.push(Term::Filter { key, value });
            } else if looks_like_id(token) {
                terms.push(Term::Id(normalize_id(token)));
            } else {
                terms.extend(words_of(token).map(Term::Word));
            }
        }
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The words and ids, the parts of the query that rank controls.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().filter_map(|term| match term {
            Term::Word(word) | Term::Id(word) => Some(word.as_str()),
            _ => None,
        })
    }

    /// Removes and returns the `key:value` filters whose key satisfies `wanted`, so that a pane
    /// can apply its own filters (such as `status:planned`) before the catalogue search.
    pub fn take_filters(&mut self, wanted: impl Fn(&str) -> bool) -> Vec<(String, String)> {
        let mut taken = Vec::new();
        self.terms.retain(|term| match term {
            Term::Filter { key, value } if wanted(key) => {
                taken.push((key.clone(), value.clone()));
                false
            }
            _ => true,
        });
        taken
    }

    /// Removes and returns the words that satisfy `wanted` (bare keywords such as `excluded`).
    pub fn take_words(&mut self, wanted: impl Fn(&str) -> bool) -> Vec<String> {
        let mut taken = Vec::new();
        self.terms.retain(|term| match term {
            Term::Word(word) if wanted(word) => {
                taken.push(word.clone());
                false
            }
            _ => true,
        });
        taken
    }
}

fn split_filter(token: &str) -> Option<(String, String)> {
    let (key, value) = token.split_once(':')?;
    let is_key = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphabetic() || c == '_');
    (is_key && !value.is_empty()).then(|| (key.to_lowercase(), value.to_lowercase()))
}

/// Lower-case alphanumeric runs of a text: how both queries and controls are split into words.
pub fn words_of(text: &str) -> impl Iterator<Item = String> {
    let mut words = Vec::new();
    for_each_word(text, |word| words.push(word.to_string()));
    words.into_iter()
}

/// Calls `found` with each lower-case alphanumeric run of `text`, reusing one buffer. ASCII, the
/// bulk of every catalogue, takes a fast path; other characters use Unicode's definitions.
pub fn for_each_word(text: &str, mut found: impl FnMut(&str)) {
    if text.is_ascii() {
        let mut lower = String::new();
        for word in text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if word.bytes().any(|b| b.is_ascii_uppercase()) {
                lower.clear();
                lower.push_str(word);
                lower.make_ascii_lowercase();
                found(&lower);
            } else {
                found(word);
            }
        }
        return;
    }
    let bytes = text.as_bytes();
    let mut word = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        let (is_word_char, width) = if byte.is_ascii() {
            if byte.is_ascii_alphanumeric() {
                word.push(byte.to_ascii_lowercase() as char);
            }
            (byte.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..]
                .chars()
                .next()
                .expect("i is on a character boundary");
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
            }
            (c.is_alphanumeric(), c.len_utf8())
        };
        if !is_word_char && !word.is_empty() {
            found(&word);
            word.clear();
        }
        i += width;
    }
    if !word.is_empty() {
        found(&word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_ids_and_filters() {
        let query = Query::parse("A.8.9 threat-intel #Preventive theme:Physical");
        assert_eq!(
            query.terms,
            vec![
                Term::Id("8.9".into()),
                Term::Word("threat".into()),
                Term::Word("intel".into()),
                Term::Tag("preventive".into()),
                Term::Filter {
                    key: "theme".into(),
                    value: "physical".into()
                },
            ]
        );
    }

    #[test]
    fn splits_words_in_any_script() {
        let words: Vec<String> = words_of("Wi-Fi, ISO/IEC 27001 & Straße—ÉTÉ").collect();
        assert_eq!(words, ["wi", "fi", "iso", "iec", "27001", "straße", "été"]);
    }

    #[test]
    fn takes_pane_filters_out() {
        let mut query = Query::parse("status:planned backup excluded");
        let filters = query.take_filters(|key| key == "status");
        let words = query.take_words(|word| word == "excluded");
        assert_eq!(filters, vec![("status".to_string(), "planned".to_string())]);
        assert_eq!(words, vec!["excluded".to_string()]);
        assert_eq!(query.terms, vec![Term::Word("backup".into())]);
    }
}
