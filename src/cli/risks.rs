//! `isms risks`: the risk register as a table or JSON, with scores and levels derived from the
//! workspace's risk method.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Serialize;

use super::ListFormat;
use super::output::{Style, truncate};
use crate::domain::catalogue::Catalogue;
use crate::domain::risk::{Acceptance, Risk, RiskStatus, Treatment};
use crate::domain::stamp::Stamp;
use crate::domain::text::sanitize_line;
use crate::domain::workspace::{Level, Workspace};

pub fn run(dir: &Path, catalogue: &Catalogue, format: ListFormat) -> anyhow::Result<ExitCode> {
    let workspace = super::workspace_io::read(dir, catalogue)?;
    match format {
        ListFormat::Table => print!("{}", table(&workspace, Style::detect())),
        ListFormat::Json => println!("{}", json(&workspace)?),
    }
    Ok(ExitCode::SUCCESS)
}

/// One risk as `isms risks --format json` prints it.
#[derive(Serialize)]
struct JsonRisk<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    asset: &'a str,
    threat: &'a str,
    vulnerability: &'a str,
    owner: &'a str,
    likelihood: u8,
    impact: u8,
    score: u32,
    level: Level,
    treatment: Treatment,
    controls: &'a [String],
    residual_likelihood: Option<u8>,
    residual_impact: Option<u8>,
    residual_score: Option<u32>,
    residual_level: Option<Level>,
    status: RiskStatus,
    acceptance: Option<&'a Acceptance>,
    next_review: Option<NaiveDate>,
    created: NaiveDate,
    updated: Option<&'a Stamp>,
}

pub fn json(workspace: &Workspace) -> serde_json::Result<String> {
    #[derive(Serialize)]
    struct Report<'a> {
        risks: Vec<JsonRisk<'a>>,
    }
    let method = &workspace.settings.risk_method;
    let risks = workspace
        .risks
        .risks
        .iter()
        .map(|r: &Risk| JsonRisk {
            id: &r.id,
            title: &r.title,
            description: &r.description,
            asset: &r.asset,
            threat: &r.threat,
            vulnerability: &r.vulnerability,
            owner: &r.owner,
            likelihood: r.likelihood,
            impact: r.impact,
            score: r.inherent_score(),
            level: method.level(r.inherent_score()),
            treatment: r.treatment,
            controls: &r.controls,
            residual_likelihood: r.residual_likelihood,
            residual_impact: r.residual_impact,
            residual_score: r.residual_score(),
            residual_level: r.residual_score().map(|s| method.level(s)),
            status: r.status,
            acceptance: r.acceptance.as_ref(),
            next_review: r.next_review,
            created: r.created,
            updated: r.updated.as_ref(),
        })
        .collect();
    serde_json::to_string_pretty(&Report { risks })
}

fn table(workspace: &Workspace, style: Style) -> String {
    let method = &workspace.settings.risk_method;
    let mut out = style.bold(&format!(
        "{:<7} {:<5} {:<8} {:<9} {:<8} {}\n",
        "ID", "L×I", "LEVEL", "TREAT", "STATUS", "TITLE"
    ));
    for risk in &workspace.risks.risks {
        let score = risk.inherent_score();
        let rating = format!("{}×{}", risk.likelihood, risk.impact);
        let row = format!(
            "{:<7} {:<5} {:<8} {:<9} {:<8} {}",
            truncate(&sanitize_line(&risk.id), 7),
            rating,
            method.level(score).name(),
            risk.treatment.name(),
            risk.status.name(),
            truncate(&sanitize_line(&risk.title), 80 - 43)
        );
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out.push_str(&style.dim(&format!("{} risk(s)\n", workspace.risks.risks.len())));
    out
}
