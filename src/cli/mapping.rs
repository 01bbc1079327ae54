//! `isms mapping add FILE.csv`: mappings from a framework's nodes to ISO/IEC 27001:2022, read
//! from a CSV with the columns `source,target,relationship,provenance,note` (`source` is the
//! framework node, `target` the ISO reference: `A.5.20` or `6.1.2`; `provenance` says who states
//! the mapping). Rows are kept under their provenance and never merged with another source's.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;

use super::framework::all;
use super::{EXIT_BAD_INPUT, EXIT_FINDINGS};
use crate::domain::framework::{Framework, Mapping, csf2};
use crate::domain::text::sanitize_line;
use crate::store::frameworks;
use crate::store::read::{MAX_FILE_BYTES, read_text_limited};

#[derive(Debug, Subcommand)]
pub enum MappingAction {
    /// Add mappings from a CSV with the columns source,target,relationship,provenance,note.
    Add {
        file: PathBuf,
        /// The framework whose nodes the `source` column names (default: the one that has them all).
        #[arg(long)]
        framework: Option<String>,
    },
}

const COLUMNS: [&str; 5] = ["source", "target", "relationship", "provenance", "note"];

pub fn run(dir: &Path, action: MappingAction) -> anyhow::Result<ExitCode> {
    let MappingAction::Add { file, framework } = action;
    let shown = file.display().to_string();
    let (text, _) = read_text_limited(&file, &shown, MAX_FILE_BYTES)?;
    let rows = match read_rows(&text) {
        Ok(rows) => rows,
        Err(message) => {
            errln!("isms: {shown}: {message}");
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    let known = all(dir)?;
    let candidates: Vec<&Framework> = known
        .iter()
        .filter(|f| f.id != csf2().id)
        .filter(|f| framework.as_deref().is_none_or(|id| f.id == id))
        .filter(|f| rows.iter().all(|m| f.node(&m.node).is_some()))
        .collect();
    let mut target = match candidates.as_slice() {
        [one] => (*one).clone(),
        [] => {
            errln!(
                "isms: {shown}: no framework in the workspace holds every node of the source column{}; add the framework first with isms framework add",
                framework
                    .map(|f| format!(" (looked in {})", sanitize_line(&f)))
                    .unwrap_or_default()
            );
            return Ok(ExitCode::from(EXIT_FINDINGS));
        }
        _ => {
            errln!(
                "isms: {shown}: several frameworks hold these nodes; say which with --framework"
            );
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    let added = rows.len();
    for mut row in rows {
        // Node ids are stored as the framework spells them.
        row.node = target
            .node(&row.node)
            .map(|n| n.id.clone())
            .unwrap_or(row.node);
        if !target.mappings.contains(&row) {
            target.mappings.push(row);
        }
    }
    if let Err(error) = target.validate() {
        errln!("isms: {shown}: {error}");
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    frameworks::save(dir, &target)?;
    outln!(
        "Read {added} mapping rows for {}; sources now: {}",
        target.id,
        sanitize_line(&target.sources().join(", "))
    );
    Ok(ExitCode::SUCCESS)
}

fn read_rows(text: &str) -> Result<Vec<Mapping>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    if header != COLUMNS {
        return Err(format!(
            "expected the columns {}, found {}",
            COLUMNS.join(","),
            sanitize_line(&header.join(","))
        ));
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("row {}: {e}", i + 2))?;
        let cell = |n: usize| record.get(n).unwrap_or("").trim().to_string();
        let mapping = Mapping {
            node: cell(0),
            target: cell(1),
            relationship: Some(cell(2)).filter(|r| !r.is_empty()),
            source: cell(3),
            note: cell(4),
        };
        if mapping.node.is_empty() || mapping.source.is_empty() {
            return Err(format!(
                "row {}: source (the node) and provenance are required",
                i + 2
            ));
        }
        mapping
            .iso_target()
            .map_err(|message| format!("row {}: {}", i + 2, sanitize_line(&message)))?;
        rows.push(mapping);
    }
    if rows.is_empty() {
        return Err("holds no mapping rows".to_string());
    }
    Ok(rows)
}
