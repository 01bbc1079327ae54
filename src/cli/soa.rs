//! `isms soa`: the Statement of Applicability as a table for the terminal, or exported as JSON,
//! Markdown, HTML, DOCX, CSV, XLSX or OSCAL (to stdout or `-o FILE`; OSCAL to `-o DIR`).

use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;

use super::columns::{self, pad};
use super::export_output::{Refused, SoaFormat, emit, emit_binary};
use super::output::{Style, truncate};
use super::print::Kind;
use crate::domain::catalogue::Catalogue;
use crate::domain::soa::Applicability;
use crate::domain::text::sanitize_line;
use crate::domain::workspace::Workspace;
use crate::export::docx::soa_docx_with;
use crate::export::soa_csv::soa_csv;
use crate::export::soa_html::{SOA_TITLE, soa_html_with};
use crate::export::soa_json::soa_json;
use crate::export::soa_markdown::soa_markdown_with;
use crate::export::xlsx::workbook;

pub fn run(
    dir: &Path,
    catalogue: &Catalogue,
    format: SoaFormat,
    output: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    if format == SoaFormat::Oscal && output.is_none() {
        return Err(Refused(
            "OSCAL is several linked files (catalog, profile, SSP, POA&M); give a directory for them with -o DIR".into(),
        )
        .into());
    }
    let workspace = super::workspace_io::read(dir, catalogue)?;
    let stamp = || super::document_stamp::document_control(dir, SOA_TITLE, &workspace, Utc::now());
    match format {
        SoaFormat::Table => {
            let style = output.map_or_else(Style::detect, |_| Style::plain());
            emit(
                output,
                table(&workspace, catalogue, style).as_bytes(),
                Kind::Human,
            )?
        }
        SoaFormat::Json => emit(
            output,
            soa_json(&workspace, catalogue).as_bytes(),
            Kind::Json,
        )?,
        SoaFormat::Md => emit(
            output,
            soa_markdown_with(&stamp(), &workspace, catalogue).as_bytes(),
            Kind::Document,
        )?,
        SoaFormat::Html => emit(
            output,
            soa_html_with(&stamp(), &workspace, catalogue).as_bytes(),
            Kind::Document,
        )?,
        SoaFormat::Csv => emit(
            output,
            soa_csv(&workspace, catalogue).as_bytes(),
            Kind::Document,
        )?,
        SoaFormat::Docx => emit_binary(
            output,
            &soa_docx_with(&stamp(), &workspace, catalogue)?,
            "DOCX",
        )?,
        SoaFormat::Xlsx => emit_binary(output, &workbook(&workspace, catalogue)?, "XLSX")?,
        SoaFormat::Oscal => {
            let dir = output.expect("checked above");
            super::oscal_files::write(dir, &workspace, catalogue)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn table(workspace: &Workspace, catalogue: &Catalogue, style: Style) -> String {
    let id = columns::width(
        "ID",
        workspace.soa.entries.iter().map(|e| e.control.as_str()),
        7,
    );
    let mut out = style.bold(&format!(
        "{}{:<10} {:<11} {:<5} {}\n",
        pad("ID", id),
        "DECISION",
        "STATUS",
        "RISKS",
        "TITLE / OWNER"
    ));
    // The title gets what is left of 80 columns after id, decision, status and risks.
    let title_width = super::output::WIDTH.saturating_sub(id + 29).max(20);
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
            "{}{:<10} {:<11} {:<5} {}",
            pad(&sanitize_line(&entry.control), id),
            entry.applicability.name(),
            entry.status.label(),
            if risks == 0 {
                String::new()
            } else {
                risks.to_string()
            },
            truncate(&text, title_width)
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
