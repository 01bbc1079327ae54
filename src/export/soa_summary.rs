//! The SoA summary every document shows after its document-control block: per theme, how many
//! controls are decided, applicable, excluded and implemented, and the excluded controls with
//! their justifications (auditors read those first).

use super::soa_rows::SoaRow;
use crate::domain::attributes::Theme;
use crate::domain::soa::{Applicability, Status};

/// The counts of one theme (or of the whole SoA when `theme` is `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub controls: usize,
    pub decided: usize,
    pub applicable: usize,
    pub excluded: usize,
    pub implemented: usize,
}

impl Counts {
    fn of<'a>(rows: impl Iterator<Item = &'a SoaRow>) -> Counts {
        let mut counts = Counts::default();
        for row in rows {
            counts.controls += 1;
            match row.applicability {
                Applicability::Undecided => {}
                Applicability::Applicable => {
                    counts.decided += 1;
                    counts.applicable += 1;
                    if row.status == Status::Implemented {
                        counts.implemented += 1;
                    }
                }
                Applicability::Excluded => {
                    counts.decided += 1;
                    counts.excluded += 1;
                }
            }
        }
        counts
    }

    /// The counts as table cells, in the order of [`COUNT_HEADINGS`].
    pub fn cells(&self) -> [String; 5] {
        [
            self.controls,
            self.decided,
            self.applicable,
            self.excluded,
            self.implemented,
        ]
        .map(|n| n.to_string())
    }
}

/// The headings of the summary table: the theme, then the counts.
pub const COUNT_HEADINGS: [&str; 6] = [
    "Theme",
    "Controls",
    "Decided",
    "Applicable",
    "Excluded",
    "Implemented",
];

/// An excluded control and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exclusion {
    pub control: String,
    pub title: String,
    pub justification: String,
}

/// The summary of a whole SoA.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SoaSummary {
    /// One line per theme that has controls, in catalogue order of themes.
    pub themes: Vec<(Theme, Counts)>,
    pub total: Counts,
    pub exclusions: Vec<Exclusion>,
}

impl SoaSummary {
    pub fn of(rows: &[SoaRow]) -> SoaSummary {
        let themes = Theme::ALL
            .iter()
            .map(|&theme| (theme, Counts::of(rows.iter().filter(|r| r.theme == theme))))
            .filter(|(_, counts)| counts.controls > 0)
            .collect();
        let exclusions = rows
            .iter()
            .filter(|r| r.applicability == Applicability::Excluded)
            .map(|r| Exclusion {
                control: r.control.clone(),
                title: r.title.clone(),
                justification: r.justification.trim().to_string(),
            })
            .collect();
        SoaSummary {
            themes,
            total: Counts::of(rows.iter()),
            exclusions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Catalogue;
    use crate::domain::sample::demo_workspace;
    use crate::export::soa_rows::soa_rows;

    #[test]
    fn themes_add_up_to_the_total_and_every_exclusion_is_listed() {
        let catalogue = Catalogue::builtin();
        let rows = soa_rows(&demo_workspace(&catalogue), &catalogue);
        let summary = SoaSummary::of(&rows);
        assert_eq!(summary.themes.len(), 4);
        assert_eq!(summary.total.controls, 93);
        let sum = |f: fn(&Counts) -> usize| summary.themes.iter().map(|(_, c)| f(c)).sum::<usize>();
        assert_eq!(sum(|c| c.decided), summary.total.decided);
        assert_eq!(sum(|c| c.implemented), summary.total.implemented);
        assert_eq!(
            summary.total.decided,
            summary.total.applicable + summary.total.excluded
        );
        assert_eq!(summary.exclusions.len(), summary.total.excluded);
        assert!(
            summary
                .exclusions
                .iter()
                .all(|e| !e.justification.is_empty())
        );
    }
}
