//! The audit programme's coverage grid: clauses 4–10 and the four Annex A themes down, the years
//! of the current cycle across, each cell audited (a complete audit that year tested something of
//! it), planned (an audit that year, not complete nor cancelled, tests it or names the clause in
//! its scope) or never. The cycle starts in the year of the first audit and repeats every
//! `cycle_years`; the one shown holds today.

use chrono::{Datelike, NaiveDate};

use crate::domain::mgmt::audits::{Audit, AuditStatus};
use crate::domain::workspace::Workspace;

/// A row of the grid: a clause (`4` … `10`) or an Annex A theme (`A.5` … `A.8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoverageRow {
    pub id: &'static str,
    pub title: &'static str,
    /// What a tested item's reference starts with to count for this row.
    pub prefix: &'static str,
}

const fn row(id: &'static str, title: &'static str, prefix: &'static str) -> CoverageRow {
    CoverageRow { id, title, prefix }
}

pub const ROWS: &[CoverageRow] = &[
    row("4", "Context of the organization", "clause:4"),
    row("5", "Leadership", "clause:5"),
    row("6", "Planning", "clause:6"),
    row("7", "Support", "clause:7"),
    row("8", "Operation", "clause:8"),
    row("9", "Performance evaluation", "clause:9"),
    row("10", "Improvement", "clause:10"),
    row("A.5", "Organizational controls", "control:5."),
    row("A.6", "People controls", "control:6."),
    row("A.7", "Physical controls", "control:7."),
    row("A.8", "Technological controls", "control:8."),
];

/// What one cell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Audited,
    Planned,
    Never,
}

impl Cell {
    pub fn name(self) -> &'static str {
        match self {
            Cell::Audited => "audited",
            Cell::Planned => "planned",
            Cell::Never => "never",
        }
    }
}

/// The years of the cycle that holds `today`.
pub fn cycle_years(ws: &Workspace, today: NaiveDate) -> Vec<i32> {
    let book = &ws.mgmt.audits;
    let length = i32::from(book.programme.cycle_years.max(1));
    let first = book
        .audits
        .iter()
        .filter_map(Audit::day)
        .map(|d| d.year())
        .min()
        .unwrap_or(today.year());
    let start = if today.year() >= first {
        first + (today.year() - first) / length * length
    } else {
        first
    };
    (start..start + length).collect()
}

/// Whether `reference` (`clause:9.2`, `control:8.13`) counts for `row`.
fn counts(row: &CoverageRow, reference: &str) -> bool {
    match reference.strip_prefix(row.prefix) {
        // `clause:1` must not count `clause:10`.
        Some(rest) if row.prefix.starts_with("clause:") => rest.is_empty() || rest.starts_with('.'),
        Some(_) => true,
        None => false,
    }
}

/// Whether an audit's scope names a whole clause: `Clauses 4–5 and 7, …` names 4, 5 and 7.
fn scope_names(scope: &str, clause: &str) -> bool {
    let Ok(wanted) = clause.parse::<u32>() else {
        return false;
    };
    let lower = scope.to_lowercase();
    let Some(at) = lower.find("clause") else {
        return false;
    };
    let mut named = Vec::new();
    for word in lower[at..].split_whitespace().skip(1) {
        let stop = word.ends_with([',', '.', ';']);
        let word = word.trim_end_matches([',', '.', ';']);
        if word == "and" || word == "to" {
            continue;
        }
        let ends: Vec<Option<u32>> = word
            .split(['–', '-'])
            .map(|n| n.parse::<u32>().ok())
            .collect();
        match ends.as_slice() {
            [Some(one)] => named.push((*one, *one)),
            [Some(from), Some(to)] => named.push((*from, *to)),
            _ => break,
        }
        if stop {
            break;
        }
    }
    named
        .iter()
        .any(|(from, to)| (*from..=*to).contains(&wanted))
}

/// The audits that tested `row` in `year`, and whether each is complete.
pub fn audits_of<'a>(ws: &'a Workspace, row: &CoverageRow, year: i32) -> Vec<(&'a Audit, Cell)> {
    ws.mgmt
        .audits
        .audits
        .iter()
        .filter(|a| a.status != AuditStatus::Cancelled)
        .filter(|a| a.day().is_some_and(|d| d.year() == year))
        .filter_map(|a| {
            let tested = a.items.iter().any(|i| counts(row, &i.reference));
            let cell = match a.status {
                AuditStatus::Complete if tested => Cell::Audited,
                AuditStatus::Complete => return None,
                _ if tested || scope_names(&a.scope, row.id) => Cell::Planned,
                _ => return None,
            };
            Some((a, cell))
        })
        .collect()
}

/// The cell of `row` in `year`.
pub fn cell(ws: &Workspace, row: &CoverageRow, year: i32) -> Cell {
    let audits = audits_of(ws, row, year);
    if audits.iter().any(|(_, c)| *c == Cell::Audited) {
        Cell::Audited
    } else if audits.is_empty() {
        Cell::Never
    } else {
        Cell::Planned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scope_names_whole_clauses_and_ranges() {
        let scope = "Clauses 4–5 and 7, access and logging controls.";
        assert!(scope_names(scope, "4"));
        assert!(scope_names(scope, "5"));
        assert!(scope_names(scope, "7"));
        assert!(!scope_names(scope, "6"));
        assert!(!scope_names(scope, "A.5"));
        assert!(scope_names("Clauses 6-10 and the backup", "9"));
        assert!(!scope_names("Backups only", "9"));
    }

    #[test]
    fn clause_prefixes_do_not_count_longer_numbers() {
        let one = row("1", "", "clause:1");
        assert!(counts(&one, "clause:1"));
        assert!(counts(&one, "clause:1.2"));
        assert!(!counts(&one, "clause:10.1"));
        assert!(counts(&ROWS[7], "control:5.15"));
    }
}
