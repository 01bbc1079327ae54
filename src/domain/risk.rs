//! The risk register: risks with their inherent and residual ratings and the controls that treat them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::stamp::Stamp;

/// ISO/IEC 27005 treatment options.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Treatment {
    /// Reduce the risk with controls (often called mitigate).
    #[default]
    Modify,
    /// Accept the risk as it is.
    Retain,
    /// Stop the activity that causes it.
    Avoid,
    /// Transfer part of it, e.g. to an insurer or a supplier.
    Share,
    /// Not chosen yet (an import met no treatment, or a word it did not know): `isms check`
    /// asks for a decision.
    Undecided,
}

impl Treatment {
    pub const ALL: [Treatment; 5] = [
        Treatment::Modify,
        Treatment::Retain,
        Treatment::Avoid,
        Treatment::Share,
        Treatment::Undecided,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Treatment::Modify => "modify",
            Treatment::Retain => "retain",
            Treatment::Avoid => "avoid",
            Treatment::Share => "share",
            Treatment::Undecided => "undecided",
        }
    }

    pub fn from_name(text: &str) -> Option<Treatment> {
        Self::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(text.trim()))
    }
}

/// Where a risk stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    #[default]
    Open,
    Treating,
    Accepted,
    Closed,
}

impl RiskStatus {
    pub const ALL: [RiskStatus; 4] = [
        RiskStatus::Open,
        RiskStatus::Treating,
        RiskStatus::Accepted,
        RiskStatus::Closed,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RiskStatus::Open => "open",
            RiskStatus::Treating => "treating",
            RiskStatus::Accepted => "accepted",
            RiskStatus::Closed => "closed",
        }
    }

    pub fn from_name(text: &str) -> Option<RiskStatus> {
        Self::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(text.trim()))
    }
}

/// Who accepted a risk, when, and until when the acceptance holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    pub by: String,
    pub on: NaiveDate,
    pub until: Option<NaiveDate>,
}

/// One risk. Levels are derived from likelihood × impact on the workspace's scales, never stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// `R-001`, `R-002`, …
    pub id: String,
    pub title: String,
    pub description: String,
    pub asset: String,
    pub threat: String,
    pub vulnerability: String,
    pub owner: String,
    pub likelihood: u8,
    pub impact: u8,
    pub treatment: Treatment,
    /// The controls that treat this risk (2022 ids). The SoA's risk links are derived from these.
    pub controls: Vec<String>,
    pub residual_likelihood: Option<u8>,
    pub residual_impact: Option<u8>,
    pub status: RiskStatus,
    pub acceptance: Option<Acceptance>,
    pub next_review: Option<NaiveDate>,
    pub created: NaiveDate,
    pub updated: Option<Stamp>,
}

impl Risk {
    /// A new open risk with the given id, title and ratings, everything else empty.
    pub fn new(id: &str, title: &str, likelihood: u8, impact: u8, created: NaiveDate) -> Risk {
        Risk {
            id: id.to_string(),
            title: title.to_string(),
            description: String::new(),
            asset: String::new(),
            threat: String::new(),
            vulnerability: String::new(),
            owner: String::new(),
            likelihood,
            impact,
            treatment: Treatment::Modify,
            controls: Vec::new(),
            residual_likelihood: None,
            residual_impact: None,
            status: RiskStatus::Open,
            acceptance: None,
            next_review: None,
            created,
            updated: None,
        }
    }

    /// Inherent score: likelihood × impact.
    pub fn inherent_score(&self) -> u32 {
        u32::from(self.likelihood) * u32::from(self.impact)
    }

    /// Residual score, when both residual ratings are set.
    pub fn residual_score(&self) -> Option<u32> {
        Some(u32::from(self.residual_likelihood?) * u32::from(self.residual_impact?))
    }
}

/// The number in a risk id (`R-012` → 12), for ordering and for the next free id.
pub fn risk_number(id: &str) -> Option<u32> {
    id.trim()
        .strip_prefix("R-")
        .or_else(|| id.trim().strip_prefix("r-"))?
        .parse()
        .ok()
}

/// The register, kept sorted by risk id (numerically: R-9 before R-10).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RiskRegister {
    pub risks: Vec<Risk>,
}

impl RiskRegister {
    pub fn get(&self, id: &str) -> Option<&Risk> {
        self.risks
            .iter()
            .find(|r| r.id.eq_ignore_ascii_case(id.trim()))
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Risk> {
        self.risks
            .iter_mut()
            .find(|r| r.id.eq_ignore_ascii_case(id.trim()))
    }

    /// The next free id: one more than the highest `R-NNN`, at least three digits.
    pub fn next_id(&self) -> String {
        let highest = self
            .risks
            .iter()
            .filter_map(|r| risk_number(&r.id))
            .max()
            .unwrap_or(0);
        format!("R-{:03}", highest + 1)
    }

    /// Sorts by id number, then by id text for ids that are not `R-NNN`.
    pub fn sort(&mut self) {
        self.risks.sort_by(|a, b| {
            let key = |r: &Risk| {
                (
                    risk_number(&r.id).is_none(),
                    risk_number(&r.id).unwrap_or(0),
                    r.id.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
    }

    /// The risks that name a control among their treating controls: the SoA's links, derived.
    pub fn treated_by<'a>(&'a self, control: &'a str) -> impl Iterator<Item = &'a Risk> + 'a {
        self.risks
            .iter()
            .filter(move |r| r.controls.iter().any(|c| c == control))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_id_follows_the_highest_number() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut register = RiskRegister::default();
        assert_eq!(register.next_id(), "R-001");
        register.risks.push(Risk::new("R-010", "a", 1, 1, day));
        register.risks.push(Risk::new("R-9", "b", 1, 1, day));
        assert_eq!(register.next_id(), "R-011");
        register.sort();
        assert_eq!(register.risks[0].id, "R-9");
    }
}
