//! Loading a catalogue from a file given with `--catalogue`, or the built-in one.

use std::path::Path;

use crate::domain::catalogue::Catalogue;
use crate::domain::located_error::LocatedError;

/// Loads the catalogue at `path`, or the built-in catalogue when there is none.
pub fn load(path: Option<&Path>) -> Result<Catalogue, LocatedError> {
    match path {
        None => Ok(Catalogue::builtin()),
        Some(path) => {
            let text = super::read::read_text(path)?;
            Catalogue::parse(&text, &path.display().to_string())
        }
    }
}
