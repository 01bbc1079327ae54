//! `isms init [DIR]`: a new workspace with every control undecided and every sub-clause not
//! started; refuses to overwrite.

use std::path::Path;
use std::process::ExitCode;

use crate::domain::catalogue::Catalogue;
use crate::domain::mgmt::clauses::assessable;
use crate::domain::mgmt::format::MGMT_FILES;
use crate::domain::workspace_format::{RISKS_FILE, SOA_FILE, WORKSPACE_FILE};
use crate::store;

pub fn run(dir: &Path, catalogue: &Catalogue) -> anyhow::Result<ExitCode> {
    drop(store::init(dir, catalogue)?);
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
    super::git_setup::after_init(dir);
    Ok(ExitCode::SUCCESS)
}
