//! `isms report --format md|html [-o FILE]`: the readiness report, to stdout or written
//! atomically to a file.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use super::workspace_io::read;
use crate::domain::catalogue::Catalogue;
use crate::export::readiness::{report_html, report_markdown};
use crate::store;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown.
    #[value(alias = "markdown")]
    Md,
    /// One self-contained HTML document.
    Html,
}

pub fn run(
    dir: &Path,
    catalogue: &Catalogue,
    format: ReportFormat,
    output: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let workspace = read(dir, catalogue)?;
    let today = store::today();
    let text = match format {
        ReportFormat::Md => report_markdown(&workspace, catalogue, today),
        ReportFormat::Html => report_html(&workspace, catalogue, today),
    };
    match output {
        Some(path) => {
            store::write_export(path, text.as_bytes())?;
            errln!("Wrote {}.", path.display());
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
