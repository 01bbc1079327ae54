//! Taking their side of one conflict of a merge: the merge keeps ours wherever both sides changed
//! the same thing; when the user picks theirs, this puts their value (a field, a whole record, a
//! whole file of the management system) into the merged workspace. Pure: no I/O.

use super::merge::Conflict;
use super::merge_fields::Fields;
use super::merge_record::Record;
use super::workspace::Workspace;

/// Puts theirs in place of ours for one conflict. Unknown kinds change nothing.
pub fn take_theirs(merged: &mut Workspace, theirs: &Workspace, conflict: &Conflict) {
    match conflict.kind.as_str() {
        "soa" => take_in_list(&mut merged.soa.entries, &theirs.soa.entries, conflict),
        "risk" => {
            take_in_list(&mut merged.risks.risks, &theirs.risks.risks, conflict);
            merged.risks.sort();
        }
        "workspace" => merged.settings = with_field(&merged.settings, &theirs.settings, conflict),
        "file" => match conflict.record.as_str() {
            "isms.ron" => merged.mgmt.system = theirs.mgmt.system.clone(),
            "evidence.ron" => merged.mgmt.evidence = theirs.mgmt.evidence.clone(),
            "audits.ron" => merged.mgmt.audits = theirs.mgmt.audits.clone(),
            "findings.ron" => merged.mgmt.findings = theirs.mgmt.findings.clone(),
            _ => {}
        },
        _ => super::merge_resolve_mgmt::take_theirs(&mut merged.mgmt, &theirs.mgmt, conflict),
    }
}

pub(super) fn take_in_list<T: Record>(merged: &mut Vec<T>, theirs: &[T], conflict: &Conflict) {
    let key = |id: &str| {
        theirs
            .iter()
            .chain(merged.iter())
            .find(|r| r.id() == id)
            .map(Record::key)
    };
    let Some(key) = key(&conflict.record) else {
        return;
    };
    let ours_at = merged.iter().position(|r| r.key() == key);
    let theirs_record = theirs.iter().find(|r| r.key() == key);
    match (ours_at, theirs_record) {
        // Deleted there: theirs is no record at all.
        (Some(at), None) => {
            merged.remove(at);
        }
        (None, Some(record)) => merged.push(record.clone()),
        (Some(at), Some(record)) if conflict.field == "(record)" => merged[at] = record.clone(),
        (Some(at), Some(record)) => merged[at] = with_field(&merged[at], record, conflict),
        (None, None) => {}
    }
}

/// `ours` with the conflict's field taken from `theirs`.
pub(super) fn with_field<T: serde::Serialize + serde::de::DeserializeOwned>(
    ours: &T,
    theirs: &T,
    conflict: &Conflict,
) -> T {
    let mut fields = Fields::of(ours);
    let theirs = Fields::of(theirs);
    if let Some(value) = theirs.get(&conflict.field) {
        for (name, field) in &mut fields.0 {
            if *name == conflict.field {
                *field = value.clone();
            }
        }
    }
    fields.build()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Catalogue;
    use crate::domain::merge::merge;
    use crate::domain::sample::demo_workspace;

    #[test]
    fn taking_theirs_puts_their_value_where_the_merge_kept_ours() {
        let base = demo_workspace(&Catalogue::builtin());
        let mut ours = base.clone();
        let mut theirs = base.clone();
        ours.soa.entry_mut("5.1").unwrap().owner = "Ours".into();
        theirs.soa.entry_mut("5.1").unwrap().owner = "Theirs".into();
        theirs.soa.entry_mut("5.2").unwrap().owner = "Only theirs".into();
        let id = base.risks.risks[0].id.clone();
        ours.risks.risks[0].title = "Our title".into();
        theirs.risks.risks.retain(|r| r.id != id);
        let mut merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.conflicts.len(), 2, "{:?}", merged.conflicts);
        for conflict in merged.conflicts.clone() {
            take_theirs(&mut merged.merged, &theirs, &conflict);
        }
        let ws = &merged.merged;
        assert_eq!(ws.soa.entry("5.1").unwrap().owner, "Theirs");
        assert_eq!(ws.soa.entry("5.2").unwrap().owner, "Only theirs");
        assert!(ws.risks.get(&id).is_none(), "deleted there, as chosen");
    }
}
