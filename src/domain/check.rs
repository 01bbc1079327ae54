//! `isms check`: what an auditor would flag in the SoA and the risk register, each finding with
//! a severity, a stable code, the id it is about and one sentence.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::catalogue::Catalogue;
use super::risk::{Risk, RiskStatus, Treatment};
use super::soa::{Applicability, Reason, SoaEntry};
use super::workspace::Workspace;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub code: &'static str,
    /// The control id or risk id the finding is about.
    pub subject: String,
    pub message: String,
}

fn error(code: &'static str, subject: &str, message: String) -> Finding {
    Finding {
        severity: Severity::Error,
        code,
        subject: subject.to_string(),
        message,
    }
}

/// Every finding, SoA entries first (in catalogue order), then risks (in register order).
pub fn check(workspace: &Workspace, catalogue: &Catalogue, today: NaiveDate) -> Vec<Finding> {
    let mut findings = Vec::new();
    for entry in &workspace.soa.entries {
        check_entry(workspace, catalogue, entry, &mut findings);
    }
    let mut seen = HashSet::new();
    for risk in &workspace.risks.risks {
        if !seen.insert(risk.id.to_ascii_uppercase()) {
            let message = format!("Risk id {} is used by more than one risk.", risk.id);
            findings.push(error("duplicate_risk_id", &risk.id, message));
        }
        check_risk(workspace, catalogue, risk, today, &mut findings);
    }
    findings
}

fn check_entry(
    workspace: &Workspace,
    catalogue: &Catalogue,
    entry: &SoaEntry,
    findings: &mut Vec<Finding>,
) {
    let id = entry.control.as_str();
    if catalogue.get(id).is_none() {
        let message = format!("The SoA has an entry for {id}, which is not in the catalogue.");
        findings.push(error("unknown_control", id, message));
        return;
    }
    let linked = workspace.risks.treated_by(id).next().is_some();
    match entry.applicability {
        Applicability::Undecided => findings.push(error(
            "undecided",
            id,
            format!("Control {id} is neither applicable nor excluded yet."),
        )),
        Applicability::Excluded if entry.justification.trim().is_empty() => findings.push(error(
            "excluded_without_justification",
            id,
            format!("Control {id} is excluded without a justification."),
        )),
        Applicability::Applicable if workspace.reasons(id).is_empty() => findings.push(error(
            "applicable_without_reason",
            id,
            format!("Control {id} is applicable but gives no reason for inclusion."),
        )),
        _ => {}
    }
    if entry.reasons.contains(&Reason::RiskTreatment) && !linked {
        findings.push(error(
            "risk_treatment_without_risk",
            id,
            format!("Control {id} gives risk treatment as a reason, but no risk names it."),
        ));
    }
}

fn check_risk(
    workspace: &Workspace,
    catalogue: &Catalogue,
    risk: &Risk,
    today: NaiveDate,
    findings: &mut Vec<Finding>,
) {
    let id = risk.id.as_str();
    let method = &workspace.settings.risk_method;
    let score = risk.inherent_score();
    if risk.treatment == Treatment::Undecided && risk.status != RiskStatus::Closed {
        findings.push(error(
            "undecided_treatment",
            id,
            format!("Risk {id} has no treatment yet: choose modify, retain, avoid or share."),
        ));
    }
    if risk.treatment == Treatment::Modify
        && score > method.acceptance_threshold
        && risk.controls.is_empty()
        && risk.status != RiskStatus::Closed
    {
        findings.push(error(
            "untreated_risk",
            id,
            format!(
                "Risk {id} scores {score}, above the acceptance threshold of {}, and is to be modified, but names no treating control.",
                method.acceptance_threshold
            ),
        ));
    }
    for control in &risk.controls {
        if catalogue.get(control).is_none() {
            let message =
                format!("Risk {id} names control {control}, which is not in the catalogue.");
            findings.push(error("unknown_control", id, message));
            continue;
        }
        let excluded = workspace
            .soa
            .entry(control)
            .is_some_and(|e| e.applicability == Applicability::Excluded);
        if excluded {
            findings.push(error(
                "treated_by_excluded_control",
                id,
                format!("Risk {id} is treated by control {control}, which the SoA excludes."),
            ));
        }
    }
    if risk.status == RiskStatus::Accepted {
        match &risk.acceptance {
            Some(acceptance) if !acceptance.by.trim().is_empty() => {
                if let Some(until) = acceptance.until.filter(|until| *until < today) {
                    findings.push(error(
                        "acceptance_expired",
                        id,
                        format!("The acceptance of risk {id} ran out on {until}."),
                    ));
                }
            }
            _ => findings.push(error(
                "acceptance_incomplete",
                id,
                format!("Risk {id} is accepted without saying who accepted it and when."),
            )),
        }
    }
    if let Some(residual) = risk.residual_score().filter(|residual| *residual > score) {
        findings.push(error(
            "residual_above_inherent",
            id,
            format!(
                "Risk {id} has a residual score of {residual} ({}), above its inherent score of {score} ({}).",
                method.level(residual).name(),
                method.level(score).name()
            ),
        ));
    }
    if let Some(due) = risk.next_review.filter(|due| *due < today)
        && risk.status != RiskStatus::Closed
    {
        findings.push(Finding {
            severity: Severity::Warning,
            code: "review_overdue",
            subject: id.to_string(),
            message: format!("Risk {id} was due for review on {due}."),
        });
    }
}

#[cfg(test)]
#[path = "check_tests.rs"]
mod tests;
