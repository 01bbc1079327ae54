//! `isms soa set ID …`: change one SoA entry under the lock, saved atomically.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;

use super::workspace_io::{edit, refused};
use crate::domain::catalogue::Catalogue;
use crate::domain::edit::{SoaChange, set_soa};
use crate::domain::soa::{Applicability, Reason, Status};
use crate::store;

#[derive(Debug, Subcommand)]
pub enum SoaAction {
    /// Change the SoA entry of one control; only the given fields change.
    Set {
        /// The control id: 8.13, A.8.13, or a 2013 id such as A.12.3.1.
        id: String,
        /// undecided, applicable or excluded.
        #[arg(long, value_parser = parse_applicability)]
        applicability: Option<Applicability>,
        /// A reason for inclusion (repeatable; replaces the list): legal_regulatory, contractual,
        /// business. risk_treatment comes from the risks.
        #[arg(long = "reason", value_parser = parse_reason)]
        reasons: Vec<Reason>,
        /// Clear the reasons given by hand.
        #[arg(long, conflicts_with = "reasons")]
        no_reasons: bool,
        /// Why the control applies or is excluded.
        #[arg(long, conflicts_with = "justification_file")]
        justification: Option<String>,
        /// Read the justification from a file (`-` for stdin).
        #[arg(long, value_name = "FILE")]
        justification_file: Option<PathBuf>,
        /// not_started, planned, partial or implemented.
        #[arg(long, value_parser = parse_status)]
        status: Option<Status>,
        /// How the control is implemented.
        #[arg(long)]
        note: Option<String>,
        /// Who answers for the control.
        #[arg(long)]
        owner: Option<String>,
        /// Where the evidence is (repeatable; replaces the list).
        #[arg(long)]
        evidence: Vec<String>,
        /// The review date: YYYY-MM-DD or `today`.
        #[arg(long, value_parser = parse_date)]
        reviewed: Option<NaiveDate>,
    },
}

pub fn run(dir: &Path, catalogue: &Catalogue, action: SoaAction) -> anyhow::Result<ExitCode> {
    let SoaAction::Set {
        id,
        applicability,
        reasons,
        no_reasons,
        justification,
        justification_file,
        status,
        note,
        owner,
        evidence,
        reviewed,
    } = action;
    let justification = match justification_file {
        Some(path) => Some(read_text_argument(&path)?),
        None => justification,
    };
    let change = SoaChange {
        applicability,
        reasons: (no_reasons || !reasons.is_empty()).then_some(reasons),
        justification,
        status,
        note,
        owner,
        evidence: (!evidence.is_empty()).then_some(evidence),
        reviewed,
    };
    let stamp = store::stamp_now();
    let control = match super::control_id::resolve(catalogue, &id) {
        Ok(control) => control,
        Err(error) => return Ok(refused(&error)),
    };
    let result = edit(dir, catalogue, |workspace| {
        set_soa(workspace, catalogue, &control, change, stamp).map(|changed| (control, changed))
    })?;
    match result {
        Ok((control, true)) => outln!("Updated the SoA entry of {control}."),
        Ok((control, false)) => outln!("The SoA entry of {control} already had these values."),
        Err(error) => return Ok(refused(&error)),
    }
    Ok(ExitCode::SUCCESS)
}

/// The text of a file given on the command line, `-` meaning stdin.
pub fn read_text_argument(path: &Path) -> anyhow::Result<String> {
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| anyhow::anyhow!("stdin: {}", store::read::io_reason(&e)))?;
        return Ok(text);
    }
    Ok(store::read::read_user_text(path)?)
}

pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    if text.trim().eq_ignore_ascii_case("today") {
        return Ok(store::today());
    }
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{text:?} is not a date; expected YYYY-MM-DD or `today`"))
}

fn parse_applicability(text: &str) -> Result<Applicability, String> {
    Applicability::from_name(text)
        .ok_or_else(|| "expected undecided, applicable or excluded".to_string())
}

fn parse_reason(text: &str) -> Result<Reason, String> {
    Reason::from_name(text).ok_or_else(|| {
        "expected legal_regulatory, contractual or business (risk_treatment comes from the risks)"
            .to_string()
    })
}

fn parse_status(text: &str) -> Result<Status, String> {
    Status::from_name(text)
        .ok_or_else(|| "expected not_started, planned, partial or implemented".to_string())
}
