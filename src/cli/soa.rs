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
    if format == SoaFormat::Oscal {
        let out = output.expect("checked above");
        super::oscal_files::write(dir, out, &workspace, catalogue)?;
        return Ok(ExitCode::SUCCESS);
    }
    let style = output.map_or_else(Style::detect, |_| Style::plain());
    let (bytes, kind) = document(dir, catalogue, &workspace, format, style)?;
    match kind {
        Kind::Binary => emit_binary(output, &bytes, &format_name(format))?,
        kind => emit(output, &bytes, kind)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn format_name(format: SoaFormat) -> String {
    format!("{format:?}").to_uppercase()
}

/// The SoA of `workspace` (found in `dir`, which stamps it from git) in `format`, as the bytes
/// the writer makes and how to clean them; the workbench's export writes the same bytes. Not
/// for OSCAL, which is a folder of files (`oscal_files::write`).
pub fn document(
    dir: &Path,
    catalogue: &Catalogue,
    workspace: &Workspace,
    format: SoaFormat,
    style: Style,
) -> anyhow::Result<(Vec<u8>, Kind)> {
    let stamp = || super::document_stamp::document_control(dir, SOA_TITLE, workspace, Utc::now());
    Ok(match format {
        SoaFormat::Table => (table(workspace, catalogue, style).into_bytes(), Kind::Human),
        SoaFormat::Json => (soa_json(workspace, catalogue).into_bytes(), Kind::Json),
        SoaFormat::Md => (
            soa_markdown_with(&stamp(), workspace, catalogue).into_bytes(),
            Kind::Document,
        ),
        SoaFormat::Html => (
            soa_html_with(&stamp(), workspace, catalogue).into_bytes(),
            Kind::Document,
        ),
        SoaFormat::Csv => (soa_csv(workspace, catalogue).into_bytes(), Kind::Document),
        SoaFormat::Docx => (soa_docx_with(&stamp(), workspace, catalogue)?, Kind::Binary),
        SoaFormat::Xlsx => (workbook(workspace, catalogue)?, Kind::Binary),
        SoaFormat::Oscal => {
            return Err(Refused("OSCAL is a folder of files; write it with -o DIR".into()).into());
        }
    })
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
