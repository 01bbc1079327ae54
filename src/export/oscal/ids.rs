//! Stable identifiers: version 5 UUIDs derived from the workspace and the item they name.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use crate::domain::catalogue::Catalogue;

use crate::domain::workspace::Workspace;

/// Our namespace for version 5 UUIDs (itself a version 5 UUID of our property namespace).
fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, super::NS.as_bytes())
}

/// A UUID for an item of the catalogue, the same for every workspace (`catalog`, `control/5.1`).
pub fn catalogue_uuid(catalogue_name: &str, item: &str) -> String {
    Uuid::new_v5(
        &namespace(),
        format!("catalogue\n{catalogue_name}\n{item}").as_bytes(),
    )
    .to_string()
}

/// A UUID for an item of a workspace (`ssp`, `requirement/5.1`, `risk/R-001`): derived from the
/// workspace's name and organisation, so two workspaces never share them.
pub fn workspace_uuid(workspace: &Workspace, item: &str) -> String {
    let settings = &workspace.settings;
    let key = format!(
        "workspace\n{}\n{}\n{item}",
        settings.name, settings.organisation
    );
    Uuid::new_v5(&namespace(), key.as_bytes()).to_string()
}

/// An OSCAL control id for a 2022 control: `5.1` → `A.5.1`.
pub fn control_id(control: &str) -> String {
    format!("A.{control}")
}

/// The OSCAL control id of every control of a catalogue. ISO's are `A.5.1`…; another
/// catalogue's ids become OSCAL tokens (a letter or `_`, then letters, digits, `.`, `-`, `_`):
/// `IA-2(1)` → `IA-2.1`, `5.1` → `c-5.1`; the rare id that then clashes with an earlier one gets
/// `_2`, `_3`… in catalogue order, so the same catalogue always gives the same ids.
pub struct ControlIds {
    ids: HashMap<String, String>,
}

impl ControlIds {
    pub fn new(catalogue: &Catalogue) -> ControlIds {
        let mut taken = HashSet::new();
        let mut ids = HashMap::new();
        for control in catalogue.controls() {
            let base = if catalogue.is_iso() {
                control_id(&control.id)
            } else {
                token(&control.id)
            };
            let mut id = base.clone();
            let mut n = 1;
            while !taken.insert(id.clone()) {
                n += 1;
                id = format!("{base}_{n}");
            }
            ids.insert(control.id.clone(), id);
        }
        ControlIds { ids }
    }

    /// The OSCAL id of a control of the catalogue; an id the catalogue lacks becomes a token too.
    pub fn get(&self, control: &str) -> String {
        self.ids
            .get(control)
            .cloned()
            .unwrap_or_else(|| token(control))
    }
}

/// An OSCAL token for any id: each run of other characters becomes one `.` (none at the end),
/// and an id that does not start with a letter or `_` gets `c-` in front.
pub fn token(id: &str) -> String {
    let mut out = String::new();
    let mut pending_dot = false;
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
            if pending_dot && !out.ends_with('.') {
                out.push('.');
            }
            pending_dot = false;
            out.push(c);
        } else {
            pending_dot = !out.is_empty();
        }
    }
    match out.chars().next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => out,
        _ => format!("c-{out}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::workspace::Settings;

    #[test]
    fn uuids_are_stable_version_5_and_differ_per_item() {
        let catalogue = Catalogue::builtin();
        let workspace = Workspace::new(Settings::default(), &catalogue);
        let a = workspace_uuid(&workspace, "ssp");
        assert_eq!(a, workspace_uuid(&workspace.clone(), "ssp"));
        assert_ne!(a, workspace_uuid(&workspace, "poam"));
        assert_eq!(Uuid::parse_str(&a).unwrap().get_version_num(), 5);
        assert_eq!(control_id("8.9"), "A.8.9");
    }

    #[test]
    fn ids_of_another_catalogue_become_oscal_tokens() {
        assert_eq!(token("IA-2(1)"), "IA-2.1");
        assert_eq!(token("AC-2(12)(a)"), "AC-2.12.a");
        assert_eq!(token("A.AT-2(2)"), "A.AT-2.2");
        assert_eq!(token("5.1"), "c-5.1");
        assert_eq!(token("ÄB 7"), "B.7");
        assert_eq!(token(""), "c-");
        let pattern = |t: &str| {
            let mut chars = t.chars();
            chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        };
        for id in ["IA-2(1)", "5.1", "x y", "(1)", "GV.SC-07"] {
            assert!(pattern(&token(id)), "{id} → {}", token(id));
        }
    }

    #[test]
    fn clashing_tokens_are_numbered_in_catalogue_order() {
        let text = std::fs::read_to_string("tests/fixtures/small_catalogue.ron")
            .unwrap()
            .replace("\"5.1\"", "\"5/1\"")
            .replace("\"5.2\"", "\"5(1)\"")
            .replace("\"6.1\"", "\"5.1\"");
        let catalogue = Catalogue::parse(&text, "test").unwrap();
        let ids = ControlIds::new(&catalogue);
        assert_eq!(ids.get("5/1"), "c-5.1");
        assert_eq!(ids.get("5(1)"), "c-5.1_2");
        assert_eq!(ids.get("5.1"), "c-5.1_3");
        let builtin = ControlIds::new(&Catalogue::builtin());
        assert_eq!(builtin.get("8.9"), "A.8.9");
    }
}
