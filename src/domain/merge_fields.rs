//! A record seen as its named fields, in declaration order, through serde: what lets one merge,
//! one history and one diff work field by field on every kind of record without naming its fields.

use std::fmt;

use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// The fields of a record, in the order the record declares them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fields(pub Vec<(String, Value)>);

impl Fields {
    /// The fields of `record`; empty for a value that is not a struct.
    pub fn of<T: Serialize>(record: &T) -> Fields {
        // Through text, because a JSON map forgets the order the fields are declared in.
        serde_json::to_string(record)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// Builds the record back. Every field value came from a record of the same type, so this
    /// only fails on a bug.
    pub fn build<T: DeserializeOwned>(self) -> T {
        let map: serde_json::Map<String, Value> = self.0.into_iter().collect();
        serde_json::from_value(Value::Object(map))
            .expect("fields taken from records of one type build a record of that type")
    }
}

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Fields, D::Error> {
        struct InOrder;
        impl<'de> Visitor<'de> for InOrder {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a record")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry::<String, Value>()? {
                    fields.push(entry);
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(InOrder)
    }
}

/// A field value in words: text as it is, lists joined by commas, nothing as `(none)`.
pub fn display_value(value: &Value) -> String {
    match value {
        Value::Null => "(none)".to_string(),
        Value::String(text) => text.clone(),
        Value::Bool(_) | Value::Number(_) => value.to_string(),
        Value::Array(items) if items.is_empty() => "(none)".to_string(),
        Value::Array(items) => items
            .iter()
            .map(display_value)
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{k}: {}", display_value(v)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// One field that differs between two versions of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// Longer values read better as "edited" than quoted whole in a one-line summary.
const SHORT_VALUE: usize = 40;

impl FieldChange {
    /// `status: partial → implemented`, or `justification edited` for long text.
    pub fn summary(&self) -> String {
        let short = |s: &str| s.chars().count() <= SHORT_VALUE && !s.contains('\n');
        if short(&self.before) && short(&self.after) {
            format!("{}: {} → {}", self.field, self.before, self.after)
        } else {
            format!("{} edited", self.field)
        }
    }
}

/// The fields that differ between `before` and `after` (the `updated` stamp is left out: it
/// changes with every edit and says who and when, which history shows on its own).
pub fn changed_fields<T: Serialize>(before: &T, after: &T) -> Vec<FieldChange> {
    changes_between(&Fields::of(before), &Fields::of(after))
}

/// As [`changed_fields`], on fields already taken apart.
pub fn changes_between(before: &Fields, after: &Fields) -> Vec<FieldChange> {
    after
        .0
        .iter()
        .filter(|(name, _)| name != STAMP_FIELD)
        .filter_map(|(name, value)| {
            let old = before.get(name).unwrap_or(&Value::Null);
            (old != value).then(|| FieldChange {
                field: name.clone(),
                before: display_value(old),
                after: display_value(value),
            })
        })
        .collect()
}

/// The one field every record may carry that says who changed it last and when.
pub const STAMP_FIELD: &str = "updated";

/// The changes joined for one line: `status: partial → implemented · justification edited`.
pub fn summarise(changes: &[FieldChange]) -> String {
    changes
        .iter()
        .map(FieldChange::summary)
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::soa::{SoaEntry, Status};

    #[test]
    fn fields_keep_declaration_order_and_build_back() {
        let mut entry = SoaEntry::undecided("8.13");
        entry.evidence = vec!["backup runbook".into(), "restore test".into()];
        let fields = Fields::of(&entry);
        let names: Vec<&str> = fields.0.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names[..3], ["control", "applicability", "reasons"]);
        assert_eq!(
            display_value(fields.get("evidence").unwrap()),
            "backup runbook, restore test"
        );
        assert_eq!(fields.build::<SoaEntry>(), entry);
    }

    #[test]
    fn changes_read_as_one_line() {
        let before = SoaEntry::undecided("8.13");
        let mut after = before.clone();
        after.status = Status::Implemented;
        after.justification = "Nightly backups of every production database, kept 35 days.".into();
        let changes = changed_fields(&before, &after);
        assert_eq!(
            summarise(&changes),
            "justification edited · status: not_started → implemented"
        );
    }
}
