//! `isms import soa|risks FILE [--dry-run] [--overwrite] [--map HEADER=field]… [--date-order]`:
//! read a CSV or XLSX file, plan the changes, print the report, and apply them through the
//! store's atomic save under the lock. All printing of the report happens in [`print_report`].
//!
//! Exit codes: 0 imported (or nothing to change); 1 imported, but rows were skipped or cells not
//! understood (see the report); 2 the file or the workspace cannot be used, or the import would
//! replace decisions already made and `--overwrite` was not given. `--dry-run` writes nothing and
//! exits as the real import would.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};

use super::{EXIT_BAD_INPUT, EXIT_FINDINGS};
use crate::domain::catalogue::Catalogue;
use crate::domain::stamp::Stamp;
use crate::domain::workspace::Workspace;
use crate::export::import::table::MAX_IMPORT_BYTES;
use crate::export::import::{
    DateOrder, Mapping, Options, Plan, Report, apply_risks, apply_soa, plan_risks, plan_soa,
    read_sheets,
};
use crate::store::{self, Access, Opened, StoreError};

/// What `isms import --help` says after the options.
const AFTER_HELP: &str = "\
Headings and values are recognised in English, German, French, Spanish, Czech and Greek
(Anwendbar/Begründung/Umgesetzt, Ja/Nein, Oui/Non, Sí/No, Ano/Ne, Ναι/Όχι, Low/Medium/High,
Nízká/Střední/Vysoká…), with the header found under title rows and over two rows.

A value isms does not understand is never replaced by a guess: the field is left empty and the
report names its row and column. Columns with no field are kept, under their heading, in the
entry's note (SoA) or the risk's description.

--map 'HEADER=field' says what a column means when the guess is wrong (repeatable). SoA fields:
control, title, applicability, reasons, tick_legal, tick_contractual, tick_business, tick_risk,
justification, status, note, owner, evidence, reviewed. Risk fields: id, title, description,
asset, threat, vulnerability, owner, likelihood, impact, treatment, controls,
residual_likelihood, residual_impact, status, accepted_by, accepted_on, accepted_until,
next_review, created.

Dates: 2025-03-31, 31.03.2025, 31/03/2025, 31 Mar 2025 and Excel day numbers are read as they
are; 03/04/2025 could be either order, so it is left empty and reported unless --date-order
says how the file writes dates.";

/// How the file writes dates such as 03/04/2025.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DateOrderArg {
    /// Day first: 03/04/2025 is 3 April.
    Dmy,
    /// Month first: 03/04/2025 is 4 March.
    Mdy,
}

#[derive(Debug, Subcommand)]
#[command(after_help = AFTER_HELP)]
pub enum ImportKind {
    /// Import a Statement of Applicability (2013-keyed sheets migrate to the 2022 controls).
    #[command(after_help = AFTER_HELP)]
    Soa(ImportArgs),
    /// Import a risk register; rows without a risk id get the next free ids.
    #[command(after_help = AFTER_HELP)]
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
    /// Say what a column means: --map 'Remarks=justification' (repeatable; fields below).
    #[arg(long = "map", value_name = "HEADER=field", value_parser = parse_mapping)]
    maps: Vec<Mapping>,
    /// How the file writes dates like 03/04/2025 when its dates do not tell.
    #[arg(long, value_enum, value_name = "ORDER")]
    date_order: Option<DateOrderArg>,
}

fn parse_mapping(text: &str) -> Result<Mapping, String> {
    Mapping::parse(text)
}

impl ImportArgs {
    fn options(&self) -> Options {
        Options {
            mappings: self.maps.clone(),
            date_order: match self.date_order {
                None => DateOrder::Unknown,
                Some(DateOrderArg::Dmy) => DateOrder::DayFirst,
                Some(DateOrderArg::Mdy) => DateOrder::MonthFirst,
            },
        }
    }
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
            let plan = plan_soa(
                &sheets,
                &name,
                &opened.workspace,
                catalogue,
                &args.options(),
            )?;
            finish(opened, &plan, apply_soa, &args, what)
        }
        ImportKind::Risks(args) => {
            let today = store::today();
            let plan = plan_risks(
                &sheets,
                &name,
                &opened.workspace,
                catalogue,
                today,
                &args.options(),
            )?;
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
    print_report(&plan.report);
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
            outln!(
                "Nothing to change: read {} from the file; the workspace already holds their values.",
                count(plan.report.decisions)
            );
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

/// The one place the import report reaches the terminal.
fn print_report(report: &Report) {
    out!("{report}");
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
