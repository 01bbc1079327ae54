//! `isms coverage FW [--source NAME]`: each assessable node of a framework (CSF 2.0's
//! subcategories) covered, partial, gap, excluded or undecided, computed live from the SoA and
//! the management system's clause statuses through one mapping source at a time, with roll-ups
//! per category and function.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use super::columns;
use super::framework::all;
use super::output::{Style, truncate};
use super::workspace_io;
use super::{EXIT_BAD_INPUT, EXIT_FINDINGS};
use crate::domain::catalogue::Catalogue;
use crate::domain::framework::{Coverage, Framework, NodeCoverage, State, coverage};
use crate::domain::text::sanitize_line;
use crate::export::soa_csv::write_csv;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CoverageFormat {
    Table,
    Md,
    Csv,
    Json,
}

/// Said with every coverage output: a mapping is an opinion, not a certificate.
const DISCLAIMER: &str = crate::domain::framework::NOT_A_CLAIM;

pub fn run(
    dir: &Path,
    catalogue: &Catalogue,
    framework_id: &str,
    source: Option<&str>,
    format: CoverageFormat,
) -> anyhow::Result<ExitCode> {
    let frameworks = all(dir)?;
    let Some(framework) = frameworks
        .iter()
        .find(|f| f.id.eq_ignore_ascii_case(framework_id))
    else {
        errln!(
            "isms: no framework {:?} (see isms framework list)",
            sanitize_line(framework_id)
        );
        return Ok(ExitCode::from(EXIT_FINDINGS));
    };
    let sources = framework.sources();
    if sources.is_empty() {
        errln!(
            "isms: {} has no mapping to ISO/IEC 27001:2022; add one with isms mapping add FILE.csv",
            framework.id
        );
        return Ok(ExitCode::from(EXIT_FINDINGS));
    }
    let chosen: Vec<&str> = match source {
        Some(wanted) => match sources.iter().find(|s| s.eq_ignore_ascii_case(wanted)) {
            Some(found) => vec![found],
            None => {
                errln!(
                    "isms: {} has no mapping source {:?}; its sources: {}",
                    framework.id,
                    sanitize_line(wanted),
                    sources.join(", ")
                );
                return Ok(ExitCode::from(EXIT_BAD_INPUT));
            }
        },
        None => sources,
    };
    let workspace = workspace_io::read(dir, catalogue)?;
    let coverages: Vec<Coverage> = chosen
        .iter()
        .map(|s| coverage(framework, s, &workspace.soa, &workspace.mgmt.system))
        .collect();
    match format {
        CoverageFormat::Json => {
            #[derive(serde::Serialize)]
            struct Json<'a> {
                note: &'a str,
                coverage: &'a [Coverage],
            }
            let json = Json {
                note: DISCLAIMER,
                coverage: &coverages,
            };
            super::print::json_line(&serde_json::to_string_pretty(&json)?);
        }
        CoverageFormat::Csv => document(&csv(&coverages)),
        CoverageFormat::Md => document(&markdown(framework, &coverages)),
        CoverageFormat::Table => print_table(framework, &coverages),
    }
    Ok(ExitCode::SUCCESS)
}

fn document(text: &str) {
    super::print::write_stdout(text.as_bytes(), super::print::Kind::Document);
}

fn counts_line(counts: &[(State, usize)]) -> String {
    counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {}", short(*s)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Labels short enough for an 80-column line.
fn short(state: State) -> &'static str {
    match state {
        State::NotMapped => "not mapped",
        other => other.label(),
    }
}

/// The mapped clauses with their status: `6.1.2 met`, joined by `sep`.
fn clauses_with_status(node: &NodeCoverage, sep: &str) -> String {
    node.clause_status
        .iter()
        .map(|c| format!("{} {}", c.clause, c.status.name()))
        .collect::<Vec<_>>()
        .join(sep)
}

fn print_table(framework: &Framework, coverages: &[Coverage]) {
    let style = Style::detect();
    for (i, cov) in coverages.iter().enumerate() {
        if i > 0 {
            outln!();
        }
        outln!(
            "{}",
            style.bold(&sanitize_line(&format!(
                "{} {} through {}",
                framework.name, framework.version, cov.source
            )))
        );
        outln!("{}", style.dim(DISCLAIMER));
        let functions = || cov.roll_ups.iter().filter(|r| r.kind == "function");
        let function_width = columns::width("", functions().map(|r| r.node.as_str()), 4);
        for roll in functions() {
            outln!(
                "{}{:<16}{}",
                columns::pad(&sanitize_line(&roll.node), function_width),
                truncate(&sanitize_line(&roll.title), 15),
                counts_line(&roll.counts)
            );
        }
        let node_width = columns::width("", cov.nodes.iter().map(|n| n.node.as_str()), 10);
        // The mapped controls get what is left of 80 columns after indent, node and state.
        let basis_width = super::output::WIDTH
            .saturating_sub(2 + node_width + 11)
            .max(20);
        for roll in cov.roll_ups.iter().filter(|r| r.kind != "function") {
            let counts = counts_line(&roll.counts);
            let room = super::output::WIDTH.saturating_sub(roll.node.len() + counts.len() + 4);
            let title = truncate(&sanitize_line(&roll.title), room);
            let heading = format!("{} {title} — {counts}", sanitize_line(&roll.node));
            outln!("\n{}", style.heading(&heading));
            for node in cov
                .nodes
                .iter()
                .filter(|n| n.parent.as_deref() == Some(&roll.node))
            {
                let mut basis = node.controls.join(" ");
                if !node.clauses.is_empty() {
                    if !basis.is_empty() {
                        basis.push_str(" · ");
                    }
                    basis.push_str(&format!("clauses {}", clauses_with_status(node, ", ")));
                }
                let line = format!(
                    "  {}{:<11}{}",
                    columns::pad(&sanitize_line(&node.node), node_width),
                    short(node.state),
                    truncate(&sanitize_line(&basis), basis_width)
                );
                outln!("{}", line.trim_end());
            }
        }
    }
}

fn markdown(framework: &Framework, coverages: &[Coverage]) -> String {
    let mut out = String::new();
    for cov in coverages {
        out.push_str(&format!(
            "# {} {} coverage through {}\n\n_{DISCLAIMER}_\n\n",
            md(&framework.name),
            md(&framework.version),
            md(&cov.source)
        ));
        out.push_str("| Node | State | ISO controls | Clauses (status) |\n|---|---|---|---|\n");
        for node in &cov.nodes {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                md(&node.node),
                node.state.label(),
                node.controls.join(", "),
                md(&clauses_with_status(node, ", "))
            ));
        }
        out.push('\n');
    }
    out
}

/// Text for a Markdown table cell: no control characters, pipes escaped, one line.
fn md(text: &str) -> String {
    sanitize_line(text).replace('|', "\\|")
}

fn csv(coverages: &[Coverage]) -> String {
    let rows = coverages.iter().flat_map(|cov| {
        cov.nodes.iter().map(|node| {
            vec![
                cov.source.clone(),
                node.node.clone(),
                node.parent.clone().unwrap_or_default(),
                node.state.label().to_string(),
                node.controls.join(" "),
                node.clauses.join(" "),
                clauses_with_status(node, "; "),
            ]
        })
    });
    write_csv(
        &[
            "source",
            "node",
            "parent",
            "state",
            "controls",
            "clauses",
            "clause_status",
        ],
        rows,
    )
}
