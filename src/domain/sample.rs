//! The demo workspace: a fictional company, Brackenfield Freight Systems, with a partly filled SoA,
//! a dozen risks linked to controls, and a management system (clauses mostly met or partial, an
//! internal audit with sampled items, a management review, three findings, a dozen evidence items). Pure data built in code (no I/O), so the store can save it
//! and a newcomer can try every pane on realistic content.

mod mgmt_records;
mod mgmt_system;
mod risks;
mod soa_entries;

use chrono::{NaiveDate, TimeZone, Utc};

use super::catalogue::Catalogue;
use super::stamp::Stamp;
use super::workspace::{Settings, Workspace};

/// The name shown for the demo workspace.
pub const DEMO_NAME: &str = "Brackenfield ISMS";

/// The demo workspace over `catalogue`: every control has an SoA entry; the decided ones carry
/// the company's justifications. Entries for controls the catalogue lacks are left out.
pub fn demo_workspace(catalogue: &Catalogue) -> Workspace {
    let settings = Settings {
        name: DEMO_NAME.to_string(),
        organisation: "Brackenfield Freight Systems Ltd".to_string(),
        scope: "The development, operation and support of the Brackenfield dispatch-planning \
                platform (web app, public API and mobile driver app) hosted in AWS eu-west-2, \
                and the people, laptops and SaaS tools that build and run it, at the Leeds \
                office and remotely."
            .to_string(),
        soa_version: "0.3 (draft)".to_string(),
        ..Settings::default()
    };
    let mut workspace = Workspace::new(settings, catalogue);
    for decided in soa_entries::entries() {
        if let Some(entry) = workspace.soa.entry_mut(&decided.control) {
            *entry = decided;
        }
    }
    workspace.risks.risks = risks::risks();
    workspace.risks.sort();
    workspace.mgmt.system = mgmt_system::system();
    workspace.mgmt.evidence.items = mgmt_records::evidence();
    workspace.mgmt.audits = mgmt_records::audits();
    workspace.mgmt.findings.items = mgmt_records::findings();
    workspace
}

/// A fixed day, so that the demo (and every snapshot of it) never depends on today's date.
pub(crate) fn day(year: i32, month: u32, date: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, date).expect("a valid fixed date")
}

/// A fixed change stamp at noon UTC on a fixed day.
pub(crate) fn stamp(year: i32, month: u32, date: u32, by: &str) -> Stamp {
    let at = Utc
        .with_ymd_and_hms(year, month, date, 12, 0, 0)
        .single()
        .expect("a valid fixed time");
    Stamp::new(at, by)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::soa::{Applicability, Status};

    #[test]
    fn about_a_third_of_the_soa_is_decided_with_varied_statuses() {
        let catalogue = Catalogue::builtin();
        let workspace = demo_workspace(&catalogue);
        let entries = &workspace.soa.entries;
        assert_eq!(entries.len(), catalogue.len());
        let decided: Vec<_> = entries
            .iter()
            .filter(|e| e.applicability != Applicability::Undecided)
            .collect();
        assert!((25..=40).contains(&decided.len()), "{}", decided.len());
        let excluded = decided
            .iter()
            .filter(|e| e.applicability == Applicability::Excluded)
            .count();
        assert!((3..=6).contains(&excluded));
        for status in Status::ALL {
            assert!(decided.iter().any(|e| e.status == status), "{status:?}");
        }
        assert!(decided.iter().all(|e| !e.justification.is_empty()));
    }

    #[test]
    fn every_risk_names_real_controls() {
        let catalogue = Catalogue::builtin();
        let workspace = demo_workspace(&catalogue);
        assert!((10..=14).contains(&workspace.risks.risks.len()));
        for risk in &workspace.risks.risks {
            for control in &risk.controls {
                assert!(catalogue.get(control).is_some(), "{} {control}", risk.id);
            }
        }
        assert!(!workspace.risks_for_control("8.13").is_empty());
    }
}
