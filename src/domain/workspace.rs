//! A workspace: the settings (`workspace.ron`), the SoA (`soa.ron`) and the risk register
//! (`risks.ron`), the risk method that rates the risks, and the management system (`isms.ron`,
//! `evidence.ron`, `audits.ron`, `findings.ron`; see [`super::mgmt`]).

use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::mgmt::Management;
use super::risk::{Risk, RiskRegister};
use super::soa::{Reason, Soa, SoaEntry};

/// A point on a likelihood or impact scale, with the label people see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScalePoint {
    pub value: u8,
    pub label: String,
}

/// Risk level bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Low,
    Medium,
    High,
    Critical,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
            Level::Critical => "critical",
        }
    }
}

/// A band starts at a score: scores from `from` up to the next band's start have this level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub level: Level,
    pub from: u32,
}

/// How risks are rated: score = likelihood × impact, banded into levels; risks scoring above the
/// acceptance threshold need treatment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskMethod {
    pub likelihood: Vec<ScalePoint>,
    pub impact: Vec<ScalePoint>,
    /// In ascending order of `from`.
    pub bands: Vec<Band>,
    /// The highest score that may be accepted without treatment.
    pub acceptance_threshold: u32,
}

impl Default for RiskMethod {
    fn default() -> Self {
        let scale = |labels: [&str; 5]| {
            labels
                .iter()
                .enumerate()
                .map(|(i, label)| ScalePoint {
                    value: i as u8 + 1,
                    label: label.to_string(),
                })
                .collect()
        };
        RiskMethod {
            likelihood: scale(["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]),
            impact: scale(["Negligible", "Minor", "Moderate", "Major", "Severe"]),
            bands: vec![
                Band {
                    level: Level::Low,
                    from: 1,
                },
                Band {
                    level: Level::Medium,
                    from: 5,
                },
                Band {
                    level: Level::High,
                    from: 10,
                },
                Band {
                    level: Level::Critical,
                    from: 17,
                },
            ],
            acceptance_threshold: 6,
        }
    }
}

impl RiskMethod {
    pub fn level(&self, score: u32) -> Level {
        self.bands
            .iter()
            .rev()
            .find(|band| score >= band.from)
            .map_or(Level::Low, |band| band.level)
    }

    pub fn likelihood_label(&self, value: u8) -> Option<&str> {
        self.likelihood
            .iter()
            .find(|p| p.value == value)
            .map(|p| p.label.as_str())
    }

    pub fn impact_label(&self, value: u8) -> Option<&str> {
        self.impact
            .iter()
            .find(|p| p.value == value)
            .map(|p| p.label.as_str())
    }

    pub fn max_likelihood(&self) -> u8 {
        self.likelihood.iter().map(|p| p.value).max().unwrap_or(0)
    }

    pub fn max_impact(&self) -> u8 {
        self.impact.iter().map(|p| p.value).max().unwrap_or(0)
    }
}

/// What `workspace.ron` holds besides its format version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub name: String,
    pub organisation: String,
    pub scope: String,
    pub soa_version: String,
    /// Which catalogue the SoA follows: `iso27002-2022` for the built-in one, else the name of
    /// the catalogue the workspace was made with (kept beside it as `catalogue.ron` or
    /// `catalogue.json`).
    pub catalogue: String,
    /// Each save commits the workspace files with a generated message (off unless set).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub auto_commit: bool,
    pub risk_method: RiskMethod,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            name: "ISMS".to_string(),
            organisation: String::new(),
            scope: String::new(),
            soa_version: "1".to_string(),
            catalogue: super::catalogue::BUILTIN_KEY.to_string(),
            auto_commit: false,
            risk_method: RiskMethod::default(),
        }
    }
}

/// Everything a workspace holds, in memory.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Workspace {
    pub settings: Settings,
    pub soa: Soa,
    pub risks: RiskRegister,
    /// The management system: clauses 4–10, evidence, audits, reviews and findings.
    pub mgmt: Management,
}

impl Workspace {
    /// A new workspace with an undecided SoA entry for every control of the catalogue and every
    /// sub-clause of the management system not started; its settings name that catalogue.
    pub fn new(mut settings: Settings, catalogue: &Catalogue) -> Workspace {
        settings.catalogue = catalogue.key().to_string();
        let entries = catalogue
            .controls()
            .iter()
            .map(|c| SoaEntry::undecided(&c.id))
            .collect();
        Workspace {
            settings,
            soa: Soa { entries },
            risks: RiskRegister::default(),
            mgmt: Management::seeded(),
        }
    }

    /// The risks that this workspace links to a control (derived from the risks' treating controls).
    pub fn risks_for_control<'a>(&'a self, control: &'a str) -> Vec<&'a Risk> {
        self.risks.treated_by(control).collect()
    }

    /// The reasons for including a control: those given by hand, plus `risk_treatment` when a risk
    /// names it. Sorted and without repeats.
    pub fn reasons(&self, control: &str) -> Vec<Reason> {
        let mut reasons: Vec<Reason> = self
            .soa
            .entry(control)
            .map(|e| {
                e.reasons
                    .iter()
                    .copied()
                    .filter(|r| *r != Reason::RiskTreatment)
                    .collect()
            })
            .unwrap_or_default();
        if self.risks.treated_by(control).next().is_some() {
            reasons.push(Reason::RiskTreatment);
        }
        reasons.sort();
        reasons.dedup();
        reasons
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_method_bands_scores() {
        let method = RiskMethod::default();
        assert_eq!(method.level(1), Level::Low);
        assert_eq!(method.level(6), Level::Medium);
        assert_eq!(method.level(12), Level::High);
        assert_eq!(method.level(25), Level::Critical);
        assert_eq!(method.likelihood_label(3), Some("Possible"));
    }

    #[test]
    fn risk_treatment_reason_is_derived_from_risks() {
        let catalogue = Catalogue::builtin();
        let mut workspace = Workspace::new(Settings::default(), &catalogue);
        assert!(workspace.reasons("8.13").is_empty());
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut risk = Risk::new("R-001", "Ransomware", 4, 5, day);
        risk.controls.push("8.13".into());
        workspace.risks.risks.push(risk);
        assert_eq!(workspace.reasons("8.13"), [Reason::RiskTreatment]);
        assert_eq!(workspace.risks_for_control("8.13").len(), 1);
    }
}
