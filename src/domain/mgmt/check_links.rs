//! Checks that every reference names a record that exists, and that links the two sides both
//! record (a clause or SoA entry citing evidence, and the evidence saying it supports them) agree.

use super::check::finding;
use super::findings::SourceKind;
use super::refs::{Ref, RefKind};
use crate::domain::catalogue::Catalogue;
use crate::domain::check::{Finding, Severity};
use crate::domain::workspace::Workspace;

pub(super) fn check(workspace: &Workspace, catalogue: &Catalogue, findings: &mut Vec<Finding>) {
    let mgmt = &workspace.mgmt;
    let exists = |r: &Ref| match r.kind {
        RefKind::Clause => super::clauses::clause(&r.id).is_some(),
        RefKind::Control => catalogue.get(&r.id).is_some(),
        RefKind::Risk => workspace.risks.get(&r.id).is_some(),
        RefKind::Evidence => mgmt.evidence.get(&r.id).is_some(),
        RefKind::Finding => mgmt.findings.get(&r.id).is_some(),
        RefKind::Audit => mgmt.audits.audit(&r.id).is_some(),
        RefKind::Review => mgmt.audits.review(&r.id).is_some(),
    };
    let unknown = |owner: &str, reference: &str, findings: &mut Vec<Finding>| {
        let known = Ref::parse(reference).is_some_and(|r| exists(&r));
        if !known {
            findings.push(finding(
                Severity::Error,
                "unknown_reference",
                owner,
                format!("{owner} refers to {reference}, which does not exist."),
            ));
        }
    };
    let evidence_ref = |id: &str| format!("evidence:{id}");
    for entry in &mgmt.system.clauses {
        for id in &entry.evidence {
            unknown(&entry.clause, &evidence_ref(id), findings);
        }
    }
    for role in &mgmt.system.roles {
        for id in &role.competence_evidence {
            unknown(&role.id, &evidence_ref(id), findings);
        }
    }
    for requirement in mgmt.system.parties.iter().flat_map(|p| &p.requirements) {
        for r in &requirement.addressed_by {
            unknown(&requirement.id, r, findings);
        }
    }
    for item in &mgmt.evidence.items {
        for r in &item.supports {
            unknown(&item.id, r, findings);
        }
    }
    for item in mgmt.audits.audits.iter().flat_map(|a| &a.items) {
        unknown(&item.id, &item.reference, findings);
        for id in &item.evidence {
            unknown(&item.id, &evidence_ref(id), findings);
        }
    }
    for record in &mgmt.findings.items {
        for r in &record.refs {
            unknown(&record.id, r, findings);
        }
        let source = match record.source.kind {
            SourceKind::InternalAudit | SourceKind::ExternalAudit => Some("audit"),
            SourceKind::ManagementReview => Some("review"),
            _ => None,
        };
        if let Some(kind) = source {
            unknown(
                &record.id,
                &format!("{kind}:{}", record.source.id),
                findings,
            );
        }
    }
    for entry in &workspace.soa.entries {
        for id in entry.evidence.iter().filter(|e| looks_like_evidence_id(e)) {
            unknown(&entry.control, &evidence_ref(id), findings);
        }
    }
    one_way_links(workspace, findings);
}

/// An SoA entry's evidence list is free text (document names, links); only `E-` + digits is an id.
pub fn looks_like_evidence_id(text: &str) -> bool {
    let upper = text.trim().to_ascii_uppercase();
    upper
        .strip_prefix("E-")
        .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
}

/// A clause or SoA entry cites evidence that does not say it supports it, or the other way.
fn one_way_links(workspace: &Workspace, findings: &mut Vec<Finding>) {
    let mgmt = &workspace.mgmt;
    let cites = |kind: RefKind, id: &str, evidence: &str| match kind {
        RefKind::Clause => mgmt
            .system
            .clause(id)
            .is_some_and(|c| c.evidence.iter().any(|e| e.eq_ignore_ascii_case(evidence))),
        _ => workspace.soa.entry(id).is_some_and(|s| {
            s.evidence
                .iter()
                .any(|e| e.trim().eq_ignore_ascii_case(evidence))
        }),
    };
    for item in &mgmt.evidence.items {
        for r in item.supports.iter().filter_map(|r| Ref::parse(r)) {
            let side = matches!(r.kind, RefKind::Clause) && mgmt.system.clause(&r.id).is_some()
                || matches!(r.kind, RefKind::Control) && workspace.soa.entry(&r.id).is_some();
            if side && !cites(r.kind, &r.id, &item.id) {
                findings.push(finding(
                    Severity::Warning,
                    "one_way_link",
                    &item.id,
                    format!(
                        "Evidence {} says it supports {}, but {} does not cite it.",
                        item.id,
                        r.text(),
                        r.id
                    ),
                ));
            }
        }
    }
    let supports = |evidence: &str, r: &str| {
        mgmt.evidence
            .get(evidence)
            .is_none_or(|e| e.supports.iter().any(|s| s == r))
    };
    for entry in &mgmt.system.clauses {
        for id in entry
            .evidence
            .iter()
            .filter(|id| !supports(id, &format!("clause:{}", entry.clause)))
        {
            findings.push(finding(
                Severity::Warning,
                "one_way_link",
                &entry.clause,
                format!(
                    "Clause {} cites evidence {id}, which does not say it supports the clause.",
                    entry.clause
                ),
            ));
        }
    }
    for entry in &workspace.soa.entries {
        let own = format!("control:{}", entry.control);
        for id in entry.evidence.iter().filter(|e| looks_like_evidence_id(e)) {
            if !supports(id.trim(), &own) {
                findings.push(finding(
                    Severity::Warning,
                    "one_way_link",
                    &entry.control,
                    format!(
                        "Control {} cites evidence {}, which does not say it supports the control.",
                        entry.control,
                        id.trim()
                    ),
                ));
            }
        }
    }
}
