//! Reading the control ids in an SoA's id cell as people write them: `A.5.1`, `A 5.17`,
//! `Control 8.5`, `5.1 Policies…`, ranges (`5.24 to 5.28`, `5.24–5.28`), lists (`5.1, 5.2`), and
//! 2013 ids that Excel turned into dates (`10.1.1` shown in a `yy.m.d` format arrives as
//! 2010-01-01). Also tells the edition of a sheet from its ids.

use crate::domain::catalogue::{Catalogue, Lookup};
use crate::domain::control::looks_like_id;

/// The ids a cell names, as written (prefixes removed), in order. Empty when it names none.
pub fn ids_in_cell(cell: &str) -> Vec<String> {
    let text = cell.trim();
    if let Some(id) = date_as_id(text) {
        return vec![id];
    }
    let lowered = text.to_lowercase();
    let spaced = lowered
        .replace(['–', '—'], " to ")
        .replace(" - ", " to ")
        .replace(" bis ", " to ")
        .replace(" až ", " to ");
    let tokens: Vec<String> = spaced
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == '&')
        .filter(|t| !t.is_empty())
        .map(|t| t.trim_end_matches(['.', ':', ')']).to_string())
        .collect();
    let mut ids: Vec<String> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i].trim_start_matches("a.");
        // `5.24-5.28` written without spaces.
        if let Some((from, to)) = token.split_once('-')
            && let Some(range) = expand(from, to.trim_start_matches("a."))
        {
            ids.extend(range);
            i += 1;
            continue;
        }
        // `A 5.17`, `Control 8.5`, `Annex A 5.1`: a prefix word before the id.
        if !looks_like_id(token) {
            if ids.is_empty() && is_prefix_word(&tokens[i]) {
                i += 1;
                continue;
            }
            // The first word that is not an id ends the ids (`5.1 Policies for…`).
            if ids.is_empty() && i == 0 {
                return Vec::new();
            }
            if tokens[i] == "to" && i + 1 < tokens.len() {
                let end = tokens[i + 1].trim_start_matches("a.");
                if let Some(last) = ids.last().cloned()
                    && let Some(range) = expand(&last, end)
                {
                    ids.pop();
                    ids.extend(range);
                    i += 2;
                    continue;
                }
            }
            break;
        }
        ids.push(token.to_string());
        i += 1;
    }
    ids
}

fn is_prefix_word(token: &str) -> bool {
    matches!(
        token,
        "a" | "control" | "annex" | "iso" | "27001" | "27002" | "ctrl" | "no" | "nr" | "#"
    )
}

/// `5.24`..`5.28` → 5.24, 5.25, …, 5.28 (same clause, at most 50 ids).
fn expand(from: &str, to: &str) -> Option<Vec<String>> {
    let (clause, first) = from.rsplit_once('.')?;
    let (to_clause, last) = to.rsplit_once('.')?;
    let (first, last): (u32, u32) = (first.parse().ok()?, last.parse().ok()?);
    (clause == to_clause && first < last && last - first <= 50)
        .then(|| (first..=last).map(|n| format!("{clause}.{n}")).collect())
}

/// A date cell in an id column: `2010-01-01` read as the `10.1.1` it was typed as.
fn date_as_id(text: &str) -> Option<String> {
    let date = chrono::NaiveDate::parse_from_str(text.split(' ').next()?, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    Some(format!(
        "{}.{}.{}",
        date.year() % 100,
        date.month(),
        date.day()
    ))
}

/// Whether a cell held a date that was read as an id.
pub fn was_date(cell: &str) -> bool {
    date_as_id(cell.trim()).is_some()
}

/// The edition a sheet's ids belong to, from the ids of its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edition {
    Y2022,
    Y2013,
    /// Ids that exist only in the 2005 edition (examples for the message).
    Y2005(Vec<String>),
}

/// Tells the edition: three-part ids mean 2013 (or 2005, when many of them are not 2013 ids).
pub fn edition(ids: &[String], catalogue: &Catalogue) -> Edition {
    let three_part: Vec<&String> = ids.iter().filter(|id| id.split('.').count() == 3).collect();
    if three_part.is_empty() || three_part.len() * 2 < ids.len() {
        return Edition::Y2022;
    }
    let unknown: Vec<String> = three_part
        .iter()
        .filter(|id| matches!(catalogue.lookup(id), Lookup::NotFound))
        .map(|id| format!("A.{id}"))
        .collect();
    if unknown.len() >= 3 && unknown.len() * 10 >= three_part.len() {
        return Edition::Y2005(unknown.into_iter().take(4).collect());
    }
    Edition::Y2013
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_as_written() {
        assert_eq!(ids_in_cell("A.5.1"), ["5.1"]);
        assert_eq!(ids_in_cell("A 5.17"), ["5.17"]);
        assert_eq!(ids_in_cell("Control 8.5"), ["8.5"]);
        assert_eq!(
            ids_in_cell("5.1 Policies for information security"),
            ["5.1"]
        );
        assert_eq!(ids_in_cell("5.24 to 5.26"), ["5.24", "5.25", "5.26"]);
        assert_eq!(ids_in_cell("5.24–5.25"), ["5.24", "5.25"]);
        assert_eq!(ids_in_cell("A.5.1, A.5.2"), ["5.1", "5.2"]);
        assert_eq!(ids_in_cell("2010-01-01"), ["10.1.1"]);
        assert_eq!(ids_in_cell("A.12.3.1 Information backup"), ["12.3.1"]);
        assert!(ids_in_cell("Policies").is_empty());
        assert!(ids_in_cell("").is_empty());
    }

    #[test]
    fn editions() {
        let catalogue = Catalogue::builtin();
        let ids = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(edition(&ids(&["5.1", "8.9"]), &catalogue), Edition::Y2022);
        assert_eq!(
            edition(&ids(&["5.1.1", "12.3.1"]), &catalogue),
            Edition::Y2013
        );
        assert!(matches!(
            edition(&ids(&["10.5.1", "6.1.6", "10.10.1", "5.1.1"]), &catalogue),
            Edition::Y2005(_)
        ));
    }
}
