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
    let stamp =
        || super::document_stamp::document_control(dir, RISKS_TITLE, &workspace, Utc::now());
    match format {
        RisksFormat::Table => {
            let style = output.map_or_else(Style::detect, |_| Style::plain());
            emit(output, table(&workspace, style).as_bytes(), Kind::Human)?
        }
        RisksFormat::Json => emit(output, risks_json(&workspace).as_bytes(), Kind::Json)?,
        RisksFormat::Md => emit(
            output,
            risks_markdown_with(&stamp(), &workspace).as_bytes(),
            Kind::Document,
        )?,
        RisksFormat::Html => emit(
            output,
            risks_html_with(&stamp(), &workspace).as_bytes(),
            Kind::Document,
        )?,
        RisksFormat::Docx => emit_binary(output, &risks_docx_with(&stamp(), &workspace)?, "DOCX")?,
        RisksFormat::Csv => emit(output, risks_csv(&workspace).as_bytes(), Kind::Document)?,
        RisksFormat::Xlsx => emit_binary(output, &workbook(&workspace, catalogue)?, "XLSX")?,
        RisksFormat::Oscal => {
            let poam = oscal_poam(&workspace, catalogue, last_modified(&workspace))
                .map_err(|e| Refused(e.to_string()))?;
            emit(output, poam.as_bytes(), Kind::Json)?
        }
    }
    Ok(ExitCode::SUCCESS)
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
