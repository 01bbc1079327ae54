//! The demo company's evidence register, its 2025 internal audit with sampled items, a planned
//! 2026 audit, one management review, and three findings at different stages.

use super::{day, stamp};
use crate::domain::mgmt::audits::{
    Audit, AuditBook, AuditKind, AuditStatus, ItemResult, Programme, TestedItem,
};
use crate::domain::mgmt::evidence::{Approval, Evidence, EvidenceKind, Period};
use crate::domain::mgmt::findings::{
    CheckResult, EffectivenessCheck, FindingKind, FindingRecord, FindingSource, FindingStatus,
    SourceKind,
};
use crate::domain::mgmt::reviews::{
    ActionStatus, ManagementReview, ReviewAction, ReviewInput, ReviewTopic,
};

use EvidenceKind::{Document, Record};

const HANDBOOK: &str = "https://handbook.brackenfield.example";

/// Id, title, kind, location (a handbook page when it starts with `/`), owner, what it supports.
type EvidenceRow = (
    &'static str,
    &'static str,
    EvidenceKind,
    &'static str,
    &'static str,
    &'static [&'static str],
);

/// Reference, what was tested, population, sample, result, evidence ids.
type ItemRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    ItemResult,
    &'static [&'static str],
);

#[rustfmt::skip]
const EVIDENCE: &[EvidenceRow] = &[
    ("E-001", "ISMS scope statement", Document, "/isms/scope", "CISO", &["clause:4.3"]),
    ("E-002", "Information security policy v2.1", Document, "/policies/security", "CEO", &["clause:5.2"]),
    ("E-003", "Risk assessment and treatment method", Document, "/isms/risk-method", "CISO", &["clause:6.1.2", "clause:6.1.3"]),
    ("E-004", "Statement of Applicability (this workspace)", Document, "soa.ron", "CISO", &["clause:6.1.3"]),
    ("E-005", "Security objectives 2025", Document, "/isms/objectives-2025", "CISO", &["clause:6.2"]),
    ("E-006", "Competence matrix, engineering", Record, "records/competence-matrix-2025.xlsx", "Head of People", &["clause:7.2"]),
    ("E-007", "Document control procedure", Document, "/isms/document-control", "CISO", &["clause:7.5.1"]),
    ("E-008", "Risk assessment results, Q1 2025", Record, "risks.ron", "CISO", &["clause:8.2", "clause:8.3"]),
    ("E-009", "Security metrics, monthly export", Record, "records/metrics-2025.csv", "CISO", &["clause:9.1"]),
    ("E-010", "Internal audit report 2025", Record, "records/internal-audit-2025.pdf", "CISO", &["clause:9.2.2", "audit:A-001"]),
    ("E-011", "Management review minutes, November 2025", Record, "records/management-review-2025-11.md", "CEO", &["clause:9.3.3", "review:MR-001"]),
    ("E-012", "Deployment log export, April–August 2025", Record, "records/deploys-2025.csv", "Head of Platform", &["clause:8.1"]),
    ("E-013", "Corrective action register (this workspace)", Record, "findings.ron", "CISO", &["clause:10.2"]),
];

pub fn evidence() -> Vec<Evidence> {
    EVIDENCE
        .iter()
        .map(|&(id, title, kind, location, owner, supports)| {
            let location = if location.starts_with('/') {
                format!("{HANDBOOK}{location}")
            } else {
                location.to_string()
            };
            Evidence {
                id: id.to_string(),
                title: title.to_string(),
                kind,
                location,
                sha256: None,
                as_of: Some(day(2025, 9, 30)),
                period: (kind == Record).then(|| Period {
                    from: day(2025, 1, 1),
                    to: day(2025, 9, 30),
                }),
                review_by: Some(day(2026, 9, 30)),
                approval: (kind == Document).then(|| Approval {
                    version: "2.1".to_string(),
                    approved_by: "CEO".to_string(),
                    approved_on: Some(day(2025, 3, 14)),
                }),
                owner: owner.to_string(),
                supports: supports.iter().map(|s| s.to_string()).collect(),
                recorded: Some(stamp(2025, 10, 1, "m.okafor")),
            }
        })
        .collect()
}

#[rustfmt::skip]
const ITEMS: &[ItemRow] = &[
    ("clause:9.1", "Metrics are produced monthly and reviewed by the CISO.", "9 monthly metric reports, January–September 2025", "4 months picked at random", ItemResult::Conformity, &["E-009"]),
    ("clause:7.2", "Staff in security roles have a competence record.", "38 engineers and support staff", "6 people picked from the HR list", ItemResult::MinorNc, &["E-006"]),
    ("control:8.32", "Changes to production are reviewed before merge.", "1 214 pull requests merged April–August 2025", "25 pull requests picked at random", ItemResult::MinorNc, &["E-012"]),
    ("control:8.13", "Monthly restore tests happen and are recorded.", "8 monthly restore tests, January–August 2025", "all 8", ItemResult::Conformity, &[]),
    ("clause:6.1.2", "Risks are rated with the documented method.", "14 risks on the register", "5 risks of high or critical level", ItemResult::Observation, &["E-008"]),
    ("clause:10.2", "Earlier nonconformities were closed with a check.", "2 nonconformities from the 2024 gap assessment", "both", ItemResult::Conformity, &["E-013"]),
];

fn items() -> Vec<TestedItem> {
    ITEMS
        .iter()
        .enumerate()
        .map(
            |(i, &(reference, tested, population, sample, result, evidence))| TestedItem {
                id: format!("A-001.{}", i + 1),
                reference: reference.to_string(),
                tested: tested.to_string(),
                population: population.to_string(),
                sample: sample.to_string(),
                result,
                evidence: evidence.iter().map(|e| e.to_string()).collect(),
                note: String::new(),
            },
        )
        .collect()
}

pub fn audits() -> AuditBook {
    AuditBook {
        programme: Programme {
            cycle_years: 3,
            note: "Clauses 4–10 every year; each applicable control at least once in three years, high-risk ones yearly.".to_string(),
        },
        audits: vec![
            Audit {
                id: "A-001".to_string(),
                kind: AuditKind::Internal,
                title: "Internal audit 2025".to_string(),
                scope: "Clauses 6–10 and the backup, change and competence controls.".to_string(),
                criteria: "ISO/IEC 27001:2022 and Brackenfield's own policies.".to_string(),
                auditor: "J. Whitfield".to_string(),
                independence: "Contracted from Northgate Assurance; has no role in running or building the platform.".to_string(),
                planned: Some(day(2025, 9, 8)),
                started: Some(day(2025, 9, 8)),
                finished: Some(day(2025, 9, 12)),
                status: AuditStatus::Complete,
                conclusion: "The ISMS works as described; two minor nonconformities and one observation.".to_string(),
                items: items(),
            },
            Audit {
                id: "A-002".to_string(),
                kind: AuditKind::Internal,
                title: "Internal audit 2026".to_string(),
                scope: "Clauses 4–5 and 7, access and logging controls.".to_string(),
                criteria: "ISO/IEC 27001:2022 and Brackenfield's own policies.".to_string(),
                auditor: "J. Whitfield".to_string(),
                independence: "Contracted from Northgate Assurance; has no role in running or building the platform.".to_string(),
                planned: Some(day(2026, 6, 15)),
                started: None,
                finished: None,
                status: AuditStatus::Planned,
                conclusion: String::new(),
                items: Vec::new(),
            },
        ],
        reviews: vec![review()],
    }
}

fn review() -> ManagementReview {
    let input = |topic, discussion: &str| ReviewInput {
        topic,
        discussion: discussion.to_string(),
    };
    ManagementReview {
        id: "MR-001".to_string(),
        date: day(2025, 11, 20),
        chair: "CEO".to_string(),
        attendees: vec![
            "CEO".to_string(),
            "CISO".to_string(),
            "Head of Platform".to_string(),
            "Head of People".to_string(),
        ],
        inputs: vec![
            input(
                ReviewTopic::PreviousActions,
                "First review; nothing carried over.",
            ),
            input(
                ReviewTopic::ContextChanges,
                "A third customer asked for certification; no change to scope.",
            ),
            input(
                ReviewTopic::PartyNeeds,
                "Customers now ask for restore times in contracts.",
            ),
            input(
                ReviewTopic::Feedback,
                "No complaints; two customer questionnaires answered.",
            ),
            input(
                ReviewTopic::Nonconformities,
                "F-001 closed, F-002 awaiting its check, F-003 opened after the bucket incident.",
            ),
            input(
                ReviewTopic::Measurements,
                "MFA at 88 %, restores under 4 hours, training at 64 %.",
            ),
            input(
                ReviewTopic::AuditResults,
                "Internal audit A-001: two minor nonconformities, one observation.",
            ),
            input(
                ReviewTopic::Objectives,
                "Training objective at risk; more reminders agreed.",
            ),
            input(
                ReviewTopic::RiskResults,
                "R-002 and R-003 remain high until drift detection is live.",
            ),
            input(
                ReviewTopic::Improvement,
                "Automate the training metric from the learning platform.",
            ),
        ],
        decisions: vec![
            "Keep the certification audit in Q2 2026.".to_string(),
            "Fund drift detection in AWS Config this quarter.".to_string(),
        ],
        changes: vec!["Supplier onboarding joins the ISMS scope of operations (4.4).".to_string()],
        actions: vec![
            ReviewAction {
                id: "MR-001.1".to_string(),
                text: "Automate the training completion metric.".to_string(),
                owner: "Head of People".to_string(),
                due: Some(day(2026, 2, 28)),
                status: ActionStatus::Open,
            },
            ReviewAction {
                id: "MR-001.2".to_string(),
                text: "Add restore times to the customer contract template.".to_string(),
                owner: "CISO".to_string(),
                due: Some(day(2025, 12, 19)),
                status: ActionStatus::Done,
            },
        ],
        followed_up: Vec::new(),
    }
}

pub fn findings() -> Vec<FindingRecord> {
    let source = |kind, id: &str| FindingSource {
        kind,
        id: id.to_string(),
    };
    vec![
        FindingRecord {
            id: "F-001".to_string(),
            kind: FindingKind::MinorNc,
            source: source(SourceKind::InternalAudit, "A-001"),
            refs: vec!["clause:7.2".to_string()],
            statement: "Two of six sampled support staff had no competence record.".to_string(),
            correction: "Records created for the two people from their training history.".to_string(),
            root_cause: "The competence matrix was built for engineering only; support joined later.".to_string(),
            action: "Matrix extended to every team; HR adds the record at onboarding.".to_string(),
            owner: "Head of People".to_string(),
            raised: day(2025, 9, 12),
            due: Some(day(2025, 10, 31)),
            status: FindingStatus::Closed,
            effectiveness: Some(EffectivenessCheck {
                by: "CISO".to_string(),
                on: day(2025, 11, 14),
                result: CheckResult::Effective,
                note: "Six new starters since October all have a record.".to_string(),
            }),
            closed: Some(day(2025, 11, 14)),
            updated: Some(stamp(2025, 11, 14, "m.okafor")),
        },
        FindingRecord {
            id: "F-002".to_string(),
            kind: FindingKind::MinorNc,
            source: source(SourceKind::InternalAudit, "A-001"),
            refs: vec!["control:8.32".to_string()],
            statement: "Three of 25 sampled pull requests were merged by an administrator without review.".to_string(),
            correction: "The three changes were reviewed after the fact; none was harmful.".to_string(),
            root_cause: "Administrators could bypass branch protection during incidents, and the bypass was used for routine work.".to_string(),
            action: "Bypass removed; an emergency-change procedure with a review within 24 hours.".to_string(),
            owner: "Engineering Manager".to_string(),
            raised: day(2025, 9, 12),
            due: Some(day(2025, 12, 15)),
            status: FindingStatus::AwaitingCheck,
            effectiveness: None,
            closed: None,
            updated: Some(stamp(2025, 11, 28, "d.price")),
        },
        FindingRecord {
            id: "F-003".to_string(),
            kind: FindingKind::MinorNc,
            source: source(SourceKind::Incident, "INC-2025-014"),
            refs: vec!["control:8.9".to_string(), "risk:R-002".to_string()],
            statement: "An exports bucket was public for six hours after a console change.".to_string(),
            correction: "Bucket made private; access logs showed no downloads.".to_string(),
            root_cause: String::new(),
            action: String::new(),
            owner: "Head of Platform".to_string(),
            raised: day(2025, 11, 3),
            due: Some(day(2026, 2, 27)),
            status: FindingStatus::Open,
            effectiveness: None,
            closed: None,
            updated: Some(stamp(2025, 11, 3, "t.reyes")),
        },
    ]
}
