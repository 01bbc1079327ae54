//! `isms approve soa [--message …]`: records an approved SoA version — the version in
//! workspace.ron, committed, and an annotated tag `soa-vN` whose tagger is the approver.

use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use clap::Subcommand;

use crate::domain::catalogue::Catalogue;
use crate::domain::workspace_format::{RISKS_FILE, SOA_FILE, WORKSPACE_FILE};
use crate::store::git;

#[derive(Debug, Subcommand)]
pub enum ApproveWhat {
    /// Approve the SoA as committed now: the next version, tagged soa-vN.
    Soa {
        /// The tag message (default: "SoA version N approved").
        #[arg(long, short = 'm')]
        message: Option<String>,
    },
}

pub fn run(dir: &Path, catalogue: &Catalogue, what: ApproveWhat) -> anyhow::Result<ExitCode> {
    let ApproveWhat::Soa { message } = what;
    if !git::is_repository(dir) {
        bail!(
            "{}: approvals are git tags, and this workspace is not in a git repository",
            dir.display()
        );
    }
    let files = [WORKSPACE_FILE, SOA_FILE, RISKS_FILE];
    if git::has_uncommitted(dir, &files)? {
        bail!(
            "the workspace files have uncommitted changes; commit them first, so that the approval names exactly what was approved"
        );
    }
    let version = git::approvals(dir)?.last().map_or(1, |a| a.version + 1);
    let written = version.to_string();
    let edited = super::workspace_io::edit(dir, catalogue, |workspace| {
        workspace.settings.soa_version = written.clone();
        Ok(())
    })?;
    if let Err(refused) = edited {
        bail!("{refused}");
    }
    if git::has_uncommitted(dir, &[WORKSPACE_FILE])? {
        git::commit_files(dir, &[WORKSPACE_FILE], &format!("SoA version {version}"))?;
    }
    let message = message.unwrap_or_else(|| format!("SoA version {version} approved"));
    let approval = git::approve(dir, version, &message)?;
    let short: String = approval.commit.chars().take(8).collect();
    outln!(
        "Approved SoA version {version}: tag {} on commit {short}, by {}.",
        approval.tag,
        approval.approver
    );
    Ok(ExitCode::SUCCESS)
}
