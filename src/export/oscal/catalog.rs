//! The OSCAL catalog of the Annex A controls: ids `A.5.1`…, the display number as a `label`
//! property, one group per theme, the ISO/IEC 27002 attributes and 2013 ancestry as properties in
//! our namespace, and our own one-line purpose as an overview part. No text of the standard.
//!
//! Another catalogue (given with `--catalogue`) keeps its own name, titles and groups and never
//! says ISO: its ids become OSCAL tokens ([`ControlIds`]) with the original as the `label`.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::ids::{ControlIds, catalogue_uuid, token};
use super::{finish, metadata, prop};
use crate::domain::attributes::Theme;
use crate::domain::catalogue::Catalogue;
use crate::domain::control::Control;

/// A sort key that orders `A.5.10` after `A.5.9`: `a.05.10`.
fn sort_id(control: &str) -> String {
    let parts: Vec<String> = control.split('.').map(|p| format!("{:0>2}", p)).collect();
    format!("a.{}", parts.join("."))
}

fn control_json(catalogue: &Catalogue, ids: &ControlIds, position: usize) -> Value {
    let control = &catalogue.controls()[position];
    let iso = catalogue.is_iso();
    let id = ids.get(&control.id);
    let attributes = &control.attributes;
    let sort = if iso {
        sort_id(&control.id)
    } else {
        format!("{position:06}")
    };
    let mut props = vec![
        json!({"name": "label", "value": super::one_line(&control.id).unwrap_or_else(|| id.clone())}),
        json!({"name": "sort-id", "value": sort}),
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
    if iso {
        props.extend(prop(
            "new_in_2022",
            if control.new_in_2022 { "true" } else { "false" },
        ));
    }
    let links: Vec<Value> = control
        .related
        .iter()
        .map(|r| json!({"href": format!("#{}", ids.get(r)), "rel": "related"}))
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
        "class": if iso { "annex-a" } else { "control" },
        "title": super::one_line(&control.title).unwrap_or_else(|| control.id.clone()),
        "props": props,
        "links": links,
        "parts": parts,
    })
}

/// The catalog as an OSCAL JSON document.
pub fn oscal_catalog(catalogue: &Catalogue, last_modified: DateTime<Utc>) -> String {
    let ids = ControlIds::new(catalogue);
    let (groups, title, version) = if catalogue.is_iso() {
        (
            theme_groups(catalogue, &ids),
            format!("ISO/IEC 27001:2022 Annex A controls ({})", catalogue.name),
            "2022",
        )
    } else {
        (own_groups(catalogue, &ids), catalogue.name.clone(), "1")
    };
    let document = json!({
        "catalog": {
            "uuid": catalogue_uuid(&catalogue.name, "catalog"),
            "metadata": metadata(&title, last_modified, version),
            "groups": groups,
        }
    });
    finish(document)
}

/// ISO's four themes, in the standard's order.
fn theme_groups(catalogue: &Catalogue, ids: &ControlIds) -> Vec<Value> {
    Theme::ALL
        .iter()
        .map(|theme| {
            let controls: Vec<Value> = (0..catalogue.len())
                .filter(|&i| catalogue.controls()[i].theme == *theme)
                .map(|i| control_json(catalogue, ids, i))
                .collect();
            json!({
                "id": theme.name().to_lowercase(),
                "class": "theme",
                "title": format!("{} controls", theme.name()),
                "controls": controls,
            })
        })
        .collect()
}

/// Another catalogue's own groups in the order they first appear (a control without a group
/// falls in the group named after its theme), each with an id made a token and unique.
fn own_groups(catalogue: &Catalogue, ids: &ControlIds) -> Vec<Value> {
    let group_of = |control: &Control| {
        if control.group.trim().is_empty() {
            control.theme.name().to_string()
        } else {
            super::one_line(&control.group).unwrap_or_default()
        }
    };
    let mut names: Vec<String> = Vec::new();
    for control in catalogue.controls() {
        let name = group_of(control);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let mut taken = std::collections::HashSet::new();
    names
        .iter()
        .map(|name| {
            let base = format!("g-{}", token(&name.to_lowercase().replace(' ', "-")));
            let mut id = base.clone();
            let mut n = 1;
            while !taken.insert(id.clone()) {
                n += 1;
                id = format!("{base}_{n}");
            }
            let controls: Vec<Value> = (0..catalogue.len())
                .filter(|&i| group_of(&catalogue.controls()[i]) == *name)
                .map(|i| control_json(catalogue, ids, i))
                .collect();
            json!({
                "id": id,
                "class": "group",
                "title": name,
                "controls": controls,
            })
        })
        .collect()
}
