//! The content of the readiness report, section by section, as blocks.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::Block;
use crate::domain::catalogue::Catalogue;
use crate::domain::mgmt::check::check as check_mgmt;
use crate::domain::mgmt::clauses::{assessable, clause};
use crate::domain::mgmt::refs::Ref;
use crate::domain::mgmt::system::ClauseStatus;
use crate::domain::soa::Applicability;
use crate::domain::workspace::Workspace;

fn table(headers: &[&str], rows: Vec<Vec<String>>) -> Block {
    Block::Table {
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

fn date(day: Option<NaiveDate>) -> String {
    day.map_or("-".to_string(), |d| d.to_string())
}

/// Every block of the report, as of `today`.
pub fn build(workspace: &Workspace, catalogue: &Catalogue, today: NaiveDate) -> Vec<Block> {
    let settings = &workspace.settings;
    let mut blocks = vec![
        Block::Title(format!("ISMS readiness report: {}", settings.name)),
        Block::Paragraph(format!(
            "{} · as of {today} · SoA version {}",
            if settings.organisation.is_empty() {
                "-"
            } else {
                &settings.organisation
            },
            settings.soa_version
        )),
        Block::Heading("Scope".to_string()),
        Block::Paragraph(if settings.scope.trim().is_empty() {
            "No scope statement is recorded yet.".to_string()
        } else {
            settings.scope.clone()
        }),
    ];
    clauses(workspace, &mut blocks);
    soa_and_risks(workspace, &mut blocks);
    coverage(workspace, catalogue, today, &mut blocks);
    findings(workspace, today, &mut blocks);
    objectives(workspace, &mut blocks);
    let open_checks = check_mgmt(workspace, catalogue, today).len();
    blocks.push(Block::Heading("Checks".to_string()));
    blocks.push(Block::Paragraph(format!(
        "`isms check` reports {open_checks} finding(s) on the management system as of {today}."
    )));
    blocks
}

fn clauses(workspace: &Workspace, blocks: &mut Vec<Block>) {
    let mgmt = &workspace.mgmt;
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in &mgmt.system.clauses {
        *counts.entry(entry.status.name()).or_default() += 1;
    }
    let summary: Vec<String> = ClauseStatus::ALL
        .iter()
        .map(|s| {
            format!(
                "{} {}",
                counts.get(s.name()).copied().unwrap_or(0),
                s.name().replace('_', " ")
            )
        })
        .collect();
    blocks.push(Block::Heading("Clauses 4–10".to_string()));
    blocks.push(Block::Paragraph(format!(
        "{} sub-clauses: {}.",
        mgmt.system.clauses.len(),
        summary.join(", ")
    )));
    let rows = mgmt
        .system
        .clauses
        .iter()
        .map(|entry| {
            let evidence: Vec<String> = entry
                .evidence
                .iter()
                .map(|id| match mgmt.evidence.get(id) {
                    Some(e) => format!("{} {}", e.id, e.title),
                    None => format!("{id} (missing)"),
                })
                .collect();
            vec![
                entry.clause.clone(),
                clause(&entry.clause).map_or("", |c| c.title).to_string(),
                entry.status.name().replace('_', " "),
                entry.owner.clone(),
                evidence.join("; "),
                date(entry.reviewed),
            ]
        })
        .collect();
    blocks.push(table(
        &["Clause", "Title", "Status", "Owner", "Evidence", "Reviewed"],
        rows,
    ));
}

fn soa_and_risks(workspace: &Workspace, blocks: &mut Vec<Block>) {
    let entries = &workspace.soa.entries;
    let count = |a: Applicability| entries.iter().filter(|e| e.applicability == a).count();
    let applicable: Vec<_> = entries
        .iter()
        .filter(|e| e.applicability == Applicability::Applicable)
        .collect();
    let mut statuses: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in &applicable {
        *statuses.entry(entry.status.label()).or_default() += 1;
    }
    let statuses: Vec<String> = statuses.iter().map(|(s, n)| format!("{n} {s}")).collect();
    blocks.push(Block::Heading("Statement of Applicability".to_string()));
    blocks.push(Block::Paragraph(format!(
        "{} controls: {} applicable, {} excluded, {} undecided. Applicable controls: {}.",
        entries.len(),
        applicable.len(),
        count(Applicability::Excluded),
        count(Applicability::Undecided),
        if statuses.is_empty() {
            "none".to_string()
        } else {
            statuses.join(", ")
        }
    )));
    let method = &workspace.settings.risk_method;
    let mut levels: BTreeMap<_, (usize, usize)> = BTreeMap::new();
    for risk in &workspace.risks.risks {
        levels
            .entry(method.level(risk.inherent_score()))
            .or_default()
            .0 += 1;
        let residual = risk.residual_score().unwrap_or(risk.inherent_score());
        levels.entry(method.level(residual)).or_default().1 += 1;
    }
    blocks.push(Block::Heading("Risks".to_string()));
    let above = workspace
        .risks
        .risks
        .iter()
        .filter(|r| r.residual_score().unwrap_or(r.inherent_score()) > method.acceptance_threshold)
        .count();
    blocks.push(Block::Paragraph(format!(
        "{} risks; {above} remain above the acceptance threshold of {} after treatment.",
        workspace.risks.risks.len(),
        method.acceptance_threshold
    )));
    let rows = levels
        .iter()
        .rev()
        .map(|(level, (inherent, residual))| {
            vec![
                level.name().to_string(),
                inherent.to_string(),
                residual.to_string(),
            ]
        })
        .collect();
    blocks.push(table(&["Level", "Inherent", "Residual"], rows));
}

fn coverage(
    workspace: &Workspace,
    catalogue: &Catalogue,
    today: NaiveDate,
    blocks: &mut Vec<Block>,
) {
    let book = &workspace.mgmt.audits;
    let years = u64::from(book.programme.cycle_years);
    let covered =
        |r: &str| crate::domain::mgmt::check::covered_in_cycle(&book.audits, r, today, years);
    let clauses_never: Vec<&str> = assessable()
        .map(|c| c.id)
        .filter(|id| !covered(&format!("clause:{id}")))
        .collect();
    let applicable: Vec<&str> = workspace
        .soa
        .entries
        .iter()
        .filter(|e| {
            e.applicability == Applicability::Applicable && catalogue.get(&e.control).is_some()
        })
        .map(|e| e.control.as_str())
        .collect();
    let controls_never: Vec<&str> = applicable
        .iter()
        .copied()
        .filter(|id| !covered(&format!("control:{id}")))
        .collect();
    blocks.push(Block::Heading(format!(
        "Audit coverage ({years}-year cycle)"
    )));
    blocks.push(Block::Paragraph(format!(
        "Sub-clauses audited: {} of {}. Applicable controls audited: {} of {}. {}",
        assessable().count() - clauses_never.len(),
        assessable().count(),
        applicable.len() - controls_never.len(),
        applicable.len(),
        book.programme.note
    )));
    if !clauses_never.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Not yet audited in the cycle: {}.",
            clauses_never.join(", ")
        )));
    }
    let rows = book
        .audits
        .iter()
        .map(|a| {
            let results: Vec<String> = a
                .items
                .iter()
                .map(|i| format!("{} {}", i.reference, i.result.name()))
                .collect();
            vec![
                a.id.clone(),
                a.kind.name().to_string(),
                a.status.name().replace('_', " "),
                date(a.day()),
                a.auditor.clone(),
                a.items.len().to_string(),
                results.join("; "),
            ]
        })
        .collect();
    blocks.push(table(
        &[
            "Audit", "Kind", "Status", "Date", "Auditor", "Items", "Results",
        ],
        rows,
    ));
    let reviews = &book.reviews;
    let latest = reviews.iter().max_by_key(|r| r.date);
    blocks.push(Block::Heading("Management review".to_string()));
    blocks.push(Block::Paragraph(match latest {
        Some(r) => format!(
            "Latest review {} on {}, chaired by {}: {} decision(s), {} action(s), {} input(s) not discussed.",
            r.id,
            r.date,
            r.chair,
            r.decisions.len(),
            r.actions.len(),
            r.undiscussed().len()
        ),
        None => "No management review is recorded.".to_string(),
    }));
}

fn findings(workspace: &Workspace, today: NaiveDate, blocks: &mut Vec<Block>) {
    let open: Vec<_> = workspace
        .mgmt
        .findings
        .items
        .iter()
        .filter(|f| f.is_open())
        .collect();
    blocks.push(Block::Heading("Open findings".to_string()));
    blocks.push(Block::Paragraph(format!(
        "{} open of {} recorded.",
        open.len(),
        workspace.mgmt.findings.items.len()
    )));
    let rows = open
        .iter()
        .map(|f| {
            let refs: Vec<String> = f
                .refs
                .iter()
                .map(|r| Ref::parse(r).map_or(r.clone(), |r| r.id))
                .collect();
            vec![
                f.id.clone(),
                f.kind.name().replace('_', " "),
                f.status.name().replace('_', " "),
                f.raised.to_string(),
                format!("{} days", (today - f.raised).num_days()),
                date(f.due),
                f.owner.clone(),
                refs.join(", "),
                f.statement.clone(),
            ]
        })
        .collect();
    blocks.push(table(
        &[
            "Finding",
            "Kind",
            "Status",
            "Raised",
            "Age",
            "Due",
            "Owner",
            "About",
            "Statement",
        ],
        rows,
    ));
}

fn objectives(workspace: &Workspace, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading("Objectives".to_string()));
    let rows = workspace
        .mgmt
        .system
        .objectives
        .iter()
        .map(|o| {
            let latest = o
                .latest()
                .map_or("-".to_string(), |m| format!("{} on {}", m.value, m.on));
            vec![
                o.id.clone(),
                o.title.clone(),
                o.target.clone(),
                latest,
                o.owner.clone(),
                date(o.due),
            ]
        })
        .collect();
    blocks.push(table(
        &[
            "Objective",
            "Title",
            "Target",
            "Latest measurement",
            "Owner",
            "Due",
        ],
        rows,
    ));
}
