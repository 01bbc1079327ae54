//! The OSCAL catalog of the Annex A controls: ids `A.5.1`…, the display number as a `label`
//! property, one group per theme, the ISO/IEC 27002 attributes and 2013 ancestry as properties in
//! our namespace, and our own one-line purpose as an overview part. No text of the standard.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::ids::{catalogue_uuid, control_id};
use super::{finish, metadata, prop};
use crate::domain::attributes::Theme;
use crate::domain::catalogue::Catalogue;
use crate::domain::control::Control;

/// A sort key that orders `A.5.10` after `A.5.9`: `a.05.10`.
fn sort_id(control: &str) -> String {
    let parts: Vec<String> = control.split('.').map(|p| format!("{:0>2}", p)).collect();
    format!("a.{}", parts.join("."))
}

fn control_json(control: &Control) -> Value {
    let id = control_id(&control.id);
    let attributes = &control.attributes;
    let mut props = vec![
        json!({"name": "label", "value": control.id}),
        json!({"name": "sort-id", "value": sort_id(&control.id)}),
    ];
    let named = attributes
        .control_type
        .iter()
        .map(|v| ("control_type", v.name()))
        .chain(
            attributes
                .security_properties
                .iter()
                .map(|v| ("security_property", v.name())),
        )
        .chain(
            attributes
                .cybersecurity_concepts
                .iter()
                .map(|v| ("cybersecurity_concept", v.name())),
        )
        .chain(
            attributes
                .operational_capabilities
                .iter()
                .map(|v| ("operational_capability", v.name())),
        )
        .chain(
            attributes
                .security_domains
                .iter()
                .map(|v| ("security_domain", v.name())),
        );
    props.extend(named.filter_map(|(name, value)| prop(name, value)));
    props.extend(
        control
            .iso27002_2013
            .iter()
            .filter_map(|old| prop("iso27002_2013", old)),
    );
    props.extend(prop(
        "new_in_2022",
        if control.new_in_2022 { "true" } else { "false" },
    ));
    let links: Vec<Value> = control
        .related
        .iter()
        .map(|r| json!({"href": format!("#{}", control_id(r)), "rel": "related"}))
        .collect();
    let mut parts = Vec::new();
    if !control.purpose.trim().is_empty() {
        parts.push(json!({
            "id": format!("{id}_ovw"),
            "name": "overview",
            "prose": crate::domain::text::sanitize(control.purpose.trim()),
        }));
    }
    json!({
        "id": id,
        "class": "annex-a",
        "title": super::one_line(&control.title).unwrap_or_else(|| control.id.clone()),
        "props": props,
        "links": links,
        "parts": parts,
    })
}

/// The catalog as an OSCAL JSON document.
pub fn oscal_catalog(catalogue: &Catalogue, last_modified: DateTime<Utc>) -> String {
    let groups: Vec<Value> = Theme::ALL
        .iter()
        .map(|theme| {
            let controls: Vec<Value> = catalogue
                .controls()
                .iter()
                .filter(|c| c.theme == *theme)
                .map(control_json)
                .collect();
            json!({
                "id": theme.name().to_lowercase(),
                "class": "theme",
                "title": format!("{} controls", theme.name()),
                "controls": controls,
            })
        })
        .collect();
    let title = format!("ISO/IEC 27001:2022 Annex A controls ({})", catalogue.name);
    let document = json!({
        "catalog": {
            "uuid": catalogue_uuid(&catalogue.name, "catalog"),
            "metadata": metadata(&title, last_modified, "2022"),
            "groups": groups,
        }
    });
    finish(document)
}
