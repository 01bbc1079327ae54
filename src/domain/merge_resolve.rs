//! Taking their side of one conflict of a merge: the merge keeps ours wherever both sides changed
//! the same thing; when the user picks theirs, this puts their value (a field, a whole record, a
//! whole file of the management system) into the merged workspace. Or, when the user typed the
//! merged value of a text field, puts that text in. Pure: no I/O.

use std::cell::RefCell;

use super::merge::Conflict;
use super::merge_fields::Fields;
use super::merge_record::Record;
use super::workspace::Workspace;

/// What goes in place of ours: theirs' version, or a text typed for one text field.
#[derive(Clone, Copy)]
pub(super) enum Pick<'a> {
    Theirs,
    Text(&'a TextEdit),
}

/// A typed text for one field, and the text the field held before (`None`: no such record, or
/// the field is not text).
pub(super) struct TextEdit {
    text: String,
    before: RefCell<Option<String>>,
}

/// Puts theirs in place of ours for one conflict. Unknown kinds change nothing.
pub fn take_theirs(merged: &mut Workspace, theirs: &Workspace, conflict: &Conflict) {
    resolve(merged, theirs, conflict, Pick::Theirs);
}

/// Sets the conflict's field of its record to `text`, finding the record as `take_theirs` does.
/// Returns the text the field held before; `None` (and nothing changed) when the record is not
/// there or the field does not hold text (a choice, a number, a list, a whole record or file).
pub fn set_text(merged: &mut Workspace, conflict: &Conflict, text: &str) -> Option<String> {
    if conflict.kind == "file" {
        return None;
    }
    let edit = TextEdit {
        text: text.to_string(),
        before: RefCell::new(None),
    };
    // Only the parent records of nested items are looked up in "theirs": ours serves.
    let parents = merged.clone();
    resolve(merged, &parents, conflict, Pick::Text(&edit));
    edit.before.into_inner()
}

/// The text the conflict's field holds in `ws`; `None` when it is not a text field.
pub fn text_of(ws: &Workspace, conflict: &Conflict) -> Option<String> {
    set_text(&mut ws.clone(), conflict, "")
}

fn resolve(merged: &mut Workspace, theirs: &Workspace, conflict: &Conflict, pick: Pick) {
    match conflict.kind.as_str() {
        "soa" => take_in_list(&mut merged.soa.entries, &theirs.soa.entries, conflict, pick),
        "risk" => {
            take_in_list(&mut merged.risks.risks, &theirs.risks.risks, conflict, pick);
            merged.risks.sort();
        }
        "workspace" => merged.settings = pick.field(&merged.settings, &theirs.settings, conflict),
        "file" => match conflict.record.as_str() {
            "isms.ron" => merged.mgmt.system = theirs.mgmt.system.clone(),
            "evidence.ron" => merged.mgmt.evidence = theirs.mgmt.evidence.clone(),
            "audits.ron" => merged.mgmt.audits = theirs.mgmt.audits.clone(),
            "findings.ron" => merged.mgmt.findings = theirs.mgmt.findings.clone(),
            _ => {}
        },
        _ => super::merge_resolve_mgmt::take_theirs(&mut merged.mgmt, &theirs.mgmt, conflict, pick),
    }
}

impl Pick<'_> {
    /// `ours` with the conflict's field resolved.
    pub(super) fn field<T: Clone + serde::Serialize + serde::de::DeserializeOwned>(
        self,
        ours: &T,
        theirs: &T,
        conflict: &Conflict,
    ) -> T {
        match self {
            Pick::Theirs => with_field(ours, theirs, conflict),
            Pick::Text(edit) => with_text(ours, edit, conflict),
        }
    }
}

/// `ours` with the conflict's field set to the typed text, when that field holds free text: a
/// choice or a date is written as text too, but takes only its own words.
fn with_text<T: Clone + serde::Serialize + serde::de::DeserializeOwned>(
    ours: &T,
    edit: &TextEdit,
    conflict: &Conflict,
) -> T {
    let fields = Fields::of(ours);
    let Some(serde_json::Value::String(before)) = fields.get(&conflict.field) else {
        return ours.clone();
    };
    let before = before.clone();
    let free_text = built::<T>(&fields, conflict, "\u{1}any words").is_some();
    match built::<T>(&fields, conflict, &edit.text) {
        Some(record) if free_text => {
            *edit.before.borrow_mut() = Some(before);
            record
        }
        _ => ours.clone(),
    }
}

/// The record of `fields` with the conflict's field set to `text`, if the record takes it.
fn built<T: serde::de::DeserializeOwned>(
    fields: &Fields,
    conflict: &Conflict,
    text: &str,
) -> Option<T> {
    let map: serde_json::Map<String, serde_json::Value> = fields
        .0
        .iter()
        .map(|(name, value)| {
            let value = if *name == conflict.field {
                serde_json::Value::String(text.to_string())
            } else {
                value.clone()
            };
            (name.clone(), value)
        })
        .collect();
    serde_json::from_value(serde_json::Value::Object(map)).ok()
}

pub(super) fn take_in_list<T: Record>(
    merged: &mut Vec<T>,
    theirs: &[T],
    conflict: &Conflict,
    pick: Pick,
) {
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
    if let Pick::Text(edit) = pick {
        // A typed text changes one field of a record that is there; it adds or removes nothing
        // and never changes the id that names the record.
        if let Some(at) = ours_at {
            let edited = pick.field(&merged[at], &merged[at], conflict);
            if edited.key() == key {
                merged[at] = edited;
            } else {
                *edit.before.borrow_mut() = None;
            }
        }
        return;
    }
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

    fn conflict(kind: &str, record: &str, field: &str) -> Conflict {
        Conflict {
            kind: kind.into(),
            record: record.into(),
            field: field.into(),
            base: String::new(),
            ours: String::new(),
            theirs: String::new(),
        }
    }

    #[test]
    fn a_typed_text_goes_into_the_named_text_field_of_an_entry_and_a_risk() {
        let mut ws = demo_workspace(&Catalogue::builtin());
        let before = ws.soa.entry("5.1").unwrap().justification.clone();
        let typed = "Both: our policy set, their review cycle";
        let was = set_text(&mut ws, &conflict("soa", "5.1", "justification"), typed);
        assert_eq!(was, Some(before));
        assert_eq!(ws.soa.entry("5.1").unwrap().justification, typed);
        let id = ws.risks.risks[0].id.clone();
        let lower = conflict("risk", &id, "title");
        assert!(set_text(&mut ws, &lower, "Merged title").is_some());
        assert_eq!(ws.risks.get(&id).unwrap().title, "Merged title");
        assert_eq!(text_of(&ws, &lower).as_deref(), Some("Merged title"));
    }

    #[test]
    fn a_field_that_is_not_text_or_a_missing_record_changes_nothing() {
        let mut ws = demo_workspace(&Catalogue::builtin());
        let original = ws.clone();
        for c in [
            conflict("soa", "5.1", "applicability"),
            conflict("soa", "5.1", "control"),
            conflict("soa", "5.1", "(record)"),
            conflict("soa", "99.9", "justification"),
            conflict("file", "isms.ron", "(record)"),
            conflict("nonsense", "X", "title"),
        ] {
            assert_eq!(set_text(&mut ws, &c, "typed"), None, "{c:?}");
        }
        assert_eq!(ws, original);
    }

    #[test]
    fn a_typed_text_goes_into_a_management_record() {
        let mut ws = demo_workspace(&Catalogue::builtin());
        let Some(objective) = ws.mgmt.system.objectives.first() else {
            panic!("the demo has objectives");
        };
        let id = objective.id.clone();
        let c = conflict("objective", &id, "target");
        assert!(set_text(&mut ws, &c, "Merged target").is_some());
        let objective = ws.mgmt.system.objectives.iter().find(|o| o.id == id);
        assert_eq!(objective.unwrap().target, "Merged target");
    }
}
