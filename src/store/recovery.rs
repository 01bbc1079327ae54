//! The recovery file: unsaved edits written next to the workspace when the session ends
//! abnormally (SSH link dropped, SIGTERM, panic), offered back on the next start.
//!
//! It holds the whole workspace as embedded file texts (the three Annex A files and the four
//! management-system files), so reading it back goes through exactly the validation of the real
//! files.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::{replace_file, write_and_sync};
use super::error::StoreError;
use super::read::read_text_limited;
use super::workspace_dir::{MAX_WORKSPACE_FILE_BYTES, display_name};
use crate::domain::catalogue::Catalogue;
use crate::domain::located_error::LocatedError;
use crate::domain::mgmt::Management;
use crate::domain::mgmt::format::{MGMT_FILES, render_part};
use crate::domain::mgmt::load::{parse_audits, parse_evidence, parse_findings, parse_system};
use crate::domain::stamp::Stamp;
use crate::domain::workspace::Workspace;
use crate::domain::workspace_format::{WORKSPACE_FORMAT, render, to_pretty};
use crate::domain::workspace_load::{parse_file, parse_risks, parse_settings, parse_soa};

pub const RECOVERY_FILE: &str = ".isms-recovery.ron";

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecoveryFile {
    format: u32,
    /// When the edits were rescued, and whose they are.
    written: Stamp,
    workspace: String,
    soa: String,
    risks: String,
    /// The management-system files, in the order of `MGMT_FILES`; absent in files written before
    /// they existed (then the workspace's management system starts seeded).
    #[serde(default)]
    mgmt: Vec<String>,
    /// Entries whose rescued value is text typed into an open form and never applied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pending: Vec<String>,
    /// The files as the session loaded (or last saved) them: the base of the three-way merge
    /// that restores the edits over whatever the files hold by then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    base: Option<BaseFiles>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaseFiles {
    workspace: String,
    soa: String,
    risks: String,
}

/// Edits read back from a recovery file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    pub workspace: Workspace,
    pub written: Stamp,
    /// Entries holding text that was typed into a form but not applied when the session ended.
    pub pending: Vec<String>,
    /// The files as the dead session had loaded them, when the recovery file records them.
    pub base: Option<Workspace>,
}

/// Where the recovery file of the workspace in `dir` lives.
pub fn recovery_path(dir: &Path) -> PathBuf {
    dir.join(RECOVERY_FILE)
}

/// Writes the unsaved workspace to the recovery file (atomically, replacing an older one).
pub fn write_recovery(
    dir: &Path,
    workspace: &Workspace,
    written: Stamp,
) -> Result<PathBuf, StoreError> {
    write_recovery_with_pending(dir, workspace, written, &[], None)
}

/// Like [`write_recovery`], naming the entries whose value was typed into a form and not yet
/// applied (the workspace holds that typing as their value).
pub fn write_recovery_with_pending(
    dir: &Path,
    workspace: &Workspace,
    written: Stamp,
    pending: &[String],
    base: Option<&Workspace>,
) -> Result<PathBuf, StoreError> {
    let files = render(workspace);
    let base = base.map(|base| {
        let files = render(base);
        BaseFiles {
            workspace: files.workspace,
            soa: files.soa,
            risks: files.risks,
        }
    });
    let text = to_pretty(&RecoveryFile {
        format: WORKSPACE_FORMAT,
        written,
        workspace: files.workspace,
        soa: files.soa,
        risks: files.risks,
        mgmt: (0..MGMT_FILES.len())
            .map(|i| render_part(&workspace.mgmt, i))
            .collect(),
        pending: pending.to_vec(),
        base,
    });
    let path = recovery_path(dir);
    replace_file(&path, text.as_bytes(), write_and_sync)
        .map_err(|e| StoreError::save(&display_name(dir, RECOVERY_FILE), &e))?;
    Ok(path)
}

/// Reads the recovery file, if there is one.
pub fn read_recovery(dir: &Path, catalogue: &Catalogue) -> Result<Option<Recovered>, StoreError> {
    let path = recovery_path(dir);
    if !path.exists() {
        return Ok(None);
    }
    let name = display_name(dir, RECOVERY_FILE);
    let (text, _) = read_text_limited(&path, &name, 3 * MAX_WORKSPACE_FILE_BYTES)?;
    let file: RecoveryFile = parse_file(
        &text,
        &name,
        "`(format: 1, written: (…), workspace: \"…\", soa: \"…\", risks: \"…\")`",
        |f: &RecoveryFile| f.format,
    )?;
    let workspace = parse_parts(
        &name,
        "",
        &file.workspace,
        &file.soa,
        &file.risks,
        catalogue,
    )?;
    let mut workspace = workspace;
    let mgmt_part = |i: usize| format!("{name} ({} part)", MGMT_FILES[i].trim_end_matches(".ron"));
    if let [system, evidence, audits, findings] = file.mgmt.as_slice() {
        workspace.mgmt.system = parse_system(system, &mgmt_part(0), catalogue)?.system;
        workspace.mgmt.evidence = parse_evidence(evidence, &mgmt_part(1), catalogue)?;
        workspace.mgmt.audits = parse_audits(audits, &mgmt_part(2), catalogue)?;
        workspace.mgmt.findings = parse_findings(findings, &mgmt_part(3), catalogue)?;
    }
    let base = match &file.base {
        Some(b) => Some(parse_parts(
            &name,
            "base ",
            &b.workspace,
            &b.soa,
            &b.risks,
            catalogue,
        )?),
        None => None,
    }
    // The base records only the three Annex A files; the workbench does not edit the management
    // system, so its rescued copy is its base and the files on disk win when restoring.
    .map(|mut base: Workspace| {
        base.mgmt = workspace.mgmt.clone();
        base
    });
    Ok(Some(Recovered {
        workspace,
        written: file.written,
        pending: file.pending,
        base,
    }))
}

/// One workspace from the three file texts embedded in the recovery file.
fn parse_parts(
    name: &str,
    prefix: &str,
    workspace: &str,
    soa: &str,
    risks: &str,
    catalogue: &Catalogue,
) -> Result<Workspace, StoreError> {
    let part = |which: &str| format!("{name} ({prefix}{which} part)");
    let settings = parse_settings(workspace, &part("workspace"))?;
    let soa = parse_soa(soa, &part("soa"), catalogue)?.soa;
    let risks = parse_risks(risks, &part("risks"), catalogue, &settings.risk_method)?;
    Ok(Workspace {
        settings,
        soa,
        risks,
        mgmt: Management::seeded(),
    })
}

/// Removes the recovery file (after it was restored or declined). No file is not an error.
pub fn discard_recovery(dir: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(recovery_path(dir)) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(LocatedError::at(
            &display_name(dir, RECOVERY_FILE),
            None,
            format!("cannot remove: {}", super::read::io_reason(&e)),
        )
        .into()),
    }
}
