//! The Statement of Applicability: one entry per control, in catalogue order.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::stamp::Stamp;

/// Whether a control applies to this ISMS.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    #[default]
    Undecided,
    Applicable,
    Excluded,
}

impl Applicability {
    pub const ALL: [Applicability; 3] = [
        Applicability::Undecided,
        Applicability::Applicable,
        Applicability::Excluded,
    ];

    /// The next value in the cycle undecided → applicable → excluded → undecided.
    pub fn next(self) -> Applicability {
        match self {
            Applicability::Undecided => Applicability::Applicable,
            Applicability::Applicable => Applicability::Excluded,
            Applicability::Excluded => Applicability::Undecided,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Applicability::Undecided => "undecided",
            Applicability::Applicable => "applicable",
            Applicability::Excluded => "excluded",
        }
    }

    pub fn from_name(text: &str) -> Option<Applicability> {
        Self::ALL
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(text.trim()))
    }
}

/// Why a control was included (ISO/IEC 27001 §6.1.3 d).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Derived from the risks that name this control; never stored in `soa.ron`.
    RiskTreatment,
    LegalRegulatory,
    Contractual,
    Business,
}

impl Reason {
    pub const ALL: [Reason; 4] = [
        Reason::RiskTreatment,
        Reason::LegalRegulatory,
        Reason::Contractual,
        Reason::Business,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Reason::RiskTreatment => "risk_treatment",
            Reason::LegalRegulatory => "legal_regulatory",
            Reason::Contractual => "contractual",
            Reason::Business => "business",
        }
    }

    /// Words for people: "risk treatment", "legal/regulatory"…
    pub fn label(self) -> &'static str {
        match self {
            Reason::RiskTreatment => "risk treatment",
            Reason::LegalRegulatory => "legal/regulatory",
            Reason::Contractual => "contractual",
            Reason::Business => "business/best practice",
        }
    }

    pub fn from_name(text: &str) -> Option<Reason> {
        Self::ALL
            .into_iter()
            .find(|r| r.name().eq_ignore_ascii_case(text.trim()))
    }
}

/// How far the implementation of a control has come.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    NotStarted,
    Planned,
    Partial,
    Implemented,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::Planned,
        Status::Partial,
        Status::Implemented,
    ];

    /// The next value in the cycle not started → planned → partial → implemented → not started.
    pub fn next(self) -> Status {
        match self {
            Status::NotStarted => Status::Planned,
            Status::Planned => Status::Partial,
            Status::Partial => Status::Implemented,
            Status::Implemented => Status::NotStarted,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::Planned => "planned",
            Status::Partial => "partial",
            Status::Implemented => "implemented",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "not started",
            Status::Planned => "planned",
            Status::Partial => "partial",
            Status::Implemented => "implemented",
        }
    }

    /// Accepts `not_started`, `not-started` and `not started`, in any case.
    pub fn from_name(text: &str) -> Option<Status> {
        let wanted = text.trim().to_lowercase().replace(['-', ' '], "_");
        Self::ALL.into_iter().find(|s| s.name() == wanted)
    }
}

/// The SoA decision and its record for one control.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SoaEntry {
    pub control: String,
    pub applicability: Applicability,
    /// Reasons given by hand; `risk_treatment` is derived from the risks and never written.
    #[serde(serialize_with = "super::workspace_format::stored_reasons")]
    pub reasons: Vec<Reason>,
    pub justification: String,
    pub status: Status,
    /// How the control is implemented, in a few lines.
    pub note: String,
    pub owner: String,
    /// Where the evidence is: document names, links, ticket ids.
    pub evidence: Vec<String>,
    pub reviewed: Option<NaiveDate>,
    pub updated: Option<Stamp>,
}

impl SoaEntry {
    /// An undecided entry for a control.
    pub fn undecided(control: &str) -> SoaEntry {
        SoaEntry {
            control: control.to_string(),
            ..SoaEntry::default()
        }
    }
}

/// All entries of the SoA, in catalogue order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Soa {
    pub entries: Vec<SoaEntry>,
}

impl Soa {
    pub fn entry(&self, control: &str) -> Option<&SoaEntry> {
        self.entries.iter().find(|e| e.control == control)
    }

    pub fn entry_mut(&mut self, control: &str) -> Option<&mut SoaEntry> {
        self.entries.iter_mut().find(|e| e.control == control)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_come_back_to_the_start() {
        let mut a = Applicability::Undecided;
        let mut seen = vec![a];
        for _ in 0..3 {
            a = a.next();
            seen.push(a);
        }
        assert_eq!(
            seen,
            [
                Applicability::Undecided,
                Applicability::Applicable,
                Applicability::Excluded,
                Applicability::Undecided
            ]
        );
        assert_eq!(Status::Implemented.next(), Status::NotStarted);
        assert_eq!(Status::from_name("Not started"), Some(Status::NotStarted));
    }
}
