//! Reading catalogue text: RON syntax first, then the rules a catalogue must keep (format version,
//! unique ids, existing related ids, well-formed 2013 ids), each reported at file:line:column.

use std::cell::OnceCell;

use serde::Deserialize;

use super::catalogue::Catalogue;
use super::control::{Control, SHORT_TITLE_MAX, looks_like_id};
use super::located_error::{LocatedError, line_and_column};

/// The catalogue format this build reads and writes.
pub const CATALOGUE_FORMAT: u32 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    format: u32,
    name: String,
    controls: Vec<Control>,
}

pub(super) fn parse_catalogue(text: &str, file: &str) -> Result<Catalogue, LocatedError> {
    if text.trim().is_empty() {
        return Err(LocatedError::at(
            file,
            None,
            "the file is empty; expected a catalogue `(format: 1, name: …, controls: [ … ])`",
        ));
    }
    let parsed: CatalogueFile =
        ron::from_str(text).map_err(|e| LocatedError::from_ron(file, &e))?;
    if parsed.format > CATALOGUE_FORMAT {
        return Err(LocatedError::at(
            file,
            find(text, "format", 0),
            format!(
                "catalogue format {} is newer than this isms reads ({CATALOGUE_FORMAT}); upgrade isms",
                parsed.format
            ),
        ));
    }
    if parsed.controls.is_empty() {
        return Err(LocatedError::at(
            file,
            find(text, "controls", 0),
            "the catalogue has no controls",
        ));
    }
    let places = Places {
        text,
        controls: parsed.controls.len(),
        id_offsets: OnceCell::new(),
    };
    let place = |i: usize| places.control(i);
    let find_in = |i: usize, field: &str, needle: &str| places.inside(i, field, needle);

    let mut seen = std::collections::HashMap::new();
    for (i, control) in parsed.controls.iter().enumerate() {
        if control.id.trim().is_empty() || control.id.chars().any(char::is_whitespace) {
            return Err(LocatedError::at(
                file,
                place(i),
                format!(
                    "control id {} must be non-empty and without spaces",
                    crate::domain::text::quoted(&control.id)
                ),
            ));
        }
        if let Some(first) = seen.insert(control.id.as_str(), i) {
            let first_line = place(first).map_or(String::new(), |(line, _)| {
                format!(" (first at line {line})")
            });
            return Err(LocatedError::at(
                file,
                place(i),
                format!("duplicate control id {}{first_line}", control.id),
            ));
        }
        for (field, value) in [("title", &control.title), ("purpose", &control.purpose)] {
            if value.trim().is_empty() {
                return Err(LocatedError::at(
                    file,
                    place(i),
                    format!("control {} has an empty {field}", control.id),
                ));
            }
        }
        if control.short_title.chars().count() > SHORT_TITLE_MAX {
            return Err(LocatedError::at(
                file,
                find_in(i, "short_title", &format!("{:?}", control.short_title)),
                format!(
                    "control {} has a short title of {} characters; at most {SHORT_TITLE_MAX} fit",
                    control.id,
                    control.short_title.chars().count()
                ),
            ));
        }
        if control.aliases.iter().any(|alias| alias.trim().is_empty()) {
            return Err(LocatedError::at(
                file,
                find_in(i, "aliases", "\"\""),
                format!("control {} has an empty alias", control.id),
            ));
        }
        for old in &control.iso27002_2013 {
            if !looks_like_id(old) {
                return Err(LocatedError::at(
                    file,
                    find_in(i, "iso27002_2013", &format!("{old:?}")),
                    format!(
                        "control {} maps to {old:?}, which is not a 2013 control id such as \"A.12.3.1\"",
                        control.id
                    ),
                ));
            }
        }
    }
    for (i, control) in parsed.controls.iter().enumerate() {
        for related in &control.related {
            if related == &control.id {
                return Err(LocatedError::at(
                    file,
                    find_in(i, "related", &format!("{related:?}")),
                    format!("control {} lists itself as related", control.id),
                ));
            }
            if !seen.contains_key(related.as_str()) {
                return Err(LocatedError::at(
                    file,
                    find_in(i, "related", &format!("{related:?}")),
                    format!(
                        "control {} is related to {related}, which is not in this catalogue",
                        control.id
                    ),
                ));
            }
        }
    }
    Ok(Catalogue::from_controls(parsed.name, parsed.controls))
}

/// Finds where things are in the catalogue text, only once a problem needs a place.
struct Places<'a> {
    text: &'a str,
    controls: usize,
    id_offsets: OnceCell<Option<Vec<usize>>>,
}

impl Places<'_> {
    /// The offset of each control's `id:`, when the text has one per control.
    fn offsets(&self) -> Option<&Vec<usize>> {
        self.id_offsets
            .get_or_init(|| Some(id_field_offsets(self.text)).filter(|o| o.len() == self.controls))
            .as_ref()
    }

    /// Where control i starts.
    fn control(&self, i: usize) -> Option<(usize, usize)> {
        self.offsets()
            .map(|offsets| line_and_column(self.text, offsets[i]))
    }

    /// The place of `needle` inside control i, after its `field:` (such as `related`).
    fn inside(&self, i: usize, field: &str, needle: &str) -> Option<(usize, usize)> {
        let start = self.offsets().map_or(0, |offsets| offsets[i]);
        let field_start = self.text[start..]
            .find(field)
            .map_or(start, |at| start + at);
        find(self.text, needle, field_start)
    }
}

/// Byte offsets of each `id:` field, in order, so that problems can be placed on a line.
fn id_field_offsets(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut offsets = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("id") {
        let at = from + found;
        from = at + 2;
        let starts_word =
            at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
        let rest = text[at + 2..].trim_start();
        if starts_word && rest.starts_with(':') && rest[1..].trim_start().starts_with('"') {
            offsets.push(at);
        }
    }
    offsets
}

fn find(text: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    text.get(from..)?
        .find(needle)
        .map(|i| line_and_column(text, from + i))
}
