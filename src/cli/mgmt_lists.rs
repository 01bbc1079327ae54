//! The management-system listings: plain text for people, `--format json` for machines.

use std::path::Path;
use std::process::ExitCode;

use std::fmt::Write;

use serde::Serialize;

use super::TextOrJson;
use super::export_output::emit;
use super::workspace_io::read;
use crate::domain::catalogue::Catalogue;
use crate::domain::mgmt::clauses::clause;

fn print_json<T: Serialize>(value: &T) -> anyhow::Result<ExitCode> {
    super::print::json_line(&serde_json::to_string_pretty(value)?);
    Ok(ExitCode::SUCCESS)
}

/// Prints to stdout; a closed pipe (`| head`) ends the output quietly.
fn print(text: &str) -> anyhow::Result<ExitCode> {
    emit(None, text.as_bytes(), super::print::Kind::Human)?;
    Ok(ExitCode::SUCCESS)
}

fn or_dash(text: &str) -> &str {
    if text.trim().is_empty() { "-" } else { text }
}

pub fn clauses(dir: &Path, catalogue: &Catalogue, format: TextOrJson) -> anyhow::Result<ExitCode> {
    let workspace = read(dir, catalogue)?;
    let mut out = String::new();
    let entries = &workspace.mgmt.system.clauses;
    if format == TextOrJson::Json {
        #[derive(Serialize)]
        struct Row<'a> {
            title: &'a str,
            #[serde(flatten)]
            entry: &'a crate::domain::mgmt::system::ClauseEntry,
        }
        let rows: Vec<Row> = entries
            .iter()
            .map(|entry| Row {
                title: clause(&entry.clause).map_or("", |c| c.title),
                entry,
            })
            .collect();
        return print_json(&serde_json::json!({ "clauses": rows }));
    }
    for entry in entries {
        let title = clause(&entry.clause).map_or("", |c| c.title);
        let reviewed = entry.reviewed.map_or("-".to_string(), |d| d.to_string());
        writeln!(
            out,
            "{:<6} {:<11} {:<16} {:<10} {:<14} {}",
            entry.clause,
            entry.status.name(),
            or_dash(&entry.owner),
            reviewed,
            or_dash(&entry.evidence.join(",")),
            title
        )?;
    }
    print(&out)
}

pub fn evidence(dir: &Path, catalogue: &Catalogue, format: TextOrJson) -> anyhow::Result<ExitCode> {
    let workspace = read(dir, catalogue)?;
    let mut out = String::new();
    let items = &workspace.mgmt.evidence.items;
    if format == TextOrJson::Json {
        return print_json(&serde_json::json!({ "evidence": items }));
    }
    for item in items {
        let review_by = item.review_by.map_or("-".to_string(), |d| d.to_string());
        writeln!(
            out,
            "{:<6} {:<8} {:<10} {}  [{}]",
            item.id,
            item.kind.name(),
            review_by,
            item.title,
            item.supports.join(", ")
        )?;
    }
    print(&out)
}

pub fn audits(dir: &Path, catalogue: &Catalogue, format: TextOrJson) -> anyhow::Result<ExitCode> {
    let workspace = read(dir, catalogue)?;
    let mut out = String::new();
    let book = &workspace.mgmt.audits;
    if format == TextOrJson::Json {
        return print_json(&serde_json::json!({
            "programme": book.programme,
            "audits": book.audits,
        }));
    }
    writeln!(
        out,
        "Programme: {}-year cycle. {}",
        book.programme.cycle_years, book.programme.note
    )?;
    for audit in &book.audits {
        let day = audit.day().map_or("-".to_string(), |d| d.to_string());
        writeln!(
            out,
            "{:<6} {:<13} {:<11} {:<10} {}  (auditor: {})",
            audit.id,
            audit.kind.name(),
            audit.status.name(),
            day,
            audit.title,
            or_dash(&audit.auditor)
        )?;
        for item in &audit.items {
            writeln!(
                out,
                "  {:<8} {:<14} {:<11} {}  [population: {}; sample: {}]",
                item.id,
                item.reference,
                item.result.name(),
                item.tested,
                or_dash(&item.population),
                or_dash(&item.sample)
            )?;
        }
    }
    print(&out)
}

pub fn findings(dir: &Path, catalogue: &Catalogue, format: TextOrJson) -> anyhow::Result<ExitCode> {
    let workspace = read(dir, catalogue)?;
    let mut out = String::new();
    let items = &workspace.mgmt.findings.items;
    if format == TextOrJson::Json {
        return print_json(&serde_json::json!({ "findings": items }));
    }
    for item in items {
        let due = item.due.map_or("-".to_string(), |d| d.to_string());
        writeln!(
            out,
            "{:<6} {:<11} {:<14} {:<10} {:<22} {}",
            item.id,
            item.kind.name(),
            item.status.name(),
            due,
            item.source.label(),
            item.statement
        )?;
    }
    print(&out)
}

pub fn reviews(dir: &Path, catalogue: &Catalogue, format: TextOrJson) -> anyhow::Result<ExitCode> {
    let workspace = read(dir, catalogue)?;
    let mut out = String::new();
    let reviews = &workspace.mgmt.audits.reviews;
    if format == TextOrJson::Json {
        return print_json(&serde_json::json!({ "reviews": reviews }));
    }
    for review in reviews {
        let missing = review.undiscussed().len();
        writeln!(
            out,
            "{:<7} {}  chair: {}  inputs discussed: {}/{}  actions: {}",
            review.id,
            review.date,
            or_dash(&review.chair),
            crate::domain::mgmt::reviews::ReviewTopic::ALL.len() - missing,
            crate::domain::mgmt::reviews::ReviewTopic::ALL.len(),
            review.actions.len()
        )?;
    }
    print(&out)
}
