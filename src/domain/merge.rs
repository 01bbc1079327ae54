//! The three-way merge of a workspace: one function for everything that meets a change made
//! elsewhere — git's merge driver, restoring a recovery file, reloading files changed on disk.
//!
//! Record by record (keyed by control id, risk id, …) and field by field: equal changes agree; a
//! field changed on one side takes that side; the `updated` stamp takes the later one; an item
//! added on both sides under the same id keeps both, theirs renumbered (reported); only the same
//! field changed differently on both sides is a conflict, and the merged workspace keeps ours.

use serde::{Deserialize, Serialize};

use super::merge_mgmt::merge_management;
use super::merge_record::{merge_list, merge_record};
use super::workspace::Workspace;

/// The result of [`merge`].
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    /// The merged workspace; where there are conflicts it holds ours for those fields.
    pub merged: Workspace,
    pub conflicts: Vec<Conflict>,
    /// Items both sides added under one id: theirs took a fresh id.
    pub renumbered: Vec<Renumbered>,
}

impl Merge {
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// One field changed differently on both sides, with each version in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// Which list: `soa`, `risk`, `workspace` for the settings, or one of the management
    /// system's (`clause`, `evidence`, `finding`, `measurement`, …).
    pub kind: String,
    /// The record's id: `8.13`, `R-002`, `workspace`.
    pub record: String,
    /// The field, or `(record)` when one side deleted what the other edited.
    pub field: String,
    pub base: String,
    pub ours: String,
    pub theirs: String,
}

/// An item theirs added under an id ours also added: it now has id `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Renumbered {
    pub kind: String,
    pub from: String,
    pub to: String,
}

/// What a merge found besides the merged values.
#[derive(Debug, Default)]
pub struct MergeReport {
    pub conflicts: Vec<Conflict>,
    pub renumbered: Vec<Renumbered>,
}

/// Merges `ours` and `theirs`, two versions grown from `base`. Pure: no I/O, no clock.
pub fn merge(base: &Workspace, ours: &Workspace, theirs: &Workspace) -> Merge {
    let mut report = MergeReport::default();
    let settings = merge_record(
        "workspace",
        "workspace",
        Some(&base.settings),
        &ours.settings,
        &theirs.settings,
        &mut report,
    );
    let mut merged = Workspace {
        settings,
        ..Workspace::default()
    };
    // Every id-keyed list of the workspace, one line each.
    merged.soa.entries = merge_list(
        &base.soa.entries,
        &ours.soa.entries,
        &theirs.soa.entries,
        &mut report,
    );
    merged.risks.risks = merge_list(
        &base.risks.risks,
        &ours.risks.risks,
        &theirs.risks.risks,
        &mut report,
    );
    merged.risks.sort();
    merged.mgmt = merge_management(&base.mgmt, &ours.mgmt, &theirs.mgmt, &mut report);
    Merge {
        merged,
        conflicts: report.conflicts,
        renumbered: report.renumbered,
    }
}
