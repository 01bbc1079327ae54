//! The document-control block of an export, stamped from git here at the edge: the last approved
//! SoA version (tag `soa-vN`: version, approver, date, commit) and the commit the export was made
//! from. The writers only print what they are given; outside a repository the block is a draft.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::workspace::Workspace;
use crate::domain::workspace_format::{RISKS_FILE, SOA_FILE, WORKSPACE_FILE};
use crate::export::document_control::{Approval, DocumentControl};
use crate::store::git;

const FILES: [&str; 3] = [WORKSPACE_FILE, SOA_FILE, RISKS_FILE];

/// The block of the document `title` of the workspace in `dir`, generated `now`.
pub fn document_control(
    dir: &Path,
    title: &str,
    workspace: &Workspace,
    now: DateTime<Utc>,
) -> DocumentControl {
    let mut control = DocumentControl::from_workspace(title, workspace, now);
    if !git::is_repository(dir) {
        return control;
    }
    let Some(head) = git::head(dir) else {
        return control;
    };
    let dirty = git::has_uncommitted(dir, &FILES).unwrap_or(true);
    control.commit = Some(if dirty {
        format!("{head} with uncommitted changes")
    } else {
        head
    });
    control.approval = git::last_approval(dir).and_then(|approval| {
        Some(Approval {
            version: approval.version.to_string(),
            by: approval.approver,
            on: NaiveDate::parse_from_str(approval.date.get(..10)?, "%Y-%m-%d").ok()?,
            commit: approval.commit.chars().take(12).collect(),
            current: !git::changed_since(dir, &approval.tag, &FILES).unwrap_or(true),
        })
    });
    control
}
