//! Audits (`audits.ron`, with the management reviews): the programme, and each audit with its
//! scope, auditor and independence, and the items tested with their population and sample.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::names::named_enum;
use super::reviews::ManagementReview;

/// The audit programme: over how many years every clause and applicable control is audited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub cycle_years: u8,
    pub note: String,
}

impl Default for Programme {
    fn default() -> Self {
        Programme {
            cycle_years: 3,
            note: String::new(),
        }
    }
}

named_enum! {
    pub enum AuditKind {
        Internal = "internal",
        External = "external",
        Surveillance = "surveillance",
        Certification = "certification",
    }
}

named_enum! {
    pub enum AuditStatus {
        Planned = "planned",
        InProgress = "in_progress",
        Complete = "complete",
        Cancelled = "cancelled",
    }
}

named_enum! {
    /// What testing an item found.
    pub enum ItemResult {
        Conformity = "conformity",
        MinorNc = "minor_nc",
        MajorNc = "major_nc",
        Observation = "observation",
        Opportunity = "opportunity",
    }
}

/// One thing an auditor tested: what, from which population, with which sample, and the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestedItem {
    /// `A-001.1`, …: the audit's id, a dot, a number.
    pub id: String,
    /// The clause or control tested: `clause:9.2.2`, `control:8.13`.
    pub reference: String,
    pub tested: String,
    /// What the sample was drawn from, e.g. `41 leavers in 2026`.
    pub population: String,
    /// What was taken, e.g. `8 leavers picked at random`.
    pub sample: String,
    pub result: ItemResult,
    /// Evidence ids (`E-001`).
    pub evidence: Vec<String>,
    pub note: String,
}

/// One audit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Audit {
    /// `A-001`, …
    pub id: String,
    pub kind: AuditKind,
    pub title: String,
    pub scope: String,
    pub criteria: String,
    pub auditor: String,
    /// Why the auditor is independent of what they audit.
    pub independence: String,
    pub planned: Option<NaiveDate>,
    pub started: Option<NaiveDate>,
    pub finished: Option<NaiveDate>,
    pub status: AuditStatus,
    pub conclusion: String,
    pub items: Vec<TestedItem>,
}

impl Audit {
    /// The day the audit counts for: finished, else started, else planned.
    pub fn day(&self) -> Option<NaiveDate> {
        self.finished.or(self.started).or(self.planned)
    }
}

/// Everything `audits.ron` holds besides its format version.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditBook {
    pub programme: Programme,
    pub audits: Vec<Audit>,
    pub reviews: Vec<ManagementReview>,
}

impl AuditBook {
    pub fn audit(&self, id: &str) -> Option<&Audit> {
        self.audits
            .iter()
            .find(|a| a.id.eq_ignore_ascii_case(id.trim()))
    }

    pub fn review(&self, id: &str) -> Option<&ManagementReview> {
        self.reviews
            .iter()
            .find(|r| r.id.eq_ignore_ascii_case(id.trim()))
    }
}
