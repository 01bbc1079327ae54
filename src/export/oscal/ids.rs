//! Stable identifiers: version 5 UUIDs derived from the workspace and the item they name.

use uuid::Uuid;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Catalogue;
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
}
