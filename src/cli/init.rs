//! `isms init [DIR]`: a new workspace with every control undecided and every sub-clause not
//! started; refuses to overwrite.

use std::path::Path;
use std::process::ExitCode;

use crate::domain::catalogue::Catalogue;
use crate::domain::mgmt::clauses::assessable;
use crate::domain::mgmt::format::MGMT_FILES;
use crate::domain::workspace_format::{RISKS_FILE, SOA_FILE, WORKSPACE_FILE};
use crate::store;

/// `source` is the catalogue file given with `--catalogue`: unless it is the ISO catalogue, the
/// workspace keeps a copy of it and its `workspace.ron` names it.
pub fn run(dir: &Path, catalogue: &Catalogue, source: Option<&Path>) -> anyhow::Result<ExitCode> {
    let keep = source.filter(|_| !catalogue.is_iso());
    if let Some(source) = keep {
        store::catalogue_file::refuse_other_copy(dir, source)?;
    }
    drop(store::init(dir, catalogue)?);
    let copy = match keep {
        Some(source) => Some(store::catalogue_file::keep_copy(dir, source)?),
        None => None,
    };
    outln!(
        "Created a workspace in {}: {WORKSPACE_FILE}, {SOA_FILE} ({} controls, all undecided), {RISKS_FILE}, {} ({} sub-clauses, none started), {}, {}, {}.",
        dir.display(),
        catalogue.len(),
        MGMT_FILES[0],
        assessable().count(),
        MGMT_FILES[1],
        MGMT_FILES[2],
        MGMT_FILES[3]
    );
    if let Some(copy) = copy {
        outln!(
            "It follows the catalogue {} and keeps a copy of it in {copy}: later commands use it without --catalogue.",
            crate::domain::text::quoted(&catalogue.name)
        );
    }
    super::git_setup::after_init(dir);
    Ok(ExitCode::SUCCESS)
}
