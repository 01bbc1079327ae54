//! `isms init [DIR]`: a new workspace with every control undecided; refuses to overwrite.

use std::path::Path;
use std::process::ExitCode;

use crate::domain::catalogue::Catalogue;
use crate::domain::workspace_format::{RISKS_FILE, SOA_FILE, WORKSPACE_FILE};
use crate::store;

pub fn run(dir: &Path, catalogue: &Catalogue) -> anyhow::Result<ExitCode> {
    drop(store::init(dir, catalogue)?);
    outln!(
        "Created a workspace in {}: {WORKSPACE_FILE}, {SOA_FILE} ({} controls, all undecided), {RISKS_FILE}.",
        dir.display(),
        catalogue.len()
    );
    super::git_setup::after_init(dir);
    Ok(ExitCode::SUCCESS)
}
