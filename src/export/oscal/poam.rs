//! The OSCAL plan of action and milestones: the risk register as risks (inherent and residual
//! likelihood and impact as facets) and one POA&M item per risk.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::ids::{ControlIds, workspace_uuid};
use super::{NS, finish, metadata, one_line, prop};
use crate::domain::catalogue::Catalogue;
use crate::domain::risk::{Risk, RiskStatus, Treatment};
use crate::domain::text::sanitize;
use crate::domain::workspace::Workspace;
use crate::export::risk_rows::sorted_risks;

/// Why there is no POA&M to write.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PoamError {
    #[error("the risk register is empty; a plan of action and milestones needs at least one risk")]
    NoRisks,
}

fn status(status: RiskStatus) -> &'static str {
    match status {
        RiskStatus::Open => "open",
        RiskStatus::Treating => "remediating",
        RiskStatus::Accepted => "deviation-approved",
        RiskStatus::Closed => "closed",
    }
}

fn characterization(kind: &str, likelihood: u8, impact: u8, actor: &str) -> Value {
    let facet =
        |name: &str, value: u32| json!({"name": name, "system": NS, "value": value.to_string()});
    json!({
        "props": [{"name": "rating", "ns": NS, "value": kind}],
        "origin": {"actors": [{"type": "party", "actor-uuid": actor}]},
        "facets": [
            facet("likelihood", u32::from(likelihood)),
            facet("impact", u32::from(impact)),
            facet("score", u32::from(likelihood) * u32::from(impact)),
        ],
    })
}

fn statement(risk: &Risk) -> String {
    let parts = [
        ("Asset", &risk.asset),
        ("Threat", &risk.threat),
        ("Vulnerability", &risk.vulnerability),
    ];
    let lines: Vec<String> = parts
        .iter()
        .filter_map(|(name, text)| one_line(text).map(|t| format!("{name}: {t}")))
        .collect();
    if lines.is_empty() {
        "No asset, threat or vulnerability recorded.".into()
    } else {
        lines.join("\n\n")
    }
}

fn risk_json(workspace: &Workspace, ids: &ControlIds, risk: &Risk, actor: &str) -> Value {
    let method = &workspace.settings.risk_method;
    let title = one_line(&risk.title).unwrap_or_else(|| risk.id.clone());
    let mut props: Vec<Value> = Vec::new();
    props.extend(prop("risk_id", &risk.id));
    props.extend(prop("treatment", risk.treatment.name()));
    props.extend(prop("owner", &risk.owner));
    props.extend(prop(
        "inherent_level",
        method.level(risk.inherent_score()).name(),
    ));
    props.extend(
        risk.residual_score()
            .and_then(|s| prop("residual_level", method.level(s).name())),
    );
    props.extend(
        risk.controls
            .iter()
            .filter_map(|c| prop("control", &ids.get(c))),
    );
    let mut characterizations = vec![characterization(
        "inherent",
        risk.likelihood,
        risk.impact,
        actor,
    )];
    if let (Some(l), Some(i)) = (risk.residual_likelihood, risk.residual_impact) {
        characterizations.push(characterization("residual", l, i, actor));
    }
    let description = one_line(&risk.description)
        .map(|_| sanitize(risk.description.trim()))
        .unwrap_or_else(|| title.clone());
    json!({
        "uuid": workspace_uuid(workspace, &format!("risk/{}", risk.id)),
        "title": title,
        "description": description,
        "statement": statement(risk),
        "props": props,
        "status": status(risk.status),
        "characterizations": characterizations,
    })
}

/// The register as an OSCAL POA&M JSON document; risks name their controls by the catalog's ids.
pub fn oscal_poam(
    workspace: &Workspace,
    catalogue: &Catalogue,
    last_modified: DateTime<Utc>,
) -> Result<String, PoamError> {
    let risks = sorted_risks(workspace);
    if risks.is_empty() {
        return Err(PoamError::NoRisks);
    }
    let settings = &workspace.settings;
    let ids = ControlIds::new(catalogue);
    let party = workspace_uuid(workspace, "party/organisation");
    let party_name = one_line(&settings.organisation)
        .or_else(|| one_line(&settings.name))
        .unwrap_or_else(|| "ISMS".into());
    let mut meta = metadata(
        &format!("Risk treatment plan — {party_name}"),
        last_modified,
        &settings.soa_version,
    );
    meta.insert(
        "parties".into(),
        json!([{"uuid": party, "type": "organization", "name": party_name}]),
    );
    let risk_values: Vec<Value> = risks
        .iter()
        .map(|r| risk_json(workspace, &ids, r, &party))
        .collect();
    let items: Vec<Value> = risks
        .iter()
        .map(|risk| {
            let title = one_line(&risk.title).unwrap_or_else(|| risk.id.clone());
            json!({
                "uuid": workspace_uuid(workspace, &format!("poam-item/{}", risk.id)),
                "title": title,
                "description": treat_text(&sanitize(&risk.id), &title, risk.treatment),
                "related-risks": [{"risk-uuid": workspace_uuid(workspace, &format!("risk/{}", risk.id))}],
            })
        })
        .collect();
    let document = json!({
        "plan-of-action-and-milestones": {
            "uuid": workspace_uuid(workspace, "poam"),
            "metadata": meta,
            "system-id": {"identifier-type": "https://ietf.org/rfc/rfc4122", "id": workspace_uuid(workspace, "system")},
            "risks": risk_values,
            "poam-items": items,
        }
    });
    Ok(finish(document))
}

/// What a plan item says about a risk's treatment; an undecided one asks for the decision.
fn treat_text(id: &str, title: &str, treatment: Treatment) -> String {
    match treatment {
        Treatment::Undecided => format!("Decide how to treat risk {id} ({title})."),
        _ => format!("Treat risk {id} ({title}) by {}.", treatment.name()),
    }
}
