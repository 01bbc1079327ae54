//! Search over the catalogue: ids (2022 and 2013), words with typing slips, and filters
//! (`#attribute`, `theme:NAME`). Ranking is deterministic: score, then catalogue order.

mod highlight;
mod index;
mod packed;
mod query;
mod snippet;

pub use highlight::highlight;
pub use index::{Field, SearchIndex};
pub use packed::Posting;
pub use query::{Query, Term, words_of};
pub use snippet::{Matched, matched};

use crate::domain::attributes::{Theme, is_attribute_name};
use crate::domain::catalogue::Catalogue;
use crate::domain::control::{Control, strip_annex_prefix};

/// One control that matched, with its score (higher is better) and where it matched best.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub position: usize,
    pub score: u32,
    /// The field and word that gave the strongest match; `None` when only filters applied.
    pub place: Option<Place>,
}

/// Where a hit matched best: the field, and for word matches the vocabulary word. Turned into
/// a readable snippet by [`matched`] only for the hits that are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub field: Field,
    /// The vocabulary word (see [`SearchIndex::word`]) for word matches; `None` for id matches.
    pub word: Option<usize>,
}

/// A query the catalogue cannot answer, said so the person can fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    #[error("no attribute starts with #{0}; try #preventive, #availability, #protect, #governance")]
    UnknownTag(String),
    #[error("no theme called {0:?}; themes are organizational, people, physical, technological")]
    UnknownTheme(String),
    #[error("unknown filter {0}:; the catalogue knows #attribute and theme:NAME")]
    UnknownFilter(String),
}

const EXACT_ID: f32 = 1000.0;
const EXACT_2013_ID: f32 = 900.0;
const ID_PREFIX: f32 = 300.0;
const ID_2013_PREFIX: f32 = 250.0;
const PHRASE: f32 = 50.0;

/// Parses and runs a query.
pub fn search_text(catalogue: &Catalogue, text: &str) -> Result<Vec<Hit>, SearchError> {
    search(catalogue, &Query::parse(text))
}

/// Runs a query: filters narrow, words and ids rank. A query of filters alone lists every control
/// that passes them, and an empty query every control, in catalogue order.
pub fn search(catalogue: &Catalogue, query: &Query) -> Result<Vec<Hit>, SearchError> {
    let controls = catalogue.controls();
    let allowed = filter_mask(controls, query)?;
    let ranking_terms: Vec<&Term> = query
        .terms
        .iter()
        .filter(|t| matches!(t, Term::Word(_) | Term::Id(_)))
        .collect();
    if ranking_terms.is_empty() {
        return Ok((0..controls.len())
            .filter(|&i| allowed[i])
            .map(|position| Hit {
                position,
                score: 0,
                place: None,
            })
            .collect());
    }

    let mut total = vec![0.0f32; controls.len()];
    let mut matched_terms = vec![0usize; controls.len()];
    let mut best = vec![Scored::NONE; controls.len()];
    // Per control, the strongest single match of any term: what the hit says it matched.
    let mut strongest = vec![Scored::NONE; controls.len()];
    for term in &ranking_terms {
        best.iter_mut().for_each(|b| *b = Scored::NONE);
        match term {
            Term::Id(id) => score_id(controls, id, &mut best),
            Term::Word(word) => score_word(catalogue, word, &mut best),
            _ => unreachable!("only ranking terms are scored"),
        }
        for (i, found) in best.iter().enumerate() {
            if found.score > 0.0 {
                total[i] += found.score;
                matched_terms[i] += 1;
                if found.score > strongest[i].score {
                    strongest[i] = *found;
                }
            }
        }
    }
    add_phrase_bonus(catalogue.index(), query, &mut total);

    // Controls that match every term; when none does, those that match the most terms.
    let most = (0..controls.len())
        .filter(|&i| allowed[i])
        .map(|i| matched_terms[i])
        .max()
        .unwrap_or(0);
    if most == 0 {
        return Ok(Vec::new());
    }
    let needed = if most == ranking_terms.len() { most } else { 1 };
    let mut hits: Vec<(usize, Hit)> = (0..controls.len())
        .filter(|&i| allowed[i] && matched_terms[i] >= needed)
        .map(|i| {
            (
                matched_terms[i],
                Hit {
                    position: i,
                    score: (total[i] * 10.0).round() as u32,
                    place: strongest[i].place,
                },
            )
        })
        .collect();
    hits.sort_by(|(ma, a), (mb, b)| {
        mb.cmp(ma)
            .then(b.score.cmp(&a.score))
            .then(a.position.cmp(&b.position))
    });
    Ok(hits.into_iter().map(|(_, hit)| hit).collect())
}

fn filter_mask(controls: &[Control], query: &Query) -> Result<Vec<bool>, SearchError> {
    let mut allowed = vec![true; controls.len()];
    for term in &query.terms {
        match term {
            Term::Tag(tag) => {
                let exact = is_attribute_name(tag);
                let any = controls.iter().any(|c| tag_matches(c, tag, exact));
                if !any && !exact {
                    return Err(SearchError::UnknownTag(tag.clone()));
                }
                for (i, control) in controls.iter().enumerate() {
                    allowed[i] &= tag_matches(control, tag, exact);
                }
            }
            Term::Filter { key, value } if key == "theme" => {
                let theme = Theme::ALL
                    .iter()
                    .copied()
                    .find(|t| t.name().to_lowercase().starts_with(value.as_str()))
                    .ok_or_else(|| SearchError::UnknownTheme(value.clone()))?;
                for (i, control) in controls.iter().enumerate() {
                    allowed[i] &= control.theme == theme;
                }
            }
            Term::Filter { key, .. } => return Err(SearchError::UnknownFilter(key.clone())),
            Term::Word(_) | Term::Id(_) => {}
        }
    }
    Ok(allowed)
}

/// An exact attribute name matches only itself (`#protect` is not `#protection`); anything else
/// matches as the start of a name, so a filter works while it is being typed.
fn tag_matches(control: &Control, tag: &str, exact: bool) -> bool {
    control.attributes.iter_names().any(|name| {
        if exact {
            name.eq_ignore_ascii_case(tag)
        } else {
            name.len() >= tag.len()
                && name.is_char_boundary(tag.len())
                && name[..tag.len()].eq_ignore_ascii_case(tag)
        }
    })
}

/// One term's best match in one control.
#[derive(Debug, Clone, Copy)]
struct Scored {
    score: f32,
    place: Option<Place>,
}

impl Scored {
    const NONE: Scored = Scored {
        score: 0.0,
        place: None,
    };

    fn offer(&mut self, score: f32, place: Place) {
        if score > self.score {
            *self = Scored {
                score,
                place: Some(place),
            };
        }
    }
}

fn score_id(controls: &[Control], id: &str, best: &mut [Scored]) {
    for (i, control) in controls.iter().enumerate() {
        let mut old_ids = control
            .iso27002_2013
            .iter()
            .map(|old| strip_annex_prefix(old));
        let (score, field) = if control.id == id {
            (EXACT_ID, Field::Id)
        } else if old_ids.clone().any(|old| old == id) {
            (EXACT_2013_ID, Field::Iso2013)
        } else if control.id.starts_with(id) {
            (ID_PREFIX, Field::Id)
        } else if old_ids.any(|old| old.starts_with(id) && old[id.len()..].starts_with('.')) {
            (ID_2013_PREFIX, Field::Iso2013)
        } else {
            continue;
        };
        best[i].offer(score, Place { field, word: None });
    }
}

fn score_word(catalogue: &Catalogue, word: &str, best: &mut [Scored]) {
    let index = catalogue.index();
    for found in index.match_word(word) {
        for posting in index.postings(found.word) {
            // A word said several times in a field counts a little more, up to twice.
            let repeats = 1.0 + 0.25 * f32::from(posting.count.min(5) - 1);
            let score =
                (posting.field.weight() * found.quality * repeats).min(posting.field.ceiling());
            best[posting.control as usize].offer(
                score,
                Place {
                    field: posting.field,
                    word: Some(found.word),
                },
            );
        }
    }
}

/// Two or more words that stand together in a title or an alias ("threat intel", "red team")
/// lift that control.
fn add_phrase_bonus(index: &SearchIndex, query: &Query, total: &mut [f32]) {
    let words: Vec<&str> = query
        .terms
        .iter()
        .filter_map(|t| {
            if let Term::Word(w) = t {
                Some(w.as_str())
            } else {
                None
            }
        })
        .collect();
    if words.len() < 2 {
        return;
    }
    let phrase = words.join(" ");
    for (i, phrases) in index.phrases().iter().enumerate() {
        if phrases.contains(&phrase) {
            total[i] += PHRASE;
        }
    }
}
