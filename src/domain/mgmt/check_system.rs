//! Checks on `isms.ron`: sub-clauses not started or without current evidence of the right kind,
//! the climate-change decision, objectives without a target or a recent measurement, roles
//! without a holder.

use chrono::NaiveDate;

use super::check::finding;
use super::clauses::clause;
use super::evidence::EvidenceKind;
use super::system::ClauseStatus;
use crate::domain::check::{Finding, Severity};
use crate::domain::workspace::Workspace;

pub(super) fn check(workspace: &Workspace, today: NaiveDate, findings: &mut Vec<Finding>) {
    let mgmt = &workspace.mgmt;
    for entry in &mgmt.system.clauses {
        let id = entry.clause.as_str();
        let title = clause(id).map_or("", |c| c.title);
        if entry.status == ClauseStatus::NotStarted {
            findings.push(finding(
                Severity::Error,
                "clause_not_started",
                id,
                format!("Clause {id} ({title}) is not started."),
            ));
            continue;
        }
        let Some(kind) = documents_needed(id) else {
            continue;
        };
        let cited: Vec<_> = entry
            .evidence
            .iter()
            .filter_map(|e| mgmt.evidence.get(e))
            .filter(|e| e.kind == kind)
            .collect();
        if !cited.iter().any(|e| e.is_current(today)) {
            let why = if cited.is_empty() {
                format!("cites no {} as evidence", kind.name())
            } else {
                format!(
                    "cites only {} evidence past its review-by date",
                    kind.name()
                )
            };
            findings.push(finding(
                Severity::Error,
                "clause_without_evidence",
                id,
                format!("Clause {id} must keep documented information but {why}."),
            ));
        }
    }
    if mgmt.system.climate.is_none() {
        findings.push(finding(
            Severity::Error,
            "no_climate_decision",
            "4.1",
            "No decision is recorded on whether climate change is a relevant issue.".to_string(),
        ));
    }
    for objective in &mgmt.system.objectives {
        let id = objective.id.as_str();
        if objective.target.trim().is_empty() {
            findings.push(finding(
                Severity::Error,
                "objective_without_target",
                id,
                format!("Objective {id} has no measurable target."),
            ));
        }
        let days = objective.cadence.days();
        let recent = objective
            .latest()
            .is_some_and(|m| (today - m.on).num_days() <= days);
        if !recent {
            findings.push(finding(
                Severity::Warning,
                "objective_not_measured",
                id,
                format!(
                    "Objective {id} is measured {} but has no measurement in the last {days} days.",
                    objective.cadence.name().replace('_', "-")
                ),
            ));
        }
    }
    for role in &mgmt.system.roles {
        if role.holder.trim().is_empty() {
            findings.push(finding(
                Severity::Warning,
                "role_without_holder",
                &role.id,
                format!("Role {} ({}) has no holder.", role.id, role.name),
            ));
        }
    }
    for item in &mgmt.evidence.items {
        if let Some(day) = item.review_by.filter(|day| *day < today) {
            findings.push(finding(
                Severity::Warning,
                "evidence_out_of_date",
                &item.id,
                format!(
                    "Evidence {} ({}) was due for review on {day}.",
                    item.id, item.title
                ),
            ));
        }
    }
}

/// The kind of evidence a sub-clause's documented information is: records for results and
/// evidence of what happened, documents for the rest; `None` when it asks for none.
pub fn documents_needed(id: &str) -> Option<EvidenceKind> {
    let note = clause(id)?.documented_information;
    if note.is_empty() {
        return None;
    }
    let record = ["evidence", "enough evidence", "results"]
        .iter()
        .any(|start| note.starts_with(start));
    Some(if record {
        EvidenceKind::Record
    } else {
        EvidenceKind::Document
    })
}
