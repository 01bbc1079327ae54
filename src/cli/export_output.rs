//! Where `isms soa` and `isms risks` send a document: stdout, or with `-o FILE` a file the store
//! writes atomically. Binary XLSX is never sent to a terminal, and a closed pipe (`| head`) ends
//! the output quietly.

use std::io::IsTerminal;
use std::path::Path;

use chrono::{DateTime, Utc};
use clap::ValueEnum;

use super::print::{Kind, clean, write_stdout};
use crate::domain::workspace::Workspace;
use crate::store;

/// The formats of `isms soa --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SoaFormat {
    /// A table for the terminal.
    Table,
    /// JSON for scripts.
    Json,
    /// A Markdown document.
    #[value(alias = "markdown")]
    Md,
    /// One self-contained HTML document that prints on A4 landscape.
    Html,
    /// RFC 4180 CSV, UTF-8, CRLF.
    Csv,
    /// A Word document, A4 landscape (needs -o FILE or a redirect).
    Docx,
    /// A workbook with a SoA sheet and a Risks sheet (needs -o FILE or a redirect).
    Xlsx,
    /// OSCAL 1.1.3 catalog, profile, SSP and POA&M (needs -o DIR).
    Oscal,
}

/// The formats of `isms risks --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RisksFormat {
    /// A table for the terminal.
    Table,
    /// JSON for scripts.
    Json,
    /// A Markdown document.
    #[value(alias = "markdown")]
    Md,
    /// One self-contained HTML document that prints on A4 landscape.
    Html,
    /// RFC 4180 CSV, UTF-8, CRLF.
    Csv,
    /// A Word document, A4 landscape (needs -o FILE or a redirect).
    Docx,
    /// A workbook with a SoA sheet and a Risks sheet (needs -o FILE or a redirect).
    Xlsx,
    /// An OSCAL 1.1.3 plan of action and milestones (POA&M).
    Oscal,
}

/// Why an export was not produced; the CLI exits 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub String);

/// Sends a document of `kind` to `output` (a file, written atomically) or to stdout, cleaned for
/// where it goes (see `print`).
pub fn emit(output: Option<&Path>, bytes: &[u8], kind: Kind) -> anyhow::Result<()> {
    let cleaned = clean(
        bytes,
        kind,
        output.is_none() && std::io::stdout().is_terminal(),
    );
    match output {
        Some(path) => {
            store::write_export(path, &cleaned)?;
            outln!("Wrote {}.", path.display());
        }
        None => write_stdout(&cleaned, Kind::Binary),
    }
    Ok(())
}

/// Like [`emit`] for binary documents: refuses to write them to a terminal.
pub fn emit_binary(output: Option<&Path>, bytes: &[u8], what: &str) -> anyhow::Result<()> {
    if output.is_none() && std::io::stdout().is_terminal() {
        return Err(Refused(format!(
            "{what} is a binary file and stdout is a terminal; write it with -o FILE (or redirect: > file)"
        ))
        .into());
    }
    emit(output, bytes, Kind::Binary)
}

/// The time OSCAL documents say they were last modified: the workspace's last recorded change,
/// so the same workspace exports the same bytes; now when no change was ever recorded.
pub fn last_modified(workspace: &Workspace) -> DateTime<Utc> {
    crate::export::last_change(workspace).unwrap_or_else(Utc::now)
}
