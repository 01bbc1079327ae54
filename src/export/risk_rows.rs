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

/// Headings of the register table in the printable documents (HTML, DOCX).
pub const REGISTER_HEADINGS: [&str; 12] = [
    "ID",
    "Risk",
    "Asset",
    "Threat",
    "Vulnerability",
    "Owner",
    "Inherent",
    "Treatment",
    "Controls",
    "Residual",
    "Status",
    "Review",
];

/// A rating pair and its score: "4×5 = 20 (critical)", or empty when not rated.
fn rated(method: &RiskMethod, likelihood: Option<u8>, impact: Option<u8>) -> String {
    match (likelihood, impact) {
        (Some(l), Some(i)) => {
            let score = u32::from(l) * u32::from(i);
            format!("{l}×{i} = {score} ({})", method.level(score).name())
        }
        _ => String::new(),
    }
}

/// One risk as the cells of [`REGISTER_HEADINGS`]: the title heads the description, the
/// acceptance follows the status. Multi-line cells use `\n`.
pub fn register_cells(method: &RiskMethod, risk: &Risk) -> [String; 12] {
    let clean = |text: &str| sanitize(text.trim());
    let mut what = clean(&risk.title);
    if !risk.description.trim().is_empty() {
        what = format!("{what}\n{}", clean(&risk.description));
    }
    let mut status = risk.status.name().to_string();
    if let Some(a) = &risk.acceptance {
        status.push_str(&format!("\nby {} on {}", clean(&a.by), a.on));
        if let Some(until) = a.until {
            status.push_str(&format!(" until {until}"));
        }
    }
    [
        clean(&risk.id),
        what,
        clean(&risk.asset),
        clean(&risk.threat),
        clean(&risk.vulnerability),
        clean(&risk.owner),
        rated(method, Some(risk.likelihood), Some(risk.impact)),
        risk.treatment.name().to_string(),
        risk.controls
            .iter()
            .map(|c| clean(c))
            .collect::<Vec<_>>()
            .join(", "),
        rated(method, risk.residual_likelihood, risk.residual_impact),
        status,
        risk.next_review.map(|d| d.to_string()).unwrap_or_default(),
    ]
}
