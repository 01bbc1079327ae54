//! `isms soa --format oscal -o DIR`: the four linked OSCAL documents, written into one directory
//! under the names they use to point at each other.

use std::path::Path;

use super::document_stamp::document_control;
use super::export_output::last_modified;
use crate::domain::catalogue::Catalogue;
use crate::domain::workspace::Workspace;
use crate::export::oscal::stamp::stamped;
use crate::export::oscal::{catalog, poam, profile, ssp};
use crate::store;

pub const CATALOG_FILE: &str = "isms-catalog.json";
pub const PROFILE_FILE: &str = "isms-profile.json";
pub const SSP_FILE: &str = "isms-ssp.json";
pub const POAM_FILE: &str = "isms-poam.json";

/// Writes the catalog, profile and SSP, and the POA&M when the register holds risks, and says so.
/// `workspace_dir` is where the workspace's files are: git's stamp comes from there.
pub fn write(
    workspace_dir: &Path,
    dir: &Path,
    workspace: &Workspace,
    catalogue: &Catalogue,
) -> anyhow::Result<()> {
    let names = write_quietly(workspace_dir, dir, workspace, catalogue)?;
    outln!("Wrote {} to {}.", names.join(", "), dir.display());
    if !names.contains(&POAM_FILE) {
        outln!("The risk register is empty, so there is no {POAM_FILE}.");
    }
    Ok(())
}

/// Writes the files without a word (the workbench reports itself); returns their names. Each
/// carries the same stamp as the other exports (approval and commit) in its metadata.
pub fn write_quietly(
    workspace_dir: &Path,
    dir: &Path,
    workspace: &Workspace,
    catalogue: &Catalogue,
) -> anyhow::Result<Vec<&'static str>> {
    let at = last_modified(workspace);
    let control = document_control(workspace_dir, "Statement of Applicability", workspace, at);
    let mut files = vec![
        (
            CATALOG_FILE,
            catalog::oscal_catalog(catalogue, at).into_bytes(),
        ),
        (
            PROFILE_FILE,
            profile::oscal_profile(workspace, at, CATALOG_FILE).into_bytes(),
        ),
        (
            SSP_FILE,
            ssp::oscal_ssp(workspace, catalogue, at, PROFILE_FILE).into_bytes(),
        ),
    ];
    let poam = poam::oscal_poam(workspace, catalogue, at).ok();
    if let Some(poam) = &poam {
        files.push((POAM_FILE, poam.clone().into_bytes()));
    }
    for (_, bytes) in &mut files {
        let text = String::from_utf8_lossy(bytes).into_owned();
        *bytes = stamped(&text, &control).into_bytes();
    }
    store::write_export_set(dir, &files)?;
    Ok(files.iter().map(|(name, _)| *name).collect())
}
