//! `isms import soa|risks FILE [--dry-run] [--overwrite]`: read a CSV or XLSX file, plan the
//! changes, print the report, and apply them through the store's atomic save under the lock.
//!
//! Exit codes: 0 imported (or nothing to change); 1 imported, but rows were skipped or cells not
//! understood (see the report); 2 the file or the workspace cannot be used, or the import would
//! replace decisions already made and `--overwrite` was not given. `--dry-run` writes nothing and
//! exits as the real import would.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::{EXIT_BAD_INPUT, EXIT_FINDINGS};
use crate::domain::catalogue::Catalogue;
use crate::domain::stamp::Stamp;
use crate::domain::workspace::Workspace;
use crate::export::import::table::MAX_IMPORT_BYTES;
use crate::export::import::{Plan, apply_risks, apply_soa, plan_risks, plan_soa, read_sheets};
use crate::store::{self, Access, Opened, StoreError};

#[derive(Debug, Subcommand)]
pub enum ImportKind {
    /// Import a Statement of Applicability (2013-keyed sheets migrate to the 2022 controls).
    Soa(ImportArgs),
    /// Import a risk register; rows without a risk id get the next free ids.
    Risks(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A CSV (UTF-8) or XLSX file.
    file: PathBuf,
    /// Print the report and what would change; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Replace decisions already in the workspace (refused without it).
    #[arg(long)]
    overwrite: bool,
}

pub fn run(dir: &Path, catalogue: &Catalogue, kind: ImportKind) -> anyhow::Result<ExitCode> {
    let (args, what) = match &kind {
        ImportKind::Soa(args) => (args, ("SoA entry", "SoA entries")),
        ImportKind::Risks(args) => (args, ("risk", "risks")),
    };
    let name = args.file.display().to_string();
    let bytes = store::read::read_bytes_limited(&args.file, &name, MAX_IMPORT_BYTES as u64)?;
    let sheets = read_sheets(&bytes, &name)?;
    let access = if args.dry_run {
        Access::ReadOnly
    } else {
        Access::Edit
    };
    let opened = store::open(dir, catalogue, access)?;
    if let (false, Some(reason)) = (args.dry_run, opened.handle.read_only()) {
        return Err(StoreError::ReadOnly {
            dir: dir.display().to_string(),
            reason: reason.to_string(),
        }
        .into());
    }
    for note in &opened.notes {
        errln!("isms: note: {note}");
    }
    match kind {
        ImportKind::Soa(args) => {
            let plan = plan_soa(&sheets, &name, &opened.workspace, catalogue)?;
            finish(opened, &plan, apply_soa, &args, what)
        }
        ImportKind::Risks(args) => {
            let today = store::today();
            let plan = plan_risks(&sheets, &name, &opened.workspace, catalogue, today)?;
            finish(opened, &plan, apply_risks, &args, what)
        }
    }
}

/// Prints the report, then refuses, stops (dry run) or applies and saves the plan.
fn finish<T>(
    mut opened: Opened,
    plan: &Plan<T>,
    apply: fn(&mut Workspace, &Plan<T>, &Stamp),
    args: &ImportArgs,
    what: (&str, &str),
) -> anyhow::Result<ExitCode> {
    let count = |n: usize| format!("{n} {}", if n == 1 { what.0 } else { what.1 });
    out!("{}", plan.report);
    let keys: Vec<&str> = plan.changes.iter().map(|c| c.key.as_str()).collect();
    let overwritten: Vec<&str> = plan.overwrites().map(|c| c.key.as_str()).collect();
    let refused = !overwritten.is_empty() && !args.overwrite;
    let imperfect = !plan.report.skipped.is_empty() || !plan.report.warnings.is_empty();
    if args.dry_run {
        if keys.is_empty() {
            outln!("Dry run: nothing would change.");
        } else {
            outln!(
                "Dry run: would change {}: {}; nothing was written.",
                count(keys.len()),
                listed(&keys)
            );
        }
    }
    if refused {
        errln!(
            "isms: {} of these would replace decisions already in the workspace ({}); nothing was changed — run again with --overwrite to replace them",
            overwritten.len(),
            listed(&overwritten)
        );
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    if !args.dry_run {
        if keys.is_empty() {
            outln!("Nothing to change: the workspace already holds these values.");
        } else {
            apply(&mut opened.workspace, plan, &store::stamp_now());
            let written = opened.handle.save(&opened.workspace)?;
            outln!(
                "Imported {}; saved {}.",
                count(keys.len()),
                written.join(", ")
            );
        }
    }
    Ok(if imperfect {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

/// Up to twelve keys, then how many more.
fn listed(keys: &[&str]) -> String {
    const SHOWN: usize = 12;
    let mut text = keys[..keys.len().min(SHOWN)].join(", ");
    if keys.len() > SHOWN {
        text.push_str(&format!(" and {} more", keys.len() - SHOWN));
    }
    text
}
