//! OSCAL 1.1.3 JSON documents: a catalog of the controls, a profile that imports it, a system
//! security plan (the SoA) and a plan of action and milestones (the risks).
//!
//! UUIDs are version 5, derived from the workspace's identity and the item, so the same workspace
//! always gives the same document. Our own properties live in the [`NS`] namespace. Empty arrays
//! are never written (OSCAL forbids them).

pub mod catalog;
pub mod ids;
pub mod poam;
pub mod profile;
pub mod read_catalog;
pub mod ssp;
pub mod stamp;

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value, json};

use crate::domain::text::sanitize_line;

/// The OSCAL release the documents follow.
pub const OSCAL_VERSION: &str = "1.1.3";
/// The namespace of isms's own properties (control attributes, SoA reasons, risk ratings).
pub const NS: &str = "https://isms.invalid/ns/iso27001-2022";

/// An OSCAL timestamp: RFC 3339 in UTC with the zone written out.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A single-line OSCAL string (no leading or trailing space, no line breaks), or None when empty.
pub fn one_line(text: &str) -> Option<String> {
    let clean = sanitize_line(text);
    let words: Vec<&str> = clean.split_whitespace().collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A property in our namespace, or None when the value is empty.
pub fn prop(name: &str, value: &str) -> Option<Value> {
    one_line(value).map(|value| json!({"name": name, "ns": NS, "value": value}))
}

/// The document metadata every OSCAL model requires.
pub fn metadata(title: &str, last_modified: DateTime<Utc>, version: &str) -> Map<String, Value> {
    let mut metadata = Map::new();
    metadata.insert(
        "title".into(),
        json!(one_line(title).unwrap_or_else(|| "isms".into())),
    );
    metadata.insert("last-modified".into(), json!(timestamp(last_modified)));
    metadata.insert(
        "version".into(),
        json!(one_line(version).unwrap_or_else(|| "1".into())),
    );
    metadata.insert("oscal-version".into(), json!(OSCAL_VERSION));
    metadata
}

/// Removes every empty array (and the key holding it), recursively.
pub fn prune_empty_arrays(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !matches!(v, Value::Array(a) if a.is_empty()));
            map.values_mut().for_each(prune_empty_arrays);
            map.retain(|_, v| !matches!(v, Value::Array(a) if a.is_empty()));
        }
        Value::Array(items) => items.iter_mut().for_each(prune_empty_arrays),
        _ => {}
    }
}

/// The document as pretty JSON with a trailing newline, after pruning empty arrays.
pub fn finish(mut document: Value) -> String {
    prune_empty_arrays(&mut document);
    let mut text = serde_json::to_string_pretty(&document).expect("a JSON value serializes");
    text.push('\n');
    text
}
