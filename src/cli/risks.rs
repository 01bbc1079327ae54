//! `isms risks`: the risk register as a table for the terminal (scores and levels derived from
//! the workspace's risk method), or exported as JSON, Markdown, HTML, DOCX, CSV, XLSX or an
//! OSCAL POA&M.

use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;

use super::export_output::{Refused, RisksFormat, emit, emit_binary, last_modified};
use super::output::{Style, WIDTH, truncate};
use super::print::Kind;
use crate::domain::catalogue::Catalogue;
use crate::domain::text::sanitize_line;
use crate::domain::workspace::Workspace;
use crate::export::docx::risks_docx_with;
use crate::export::oscal::poam::oscal_poam;
use crate::export::oscal::stamp::stamped;
use crate::export::risks_csv::risks_csv;
use crate::export::risks_html::{RISKS_TITLE, risks_html_with};
use crate::export::risks_json::risks_json;
use crate::export::risks_markdown::risks_markdown_with;
use crate::export::xlsx::workbook;

pub fn run(
    dir: &Path,
    catalogue: &Catalogue,
    format: RisksFormat,
    output: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let workspace = super::workspace_io::read(dir, catalogue)?;
    let style = output.map_or_else(Style::detect, |_| Style::plain());
    let (bytes, kind) = document(dir, catalogue, &workspace, format, style)?;
    match kind {
        Kind::Binary => emit_binary(output, &bytes, &format!("{format:?}").to_uppercase())?,
        kind => emit(output, &bytes, kind)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The register of `workspace` (found in `dir`, which stamps it from git) in `format`, as the
/// bytes the writer makes and how to clean them; the workbench's export writes the same bytes.
pub fn document(
    dir: &Path,
    catalogue: &Catalogue,
    workspace: &Workspace,
    format: RisksFormat,
    style: Style,
) -> anyhow::Result<(Vec<u8>, Kind)> {
    let stamp = || super::document_stamp::document_control(dir, RISKS_TITLE, workspace, Utc::now());
    Ok(match format {
        RisksFormat::Table => (table(workspace, style).into_bytes(), Kind::Human),
        RisksFormat::Json => (risks_json(workspace).into_bytes(), Kind::Json),
        RisksFormat::Md => (
            risks_markdown_with(&stamp(), workspace).into_bytes(),
            Kind::Document,
        ),
        RisksFormat::Html => (
            risks_html_with(&stamp(), workspace).into_bytes(),
            Kind::Document,
        ),
        RisksFormat::Docx => (risks_docx_with(&stamp(), workspace)?, Kind::Binary),
        RisksFormat::Csv => (risks_csv(workspace).into_bytes(), Kind::Document),
        RisksFormat::Xlsx => (workbook(workspace, catalogue)?, Kind::Binary),
        RisksFormat::Oscal => {
            let poam = oscal_poam(workspace, catalogue, last_modified(workspace))
                .map_err(|e| Refused(e.to_string()))?;
            (stamped(&poam, &stamp()).into_bytes(), Kind::Json)
        }
    })
}

fn table(workspace: &Workspace, style: Style) -> String {
    let method = &workspace.settings.risk_method;
    let mut out = style.bold(&format!(
        "{:<7} {:<5} {:<8} {:<8} {:<6} {:<8} {:<10} {}\n",
        "ID", "L×I", "LEVEL", "RESIDUAL", "TREAT", "STATUS", "OWNER", "TITLE"
    ));
    for risk in &workspace.risks.risks {
        let rating = format!("{}×{}", risk.likelihood, risk.impact);
        let residual = risk
            .residual_score()
            .map_or("-", |score| method.level(score).name());
        let row = format!(
            "{:<7} {:<5} {:<8} {:<8} {:<6} {:<8} {:<10} {}",
            truncate(&sanitize_line(&risk.id), 7),
            rating,
            method.level(risk.inherent_score()).name(),
            residual,
            risk.treatment.name(),
            risk.status.name(),
            truncate(&sanitize_line(&risk.owner), 10),
            truncate(&sanitize_line(&risk.title), WIDTH - 59)
        );
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out.push_str(&style.dim(&format!("{} risk(s)\n", workspace.risks.risks.len())));
    out
}
