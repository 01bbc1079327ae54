//! `isms diff [REV]`: every record changed since a revision (default: the last approved SoA),
//! field by field, as text, Markdown or JSON — "what changed since the approved SoA".

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::ValueEnum;
use serde::Serialize;

use crate::domain::catalogue::Catalogue;
use crate::domain::merge_diff::{RecordDiff, diff_workspaces};
use crate::domain::workspace::Workspace;
use crate::domain::workspace_format::{RISKS_FILE, SOA_FILE, WORKSPACE_FILE};
use crate::domain::workspace_load::{parse_risks, parse_settings, parse_soa};
use crate::store::git::{self, Approval};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Serialize)]
struct Report<'a> {
    since: &'a str,
    approval: Option<&'a Approval>,
    records: &'a [RecordDiff],
}

pub fn run(
    dir: &Path,
    catalogue: &Catalogue,
    rev: Option<String>,
    format: DiffFormat,
) -> anyhow::Result<ExitCode> {
    let approval = git::last_approval(dir);
    let since = match (&rev, &approval) {
        (Some(rev), _) => rev.clone(),
        (None, Some(approval)) => approval.tag.clone(),
        (None, None) => bail!(
            "no approved SoA version yet (`isms approve soa`); name a revision: `isms diff REV`"
        ),
    };
    let approval = approval.filter(|a| rev.is_none() || rev.as_deref() == Some(a.tag.as_str()));
    let old = workspace_at(dir, catalogue, &since)?;
    let new = super::workspace_io::read(dir, catalogue)?;
    let records = diff_workspaces(&old, &new);
    match format {
        DiffFormat::Json => super::print::json_line(&serde_json::to_string_pretty(&Report {
            since: &since,
            approval: approval.as_ref(),
            records: &records,
        })?),
        DiffFormat::Text => out!("{}", text(&since, &records)),
        DiffFormat::Markdown => super::print::write_stdout(
            markdown(&since, approval.as_ref(), &records).as_bytes(),
            super::print::Kind::Document,
        ),
    }
    Ok(ExitCode::SUCCESS)
}

/// The workspace as committed at `rev`; a file missing there reads as empty.
fn workspace_at(dir: &Path, catalogue: &Catalogue, rev: &str) -> anyhow::Result<Workspace> {
    let read = |file: &str| -> anyhow::Result<Option<String>> { Ok(git::file_at(dir, rev, file)?) };
    let place = |file: &str| format!("{rev}:{file}");
    let mut workspace = Workspace::default();
    if let Some(text) = read(WORKSPACE_FILE)? {
        workspace.settings = parse_settings(&text, &place(WORKSPACE_FILE))?;
    }
    if let Some(text) = read(SOA_FILE)? {
        workspace.soa = parse_soa(&text, &place(SOA_FILE), catalogue)?.soa;
    }
    if let Some(text) = read(RISKS_FILE)? {
        workspace.risks = parse_risks(
            &text,
            &place(RISKS_FILE),
            catalogue,
            &workspace.settings.risk_method,
        )
        .with_context(|| format!("reading {}", place(RISKS_FILE)))?;
    }
    Ok(workspace)
}

fn text(since: &str, records: &[RecordDiff]) -> String {
    if records.is_empty() {
        return format!("No record changed since {since}.\n");
    }
    let mut out = format!("{} record(s) changed since {since}:\n", records.len());
    for record in records {
        out.push_str(&format!(
            "{} {}: {}\n",
            record.kind, record.record, record.what
        ));
        for change in &record.changes {
            out.push_str(&format!("    {}\n", change.summary()));
        }
    }
    out
}

fn markdown(since: &str, approval: Option<&Approval>, records: &[RecordDiff]) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', "<br>");
    let mut out = format!("# Changes since {since}\n\n");
    if let Some(a) = approval {
        out.push_str(&format!(
            "Approved SoA version {} by {} on {} (commit {}).\n\n",
            a.version, a.approver, a.date, a.commit
        ));
    }
    if records.is_empty() {
        out.push_str("No record changed.\n");
        return out;
    }
    out.push_str("| Record | Change | Field | Before | After |\n|---|---|---|---|---|\n");
    for record in records {
        let name = format!("{} {}", record.kind, record.record);
        if record.changes.is_empty() || record.what != "changed" {
            out.push_str(&format!("| {} | {} | | | |\n", cell(&name), record.what));
        }
        if record.what == "changed" {
            for c in &record.changes {
                out.push_str(&format!(
                    "| {} | changed | {} | {} | {} |\n",
                    cell(&name),
                    cell(&c.field),
                    cell(&c.before),
                    cell(&c.after)
                ));
            }
        }
    }
    out
}
