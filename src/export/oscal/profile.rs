//! The OSCAL profile: the baseline of this ISMS, importing every control of the catalog (the SSP
//! then says for each one whether it applies).

use chrono::{DateTime, Utc};
use serde_json::json;

use super::ids::workspace_uuid;
use super::{finish, metadata};
use crate::domain::workspace::Workspace;

/// The profile as an OSCAL JSON document; `catalog_href` is where the catalog document lives,
/// relative to the profile (e.g. `isms-catalog.json`).
pub fn oscal_profile(
    workspace: &Workspace,
    last_modified: DateTime<Utc>,
    catalog_href: &str,
) -> String {
    let settings = &workspace.settings;
    let title = if settings.catalogue == crate::domain::catalogue::BUILTIN_KEY {
        format!("Annex A baseline — {}", settings.name)
    } else {
        format!("Baseline of {} — {}", settings.catalogue, settings.name)
    };
    let document = json!({
        "profile": {
            "uuid": workspace_uuid(workspace, "profile"),
            "metadata": metadata(&title, last_modified, &settings.soa_version),
            "imports": [{"href": catalog_href, "include-all": {}}],
            "merge": {"as-is": true},
        }
    });
    finish(document)
}
