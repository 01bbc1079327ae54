//! Loading a catalogue: from a file given with `--catalogue` (a RON catalogue, or an OSCAL
//! catalog in JSON), from the copy a workspace keeps of the catalogue it was made with, or the
//! built-in one.

use std::path::Path;

use super::StoreError;
use crate::domain::catalogue::{BUILTIN_KEY, Catalogue};
use crate::domain::catalogue_from_framework::catalogue_from_framework;
use crate::domain::located_error::LocatedError;
use crate::domain::workspace_format::WORKSPACE_FILE;
use crate::domain::workspace_load::parse_settings;

/// The names a workspace keeps its own catalogue under: RON, or an OSCAL catalog in JSON.
pub const WORKSPACE_COPIES: [&str; 2] = ["catalogue.ron", "catalogue.json"];

/// Loads the catalogue at `path`, or the built-in catalogue when there is none. A file whose
/// text starts with `{` is read as an OSCAL catalog in JSON, any other as a RON catalogue.
pub fn load(path: Option<&Path>) -> Result<Catalogue, LocatedError> {
    match path {
        None => Ok(Catalogue::builtin()),
        Some(path) => {
            let text = super::read::read_text(path)?;
            let file = path.display().to_string();
            if text.trim_start().starts_with('{') {
                // The OSCAL reader is pure (text in, framework out), like the RON parser.
                let framework =
                    crate::export::oscal::read_catalog::read_catalog(&text, &file, "catalogue")?;
                catalogue_from_framework(&framework, &file)
            } else {
                Catalogue::parse(&text, &file)
            }
        }
    }
}

/// The catalogue for a command on the workspace in `dir`: the file `given` with `--catalogue`;
/// else the workspace's own copy when its `workspace.ron` names a catalogue other than the
/// built-in one; else the built-in catalogue. (Whether a given catalogue is the workspace's own
/// is checked when the workspace is read.) A `workspace.ron` that does not read is left to the
/// command to report.
pub fn for_workspace(given: Option<&Path>, dir: &Path) -> Result<Catalogue, LocatedError> {
    if given.is_some() {
        return load(given);
    }
    let settings_file = dir.join(WORKSPACE_FILE);
    let Ok(text) = super::read::read_text(&settings_file) else {
        return load(None);
    };
    let Ok(settings) = parse_settings(&text, WORKSPACE_FILE) else {
        return load(None);
    };
    if settings.catalogue == BUILTIN_KEY {
        return load(None);
    }
    let Some(copy) = WORKSPACE_COPIES
        .iter()
        .map(|name| dir.join(name))
        .find(|path| std::fs::symlink_metadata(path).is_ok())
    else {
        return Err(LocatedError::at(
            &super::display_name(dir, WORKSPACE_FILE),
            None,
            format!(
                "this workspace follows the catalogue {}, but its copy ({}) is not in {}; put it back or give the catalogue with --catalogue FILE",
                crate::domain::text::quoted(&settings.catalogue),
                WORKSPACE_COPIES.join(" or "),
                dir.display()
            ),
        ));
    };
    let catalogue = load(Some(&copy))?;
    if catalogue.key() != settings.catalogue {
        return Err(LocatedError::at(
            &copy.display().to_string(),
            None,
            format!(
                "this copy is the catalogue {}, but {WORKSPACE_FILE} says the workspace follows {}",
                crate::domain::text::quoted(&catalogue.name),
                crate::domain::text::quoted(&settings.catalogue)
            ),
        ));
    }
    Ok(catalogue)
}

/// Refuses, before anything is written, when `dir` already holds a different catalogue copy than
/// `source` would become.
pub fn refuse_other_copy(dir: &Path, source: &Path) -> Result<(), StoreError> {
    let (name, bytes) = copy_of(source)?;
    match std::fs::read(dir.join(name)) {
        Ok(existing) if existing != bytes => Err(StoreError::AlreadyExists {
            file: super::display_name(dir, name),
        }),
        _ => Ok(()),
    }
}

/// The name a copy of `source` takes in a workspace, and its bytes.
fn copy_of(source: &Path) -> Result<(&'static str, Vec<u8>), StoreError> {
    let bytes = super::read::read_text(source)?.into_bytes();
    let json = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    Ok((WORKSPACE_COPIES[usize::from(json)], bytes))
}

/// Keeps a copy of the catalogue file `source` in the new workspace `dir`, so that later
/// commands find it without `--catalogue` and it travels with the repository. Refuses to write
/// over a different file of that name.
pub fn keep_copy(dir: &Path, source: &Path) -> Result<String, StoreError> {
    refuse_other_copy(dir, source)?;
    let (name, bytes) = copy_of(source)?;
    let path = dir.join(name);
    super::replace_file(&path, &bytes, super::write_and_sync)
        .map_err(|e| StoreError::save(&super::display_name(dir, name), &e))?;
    Ok(name.to_string())
}
