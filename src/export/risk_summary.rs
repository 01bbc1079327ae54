//! The risk register's summary, shown after the document-control block in every document: how
//! many risks sit at each level before and after treatment, how they are treated, and which
//! risks were accepted, by whom and until when.

use super::risk_rows::{residual_text, sorted_risks};
use crate::domain::risk::{RiskStatus, Treatment};
use crate::domain::text::sanitize_line;
use crate::domain::workspace::{Level, Workspace};

/// An accepted risk, as the summary lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptedRisk {
    pub id: String,
    pub title: String,
    /// "8 (medium)", or the inherent score when no residual rating exists.
    pub score: String,
    pub by: String,
    pub on: String,
    pub until: String,
}

impl AcceptedRisk {
    /// The cells of one row under [`ACCEPTED_HEADINGS`], the same in every document.
    pub fn cells(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            self.title.clone(),
            self.score.clone(),
            self.by.clone(),
            self.on.clone(),
            self.until.clone(),
        ]
    }
}

/// The summary of a register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskSummary {
    pub total: usize,
    /// Rows of (level, inherent count, residual count), highest level first, then "not rated".
    pub levels: Vec<[String; 3]>,
    /// Rows of (treatment or status, count), treatments first.
    pub handling: Vec<[String; 2]>,
    pub accepted: Vec<AcceptedRisk>,
}

/// Headings of [`RiskSummary::levels`].
pub const LEVEL_HEADINGS: [&str; 3] = ["Level", "Inherent", "Residual"];
/// Headings of [`RiskSummary::handling`].
pub const HANDLING_HEADINGS: [&str; 2] = ["Treatment / status", "Risks"];
/// Headings of the accepted risks table.
pub const ACCEPTED_HEADINGS: [&str; 6] = ["ID", "Risk", "Score", "Accepted by", "On", "Until"];

impl RiskSummary {
    pub fn of(workspace: &Workspace) -> RiskSummary {
        let method = &workspace.settings.risk_method;
        let risks = sorted_risks(workspace);
        let levels = [Level::Critical, Level::High, Level::Medium, Level::Low];
        let mut rows: Vec<[String; 3]> = levels
            .iter()
            .map(|&level| {
                let inherent = risks
                    .iter()
                    .filter(|r| method.level(r.inherent_score()) == level)
                    .count();
                let residual = risks
                    .iter()
                    .filter(|r| r.residual_score().map(|s| method.level(s)) == Some(level))
                    .count();
                [
                    level.name().to_string(),
                    inherent.to_string(),
                    residual.to_string(),
                ]
            })
            .collect();
        let unrated = risks
            .iter()
            .filter(|r| r.residual_score().is_none())
            .count();
        rows.push(["not rated".into(), "0".into(), unrated.to_string()]);
        // "undecided" gets a row only when some risk waits for a treatment.
        let mut handling: Vec<[String; 2]> = Treatment::ALL
            .iter()
            .map(|&t| (t, risks.iter().filter(|r| r.treatment == t).count()))
            .filter(|&(t, n)| t != Treatment::Undecided || n > 0)
            .map(|(t, n)| [format!("treatment: {}", t.name()), n.to_string()])
            .collect();
        for status in RiskStatus::ALL {
            let n = risks.iter().filter(|r| r.status == status).count();
            handling.push([format!("status: {}", status.name()), n.to_string()]);
        }
        let accepted = risks
            .iter()
            .filter_map(|r| {
                let a = r.acceptance.as_ref()?;
                let residual = residual_text(method, r);
                Some(AcceptedRisk {
                    id: sanitize_line(&r.id),
                    title: sanitize_line(r.title.trim()),
                    score: if residual.is_empty() {
                        super::risk_rows::inherent_text(method, r)
                    } else {
                        residual
                    },
                    by: sanitize_line(a.by.trim()),
                    on: a.on.to_string(),
                    until: a.until.map(|d| d.to_string()).unwrap_or_default(),
                })
            })
            .collect();
        RiskSummary {
            total: risks.len(),
            levels: rows,
            handling,
            accepted,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Catalogue;
    use crate::domain::sample::demo_workspace;

    #[test]
    fn every_risk_is_counted_once_per_column() {
        let summary = RiskSummary::of(&demo_workspace(&Catalogue::builtin()));
        let column = |i: usize| -> usize {
            summary
                .levels
                .iter()
                .map(|row| row[i].parse::<usize>().unwrap())
                .sum()
        };
        assert_eq!(column(1), summary.total);
        assert_eq!(column(2), summary.total);
        let treated: usize = summary.handling[..4]
            .iter()
            .map(|r| r[1].parse::<usize>().unwrap())
            .sum();
        assert_eq!(treated, summary.total);
    }
}
