//! Checks on audits, management reviews and the findings register: a recent complete internal
//! audit, coverage of the programme's cycle, samples recorded, auditors independent of what they
//! audit, a recent review that covers every input and follows up open actions, and
//! nonconformities carried through to an effectiveness check by someone other than their owner.

use chrono::{Days, NaiveDate};

use super::audits::{Audit, AuditKind, AuditStatus};
use super::check::finding;
use super::clauses::assessable;
use super::findings::{FindingRecord, FindingStatus};
use super::refs::{Ref, RefKind};
use super::reviews::ActionStatus;
use crate::domain::catalogue::Catalogue;
use crate::domain::check::{Finding, Severity};
use crate::domain::soa::Applicability;
use crate::domain::workspace::Workspace;

const YEAR: Days = Days::new(365);

pub(super) fn check(
    workspace: &Workspace,
    catalogue: &Catalogue,
    today: NaiveDate,
    findings: &mut Vec<Finding>,
) {
    audits(workspace, catalogue, today, findings);
    reviews(workspace, today, findings);
    for record in &workspace.mgmt.findings.items {
        finding_record(record, today, findings);
    }
}

fn recent(day: Option<NaiveDate>, today: NaiveDate) -> bool {
    day.is_some_and(|day| day <= today && day >= today - YEAR)
}

fn audits(
    workspace: &Workspace,
    catalogue: &Catalogue,
    today: NaiveDate,
    findings: &mut Vec<Finding>,
) {
    let book = &workspace.mgmt.audits;
    let complete_internal = book.audits.iter().any(|a| {
        a.kind == AuditKind::Internal
            && a.status == AuditStatus::Complete
            && recent(a.finished, today)
    });
    if !complete_internal {
        findings.push(finding(
            Severity::Error,
            "no_internal_audit",
            "9.2",
            "No internal audit was completed in the last twelve months.".to_string(),
        ));
    }
    for audit in &book.audits {
        audit_items(workspace, audit, findings);
    }
    if book.audits.is_empty() {
        return;
    }
    let years = u64::from(book.programme.cycle_years);
    let covered = |reference: &str| covered_in_cycle(&book.audits, reference, today, years);
    for c in assessable() {
        if !covered(&format!("clause:{}", c.id)) {
            findings.push(finding(
                Severity::Warning,
                "never_audited",
                c.id,
                format!("Clause {} is not audited in the {years}-year cycle.", c.id),
            ));
        }
    }
    for entry in &workspace.soa.entries {
        let applicable = entry.applicability == Applicability::Applicable;
        if applicable
            && catalogue.get(&entry.control).is_some()
            && !covered(&format!("control:{}", entry.control))
        {
            findings.push(finding(
                Severity::Warning,
                "never_audited",
                &entry.control,
                format!(
                    "Control {} is applicable but not audited in the {years}-year cycle.",
                    entry.control
                ),
            ));
        }
    }
}

/// Whether an audit that is not cancelled, dated within the cycle that ends `today` (or planned
/// later in it), tested `reference`.
pub fn covered_in_cycle(audits: &[Audit], reference: &str, today: NaiveDate, years: u64) -> bool {
    let start = today - Days::new(365 * years);
    let end = today + Days::new(365 * years);
    audits.iter().any(|a| {
        a.status != AuditStatus::Cancelled
            && a.day().is_some_and(|day| day >= start && day <= end)
            && a.items.iter().any(|i| i.reference == reference)
    })
}

fn audit_items(workspace: &Workspace, audit: &Audit, findings: &mut Vec<Finding>) {
    let auditor = audit.auditor.trim();
    if audit.kind == AuditKind::Internal
        && !auditor.is_empty()
        && audit.independence.trim().is_empty()
    {
        findings.push(finding(
            Severity::Warning,
            "independence_not_stated",
            &audit.id,
            format!(
                "Audit {} does not say why {auditor} is independent of what they audit.",
                audit.id
            ),
        ));
    }
    for item in &audit.items {
        if item.population.trim().is_empty() || item.sample.trim().is_empty() {
            findings.push(finding(
                Severity::Error,
                "item_without_sample",
                &item.id,
                format!(
                    "Tested item {} does not record the population and the sample taken.",
                    item.id
                ),
            ));
        }
        let owner = Ref::parse(&item.reference).and_then(|r| match r.kind {
            RefKind::Clause => workspace.mgmt.system.clause(&r.id).map(|c| c.owner.clone()),
            RefKind::Control => workspace.soa.entry(&r.id).map(|e| e.owner.clone()),
            _ => None,
        });
        if let Some(owner) = owner
            && !auditor.is_empty()
            && owner.trim().eq_ignore_ascii_case(auditor)
        {
            findings.push(finding(
                Severity::Error,
                "auditor_owns_subject",
                &item.id,
                format!("{auditor} audited {}, which they own.", item.reference),
            ));
        }
    }
}

fn reviews(workspace: &Workspace, today: NaiveDate, findings: &mut Vec<Finding>) {
    let reviews = &workspace.mgmt.audits.reviews;
    if !reviews.iter().any(|r| recent(Some(r.date), today)) {
        findings.push(finding(
            Severity::Error,
            "no_management_review",
            "9.3",
            "No management review was held in the last twelve months.".to_string(),
        ));
    }
    for review in reviews.iter().filter(|r| r.date <= today) {
        let missing = review.undiscussed();
        if !missing.is_empty() {
            let names: Vec<&str> = missing.iter().map(|t| t.name()).collect();
            findings.push(finding(
                Severity::Warning,
                "review_input_missing",
                &review.id,
                format!(
                    "Review {} records no discussion of: {}.",
                    review.id,
                    names.join(", ")
                ),
            ));
        }
        let next = reviews
            .iter()
            .filter(|r| r.date > review.date && r.date <= today)
            .min_by_key(|r| r.date);
        let Some(next) = next else { continue };
        for action in review
            .actions
            .iter()
            .filter(|a| a.status == ActionStatus::Open)
        {
            if !next
                .followed_up
                .iter()
                .any(|id| id.eq_ignore_ascii_case(&action.id))
            {
                findings.push(finding(
                    Severity::Warning,
                    "action_not_followed_up",
                    &action.id,
                    format!(
                        "Action {} is still open but review {} did not follow it up.",
                        action.id, next.id
                    ),
                ));
            }
        }
    }
}

fn finding_record(record: &FindingRecord, today: NaiveDate, findings: &mut Vec<Finding>) {
    let id = record.id.as_str();
    if record.kind.is_nonconformity() {
        let missing: Vec<&str> = [
            ("root cause", record.root_cause.trim().is_empty()),
            ("corrective action", record.action.trim().is_empty()),
            ("owner", record.owner.trim().is_empty()),
            ("due date", record.due.is_none()),
        ]
        .into_iter()
        .filter(|(_, missing)| *missing)
        .map(|(name, _)| name)
        .collect();
        if !missing.is_empty() {
            findings.push(finding(
                Severity::Error,
                "nonconformity_incomplete",
                id,
                format!("Nonconformity {id} has no {}.", missing.join(", no ")),
            ));
        }
        if record.status == FindingStatus::Closed {
            match &record.effectiveness {
                None => findings.push(finding(
                    Severity::Error,
                    "closed_without_check",
                    id,
                    format!("Nonconformity {id} is closed without a check that its action worked."),
                )),
                Some(check) if check.by.trim().eq_ignore_ascii_case(record.owner.trim()) => {
                    findings.push(finding(
                        Severity::Error,
                        "checked_by_owner",
                        id,
                        format!(
                            "The effectiveness of {id} was checked by its own owner, {}.",
                            check.by
                        ),
                    ))
                }
                Some(_) => {}
            }
        }
    }
    if let Some(due) = record.due.filter(|due| *due < today)
        && record.is_open()
    {
        findings.push(finding(
            Severity::Error,
            "finding_overdue",
            id,
            format!(
                "Finding {id} was due on {due} and is still {}.",
                record.status.name().replace('_', " ")
            ),
        ));
    }
}
