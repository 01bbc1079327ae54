//! `isms check` over the management system: sub-clauses, evidence, audits, reviews, findings and
//! objectives, and every link between records followed both ways. Same findings, codes and
//! severities as the SoA and risk checks (`domain::check`), listed after them; `today` is passed
//! in, never read here.

use std::collections::BTreeMap;

use chrono::NaiveDate;

pub use super::check_audits::covered_in_cycle;
pub use super::check_system::documents_needed;
use super::evidence::EvidenceRegister;
use crate::domain::catalogue::Catalogue;
use crate::domain::check::{Finding, Severity};
use crate::domain::workspace::Workspace;

/// A finding with its severity, code, subject and sentence.
pub(super) fn finding(
    severity: Severity,
    code: &'static str,
    subject: &str,
    message: String,
) -> Finding {
    Finding {
        severity,
        code,
        subject: subject.to_string(),
        message,
    }
}

/// Every management-system finding: sub-clauses, objectives and context first, then evidence and
/// links, audits, reviews, and the findings register.
pub fn check(workspace: &Workspace, catalogue: &Catalogue, today: NaiveDate) -> Vec<Finding> {
    let mut findings = Vec::new();
    super::check_system::check(workspace, today, &mut findings);
    super::check_links::check(workspace, catalogue, &mut findings);
    super::check_audits::check(workspace, catalogue, today, &mut findings);
    findings
}

/// What was found on disk at an evidence item's location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileState {
    Missing,
    Sha256(String),
}

/// Findings for evidence files: `observed` holds, for each evidence id with a local file and a
/// recorded hash, what the store found at its location now.
pub fn check_evidence_files(
    register: &EvidenceRegister,
    observed: &BTreeMap<String, FileState>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for item in &register.items {
        let (Some(recorded), Some(state)) = (&item.sha256, observed.get(&item.id)) else {
            continue;
        };
        match state {
            FileState::Missing => findings.push(finding(
                Severity::Error,
                "evidence_missing",
                &item.id,
                format!("Evidence {} points at {}, which no longer exists.", item.id, item.location),
            )),
            FileState::Sha256(now) if !now.eq_ignore_ascii_case(recorded) => findings.push(finding(
                Severity::Error,
                "evidence_changed",
                &item.id,
                format!(
                    "Evidence {} ({}) changed since its hash was recorded; review it and record it again.",
                    item.id, item.location
                ),
            )),
            FileState::Sha256(_) => {}
        }
    }
    findings
}

#[cfg(test)]
#[path = "check_tests.rs"]
mod tests;
