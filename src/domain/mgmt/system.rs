//! The management system itself (`isms.ron`): where each assessable sub-clause stands, the
//! context issues, the interested parties and their requirements, the climate-change decision,
//! the objectives with their measurements, and the roles with their holders.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::clauses::assessable;
use super::names::named_enum;
use crate::domain::stamp::Stamp;

named_enum! {
    /// How far a sub-clause is met. There is no "not applicable": clauses 4–10 are mandatory.
    #[derive(Default)]
    pub enum ClauseStatus {
        #[default]
        NotStarted = "not_started",
        Planned = "planned",
        Partial = "partial",
        Met = "met",
    }
}

/// Where one sub-clause stands and how it is met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseEntry {
    /// The sub-clause id, `4.1` … `10.2`.
    pub clause: String,
    pub status: ClauseStatus,
    pub owner: String,
    /// How we meet it, in our own words.
    pub statement: String,
    /// Evidence ids (`E-001`) from `evidence.ron`.
    pub evidence: Vec<String>,
    pub reviewed: Option<NaiveDate>,
    pub next_review: Option<NaiveDate>,
    pub updated: Option<Stamp>,
}

impl ClauseEntry {
    pub fn not_started(clause: &str) -> ClauseEntry {
        ClauseEntry {
            clause: clause.to_string(),
            status: ClauseStatus::NotStarted,
            owner: String::new(),
            statement: String::new(),
            evidence: Vec::new(),
            reviewed: None,
            next_review: None,
            updated: None,
        }
    }
}

named_enum! {
    /// Whether an issue comes from inside or outside the organisation.
    pub enum IssueSide {
        Internal = "internal",
        External = "external",
    }
}

/// A context issue (4.1): something inside or outside that affects what the ISMS can achieve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextIssue {
    /// `I-001`, …
    pub id: String,
    pub side: IssueSide,
    pub description: String,
    /// What it means for the ISMS and how we respond.
    pub effect: String,
}

/// One requirement an interested party has of us, and whether the ISMS addresses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyRequirement {
    /// `P-001.1`, …: the party's id, a dot, a number.
    pub id: String,
    pub text: String,
    /// Whether the ISMS addresses it, and how (clause, control or risk refs).
    pub addressed_by: Vec<String>,
}

/// An interested party (4.2) and its requirements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterestedParty {
    /// `P-001`, …
    pub id: String,
    pub name: String,
    pub requirements: Vec<PartyRequirement>,
}

/// The decision on whether climate change is a relevant issue (the 2024 amendment to 4.1/4.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClimateDecision {
    pub relevant: bool,
    pub reasoning: String,
    pub decided_by: String,
    pub decided_on: NaiveDate,
}

named_enum! {
    /// How often an objective is measured.
    pub enum Cadence {
        Monthly = "monthly",
        Quarterly = "quarterly",
        HalfYearly = "half_yearly",
        Yearly = "yearly",
    }
}

impl Cadence {
    /// The longest gap between two measurements that still keeps the cadence, in days.
    pub fn days(self) -> i64 {
        match self {
            Cadence::Monthly => 31,
            Cadence::Quarterly => 92,
            Cadence::HalfYearly => 183,
            Cadence::Yearly => 366,
        }
    }
}

/// One measurement of an objective.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// `O-001.1`, …: the objective's id, a dot, a number.
    pub id: String,
    /// The day the value was measured.
    pub on: NaiveDate,
    pub value: String,
    pub note: String,
}

/// An information security objective (6.2) and how it is measured (9.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// `O-001`, …
    pub id: String,
    pub title: String,
    /// The measurable target, e.g. `95 % of laptops encrypted`.
    pub target: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub cadence: Cadence,
    pub measurements: Vec<Measurement>,
}

impl Objective {
    /// The most recent measurement, by date.
    pub fn latest(&self) -> Option<&Measurement> {
        self.measurements.iter().max_by_key(|m| m.on)
    }
}

/// A role in the ISMS (5.3) with its holder and the evidence of their competence (7.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// `RL-001`, …
    pub id: String,
    pub name: String,
    pub holder: String,
    pub responsibilities: String,
    /// Evidence ids (`E-001`) showing the holder is competent.
    pub competence_evidence: Vec<String>,
}

/// Everything `isms.ron` holds besides its format version.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManagementSystem {
    /// One entry per assessable sub-clause, in the standard's order.
    pub clauses: Vec<ClauseEntry>,
    pub issues: Vec<ContextIssue>,
    pub parties: Vec<InterestedParty>,
    pub climate: Option<ClimateDecision>,
    pub objectives: Vec<Objective>,
    pub roles: Vec<Role>,
}

impl ManagementSystem {
    /// A new system: every assessable sub-clause not started, nothing else yet.
    pub fn seeded() -> ManagementSystem {
        ManagementSystem {
            clauses: assessable()
                .map(|c| ClauseEntry::not_started(c.id))
                .collect(),
            ..ManagementSystem::default()
        }
    }

    pub fn clause(&self, id: &str) -> Option<&ClauseEntry> {
        self.clauses.iter().find(|c| c.clause == id)
    }

    pub fn clause_mut(&mut self, id: &str) -> Option<&mut ClauseEntry> {
        self.clauses.iter_mut().find(|c| c.clause == id)
    }

    pub fn objective(&self, id: &str) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.id == id)
    }
}
