//! The document-control stamp in an OSCAL document's metadata, as the other exports print it:
//! approved or draft, the last approved SoA version with its approver, date and commit, and the
//! commit the document was generated from. Written as `props` in our namespace (OSCAL 1.1
//! metadata allows any property there: a token `name`, a URI `ns`, a one-line `value`).

use serde_json::{Value, json};

use super::{NS, finish, prop};
use crate::export::document_control::DocumentControl;

/// The properties that stamp a document: always its status; the approval and the commit when
/// known.
pub fn stamp_props(control: &DocumentControl) -> Vec<Value> {
    let mut props = vec![json!({"name": "document-status", "ns": NS, "value": control.status()})];
    if let Some(approval) = &control.approval {
        props.extend(prop("approved-version", &approval.version));
        props.extend(prop("approved-by", &approval.by));
        props.extend(prop("approved-on", &approval.on.to_string()));
        props.extend(prop("approved-commit", &approval.commit));
    }
    if let Some(commit) = &control.commit {
        props.extend(prop("generated-from-commit", commit));
    }
    props
}

/// `document` (an OSCAL JSON document as written) with the stamp added to its metadata's props.
/// Text that is not an OSCAL document comes back unchanged.
pub fn stamped(document: &str, control: &DocumentControl) -> String {
    let Ok(mut value) = serde_json::from_str::<Value>(document) else {
        return document.to_string();
    };
    // The one top-level key names the model: `catalog`, `system-security-plan`, …
    let Some(metadata) = value
        .as_object_mut()
        .and_then(|root| root.values_mut().next())
        .and_then(|model| model.get_mut("metadata"))
        .and_then(Value::as_object_mut)
    else {
        return document.to_string();
    };
    let props = metadata
        .entry("props")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Some(props) = props.as_array_mut() {
        props.extend(stamp_props(control));
    }
    finish(value)
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::*;
    use crate::domain::catalogue::Catalogue;
    use crate::domain::sample::demo_workspace;
    use crate::export::document_control::Approval;
    use crate::export::oscal::ssp::oscal_ssp;

    #[test]
    fn the_ssp_metadata_carries_the_approval_and_the_commit_as_namespaced_props() {
        let catalogue = Catalogue::builtin();
        let workspace = demo_workspace(&catalogue);
        let at = Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap();
        let mut control = DocumentControl::from_workspace("SoA", &workspace, at);
        control.approval = Some(Approval {
            version: "3".into(),
            by: "Maya Okafor".into(),
            on: NaiveDate::from_ymd_opt(2026, 4, 30).unwrap(),
            commit: "0123456789ab".into(),
            current: true,
        });
        control.commit = Some("0123456789abcdef".into());
        let text = stamped(&oscal_ssp(&workspace, &catalogue, at, "p.json"), &control);
        let value: Value = serde_json::from_str(&text).unwrap();
        let props = value["system-security-plan"]["metadata"]["props"]
            .as_array()
            .unwrap();
        let said: Vec<(&str, &str)> = props
            .iter()
            .map(|p| (p["name"].as_str().unwrap(), p["value"].as_str().unwrap()))
            .collect();
        assert_eq!(
            said,
            [
                ("document-status", "approved"),
                ("approved-version", "3"),
                ("approved-by", "Maya Okafor"),
                ("approved-on", "2026-04-30"),
                ("approved-commit", "0123456789ab"),
                ("generated-from-commit", "0123456789abcdef"),
            ]
        );
        assert!(props.iter().all(|p| p["ns"] == NS));
        // A draft outside a repository says only that.
        let draft = DocumentControl::from_workspace("SoA", &workspace, at);
        assert_eq!(stamp_props(&draft).len(), 1);
        assert_eq!(stamped("not json", &draft), "not json");
    }
}
