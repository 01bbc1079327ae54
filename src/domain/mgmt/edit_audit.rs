//! Changing an audit or a management review as a whole (the workbench's form): the fields given
//! replace the record's, an empty date clears it; the tested items of an audit and the changes
//! and actions of a review are kept.

use super::edit::{AuditChange, ReviewChange};
use super::edit_records::{add_audit, add_review};
use crate::domain::edit::EditError;
use crate::domain::workspace::Workspace;

/// Replaces audit `id`'s fields with `change` (its id and tested items stay); returns whether
/// anything changed.
pub fn put_audit(
    workspace: &mut Workspace,
    id: &str,
    change: AuditChange,
) -> Result<bool, EditError> {
    let audits = &workspace.mgmt.audits.audits;
    let Some(at) = audits
        .iter()
        .position(|a| a.id.eq_ignore_ascii_case(id.trim()))
    else {
        return Err(EditError::NotFound(format!("no audit {:?}", id.trim())));
    };
    // Built by the same code as a new audit, on a scratch copy, so both read fields alike.
    let mut scratch = Workspace::default();
    add_audit(&mut scratch, change)?;
    let mut record = scratch.mgmt.audits.audits.remove(0);
    let old = &mut workspace.mgmt.audits.audits[at];
    record.id = old.id.clone();
    record.items = std::mem::take(&mut old.items);
    let changed = *old != record;
    *old = record;
    Ok(changed)
}

/// Replaces review `id`'s date, chair, attendees, inputs, decisions and follow-ups with
/// `change` (its id, changes and actions stay); returns whether anything changed.
pub fn put_review(
    workspace: &mut Workspace,
    id: &str,
    change: ReviewChange,
) -> Result<bool, EditError> {
    let reviews = &workspace.mgmt.audits.reviews;
    let Some(at) = reviews
        .iter()
        .position(|r| r.id.eq_ignore_ascii_case(id.trim()))
    else {
        return Err(EditError::NotFound(format!(
            "no management review {:?}",
            id.trim()
        )));
    };
    let mut scratch = Workspace::default();
    add_review(&mut scratch, change)?;
    let mut record = scratch.mgmt.audits.reviews.remove(0);
    let old = &mut workspace.mgmt.audits.reviews[at];
    record.id = old.id.clone();
    record.changes = std::mem::take(&mut old.changes);
    record.actions = std::mem::take(&mut old.actions);
    let changed = *old != record;
    *old = record;
    Ok(changed)
}
