//! Edits change what was asked, refuse what the workspace cannot hold, and stamp only real changes.

use super::*;
use crate::domain::risk::RiskStatus;
use crate::domain::workspace::Settings;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn stamp() -> Stamp {
    Stamp::new(chrono::DateTime::UNIX_EPOCH, "alice")
}

#[test]
fn soa_set_changes_and_stamps_once() {
    let catalogue = Catalogue::builtin();
    let mut ws = Workspace::new(Settings::default(), &catalogue);
    let change = SoaChange {
        applicability: Some(Applicability::Applicable),
        reasons: Some(vec![
            Reason::Contractual,
            Reason::Business,
            Reason::Contractual,
        ]),
        justification: Some("Backups\r\nare tested \u{1b}[31mmonthly.\n\n".into()),
        ..SoaChange::default()
    };
    assert!(set_soa(&mut ws, &catalogue, "A.8.13", change.clone(), stamp()).unwrap());
    let entry = ws.soa.entry("8.13").unwrap();
    assert_eq!(entry.reasons, [Reason::Contractual, Reason::Business]);
    assert_eq!(entry.justification, "Backups\nare tested [31mmonthly.");
    assert_eq!(entry.updated.as_ref().unwrap().by, "alice");
    ws.soa.entry_mut("8.13").unwrap().updated = None;
    assert!(!set_soa(&mut ws, &catalogue, "8.13", change, stamp()).unwrap());
    assert!(ws.soa.entry("8.13").unwrap().updated.is_none());
}

#[test]
fn soa_set_refuses_unknown_controls_and_derived_reasons() {
    let catalogue = Catalogue::builtin();
    let mut ws = Workspace::new(Settings::default(), &catalogue);
    let error = set_soa(&mut ws, &catalogue, "8.99", SoaChange::default(), stamp());
    assert!(matches!(error, Err(EditError::NotFound(_))));
    let change = SoaChange {
        reasons: Some(vec![Reason::RiskTreatment]),
        ..SoaChange::default()
    };
    let error = set_soa(&mut ws, &catalogue, "8.9", change, stamp()).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("risk_treatment comes from the risks")
    );
}

#[test]
fn risks_are_added_set_and_removed() {
    let catalogue = Catalogue::builtin();
    let mut ws = Workspace::new(Settings::default(), &catalogue);
    let change = RiskChange {
        title: Some("Ransomware".into()),
        likelihood: Some(4),
        impact: Some(5),
        controls: Some(vec!["A.8.13".into(), "8.13".into(), "8.7".into()]),
        ..RiskChange::default()
    };
    let id = add_risk(&mut ws, &catalogue, change, day(1), stamp()).unwrap();
    assert_eq!(id, "R-001");
    assert_eq!(ws.risks.risks[0].controls, ["8.13", "8.7"]);

    let bad = RiskChange {
        impact: Some(6),
        ..RiskChange::default()
    };
    let error = set_risk(&mut ws, &catalogue, "r-001", bad, stamp()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "impact 6 is not on the scale; expected 1 to 5"
    );
    assert_eq!(
        ws.risks.risks[0].impact, 5,
        "a refused change changes nothing"
    );

    let accept = RiskChange {
        status: Some(RiskStatus::Accepted),
        accepted_by: Some("CEO".into()),
        accepted_on: Some(day(2)),
        ..RiskChange::default()
    };
    assert!(set_risk(&mut ws, &catalogue, "R-001", accept, stamp()).unwrap());
    assert_eq!(ws.risks.risks[0].acceptance.as_ref().unwrap().by, "CEO");
    let half = RiskChange {
        accepted_until: Some(day(1)),
        ..RiskChange::default()
    };
    assert!(set_risk(&mut ws, &catalogue, "R-001", half, stamp()).is_err());

    assert_eq!(remove_risk(&mut ws, "R-001").unwrap().title, "Ransomware");
    assert!(matches!(
        remove_risk(&mut ws, "R-001"),
        Err(EditError::NotFound(_))
    ));
}
