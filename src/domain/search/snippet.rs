//! Why a hit matched, said in a few words: the field and a short piece of its text around the
//! matched word. Computed only for the hits that are shown.

use super::index::Field;
use super::query::{Query, Term};
use super::{Hit, Place};
use crate::domain::catalogue::Catalogue;
use crate::domain::control::{Control, strip_annex_prefix};

/// Characters kept before the matched word, and in the whole snippet, before cutting at a space.
const BEFORE: usize = 20;
const LENGTH: usize = 48;

/// Where a shown hit matched and the piece of text that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    pub field: Field,
    /// The matched word in its context on one line, `…` where the text was cut.
    pub snippet: String,
}

/// The field and snippet of a hit; `None` for hits that only passed filters.
pub fn matched(catalogue: &Catalogue, hit: &Hit, query: &Query) -> Option<Matched> {
    let Place { field, word } = hit.place?;
    let control = &catalogue.controls()[hit.position];
    let snippet = match (field, word) {
        (Field::Iso2013, _) => matched_old_id(control, query),
        (Field::Id, _) | (_, None) => control.id.clone(),
        (_, Some(word)) => {
            let word = catalogue.index().word(word);
            let parts = field_parts(control, field);
            parts
                .iter()
                .find_map(|part| {
                    let text = one_line(part);
                    find_word(&text, word).map(|(start, end)| window(&text, start, end))
                })
                .or_else(|| parts.first().map(|part| window(&one_line(part), 0, 0)))
                .unwrap_or_default()
        }
    };
    Some(Matched { field, snippet })
}

/// The 2013 ids of the control that a query's id terms name.
fn matched_old_id(control: &Control, query: &Query) -> String {
    let wanted: Vec<&str> = query
        .terms
        .iter()
        .filter_map(|term| match term {
            Term::Id(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let matching: Vec<&str> = control
        .iso27002_2013
        .iter()
        .map(String::as_str)
        .filter(|old| {
            let old = strip_annex_prefix(old);
            wanted
                .iter()
                .any(|id| old == *id || (old.starts_with(id) && old[id.len()..].starts_with('.')))
        })
        .collect();
    matching.join(", ")
}

/// The texts of a field, one per item for lists.
fn field_parts(control: &Control, field: Field) -> Vec<String> {
    match field {
        Field::Id => vec![control.id.clone()],
        Field::Iso2013 => control.iso27002_2013.clone(),
        Field::Title => vec![control.title.clone()],
        Field::Aliases => control.aliases.clone(),
        Field::Tags => vec![control.attributes.hashtags().join(" ")],
        Field::Purpose => vec![control.purpose.clone()],
        Field::Guidance => vec![control.guidance.clone()],
        Field::Evidence => control.evidence.clone(),
        Field::Pitfalls => control.pitfalls.clone(),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The byte range of the first whole word of `text` equal to `word` (lower-case), else of the
/// first place that contains it (attribute names such as `Threat_and_vulnerability_management`).
fn find_word(text: &str, word: &str) -> Option<(usize, usize)> {
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(from)) => {
                if text[from..i].to_lowercase() == word {
                    return Some((from, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    let lower = text.to_lowercase();
    (lower.len() == text.len())
        .then(|| lower.find(word).map(|at| (at, at + word.len())))
        .flatten()
}

/// About [`LENGTH`] characters of `text` around the byte range `start..end`, cut at spaces.
fn window(text: &str, start: usize, end: usize) -> String {
    let mut left = text[..start]
        .char_indices()
        .rev()
        .nth(BEFORE - 1)
        .map_or(0, |(i, _)| i);
    if left > 0 {
        left = text[left..start]
            .find(' ')
            .map_or(start, |space| left + space + 1);
    }
    let room = LENGTH.saturating_sub(text[left..end].chars().count());
    let mut right = text[end..]
        .char_indices()
        .nth(room)
        .map_or(text.len(), |(i, _)| end + i);
    if right < text.len() {
        right = text[end..right]
            .rfind(' ')
            .map_or(right, |space| end + space);
    }
    let mut out = String::new();
    if left > 0 {
        out.push('…');
    }
    let piece = text[left..right].trim();
    if right < text.len() {
        out.push_str(piece.trim_end_matches([',', ';', ':', '.']));
        out.push('…');
    } else {
        out.push_str(piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::search::search_text;

    fn why(query: &str, id: &str) -> Matched {
        let catalogue = Catalogue::builtin();
        let hits = search_text(&catalogue, query).unwrap();
        let hit = hits
            .iter()
            .find(|hit| catalogue.controls()[hit.position].id == id)
            .unwrap_or_else(|| panic!("{query} does not find {id}"));
        matched(&catalogue, hit, &Query::parse(query)).unwrap()
    }

    #[test]
    fn says_which_field_matched_and_shows_the_word_in_context() {
        let title = why("backup", "8.13");
        assert_eq!(
            (title.field, title.snippet.as_str()),
            (Field::Title, "Information backup")
        );
        let alias = why("pentest", "8.8");
        assert_eq!(
            (alias.field, alias.snippet.as_str()),
            (Field::Aliases, "pentest")
        );
        let id = why("A.12.3.1", "8.13");
        assert_eq!(
            (id.field, id.snippet.as_str()),
            (Field::Iso2013, "A.12.3.1")
        );
        let prose = why("backup", "8.22");
        assert!(prose.field > Field::Tags, "{prose:?}");
        assert!(prose.snippet.to_lowercase().contains("backup"), "{prose:?}");
        assert!(prose.snippet.chars().count() <= LENGTH + 2, "{prose:?}");
    }

    #[test]
    fn windows_cut_at_spaces_and_mark_the_cuts() {
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen \
                    fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one \
                    twenty-two twenty-three twenty-four twenty-five";
        let at = text.find("sixteen").unwrap();
        let cut = window(text, at, at + 5);
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert!(cut.contains("sixteen"), "{cut}");
        assert!(!cut.contains("  "), "{cut}");
        assert_eq!(window("short text", 0, 5), "short text");
    }
}
