//! `isms soa`: the Statement of Applicability as a table or JSON, with the derived reasons and
//! the risks linked to each control.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Serialize;

use super::ListFormat;
use super::output::{Style, truncate};
use crate::domain::catalogue::Catalogue;
use crate::domain::soa::{Applicability, Reason, Status};
use crate::domain::text::sanitize_line;
use crate::domain::workspace::Workspace;

pub fn run(dir: &Path, catalogue: &Catalogue, format: ListFormat) -> anyhow::Result<ExitCode> {
    let workspace = super::workspace_io::read(dir, catalogue)?;
    match format {
        ListFormat::Table => print!("{}", table(&workspace, catalogue, Style::detect())),
        ListFormat::Json => println!("{}", json(&workspace, catalogue)?),
    }
    Ok(ExitCode::SUCCESS)
}

/// One SoA entry as `isms soa --format json` prints it.
#[derive(Serialize)]
struct JsonEntry<'a> {
    control: &'a str,
    title: &'a str,
    applicability: Applicability,
    /// Given by hand plus `risk_treatment` when a risk names the control.
    reasons: Vec<Reason>,
    justification: &'a str,
    status: Status,
    note: &'a str,
    owner: &'a str,
    evidence: &'a [String],
    reviewed: Option<NaiveDate>,
    risks: Vec<&'a str>,
}

pub fn json(workspace: &Workspace, catalogue: &Catalogue) -> serde_json::Result<String> {
    #[derive(Serialize)]
    struct Report<'a> {
        entries: Vec<JsonEntry<'a>>,
    }
    let entries = workspace
        .soa
        .entries
        .iter()
        .map(|entry| JsonEntry {
            control: &entry.control,
            title: catalogue
                .get(&entry.control)
                .map_or("", |c| c.title.as_str()),
            applicability: entry.applicability,
            reasons: workspace.reasons(&entry.control),
            justification: &entry.justification,
            status: entry.status,
            note: &entry.note,
            owner: &entry.owner,
            evidence: &entry.evidence,
            reviewed: entry.reviewed,
            risks: workspace
                .risks
                .treated_by(&entry.control)
                .map(|r| r.id.as_str())
                .collect(),
        })
        .collect();
    serde_json::to_string_pretty(&Report { entries })
}

fn table(workspace: &Workspace, catalogue: &Catalogue, style: Style) -> String {
    let mut out = style.bold(&format!(
        "{:<6} {:<10} {:<11} {:<5} {}\n",
        "ID", "DECISION", "STATUS", "RISKS", "TITLE / OWNER"
    ));
    for entry in &workspace.soa.entries {
        let title = catalogue
            .get(&entry.control)
            .map_or("", |c| c.title.as_str());
        let risks = workspace.risks.treated_by(&entry.control).count();
        let mut text = sanitize_line(title);
        if !entry.owner.is_empty() {
            text = format!("{text} — {}", sanitize_line(&entry.owner));
        }
        let row = format!(
            "{:<6} {:<10} {:<11} {:<5} {}",
            entry.control,
            entry.applicability.name(),
            entry.status.label(),
            if risks == 0 {
                String::new()
            } else {
                risks.to_string()
            },
            truncate(&text, 80 - 36)
        );
        out.push_str(row.trim_end());
        out.push('\n');
    }
    let count = |a: Applicability| {
        workspace
            .soa
            .entries
            .iter()
            .filter(|e| e.applicability == a)
            .count()
    };
    out.push_str(&style.dim(&format!(
        "{} controls: {} applicable, {} excluded, {} undecided\n",
        workspace.soa.entries.len(),
        count(Applicability::Applicable),
        count(Applicability::Excluded),
        count(Applicability::Undecided)
    )));
    out
}
