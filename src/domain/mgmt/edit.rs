//! Edits to the management system shared by the command line (and later the workbench): each
//! checks its input, changes only what was asked, and stamps what it changed.

use chrono::NaiveDate;

use super::clauses::{assessable, nearest};
use super::refs::{Ref, RefKind, canonical};
use super::system::ClauseStatus;
use crate::domain::catalogue::Catalogue;
use crate::domain::edit::EditError;
use crate::domain::stamp::Stamp;
use crate::domain::text::{sanitize, sanitize_line};
use crate::domain::workspace::Workspace;

pub use super::edit_records::{
    AuditChange, EvidenceChange, FindingChange, ItemChange, ReviewChange, add_audit,
    add_audit_item, add_evidence, add_finding, add_review, set_finding,
};

/// The fields to change in one clause entry; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClauseChange {
    pub status: Option<ClauseStatus>,
    pub owner: Option<String>,
    pub statement: Option<String>,
    /// Replaces the evidence list.
    pub evidence: Option<Vec<String>>,
    pub reviewed: Option<NaiveDate>,
    pub next_review: Option<NaiveDate>,
}

/// Applies `change` to sub-clause `id`. Returns whether anything changed.
pub fn set_clause(
    workspace: &mut Workspace,
    id: &str,
    change: ClauseChange,
    stamp: Stamp,
) -> Result<bool, EditError> {
    let id = id.trim().trim_start_matches("clause:");
    if !assessable().any(|c| c.id == id) {
        return Err(EditError::NotFound(format!(
            "no sub-clause {id:?}; expected 4.1 … 10.2 (nearest: {})",
            nearest(id, 3).join(", ")
        )));
    }
    let evidence = change
        .evidence
        .map(|ids| ids.iter().map(|e| evidence_id(workspace, e)).collect())
        .transpose()?;
    let entry = workspace
        .mgmt
        .system
        .clause_mut(id)
        .expect("every assessable sub-clause has an entry");
    let before = entry.clone();
    if let Some(status) = change.status {
        entry.status = status;
    }
    if let Some(owner) = change.owner {
        entry.owner = sanitize_line(owner.trim());
    }
    if let Some(statement) = change.statement {
        entry.statement = sanitize(statement.trim());
    }
    if let Some(evidence) = evidence {
        entry.evidence = evidence;
    }
    if change.reviewed.is_some() {
        entry.reviewed = change.reviewed;
    }
    if change.next_review.is_some() {
        entry.next_review = change.next_review;
    }
    let changed = *entry != before;
    if changed {
        entry.updated = Some(stamp);
        let added: Vec<String> = entry
            .evidence
            .iter()
            .filter(|e| !before.evidence.contains(e))
            .cloned()
            .collect();
        let own = format!("clause:{id}");
        for evidence in &added {
            link_evidence(workspace, evidence, &own);
        }
    }
    Ok(changed)
}

/// An evidence id that exists, in its stored spelling.
pub fn evidence_id(workspace: &Workspace, typed: &str) -> Result<String, EditError> {
    workspace
        .mgmt
        .evidence
        .get(typed)
        .map(|e| e.id.clone())
        .ok_or_else(|| {
            EditError::NotFound(format!(
                "no evidence {:?} (see `isms evidence`)",
                typed.trim()
            ))
        })
}

/// Makes evidence `id` say it supports `reference`, when it does not yet.
pub(super) fn link_evidence(workspace: &mut Workspace, id: &str, reference: &str) {
    if let Some(item) = workspace
        .mgmt
        .evidence
        .items
        .iter_mut()
        .find(|e| e.id == id)
        && !item.supports.iter().any(|s| s == reference)
    {
        item.supports.push(reference.to_string());
    }
}

/// Reads typed references into their stored form.
pub fn references(typed: &[String], catalogue: &Catalogue) -> Result<Vec<String>, EditError> {
    typed
        .iter()
        .map(|t| canonical(t, catalogue).map_err(EditError::Invalid))
        .collect()
}

/// After evidence `id` was added, lets the clause entries and SoA entries it supports cite it.
pub(super) fn cite_from_supported(workspace: &mut Workspace, id: &str, supports: &[String]) {
    for reference in supports.iter().filter_map(|s| Ref::parse(s)) {
        match reference.kind {
            RefKind::Clause => {
                if let Some(entry) = workspace.mgmt.system.clause_mut(&reference.id)
                    && !entry.evidence.iter().any(|e| e == id)
                {
                    entry.evidence.push(id.to_string());
                }
            }
            RefKind::Control => {
                if let Some(entry) = workspace.soa.entry_mut(&reference.id)
                    && !entry.evidence.iter().any(|e| e == id)
                {
                    entry.evidence.push(id.to_string());
                }
            }
            _ => {}
        }
    }
}
