//! `isms risk add|set|rm`: change the risk register under the lock, saved atomically.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::soa_set::parse_date;
use super::workspace_io::{edit, refused};
use crate::domain::catalogue::Catalogue;
use crate::domain::edit::{RiskChange, add_risk, remove_risk, set_risk};
use crate::domain::risk::{RiskStatus, Treatment};
use crate::store;

#[derive(Debug, Subcommand)]
pub enum RiskAction {
    /// Add a risk; prints its new id.
    Add(RiskFields),
    /// Change a risk; only the given fields change.
    Set {
        /// The risk id, e.g. R-001.
        id: String,
        #[command(flatten)]
        fields: RiskFields,
    },
    /// Remove a risk.
    Rm {
        /// The risk id, e.g. R-001.
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct RiskFields {
    /// A short name for the risk.
    #[arg(long)]
    title: Option<String>,
    /// What could happen, in a sentence or two.
    #[arg(long)]
    description: Option<String>,
    /// What is at risk.
    #[arg(long)]
    asset: Option<String>,
    /// What could cause it.
    #[arg(long)]
    threat: Option<String>,
    /// The weakness the threat would use.
    #[arg(long)]
    vulnerability: Option<String>,
    /// Who answers for the risk.
    #[arg(long)]
    owner: Option<String>,
    /// On the workspace's likelihood scale (default 1–5).
    #[arg(long)]
    likelihood: Option<u8>,
    /// On the workspace's impact scale (default 1–5).
    #[arg(long)]
    impact: Option<u8>,
    /// modify, retain, avoid, share, or undecided (isms check asks to decide it).
    #[arg(long, value_parser = parse_treatment)]
    treatment: Option<Treatment>,
    /// A treating control, 2022 or 2013 id (repeatable; replaces the list).
    #[arg(long = "control", value_name = "ID")]
    controls: Vec<String>,
    /// Remove every treating control.
    #[arg(long, conflicts_with = "controls")]
    no_controls: bool,
    /// The likelihood once the treatment is in place.
    #[arg(long)]
    residual_likelihood: Option<u8>,
    /// The impact once the treatment is in place.
    #[arg(long)]
    residual_impact: Option<u8>,
    /// open, treating, accepted or closed.
    #[arg(long, value_parser = parse_status)]
    status: Option<RiskStatus>,
    /// Who accepted the risk.
    #[arg(long)]
    accepted_by: Option<String>,
    /// When the risk was accepted: YYYY-MM-DD or `today`.
    #[arg(long, value_parser = parse_date)]
    accepted_on: Option<NaiveDate>,
    /// Until when the acceptance holds: YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    accepted_until: Option<NaiveDate>,
    /// The next review date: YYYY-MM-DD or `today`.
    #[arg(long, value_parser = parse_date)]
    next_review: Option<NaiveDate>,
}

impl RiskFields {
    fn into_change(self) -> RiskChange {
        RiskChange {
            title: self.title,
            description: self.description,
            asset: self.asset,
            threat: self.threat,
            vulnerability: self.vulnerability,
            owner: self.owner,
            likelihood: self.likelihood,
            impact: self.impact,
            treatment: self.treatment,
            controls: (self.no_controls || !self.controls.is_empty()).then_some(self.controls),
            residual_likelihood: self.residual_likelihood,
            residual_impact: self.residual_impact,
            status: self.status,
            accepted_by: self.accepted_by,
            accepted_on: self.accepted_on,
            accepted_until: self.accepted_until,
            next_review: self.next_review,
        }
    }
}

pub fn run(dir: &Path, catalogue: &Catalogue, mut action: RiskAction) -> anyhow::Result<ExitCode> {
    let fields = match &mut action {
        RiskAction::Add(fields) | RiskAction::Set { fields, .. } => Some(fields),
        RiskAction::Rm { .. } => None,
    };
    if let Some(fields) = fields {
        for control in &mut fields.controls {
            match super::control_id::resolve(catalogue, control) {
                Ok(id) => *control = id,
                Err(error) => return Ok(refused(&error)),
            }
        }
    }
    let stamp = store::stamp_now();
    let message = match action {
        RiskAction::Add(fields) => edit(dir, catalogue, |workspace| {
            let above_branches = store::git::next_risk_id(dir, &workspace.risks);
            add_risk(
                workspace,
                catalogue,
                fields.into_change(),
                store::today(),
                stamp,
            )
            .map(|id| store::git::renumber_added(&mut workspace.risks, &id, above_branches))
        })?,
        RiskAction::Set { id, fields } => edit(dir, catalogue, |workspace| {
            let changed = set_risk(workspace, catalogue, &id, fields.into_change(), stamp)?;
            let id = workspace
                .risks
                .get(&id)
                .map_or(id.clone(), |r| r.id.clone());
            Ok(if changed {
                format!("Updated risk {id}.")
            } else {
                format!("Risk {id} already had these values.")
            })
        })?,
        RiskAction::Rm { id } => edit(dir, catalogue, |workspace| {
            remove_risk(workspace, &id).map(|risk| format!("Removed risk {}.", risk.id))
        })?,
    };
    match message {
        Ok(text) => outln!("{text}"),
        Err(error) => return Ok(refused(&error)),
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_treatment(text: &str) -> Result<Treatment, String> {
    Treatment::from_name(text)
        .ok_or_else(|| "expected modify, retain, avoid, share or undecided".to_string())
}

fn parse_status(text: &str) -> Result<RiskStatus, String> {
    RiskStatus::from_name(text)
        .ok_or_else(|| "expected open, treating, accepted or closed".to_string())
}
