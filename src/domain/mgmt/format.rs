//! The four management-system files as text: names, and pretty RON written with the same
//! configuration as the other workspace files, so unchanged data gives byte-identical files.

use serde::Serialize;

use super::Management;
use super::audits::{Audit, Programme};
use super::evidence::Evidence;
use super::findings::FindingRecord;
use super::reviews::ManagementReview;
use super::system::{ClauseEntry, ClimateDecision, ContextIssue, InterestedParty, Objective, Role};
use crate::domain::workspace_format::{WORKSPACE_FORMAT, to_pretty};

pub const ISMS_FILE: &str = "isms.ron";
pub const EVIDENCE_FILE: &str = "evidence.ron";
pub const AUDITS_FILE: &str = "audits.ron";
pub const FINDINGS_FILE: &str = "findings.ron";

/// The management-system files, in the order they are read and written.
pub const MGMT_FILES: [&str; 4] = [ISMS_FILE, EVIDENCE_FILE, AUDITS_FILE, FINDINGS_FILE];

#[derive(Serialize)]
struct SystemOut<'a> {
    format: u32,
    clauses: &'a [ClauseEntry],
    issues: &'a [ContextIssue],
    parties: &'a [InterestedParty],
    climate: &'a Option<ClimateDecision>,
    objectives: &'a [Objective],
    roles: &'a [Role],
}

#[derive(Serialize)]
struct EvidenceOut<'a> {
    format: u32,
    evidence: &'a [Evidence],
}

#[derive(Serialize)]
struct AuditsOut<'a> {
    format: u32,
    programme: &'a Programme,
    audits: &'a [Audit],
    reviews: &'a [ManagementReview],
}

#[derive(Serialize)]
struct FindingsOut<'a> {
    format: u32,
    findings: &'a [FindingRecord],
}

/// The text of management-system file `index` (of [`MGMT_FILES`]).
pub fn render_part(mgmt: &Management, index: usize) -> String {
    match index {
        0 => {
            let s = &mgmt.system;
            to_pretty(&SystemOut {
                format: WORKSPACE_FORMAT,
                clauses: &s.clauses,
                issues: &s.issues,
                parties: &s.parties,
                climate: &s.climate,
                objectives: &s.objectives,
                roles: &s.roles,
            })
        }
        1 => to_pretty(&EvidenceOut {
            format: WORKSPACE_FORMAT,
            evidence: &mgmt.evidence.items,
        }),
        2 => to_pretty(&AuditsOut {
            format: WORKSPACE_FORMAT,
            programme: &mgmt.audits.programme,
            audits: &mgmt.audits.audits,
            reviews: &mgmt.audits.reviews,
        }),
        _ => to_pretty(&FindingsOut {
            format: WORKSPACE_FORMAT,
            findings: &mgmt.findings.items,
        }),
    }
}

/// Whether part `index` of two management systems is the same.
pub fn same_part(a: &Management, b: &Management, index: usize) -> bool {
    match index {
        0 => a.system == b.system,
        1 => a.evidence == b.evidence,
        2 => a.audits == b.audits,
        _ => a.findings == b.findings,
    }
}
