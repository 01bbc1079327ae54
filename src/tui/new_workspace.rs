//! The first save of a workspace the workbench started in a folder without one: its files are
//! created and, when a catalogue other than ISO was given with `--catalogue`, a copy of that file
//! is kept beside them, as `isms init --catalogue` does, so that later sessions and commands
//! follow it without the option.

use std::path::Path;

use super::persist::Store;
use crate::domain::catalogue::Catalogue;
use crate::domain::workspace::Workspace;
use crate::domain::workspace_format::{RISKS_FILE, SOA_FILE, WORKSPACE_FILE};
use crate::store::{self, StoreError, catalogue_file};

/// Creates the workspace's files in `store.dir` (and the catalogue copy); says which were written.
/// A different catalogue copy already in the folder is refused before anything is written.
pub fn create(
    store: &mut Store,
    workspace: &Workspace,
    catalogue: &Catalogue,
) -> Result<Vec<String>, StoreError> {
    let keep = copied_catalogue(store.catalogue.as_deref(), catalogue);
    if let Some(source) = keep {
        catalogue_file::refuse_other_copy(&store.dir, source)?;
    }
    store.handle = Some(store::create(&store.dir, workspace)?);
    let mut files: Vec<String> = [WORKSPACE_FILE, SOA_FILE, RISKS_FILE]
        .iter()
        .map(|f| store::display_name(&store.dir, f))
        .collect();
    if let Some(source) = keep {
        let copy = catalogue_file::keep_copy(&store.dir, source)?;
        files.push(store::display_name(&store.dir, &copy));
    }
    Ok(files)
}

/// The catalogue file a new workspace keeps a copy of: the one given, unless it is ISO's own.
pub fn copied_catalogue<'a>(given: Option<&'a Path>, catalogue: &Catalogue) -> Option<&'a Path> {
    given.filter(|_| !catalogue.is_iso())
}
