//! The command line's exports, for the workbench's export dialog: the bytes written here are
//! those `isms soa --format F -o FILE` and `isms risks --format F -o FILE` write (the same
//! writers, the same git stamp, the same cleaning), so a file exported from either is the same.

use std::path::Path;

use clap::ValueEnum;

use super::export_output::{RisksFormat, SoaFormat};
use super::output::Style;
use super::print::clean;
use crate::domain::catalogue::Catalogue;
use crate::domain::workspace::Workspace;
use crate::store;

/// Which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Soa,
    Risks,
}

/// Writes `workspace` (whose files are in `dir`) as the document in `format` (a `--format`
/// value) to `path`, a file, or for the SoA in OSCAL a folder; returns what was written.
pub fn write(
    dir: &Path,
    catalogue: &Catalogue,
    workspace: &Workspace,
    which: Which,
    format: &str,
    path: &Path,
) -> anyhow::Result<String> {
    let (bytes, kind) = match which {
        Which::Soa => {
            let format = SoaFormat::from_str(format, true).map_err(anyhow::Error::msg)?;
            if format == SoaFormat::Oscal {
                let names = super::oscal_files::write_quietly(dir, path, workspace, catalogue)?;
                return Ok(format!("{} in {}", names.join(", "), path.display()));
            }
            super::soa::document(dir, catalogue, workspace, format, Style::plain())?
        }
        Which::Risks => {
            let format = RisksFormat::from_str(format, true).map_err(anyhow::Error::msg)?;
            super::risks::document(dir, catalogue, workspace, format, Style::plain())?
        }
    };
    store::write_export(path, &clean(&bytes, kind, false))?;
    Ok(path.display().to_string())
}
