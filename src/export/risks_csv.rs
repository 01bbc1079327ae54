//! The risk register as CSV (RFC 4180, UTF-8, CRLF), columns of [`RISK_COLUMNS`], with the
//! derived scores and levels for readers; the importer ignores those derived columns.

use super::columns::{LIST_SEPARATOR, RISK_COLUMNS};
use super::risk_rows::sorted_risks;
use super::soa_csv::write_csv;
use crate::domain::risk::Risk;
use crate::domain::workspace::{RiskMethod, Workspace};

fn optional<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The cells of one risk, in the order of [`RISK_COLUMNS`], before neutralisation.
pub fn risk_cells(method: &RiskMethod, risk: &Risk) -> Vec<String> {
    let residual = risk.residual_score();
    vec![
        risk.id.clone(),
        risk.title.clone(),
        risk.description.clone(),
        risk.asset.clone(),
        risk.threat.clone(),
        risk.vulnerability.clone(),
        risk.owner.clone(),
        risk.likelihood.to_string(),
        risk.impact.to_string(),
        risk.inherent_score().to_string(),
        method.level(risk.inherent_score()).name().to_string(),
        risk.treatment.name().to_string(),
        risk.controls.join(LIST_SEPARATOR),
        optional(risk.residual_likelihood),
        optional(risk.residual_impact),
        optional(residual),
        optional(residual.map(|s| method.level(s).name())),
        risk.status.name().to_string(),
        optional(risk.acceptance.as_ref().map(|a| a.by.clone())),
        optional(risk.acceptance.as_ref().map(|a| a.on)),
        optional(risk.acceptance.as_ref().and_then(|a| a.until)),
        optional(risk.next_review),
        risk.created.to_string(),
    ]
}

/// The whole register as CSV.
pub fn risks_csv(workspace: &Workspace) -> String {
    let method = &workspace.settings.risk_method;
    let risks = sorted_risks(workspace);
    write_csv(&RISK_COLUMNS, risks.iter().map(|r| risk_cells(method, r)))
}
