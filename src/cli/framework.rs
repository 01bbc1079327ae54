//! `isms framework add|list|rm`: the frameworks beside ISO. NIST CSF 2.0 is built in; an OSCAL
//! catalog added with `add` is kept in the workspace (`frameworks/ID.ron`) so that it travels
//! with the repository.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use serde::Serialize;

use super::{EXIT_BAD_INPUT, EXIT_FINDINGS, TextOrJson};
use crate::domain::framework::{Framework, csf2, valid_framework_id};
use crate::domain::text::sanitize_line;
use crate::export::oscal::read_catalog::read_catalog;
use crate::store::frameworks;
use crate::store::read::{MAX_FILE_BYTES, read_text_limited};

#[derive(Debug, Subcommand)]
pub enum FrameworkAction {
    /// Add an OSCAL catalog (JSON) to the workspace, searchable with `fw:ID`.
    Add {
        /// The OSCAL catalog file, e.g. NIST SP 800-53 rev. 5 or a resolved baseline.
        file: PathBuf,
        /// The short id to search and show it by (default: from the file name).
        #[arg(long)]
        id: Option<String>,
        /// Replace a framework of the same id.
        #[arg(long)]
        replace: bool,
    },
    /// List the built-in frameworks and those in the workspace.
    List {
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Remove a framework from the workspace (built-in ones stay).
    Rm { id: String },
}

/// Every framework this command can see: the built-in ones, then the workspace's (if any).
pub fn all(dir: &Path) -> anyhow::Result<Vec<Framework>> {
    let mut list = vec![csf2().clone()];
    list.extend(frameworks::load_all(dir)?);
    Ok(list)
}

pub fn run(dir: &Path, action: FrameworkAction) -> anyhow::Result<ExitCode> {
    match action {
        FrameworkAction::Add { file, id, replace } => add(dir, &file, id, replace),
        FrameworkAction::List { format } => list(dir, format),
        FrameworkAction::Rm { id } => remove(dir, &id),
    }
}

fn add(dir: &Path, file: &Path, id: Option<String>, replace: bool) -> anyhow::Result<ExitCode> {
    let id = id.unwrap_or_else(|| id_from_file_name(file));
    if !valid_framework_id(&id) {
        errln!(
            "isms: {:?} cannot be a framework id: use --id with 1–24 lower-case letters, digits and dashes",
            sanitize_line(&id)
        );
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    let existing = all(dir)?;
    if let Some(same) = existing.iter().find(|f| f.id == id)
        && (same.id == csf2().id || !replace)
    {
        let hint = if same.id == csf2().id {
            ""
        } else {
            " or add --replace"
        };
        errln!(
            "isms: a framework {id:?} exists already ({}); choose another --id{hint}",
            sanitize_line(&same.name)
        );
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    let shown = file.display().to_string();
    let (text, _) = read_text_limited(file, &shown, MAX_FILE_BYTES)?;
    let framework = read_catalog(&text, &shown, &id)?;
    let path = frameworks::save(dir, &framework)?;
    let controls = framework.nodes.iter().filter(|n| n.assessable).count();
    outln!(
        "Added {} as framework {id} ({} nodes, {controls} assessable) in {}; search it with 'fw:{id} WORDS'",
        sanitize_line(&framework.name),
        framework.nodes.len(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `NIST_SP-800-53_rev5_catalog.json` → `nist-sp-800-53-rev5-catalog`, cut to 24 characters.
fn id_from_file_name(file: &Path) -> String {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id: String = id.chars().take(24).collect();
    id.trim_end_matches('-').to_string()
}

#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    name: &'a str,
    version: &'a str,
    nodes: usize,
    mapping_sources: Vec<&'a str>,
    built_in: bool,
    licence: &'a str,
}

fn list(dir: &Path, format: TextOrJson) -> anyhow::Result<ExitCode> {
    let frameworks = all(dir)?;
    let listed: Vec<Listed> = frameworks
        .iter()
        .enumerate()
        .map(|(i, f)| Listed {
            id: &f.id,
            name: &f.name,
            version: &f.version,
            nodes: f.nodes.len(),
            mapping_sources: f.sources(),
            built_in: i == 0,
            licence: &f.licence,
        })
        .collect();
    match format {
        TextOrJson::Json => super::print::json_line(&serde_json::to_string_pretty(&listed)?),
        TextOrJson::Text => {
            let width = listed.iter().map(|f| f.id.len()).max().unwrap_or(0) + 2;
            for f in &listed {
                outln!(
                    "{:<width$}{} {} ({} nodes{}){}",
                    f.id,
                    sanitize_line(f.name),
                    sanitize_line(f.version),
                    f.nodes,
                    if f.mapping_sources.is_empty() {
                        String::new()
                    } else {
                        format!("; mapped to ISO by {}", f.mapping_sources.join(", "))
                    },
                    if f.built_in { ", built in" } else { "" }
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn remove(dir: &Path, id: &str) -> anyhow::Result<ExitCode> {
    if id == csf2().id {
        errln!("isms: {id} is built in and cannot be removed");
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    if frameworks::remove(dir, id)? {
        outln!("Removed framework {id}");
        Ok(ExitCode::SUCCESS)
    } else {
        errln!(
            "isms: the workspace has no framework {:?} (see isms framework list)",
            sanitize_line(id)
        );
        Ok(ExitCode::from(EXIT_FINDINGS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_file_names() {
        assert_eq!(
            id_from_file_name(Path::new(
                "x/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json"
            )),
            "nist-sp-800-53-rev5-low"
        );
        assert_eq!(id_from_file_name(Path::new("__.json")), "");
    }
}
