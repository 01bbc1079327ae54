//! A control id typed on the command line: a 2022 id (`8.13`, `A.8.13`), or a 2013 id
//! (`A.12.3.1`) that becomes the 2022 control that replaced it — said on stderr — and is refused
//! with the list when it was split over several. An unknown word points to `isms search`.

use crate::domain::catalogue::{Catalogue, Lookup};
use crate::domain::edit::EditError;
use crate::domain::search::{Query, search};
use crate::domain::text::quoted;

/// The catalogue's id for what was typed, or why there is none.
pub fn resolve(catalogue: &Catalogue, typed: &str) -> Result<String, EditError> {
    match catalogue.lookup(typed.trim()) {
        Lookup::Control(i) => Ok(catalogue.controls()[i].id.clone()),
        Lookup::Replaced { old_id, controls } => {
            let ids: Vec<&str> = controls
                .iter()
                .map(|&i| catalogue.controls()[i].id.as_str())
                .collect();
            match ids.as_slice() {
                [one] => {
                    errln!(
                        "isms: note: {old_id} (ISO/IEC 27002:2013) is {one} in the 2022 catalogue"
                    );
                    Ok(one.to_string())
                }
                many => Err(EditError::Invalid(format!(
                    "{old_id} (ISO/IEC 27002:2013) was split over {}; give the one you mean",
                    many.join(", ")
                ))),
            }
        }
        Lookup::NotFound => Err(EditError::NotFound(not_found(catalogue, typed))),
    }
}

/// "no control …": for a word, where `isms search` would look and what it finds first; for
/// something like an id, the nearest ids.
pub fn not_found(catalogue: &Catalogue, typed: &str) -> String {
    let typed = typed.trim();
    let is_word = !typed.is_empty()
        && typed.chars().count() <= 40
        && typed.chars().any(char::is_alphabetic)
        && typed
            .chars()
            .all(|c| c.is_alphanumeric() || " -_".contains(c));
    if is_word {
        let hits = search(catalogue, &Query::parse(typed)).unwrap_or_default();
        if !hits.is_empty() {
            let top: Vec<String> = hits
                .iter()
                .take(3)
                .map(|hit| {
                    let control = &catalogue.controls()[hit.position];
                    format!(
                        "{} {}",
                        control.id,
                        crate::domain::text::quote(&control.title, 40)
                    )
                })
                .collect();
            return format!(
                "no control {}; try `isms search {typed}` (top hits: {})",
                quoted(typed),
                top.join("; ")
            );
        }
    }
    format!(
        "no control {} in the catalogue (nearest: {})",
        quoted(typed),
        catalogue.nearest_ids(typed, 3).join(", ")
    )
}
