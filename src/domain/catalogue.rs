//! The catalogue: every control in order, looked up by 2022 id or by the 2013 id it replaced,
//! with a search index built once, on the first search (so `isms show` and the first frame of
//! the workbench do not wait for it). The built-in catalogue comes compiled, index included.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use super::control::{Control, normalize_id};
use super::located_error::LocatedError;
use super::search::SearchIndex;

/// The catalogue file embedded in the binary.
pub const BUILTIN_SOURCE: &str = include_str!("../../catalogue/iso27002-2022.ron");
/// The name given to the embedded catalogue in messages.
pub const BUILTIN_FILE_NAME: &str = "catalogue/iso27002-2022.ron";

/// How `workspace.ron` names the built-in catalogue (`catalogue: "iso27002-2022"`).
pub const BUILTIN_KEY: &str = "iso27002-2022";
/// The `name` of the built-in catalogue; a catalogue file with this name counts as the built-in
/// one for `workspace.ron` (an edited copy of it, say).
pub const BUILTIN_NAME: &str = "ISO/IEC 27002:2022";

/// The built-in catalogue as `build.rs` compiled it from [`BUILTIN_SOURCE`]: name, controls and
/// search index in postcard form, so that a command starts without parsing or indexing.
const BUILTIN_COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalogue.postcard"));

/// A validated set of controls in catalogue order.
#[derive(Debug)]
pub struct Catalogue {
    pub name: String,
    controls: Vec<Control>,
    by_id: HashMap<String, usize>,
    /// Normalized 2013 id (`12.3.1`) → the 2022 controls that replaced it.
    by_2013_id: BTreeMap<String, Vec<usize>>,
    /// Built on the first search, or read in place from the binary for the built-in catalogue.
    index: OnceLock<SearchIndex<'static>>,
}

/// What a typed id resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// A 2022 control, by position in the catalogue.
    Control(usize),
    /// A 2013 control (spelled `A.x.y.z`) and the 2022 controls that replaced it.
    Replaced {
        old_id: String,
        controls: Vec<usize>,
    },
    NotFound,
}

impl Catalogue {
    /// The catalogue shipped in the binary.
    pub fn builtin() -> Catalogue {
        let (name, controls, index): (String, Vec<Control>, SearchIndex<'static>) =
            postcard::from_bytes(BUILTIN_COMPILED)
                .expect("build.rs wrote the compiled catalogue from these same types");
        let catalogue = Catalogue::from_controls(name, controls);
        catalogue
            .index
            .set(index)
            .expect("a new catalogue has no index yet");
        catalogue
    }

    /// Builds a catalogue from controls that have already been validated.
    pub(crate) fn from_controls(name: String, controls: Vec<Control>) -> Catalogue {
        let by_id = controls
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let mut by_2013_id: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, control) in controls.iter().enumerate() {
            for old in &control.iso27002_2013 {
                by_2013_id.entry(normalize_id(old)).or_default().push(i);
            }
        }
        let index = OnceLock::new();
        Catalogue {
            name,
            controls,
            by_id,
            by_2013_id,
            index,
        }
    }

    /// How `workspace.ron` names this catalogue: [`BUILTIN_KEY`] for the ISO/IEC 27002:2022
    /// catalogue, else the catalogue's own name.
    pub fn key(&self) -> &str {
        if self.name == BUILTIN_NAME {
            BUILTIN_KEY
        } else {
            &self.name
        }
    }

    /// True for the ISO/IEC 27002:2022 catalogue (built in, or a file carrying its name): its ids
    /// are Annex A numbers and its groups ISO's themes.
    pub fn is_iso(&self) -> bool {
        self.key() == BUILTIN_KEY
    }

    pub fn controls(&self) -> &[Control] {
        &self.controls
    }

    pub fn len(&self) -> usize {
        self.controls.len()
    }

    pub fn is_empty(&self) -> bool {
        self.controls.is_empty()
    }

    /// Builds the search index now if it is not built yet, e.g. right after the first frame so
    /// that the first keystroke in the search box does not wait for it.
    pub fn prepare_search(&self) {
        self.index();
    }

    pub(crate) fn index(&self) -> &SearchIndex<'static> {
        self.index
            .get_or_init(|| SearchIndex::build(&self.controls))
    }

    /// The position of a 2022 control, accepting `8.9`, `A.8.9` and `a.8.9`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(&normalize_id(id)).copied()
    }

    /// A 2022 control by id, accepting `8.9`, `A.8.9` and `a.8.9`.
    pub fn get(&self, id: &str) -> Option<&Control> {
        self.position(id).map(|i| &self.controls[i])
    }

    /// Resolves what a person typed: a 2022 id first, then a 2013 id.
    pub fn lookup(&self, typed: &str) -> Lookup {
        if let Some(i) = self.position(typed) {
            return Lookup::Control(i);
        }
        let key = normalize_id(typed);
        match self.by_2013_id.get(&key) {
            Some(controls) => Lookup::Replaced {
                old_id: format!("A.{key}"),
                controls: controls.clone(),
            },
            None => Lookup::NotFound,
        }
    }

    /// The 2022 controls that replaced a 2013 control (normalized id such as `12.3.1`).
    pub fn replacing_2013(&self, normalized_old_id: &str) -> &[usize] {
        self.by_2013_id
            .get(normalized_old_id)
            .map_or(&[], Vec::as_slice)
    }

    /// Up to `count` ids closest to a mistyped one, closest first, ties in catalogue order.
    pub fn nearest_ids(&self, typed: &str, count: usize) -> Vec<&str> {
        // Ids are short: a few characters decide, and a huge typed id costs no more.
        let typed: String = typed.chars().take(24).collect();
        let wanted = normalize_id(&typed);
        let wanted_numbers = id_numbers(&wanted);
        let mut ranked: Vec<(usize, u64, usize)> = self
            .controls
            .iter()
            .enumerate()
            .map(|(i, control)| {
                let distance = strsim::osa_distance(&wanted, &control.id);
                (
                    distance,
                    numeric_gap(&wanted_numbers, &id_numbers(&control.id)),
                    i,
                )
            })
            .collect();
        ranked.sort();
        ranked
            .into_iter()
            .take(count)
            .map(|(_, _, i)| self.controls[i].id.as_str())
            .collect()
    }
}

fn id_numbers(id: &str) -> Vec<u64> {
    id.split('.')
        .map(|part| part.parse().unwrap_or(u64::MAX / 4))
        .collect()
}

/// How far apart two numeric ids are: a different clause counts far more than a different number.
fn numeric_gap(a: &[u64], b: &[u64]) -> u64 {
    let clause = a.first().unwrap_or(&0).abs_diff(*b.first().unwrap_or(&0));
    let number = a.get(1).unwrap_or(&0).abs_diff(*b.get(1).unwrap_or(&0));
    clause.saturating_mul(1000).saturating_add(number)
}

impl Catalogue {
    /// Parses and validates catalogue text; `file` names it in error messages.
    pub fn parse(text: &str, file: &str) -> Result<Catalogue, LocatedError> {
        super::catalogue_check::parse_catalogue(text, file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_catalogue_is_the_ron_text_parsed_validated_and_indexed() {
        let parsed = Catalogue::parse(BUILTIN_SOURCE, BUILTIN_FILE_NAME)
            .expect("the built-in catalogue keeps every rule");
        let compiled = Catalogue::builtin();
        assert_eq!(compiled.name, parsed.name);
        assert_eq!(compiled.key(), BUILTIN_KEY);
        assert_eq!(compiled.controls(), parsed.controls());
        let bytes = |index: &SearchIndex| postcard::to_allocvec(index).unwrap();
        assert_eq!(
            bytes(compiled.index()),
            bytes(&SearchIndex::build(parsed.controls()))
        );
    }
}
