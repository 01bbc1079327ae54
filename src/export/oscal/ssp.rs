//! The OSCAL system security plan: the SoA as one implemented requirement per control. Excluded
//! controls are `not-applicable` with the justification in the remarks; applicability, reasons,
//! status, owner, evidence, review date and linked risks are properties in our namespace.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::ids::{ControlIds, workspace_uuid};
use super::{NS, finish, metadata, one_line, prop};
use crate::domain::catalogue::Catalogue;
use crate::domain::soa::{Applicability, Status};
use crate::domain::text::sanitize;
use crate::domain::workspace::Workspace;
use crate::export::soa_rows::{SoaRow, soa_rows};

/// OSCAL's implementation state for an SoA row. "Not started" and "undecided" have no OSCAL
/// state of their own: they are `planned`, and our `status`/`applicability` properties say which.
fn state(row: &SoaRow) -> &'static str {
    match (row.applicability, row.status) {
        (Applicability::Excluded, _) => "not-applicable",
        (_, Status::Implemented) => "implemented",
        (_, Status::Partial) => "partial",
        (_, Status::Planned | Status::NotStarted) => "planned",
    }
}

fn multiline(text: &str) -> Option<String> {
    let clean = sanitize(text.trim());
    (!clean.is_empty()).then_some(clean)
}

fn requirement(workspace: &Workspace, ids: &ControlIds, component: &str, row: &SoaRow) -> Value {
    let mut props: Vec<Value> = Vec::new();
    props.extend(prop("applicability", row.applicability.name()));
    props.extend(row.reasons.iter().filter_map(|r| prop("reason", r.name())));
    props.extend(prop("status", row.status.name()));
    props.extend(prop("owner", &row.owner));
    props.extend(row.risks.iter().filter_map(|r| prop("risk", r)));
    props.extend(row.evidence.iter().filter_map(|e| prop("evidence", e)));
    props.extend(row.reviewed.and_then(|d| prop("reviewed", &d.to_string())));
    let description = multiline(&row.note).unwrap_or_else(|| match row.applicability {
        Applicability::Excluded => "Not applicable; the justification is in the remarks.".into(),
        _ => "No implementation note recorded yet.".into(),
    });
    let mut status = json!({"state": state(row)});
    let justification = multiline(&row.justification);
    if let (Applicability::Excluded, Some(text)) = (row.applicability, &justification) {
        status["remarks"] = json!(text);
    }
    let mut requirement = json!({
        "uuid": workspace_uuid(workspace, &format!("requirement/{}", row.control)),
        "control-id": ids.get(&row.control),
        "props": props,
        "by-components": [{
            "component-uuid": component,
            "uuid": workspace_uuid(workspace, &format!("by-component/{}", row.control)),
            "description": description,
            "implementation-status": status,
        }],
    });
    if let Some(justification) = multiline(&row.justification) {
        requirement["remarks"] = json!(justification);
    }
    requirement
}

/// The SSP as an OSCAL JSON document; `profile_href` is where the profile lives, relative to it.
pub fn oscal_ssp(
    workspace: &Workspace,
    catalogue: &Catalogue,
    last_modified: DateTime<Utc>,
    profile_href: &str,
) -> String {
    let settings = &workspace.settings;
    let component = workspace_uuid(workspace, "component/this-system");
    let name = one_line(&settings.name).unwrap_or_else(|| "ISMS".into());
    let scope =
        multiline(&settings.scope).unwrap_or_else(|| "No scope statement recorded yet.".into());
    let mut meta = metadata(
        &format!("Statement of Applicability — {name}"),
        last_modified,
        &settings.soa_version,
    );
    if let Some(organisation) = one_line(&settings.organisation) {
        meta.insert(
            "parties".into(),
            json!([{"uuid": workspace_uuid(workspace, "party/organisation"), "type": "organization", "name": organisation}]),
        );
    }
    let ids = ControlIds::new(catalogue);
    let requirements: Vec<Value> = soa_rows(workspace, catalogue)
        .iter()
        .map(|row| requirement(workspace, &ids, &component, row))
        .collect();
    let document = json!({
        "system-security-plan": {
            "uuid": workspace_uuid(workspace, "ssp"),
            "metadata": meta,
            "import-profile": {"href": profile_href},
            "system-characteristics": {
                "system-ids": [{"identifier-type": "https://ietf.org/rfc/rfc4122", "id": workspace_uuid(workspace, "system")}],
                "system-name": name,
                "description": scope,
                "props": [{"name": "catalogue", "ns": NS, "value": catalogue.name}],
                "system-information": {
                    "information-types": [{
                        "uuid": workspace_uuid(workspace, "information-type/in-scope"),
                        "title": "Information within the scope of the ISMS",
                        "description": scope,
                    }],
                },
                "status": {"state": "operational"},
                "authorization-boundary": {"description": scope},
            },
            "system-implementation": {
                "users": [{"uuid": workspace_uuid(workspace, "user/isms"), "title": "ISMS users"}],
                "components": [{
                    "uuid": component,
                    "type": "this-system",
                    "title": name,
                    "description": scope,
                    "status": {"state": "operational"},
                }],
            },
            "control-implementation": {
                "description": if catalogue.is_iso() {
                    "The Statement of Applicability: every Annex A control with its decision and justification."
                } else {
                    "The Statement of Applicability: every control of the catalog with its decision and justification."
                },
                "implemented-requirements": requirements,
            },
        }
    });
    finish(document)
}
