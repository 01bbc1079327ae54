//! `isms workspace` shows the workspace's settings; `isms workspace set …` changes the
//! organisation, scope statement, SoA version and risk method that every document carries. A
//! change of the risk method first says which risks change level; `--dry-run` stops there.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;

use super::TextOrJson;
use super::workspace_io::{edit, read, refused};
use crate::domain::catalogue::Catalogue;
use crate::domain::edit::EditError;
use crate::domain::edit_settings::{LevelChange, SettingsChange, level_changes, set_settings};
use crate::domain::workspace::{Level, Workspace};

#[derive(Debug, Subcommand)]
pub enum WorkspaceAction {
    /// Show the settings: name, organisation, scope, SoA version, catalogue and risk method.
    Show {
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Change settings; only the given ones change.
    Set {
        /// The workspace's short name.
        #[arg(long)]
        name: Option<String>,
        /// The organisation named on every exported document.
        #[arg(long)]
        organisation: Option<String>,
        /// The ISMS scope statement.
        #[arg(long, conflicts_with = "scope_file")]
        scope: Option<String>,
        /// Read the scope statement from a file (`-` for stdin).
        #[arg(long, value_name = "FILE")]
        scope_file: Option<PathBuf>,
        /// The SoA version printed on exports, e.g. 2.1.
        #[arg(long)]
        soa_version: Option<String>,
        /// Risks scoring at or below this are within appetite.
        #[arg(long, value_name = "SCORE")]
        acceptance_threshold: Option<u32>,
        /// Move a level band's lower bound: LEVEL=SCORE, e.g. high=12 (repeatable).
        #[arg(long = "band", value_name = "LEVEL=SCORE", value_parser = parse_band)]
        bands: Vec<(Level, u32)>,
        /// Rename a likelihood value: N=LABEL, e.g. 3=Possible (repeatable).
        #[arg(long = "likelihood-label", value_name = "N=LABEL", value_parser = parse_label)]
        likelihood_labels: Vec<(u8, String)>,
        /// Rename an impact value: N=LABEL (repeatable).
        #[arg(long = "impact-label", value_name = "N=LABEL", value_parser = parse_label)]
        impact_labels: Vec<(u8, String)>,
        /// Say what would change (and which risks change level) without saving.
        #[arg(long)]
        dry_run: bool,
    },
}

pub fn run(dir: &Path, catalogue: &Catalogue, action: WorkspaceAction) -> anyhow::Result<ExitCode> {
    let (change, dry_run) = match action {
        WorkspaceAction::Show { format } => return show(dir, catalogue, format),
        WorkspaceAction::Set {
            name,
            organisation,
            scope,
            scope_file,
            soa_version,
            acceptance_threshold,
            bands,
            likelihood_labels,
            impact_labels,
            dry_run,
        } => {
            let scope = match scope_file {
                Some(file) => Some(super::soa_set::read_text_argument(&file)?),
                None => scope,
            };
            let change = SettingsChange {
                name,
                organisation,
                scope,
                soa_version,
                acceptance_threshold,
                bands,
                likelihood_labels,
                impact_labels,
            };
            (change, dry_run)
        }
    };
    let apply = |workspace: &mut Workspace| {
        let before = workspace.settings.clone();
        let changed = set_settings(workspace, &change)?;
        Ok::<_, EditError>((changed, level_changes(workspace, &before)))
    };
    let result = if dry_run {
        apply(&mut read(dir, catalogue)?)
    } else {
        edit(dir, catalogue, apply)?
    };
    match result {
        Ok((changed, moves)) => {
            report(
                &changed,
                &moves,
                if dry_run { "would change" } else { "changed" },
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => Ok(refused(&error)),
    }
}

/// Says what changed, after the save succeeded (or what would, with `--dry-run`).
fn report(changed: &[&str], moves: &[LevelChange], verb: &str) {
    if changed.is_empty() {
        outln!("The workspace already has these settings.");
        return;
    }
    outln!("Settings {verb}: {}.", changed.join(", "));
    if changed.contains(&"risk_method") {
        outln!(
            "{} risk level{} {verb} with the new method{}",
            moves.len(),
            if moves.len() == 1 { "" } else { "s" },
            if moves.is_empty() { "." } else { ":" }
        );
        for m in moves {
            outln!(
                "  {} {}: {} → {}",
                m.risk,
                if m.residual { "residual" } else { "inherent" },
                m.before.name(),
                m.after.name()
            );
        }
    }
}

fn show(dir: &Path, catalogue: &Catalogue, format: TextOrJson) -> anyhow::Result<ExitCode> {
    let settings = read(dir, catalogue)?.settings;
    match format {
        TextOrJson::Json => super::print::json_line(&serde_json::to_string_pretty(&settings)?),
        TextOrJson::Text => {
            let or_none = |text: &str| {
                if text.is_empty() {
                    "(not set: isms workspace set …)".to_string()
                } else {
                    text.to_string()
                }
            };
            outln!("Name:          {}", settings.name);
            outln!("Organisation:  {}", or_none(&settings.organisation));
            outln!("SoA version:   {}", settings.soa_version);
            outln!("Catalogue:     {}", settings.catalogue);
            outln!(
                "Scope:         {}",
                or_none(&settings.scope).replace('\n', "\n               ")
            );
            let method = &settings.risk_method;
            let labels = |scale: &[crate::domain::workspace::ScalePoint]| {
                scale
                    .iter()
                    .map(|p| format!("{}={}", p.value, p.label))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            outln!("Likelihood:    {}", labels(&method.likelihood));
            outln!("Impact:        {}", labels(&method.impact));
            let bands: Vec<String> = method
                .bands
                .iter()
                .map(|b| format!("{} from {}", b.level.name(), b.from))
                .collect();
            outln!("Levels:        {}", bands.join(", "));
            outln!(
                "Acceptance:    scores up to {}",
                method.acceptance_threshold
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_band(text: &str) -> Result<(Level, u32), String> {
    let (level, score) = text
        .split_once('=')
        .ok_or("expected LEVEL=SCORE, e.g. high=12")?;
    let level = [Level::Low, Level::Medium, Level::High, Level::Critical]
        .into_iter()
        .find(|l| l.name().eq_ignore_ascii_case(level.trim()))
        .ok_or("the levels are low, medium, high and critical")?;
    let score = score
        .trim()
        .parse()
        .map_err(|_| "the score is a whole number".to_string())?;
    Ok((level, score))
}

fn parse_label(text: &str) -> Result<(u8, String), String> {
    let (value, label) = text
        .split_once('=')
        .ok_or("expected N=LABEL, e.g. 3=Possible")?;
    let value = value
        .trim()
        .parse()
        .map_err(|_| "N is a scale value such as 3".to_string())?;
    Ok((value, label.to_string()))
}
