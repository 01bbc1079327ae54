//! `isms merge-driver %O %A %B %P`: git's merge driver for the workspace files (the SoA, the
//! risks, the settings and the management system's four files). Merges record by record with the
//! domain's merge, writes the canonical format into %A, records real conflicts in
//! `.isms-conflicts.ron` next to the workspace (keeping ours in the file, and theirs' version for
//! the chooser) and then exits 1, so that git stops the merge there. Files it cannot read fall
//! back to git's line merge.

use std::path::Path;
use std::process::{Command, ExitCode};

use anyhow::Context;

use super::EXIT_FINDINGS;
use crate::domain::catalogue::Catalogue;
use crate::domain::merge::merge;
use crate::domain::workspace_part::{kinds_in, parse_part, render_file};
use crate::store::git::record_file_conflicts;

pub fn run(
    catalogue: &Catalogue,
    base: &Path,
    ours: &Path,
    theirs: &Path,
    path: &str,
) -> anyhow::Result<ExitCode> {
    let file = Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let read = |p: &Path| std::fs::read_to_string(p).with_context(|| format!("{}", p.display()));
    let texts = [read(base)?, read(ours)?, read(theirs)?];
    let mut versions = Vec::new();
    for text in &texts {
        match parse_part(file, text, catalogue) {
            Ok(workspace) => versions.push(workspace),
            Err(why) => {
                errln!("isms merge-driver: {path}: {why}; merging line by line instead");
                return line_merge(base, ours, theirs);
            }
        }
    }
    let result = merge(&versions[0], &versions[1], &versions[2]);
    let text = render_file(file, &result.merged).unwrap_or_default();
    std::fs::write(ours, text).with_context(|| format!("{}", ours.display()))?;
    for moved in &result.renumbered {
        errln!(
            "isms merge-driver: {path}: {} {} was added on both sides; the incoming one is now {}",
            moved.kind,
            moved.from,
            moved.to
        );
    }
    let workspace_dir = Path::new(path).parent().unwrap_or(Path::new(""));
    let dir = if workspace_dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        workspace_dir
    };
    record_file_conflicts(dir, file, kinds_in(file), &result.conflicts, &texts[2])
        .map_err(anyhow::Error::msg)?;
    if result.is_clean() {
        return Ok(ExitCode::SUCCESS);
    }
    for c in &result.conflicts {
        errln!(
            "isms merge-driver: conflict in {} {} {}: ours {:?}, theirs {:?}",
            c.kind,
            c.record,
            c.field,
            c.ours,
            c.theirs
        );
    }
    errln!(
        "isms merge-driver: {path} keeps ours for these fields; the choices are in {}",
        dir.join(crate::store::git::CONFLICTS_FILE).display()
    );
    Ok(ExitCode::from(EXIT_FINDINGS))
}

/// Git's own line merge, with conflict markers, for files isms cannot read.
fn line_merge(base: &Path, ours: &Path, theirs: &Path) -> anyhow::Result<ExitCode> {
    let status = Command::new("git")
        .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
        .args([ours, base, theirs])
        .status()
        .context("cannot run git merge-file")?;
    Ok(if status.success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FINDINGS)
    })
}
