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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Catalogue;
    use crate::domain::sample::demo_workspace;

    #[test]
    fn a_refused_change_leaves_the_audit_and_its_items_as_they_were() {
        let mut ws = demo_workspace(&Catalogue::builtin());
        let before = ws.mgmt.audits.clone();
        let blank = AuditChange::default();
        assert!(
            put_audit(&mut ws, "A-001", blank).is_err(),
            "a title is required"
        );
        assert!(put_audit(&mut ws, "A-404", AuditChange::default()).is_err());
        assert!(put_review(&mut ws, "MR-001", ReviewChange::default()).is_err());
        assert_eq!(ws.mgmt.audits, before);
        let change = AuditChange {
            title: Some("Renamed".into()),
            ..AuditChange::default()
        };
        assert!(put_audit(&mut ws, "a-001", change).unwrap());
        let audit = ws.mgmt.audits.audit("A-001").unwrap();
        assert_eq!(
            (audit.id.as_str(), audit.title.as_str()),
            ("A-001", "Renamed")
        );
        assert_eq!(audit.items, before.audits[0].items);
    }
}
