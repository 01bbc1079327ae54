//! The risk register as JSON: `{"risks":[…]}`, each risk with every stored field plus the derived
//! scores and levels.

use serde::Serialize;

use super::risk_rows::sorted_risks;
use crate::domain::risk::Risk;
use crate::domain::workspace::{Level, Workspace};

#[derive(Debug, Serialize)]
pub struct RisksJson<'a> {
    pub risks: Vec<RiskJson<'a>>,
}

#[derive(Debug, Serialize)]
pub struct RiskJson<'a> {
    #[serde(flatten)]
    pub risk: &'a Risk,
    pub inherent_score: u32,
    pub inherent_level: Level,
    pub residual_score: Option<u32>,
    pub residual_level: Option<Level>,
}

/// The register as pretty-printed JSON with a trailing newline.
pub fn risks_json(workspace: &Workspace) -> String {
    let method = &workspace.settings.risk_method;
    let risks = sorted_risks(workspace)
        .into_iter()
        .map(|risk| RiskJson {
            risk,
            inherent_score: risk.inherent_score(),
            inherent_level: method.level(risk.inherent_score()),
            residual_score: risk.residual_score(),
            residual_level: risk.residual_score().map(|s| method.level(s)),
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&RisksJson { risks })
        .expect("the register serializes to JSON");
    text.push('\n');
    text
}
