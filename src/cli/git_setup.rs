//! `isms git setup`: installs the record-aware merge driver and the record-naming diff driver
//! for the workspace's git repository; `isms init` and `isms check` call in here too.

use std::path::Path;
use std::process::ExitCode;

use clap::Subcommand;

use crate::store::git;

#[derive(Debug, Subcommand)]
pub enum GitAction {
    /// Write .gitattributes (commit it) and this clone's git config for isms's merge and diff drivers.
    Setup,
}

pub fn run(dir: &Path, action: GitAction) -> anyhow::Result<ExitCode> {
    match action {
        GitAction::Setup => {
            for line in git::setup(dir, &this_program()?)? {
                outln!("{line}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// After `isms init`: sets git up when the new workspace lies in a repository.
pub fn after_init(dir: &Path) {
    if !git::is_repository(dir) {
        return;
    }
    match this_program()
        .map_err(|e| e.to_string())
        .and_then(|exe| git::setup(dir, &exe).map_err(|e| e.to_string()))
    {
        Ok(done) => done.iter().for_each(|line| outln!("{line}")),
        Err(why) => errln!("isms: git setup: {why}"),
    }
}

/// For `isms check`: a warning on stderr when this clone lacks the drivers.
pub fn warn_if_missing(dir: &Path) {
    if let Some(why) = git::missing_setup(dir) {
        errln!("isms: warning: {why}");
    }
}

fn this_program() -> anyhow::Result<std::path::PathBuf> {
    Ok(std::env::current_exe()?)
}
