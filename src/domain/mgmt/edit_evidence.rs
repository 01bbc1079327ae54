//! Changing an evidence item as a whole (the workbench's form): the fields given replace the
//! item's, read the same way as a new item's. Its id, the period it covers, when it was recorded
//! and the approval date stay; its hash stays while its location does, and is replaced by the
//! one given when the location changed. The clauses and SoA entries it newly supports cite it.

use super::edit::{EvidenceChange, cite_from_supported};
use super::edit_records::add_evidence;
use crate::domain::catalogue::Catalogue;
use crate::domain::edit::EditError;
use crate::domain::stamp::Stamp;
use crate::domain::workspace::Workspace;

/// Replaces evidence `id`'s fields with `change`; returns whether anything changed.
pub fn put_evidence(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    id: &str,
    change: EvidenceChange,
    stamp: Stamp,
) -> Result<bool, EditError> {
    let items = &workspace.mgmt.evidence.items;
    let Some(at) = items
        .iter()
        .position(|e| e.id.eq_ignore_ascii_case(id.trim()))
    else {
        return Err(EditError::NotFound(format!("no evidence {:?}", id.trim())));
    };
    // Built by the same code as new evidence, on a scratch copy, so both read fields alike.
    let mut scratch = Workspace::default();
    add_evidence(&mut scratch, catalogue, change, stamp)?;
    let mut record = scratch.mgmt.evidence.items.remove(0);
    let old = &workspace.mgmt.evidence.items[at];
    record.id = old.id.clone();
    record.period = old.period.clone();
    record.recorded = old.recorded.clone();
    if record.location == old.location && record.sha256.is_none() {
        record.sha256 = old.sha256.clone();
    }
    if let (Some(new), Some(kept)) = (&mut record.approval, &old.approval) {
        new.approved_on = kept.approved_on;
    }
    if record == *old {
        return Ok(false);
    }
    let added: Vec<String> = record
        .supports
        .iter()
        .filter(|s| !old.supports.contains(s))
        .cloned()
        .collect();
    let id = record.id.clone();
    workspace.mgmt.evidence.items[at] = record;
    cite_from_supported(workspace, &id, &added);
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::mgmt::evidence::EvidenceKind;
    use crate::domain::sample::demo_workspace;

    #[test]
    fn a_new_review_date_keeps_the_hash_and_a_new_support_is_cited_back() {
        let catalogue = Catalogue::builtin();
        let mut ws = demo_workspace(&catalogue);
        let old = ws.mgmt.evidence.get("E-006").unwrap().clone();
        let change = EvidenceChange {
            title: Some(old.title.clone()),
            kind: Some(EvidenceKind::Record),
            location: Some(old.location.clone()),
            review_by: chrono::NaiveDate::from_ymd_opt(2027, 9, 30),
            owner: Some(old.owner.clone()),
            supports: vec!["clause:7.2".into(), "6.3".into()],
            ..EvidenceChange::default()
        };
        let stamp = old.recorded.clone().unwrap();
        assert!(put_evidence(&mut ws, &catalogue, "E-006", change, stamp).unwrap());
        let new = ws.mgmt.evidence.get("E-006").unwrap();
        assert_eq!(new.sha256, old.sha256);
        assert_eq!(new.recorded, old.recorded);
        assert_eq!(new.supports, ["clause:7.2", "control:6.3"]);
        let entry = ws.soa.entry_mut("6.3").unwrap();
        assert!(entry.evidence.contains(&"E-006".to_string()));
    }
}
