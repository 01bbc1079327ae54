//! The Risks pane's state: which column the table is sorted by and in which order, the filter
//! typed after `/`, and the rows that pass it (in sorted order).

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::domain::risk::{Risk, risk_number};
use crate::domain::workspace::Workspace;

/// A column the table can be sorted by, in the order `s` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    Id,
    Title,
    Owner,
    Inherent,
    Residual,
    Treatment,
    Status,
    NextReview,
}

impl SortColumn {
    pub const ALL: [SortColumn; 8] = [
        SortColumn::Id,
        SortColumn::Title,
        SortColumn::Owner,
        SortColumn::Inherent,
        SortColumn::Residual,
        SortColumn::Treatment,
        SortColumn::Status,
        SortColumn::NextReview,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SortColumn::Id => "id",
            SortColumn::Title => "title",
            SortColumn::Owner => "owner",
            SortColumn::Inherent => "inherent",
            SortColumn::Residual => "residual",
            SortColumn::Treatment => "treatment",
            SortColumn::Status => "status",
            SortColumn::NextReview => "next review",
        }
    }

    pub fn next(self) -> SortColumn {
        let i = Self::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    /// Ratings read best highest first; everything else A to Z.
    fn descending_by_default(self) -> bool {
        matches!(self, SortColumn::Inherent | SortColumn::Residual)
    }
}

#[derive(Debug, Clone)]
pub struct RisksPane {
    pub sort: SortColumn,
    pub descending: bool,
    /// What was typed after `/`.
    pub filter: String,
    /// `r` on a control: only the risks naming it are shown.
    pub control: Option<String>,
    /// Indices into the register of the risks shown, in table order.
    pub rows: Vec<usize>,
    /// The day new risks are created on and reviews are judged against.
    pub today: NaiveDate,
    /// Who the `updated` stamps name.
    pub user: String,
}

impl RisksPane {
    pub fn new(today: NaiveDate, user: String) -> RisksPane {
        RisksPane {
            sort: SortColumn::Inherent,
            descending: true,
            filter: String::new(),
            control: None,
            rows: Vec::new(),
            today,
            user,
        }
    }

    pub fn cycle_sort(&mut self) {
        self.sort = self.sort.next();
        self.descending = self.sort.descending_by_default();
    }

    /// Recomputes the rows from the register, the filter and the sort.
    pub fn refresh(&mut self, workspace: &Workspace) {
        let words: Vec<String> = self
            .filter
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let risks = &workspace.risks.risks;
        let mut rows: Vec<usize> = (0..risks.len())
            .filter(|&i| matches(&risks[i], &words))
            .filter(|&i| {
                let control = self.control.as_deref();
                control.is_none_or(|c| risks[i].controls.iter().any(|id| id == c))
            })
            .collect();
        let method = &workspace.settings.risk_method;
        let (sort, descending) = (self.sort, self.descending);
        rows.sort_by(|&a, &b| {
            let (a, b) = (&risks[a], &risks[b]);
            let order = match sort {
                SortColumn::Id => Ordering::Equal,
                SortColumn::Title => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
                SortColumn::Owner => a.owner.to_lowercase().cmp(&b.owner.to_lowercase()),
                SortColumn::Inherent => {
                    let level = |r: &Risk| (method.level(r.inherent_score()), r.inherent_score());
                    level(a).cmp(&level(b))
                }
                SortColumn::Residual => {
                    let level = |r: &Risk| r.residual_score().map(|s| (method.level(s), s));
                    level(a).cmp(&level(b))
                }
                SortColumn::Treatment => a.treatment.cmp(&b.treatment),
                SortColumn::Status => a.status.cmp(&b.status),
                SortColumn::NextReview => a.next_review.cmp(&b.next_review),
            };
            let order = if descending { order.reverse() } else { order };
            // Ties (and the id column) go by risk number, always ascending within a tie.
            order.then_with(|| by_id(a, b, descending && sort == SortColumn::Id))
        });
        self.rows = rows;
    }

    /// The table row showing the risk with this id.
    pub fn row_of(&self, workspace: &Workspace, id: &str) -> Option<usize> {
        self.rows
            .iter()
            .position(|&i| workspace.risks.risks[i].id.eq_ignore_ascii_case(id))
    }
}

fn by_id(a: &Risk, b: &Risk, descending: bool) -> Ordering {
    let key = |r: &Risk| (risk_number(&r.id).unwrap_or(u32::MAX), r.id.clone());
    let order = key(a).cmp(&key(b));
    if descending { order.reverse() } else { order }
}

/// Every word of the filter appears in the id, title, owner, asset or threat.
fn matches(risk: &Risk, words: &[String]) -> bool {
    if words.is_empty() {
        return true;
    }
    let text = [
        &risk.id,
        &risk.title,
        &risk.owner,
        &risk.asset,
        &risk.threat,
    ]
    .map(|s| s.to_lowercase())
    .join(" ");
    words.iter().all(|w| text.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Catalogue;
    use crate::domain::sample::demo_workspace;

    fn pane() -> (RisksPane, Workspace) {
        let workspace = demo_workspace(&Catalogue::builtin());
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut pane = RisksPane::new(day, "tester".into());
        pane.refresh(&workspace);
        (pane, workspace)
    }

    #[test]
    fn starts_sorted_by_inherent_level_highest_first() {
        let (pane, ws) = pane();
        let scores: Vec<u32> = pane
            .rows
            .iter()
            .map(|&i| ws.risks.risks[i].inherent_score())
            .collect();
        let mut sorted = scores.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(scores, sorted);
        assert_eq!(pane.rows.len(), ws.risks.risks.len());
    }

    #[test]
    fn the_filter_matches_every_word_in_id_title_owner_or_asset() {
        let (mut pane, ws) = pane();
        pane.filter = "it lead".into();
        pane.refresh(&ws);
        assert!(!pane.rows.is_empty());
        assert!(
            pane.rows
                .iter()
                .all(|&i| ws.risks.risks[i].owner == "IT Lead")
        );
        pane.filter = "laptops".into();
        pane.refresh(&ws);
        assert_eq!(pane.rows.len(), 1);
    }
}
