//! `isms merge-driver %O %A %B %P`: git's merge driver for the workspace files. Merges record by
//! record with the domain's merge, writes the canonical format into %A, records real conflicts in
//! `.isms-conflicts.ron` next to the workspace (keeping ours in the file) and then exits 1, so
//! that git stops the merge there. Files it cannot read fall back to git's line merge.

use std::path::Path;
use std::process::{Command, ExitCode};

use anyhow::Context;

use super::EXIT_FINDINGS;
use crate::domain::catalogue::Catalogue;
use crate::domain::merge::merge;
use crate::domain::risk::RiskRegister;
use crate::domain::soa::Soa;
use crate::domain::workspace::{RiskMethod, ScalePoint, Settings, Workspace};
use crate::domain::workspace_format::{
    RISKS_FILE, SOA_FILE, WORKSPACE_FILE, render_risks, render_settings, render_soa,
};
use crate::domain::workspace_load::{parse_risks, parse_settings, parse_soa};
use crate::store::git::record_conflicts;

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
        match parse(file, text, catalogue) {
            Ok(workspace) => versions.push(workspace),
            Err(why) => {
                errln!("isms merge-driver: {path}: {why}; merging line by line instead");
                return line_merge(base, ours, theirs);
            }
        }
    }
    let result = merge(&versions[0], &versions[1], &versions[2]);
    let (text, kinds): (String, &[&str]) = match file {
        SOA_FILE => (render_soa(&result.merged.soa), &["soa"]),
        RISKS_FILE => (render_risks(&result.merged.risks), &["risk"]),
        _ => (render_settings(&result.merged.settings), &["workspace"]),
    };
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
    record_conflicts(dir, kinds, &result.conflicts).map_err(anyhow::Error::msg)?;
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

/// One version of one workspace file as a workspace holding only that file's part. An empty
/// version (the file did not exist in the base) is an empty part.
fn parse(file: &str, text: &str, catalogue: &Catalogue) -> Result<Workspace, String> {
    let empty = text.trim().is_empty();
    let mut workspace = Workspace::default();
    match file {
        SOA_FILE if empty => workspace.soa = Soa::default(),
        SOA_FILE => {
            workspace.soa = parse_soa(text, file, catalogue)
                .map_err(|e| e.to_string())?
                .soa
        }
        RISKS_FILE if empty => workspace.risks = RiskRegister::default(),
        RISKS_FILE => {
            workspace.risks =
                parse_risks(text, file, catalogue, &any_rating()).map_err(|e| e.to_string())?
        }
        WORKSPACE_FILE if empty => workspace.settings = Settings::default(),
        WORKSPACE_FILE => {
            workspace.settings = parse_settings(text, file).map_err(|e| e.to_string())?
        }
        other => return Err(format!("{other:?} is not a workspace file")),
    }
    Ok(workspace)
}

/// A method that takes every rating: the scales live in workspace.ron, which this merge does not
/// see; opening the merged workspace checks the ratings against them.
fn any_rating() -> RiskMethod {
    let scale: Vec<ScalePoint> = (1..=u8::MAX)
        .map(|value| ScalePoint {
            value,
            label: String::new(),
        })
        .collect();
    RiskMethod {
        likelihood: scale.clone(),
        impact: scale,
        ..RiskMethod::default()
    }
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
