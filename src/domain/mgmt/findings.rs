//! The findings register (`findings.ron`, 10.1 and 10.2): nonconformities, observations and
//! opportunities from every source, with correction, root cause, corrective action, and the
//! check that the action worked.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::names::named_enum;
use crate::domain::stamp::Stamp;

named_enum! {
    pub enum FindingKind {
        MajorNc = "major_nc",
        MinorNc = "minor_nc",
        Observation = "observation",
        Opportunity = "opportunity",
    }
}

impl FindingKind {
    /// Nonconformities need a root cause, an action and an effectiveness check.
    pub fn is_nonconformity(self) -> bool {
        matches!(self, FindingKind::MajorNc | FindingKind::MinorNc)
    }
}

named_enum! {
    pub enum SourceKind {
        InternalAudit = "internal_audit",
        ExternalAudit = "external_audit",
        ManagementReview = "management_review",
        Incident = "incident",
        Monitoring = "monitoring",
        SelfIdentified = "self_identified",
    }
}

/// Where a finding came from; `id` names the audit (`A-001`) or review (`MR-001`), or an incident
/// ticket, and may be empty for monitoring and self-identified findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingSource {
    pub kind: SourceKind,
    pub id: String,
}

impl FindingSource {
    /// Reads `internal_audit:A-001`, `incident:INC-42` or `monitoring`.
    pub fn parse(text: &str) -> Option<FindingSource> {
        let (kind, id) = text.split_once(':').unwrap_or((text, ""));
        Some(FindingSource {
            kind: SourceKind::from_name(kind)?,
            id: id.trim().to_string(),
        })
    }

    pub fn label(&self) -> String {
        if self.id.is_empty() {
            self.kind.name().to_string()
        } else {
            format!("{}:{}", self.kind.name(), self.id)
        }
    }
}

named_enum! {
    pub enum FindingStatus {
        Open = "open",
        ActionPlanned = "action_planned",
        AwaitingCheck = "awaiting_check",
        Closed = "closed",
    }
}

named_enum! {
    pub enum CheckResult {
        Effective = "effective",
        NotEffective = "not_effective",
    }
}

/// Whether the corrective action worked: who checked, when, and what they found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EffectivenessCheck {
    pub by: String,
    pub on: NaiveDate,
    pub result: CheckResult,
    pub note: String,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingRecord {
    /// `F-001`, …
    pub id: String,
    pub kind: FindingKind,
    pub source: FindingSource,
    /// What it is about: `clause:9.2.2`, `control:8.32`, `risk:R-003`.
    pub refs: Vec<String>,
    pub statement: String,
    /// What was done at once to contain it.
    pub correction: String,
    pub root_cause: String,
    /// The corrective action that removes the cause.
    pub action: String,
    pub owner: String,
    /// The day it was raised (typed by people).
    pub raised: NaiveDate,
    pub due: Option<NaiveDate>,
    pub status: FindingStatus,
    pub effectiveness: Option<EffectivenessCheck>,
    pub closed: Option<NaiveDate>,
    pub updated: Option<Stamp>,
}

impl FindingRecord {
    pub fn is_open(&self) -> bool {
        self.status != FindingStatus::Closed
    }
}

/// All findings, sorted by id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FindingsRegister {
    pub items: Vec<FindingRecord>,
}

impl FindingsRegister {
    pub fn get(&self, id: &str) -> Option<&FindingRecord> {
        self.items
            .iter()
            .find(|f| f.id.eq_ignore_ascii_case(id.trim()))
    }
}
