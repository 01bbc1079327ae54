//! Three-way merge of one record field by field, and of an id-keyed list record by record.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::merge::{Conflict, MergeReport, Renumbered};
use super::merge_fields::{Fields, STAMP_FIELD, changes_between, display_value};
use super::risk::{Risk, risk_number};
use super::soa::SoaEntry;
use super::stamp::Stamp;

/// An item of an id-keyed list of the workspace.
pub trait Record: Clone + PartialEq + Serialize + DeserializeOwned {
    /// What the list holds, in reports: `soa`, `risk`.
    const KIND: &'static str;

    /// The id as written.
    fn id(&self) -> &str;

    /// The id as matched across versions (risk ids ignore case, as the loader does).
    fn key(&self) -> String {
        self.id().to_string()
    }

    /// Gives an item added on both sides under one id a fresh id above every id in `taken`.
    /// `None` where ids are fixed by something outside the list (SoA entries are keyed by the
    /// catalogue's control ids); such items are then merged field by field.
    fn renumbered(&self, _taken: &BTreeSet<String>) -> Option<Self> {
        None
    }

    /// Merges three versions of one record; records holding id-keyed lists of their own
    /// (an objective's measurements, an audit's tested items) merge those item by item.
    fn merge(base: Option<&Self>, ours: &Self, theirs: &Self, report: &mut MergeReport) -> Self {
        merge_record(Self::KIND, ours.id(), base, ours, theirs, report)
    }
}

impl Record for SoaEntry {
    const KIND: &'static str = "soa";
    fn id(&self) -> &str {
        &self.control
    }
}

impl Record for Risk {
    const KIND: &'static str = "risk";
    fn id(&self) -> &str {
        &self.id
    }
    fn key(&self) -> String {
        self.id.trim().to_ascii_uppercase()
    }
    fn renumbered(&self, taken: &BTreeSet<String>) -> Option<Risk> {
        let highest = taken.iter().filter_map(|id| risk_number(id)).max();
        let mut risk = self.clone();
        risk.id = format!("R-{:03}", highest.unwrap_or(0) + 1);
        Some(risk)
    }
}

/// Merges one record. Equal changes agree, a field changed on one side takes that side, the
/// `updated` stamp takes the later one, and a field changed differently on both sides is a
/// conflict that keeps ours. `base` is `None` for a record both sides added.
pub fn merge_record<T: Serialize + DeserializeOwned + Clone + PartialEq>(
    kind: &str,
    id: &str,
    base: Option<&T>,
    ours: &T,
    theirs: &T,
    report: &mut MergeReport,
) -> T {
    if ours == theirs || base == Some(theirs) {
        return ours.clone();
    }
    if base == Some(ours) {
        return theirs.clone();
    }
    let base_fields = base.map(Fields::of).unwrap_or_default();
    let theirs_fields = Fields::of(theirs);
    let mut merged = Fields::of(ours);
    for (name, ours_value) in &mut merged.0 {
        let theirs_value = theirs_fields.get(name).unwrap_or(&Value::Null);
        let base_value = base_fields.get(name);
        if ours_value == theirs_value || base_value == Some(theirs_value) {
            continue;
        }
        if base_value == Some(ours_value) {
            *ours_value = theirs_value.clone();
        } else if name == STAMP_FIELD {
            if stamp_at(theirs_value) > stamp_at(ours_value) {
                *ours_value = theirs_value.clone();
            }
        } else {
            report.conflicts.push(Conflict {
                kind: kind.to_string(),
                record: id.to_string(),
                field: name.clone(),
                base: base_value.map_or_else(|| ABSENT.to_string(), display_value),
                ours: display_value(ours_value),
                theirs: display_value(theirs_value),
            });
        }
    }
    merged.build()
}

/// Shown as the base of a record that did not exist there, and for a deleted record.
const ABSENT: &str = "(absent)";

fn stamp_at(value: &Value) -> Option<chrono::DateTime<chrono::Utc>> {
    serde_json::from_value::<Option<Stamp>>(value.clone())
        .ok()
        .flatten()
        .map(|s| s.at)
}

/// Merges an id-keyed list: records matched by key, each merged with [`merge_record`]; a record
/// deleted on one side goes unless the other side edited it (a conflict that keeps ours); a
/// record added on both sides under one id keeps both, theirs renumbered, where ids allow it.
/// Order: ours, then what only theirs added, in theirs' order.
pub fn merge_list<T: Record>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    report: &mut MergeReport,
) -> Vec<T> {
    let keyed = |list: &'_ [T]| -> BTreeMap<String, usize> {
        list.iter().enumerate().map(|(i, r)| (r.key(), i)).collect()
    };
    let (base_at, ours_at, theirs_at) = (keyed(base), keyed(ours), keyed(theirs));
    // Fresh ids go above every id any of the three versions holds.
    let mut taken: BTreeSet<String> = [base, ours, theirs]
        .into_iter()
        .flatten()
        .map(|r| r.id().to_string())
        .collect();
    let mut merged = Vec::with_capacity(ours.len().max(theirs.len()));
    let mut renumbered = Vec::new();
    for record in ours {
        let key = record.key();
        let base_record = base_at.get(&key).map(|&i| &base[i]);
        let theirs_record = theirs_at.get(&key).map(|&i| &theirs[i]);
        match (base_record, theirs_record) {
            (base_record @ Some(_), Some(theirs_record)) => {
                merged.push(T::merge(base_record, record, theirs_record, report))
            }
            (Some(base_record), None) => {
                if record != base_record {
                    deleted_and_edited(record.id(), base_record, record, false, report);
                    merged.push(record.clone());
                }
            }
            (None, Some(theirs_record)) if record != theirs_record => {
                if let Some(fresh) = theirs_record.renumbered(&taken) {
                    report.renumbered.push(Renumbered {
                        kind: T::KIND.to_string(),
                        from: theirs_record.id().to_string(),
                        to: fresh.id().to_string(),
                    });
                    taken.insert(fresh.id().to_string());
                    renumbered.push(fresh);
                    merged.push(record.clone());
                } else {
                    merged.push(T::merge(None, record, theirs_record, report));
                }
            }
            (None, _) => merged.push(record.clone()),
        }
    }
    for record in theirs {
        let key = record.key();
        if ours_at.contains_key(&key) {
            continue;
        }
        match base_at.get(&key).map(|&i| &base[i]) {
            Some(base_record) if record != base_record => {
                deleted_and_edited(record.id(), base_record, record, true, report);
            }
            Some(_) => {}
            None => merged.push(record.clone()),
        }
    }
    merged.extend(renumbered);
    merged
}

/// One side deleted a record the other edited: a conflict on the whole record, which keeps ours.
fn deleted_and_edited<T: Record>(
    id: &str,
    base: &T,
    edited: &T,
    ours_deleted: bool,
    report: &mut MergeReport,
) {
    let fields: Vec<String> = changes_between(&Fields::of(base), &Fields::of(edited))
        .into_iter()
        .map(|c| c.field)
        .collect();
    let edit = format!("edited: {}", fields.join(", "));
    let (ours, theirs) = if ours_deleted {
        ("deleted".to_string(), edit)
    } else {
        (edit, "deleted".to_string())
    };
    report.conflicts.push(Conflict {
        kind: T::KIND.to_string(),
        record: id.to_string(),
        field: "(record)".to_string(),
        base: "present".to_string(),
        ours,
        theirs,
    });
}
