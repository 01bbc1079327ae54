//! The evidence register (`evidence.ron`): the documents and records that
//! show the ISMS works, where they are, what they support, and how long they stay current.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::names::named_enum;
use crate::domain::stamp::Stamp;

named_enum! {
    /// A document says what we do (a policy, a procedure); a record shows that we did it.
    pub enum EvidenceKind {
        Document = "document",
        Record = "record",
    }
}

/// The period a record covers, both days included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Version and approval of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    pub version: String,
    pub approved_by: String,
    pub approved_on: Option<NaiveDate>,
}

/// One piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// `E-001`, …
    pub id: String,
    pub title: String,
    pub kind: EvidenceKind,
    /// A path relative to the workspace, or a URL.
    pub location: String,
    /// The SHA-256 of a local file when it was recorded (lower-case hex); `None` for URLs.
    pub sha256: Option<String>,
    /// The day the evidence reflects (typed by people).
    pub as_of: Option<NaiveDate>,
    pub period: Option<Period>,
    /// After this day the evidence is out of date: it expires or must be reviewed.
    pub review_by: Option<NaiveDate>,
    /// For documents: version and approval.
    pub approval: Option<Approval>,
    pub owner: String,
    /// What it supports: `clause:9.2.2`, `control:8.13`, `risk:R-001`, `finding:F-001`,
    /// `audit:A-001`, `review:MR-001`.
    pub supports: Vec<String>,
    /// When the tool recorded it, and who did.
    pub recorded: Option<Stamp>,
}

impl Evidence {
    /// Whether the location is a URL rather than a file in the repository.
    pub fn is_url(&self) -> bool {
        let location = self.location.trim();
        ["http://", "https://", "ftp://", "mailto:"]
            .iter()
            .any(|scheme| location.starts_with(scheme))
    }

    /// Whether it is still current on `today` (no review-by date, or not yet past it).
    pub fn is_current(&self, today: NaiveDate) -> bool {
        self.review_by.is_none_or(|day| day >= today)
    }
}

/// All evidence, sorted by id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EvidenceRegister {
    pub items: Vec<Evidence>,
}

impl EvidenceRegister {
    pub fn get(&self, id: &str) -> Option<&Evidence> {
        self.items
            .iter()
            .find(|e| e.id.eq_ignore_ascii_case(id.trim()))
    }
}
