//! The risk register as the exports show it: ratings with their labels, scores and levels
//! derived from the workspace's risk method, texts made safe.

use crate::domain::risk::{Risk, risk_number};
use crate::domain::text::sanitize;
use crate::domain::workspace::{RiskMethod, Workspace};

/// A rating (likelihood or impact) with the scale's label: "4 (Likely)".
pub fn rating_text(value: u8, label: Option<&str>) -> String {
    match label {
        Some(label) => format!("{value} ({})", sanitize(label)),
        None => value.to_string(),
    }
}

/// The inherent score and level in words: "20 (critical)".
pub fn inherent_text(method: &RiskMethod, risk: &Risk) -> String {
    let score = risk.inherent_score();
    format!("{score} ({})", method.level(score).name())
}

/// The residual score and level in words, or an empty string when not rated.
pub fn residual_text(method: &RiskMethod, risk: &Risk) -> String {
    risk.residual_score()
        .map(|score| format!("{score} ({})", method.level(score).name()))
        .unwrap_or_default()
}

/// The risks in register order: by id number (R-9 before R-10), then by id text.
pub fn sorted_risks(workspace: &Workspace) -> Vec<&Risk> {
    let mut risks: Vec<&Risk> = workspace.risks.risks.iter().collect();
    risks.sort_by_key(|r| {
        let number = risk_number(&r.id);
        (number.is_none(), number.unwrap_or(0), r.id.clone())
    });
    risks
}
