//! A sample workspace built in code, shared by the export and import tests.
#![allow(dead_code)]

pub mod cli;
pub mod procs;
pub mod sshd;
pub mod tmux;
pub mod workbench;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use isms::domain::catalogue::Catalogue;
use isms::domain::risk::{Acceptance, Risk, Treatment};
use isms::domain::soa::{Applicability, Reason, SoaEntry, Status};
use isms::domain::stamp::Stamp;
use isms::domain::workspace::{Settings, Workspace};

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn generated() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 30, 0).unwrap()
}

pub fn stamp() -> Stamp {
    Stamp::new(
        Utc.with_ymd_and_hms(2026, 2, 27, 16, 5, 0).unwrap(),
        "alice",
    )
}

pub fn settings() -> Settings {
    Settings {
        name: "Acme ISMS".into(),
        organisation: "Acme <Widgets> & Co".into(),
        scope: "All cloud services\nand the London office".into(),
        soa_version: "3".into(),
        ..Settings::default()
    }
}

/// A long justification that no export may cut short.
pub fn long_justification() -> String {
    let sentence = "Backups protect the customer database against ransomware and operator error. ";
    format!("{}THE END OF THE JUSTIFICATION", sentence.repeat(60))
}

pub fn sample() -> Workspace {
    let catalogue = Catalogue::builtin();
    let mut ws = Workspace::new(settings(), &catalogue);
    let set = |ws: &mut Workspace, id: &str, edit: &dyn Fn(&mut SoaEntry)| {
        let entry = ws.soa.entry_mut(id).unwrap();
        edit(entry);
        entry.updated = Some(stamp());
    };
    set(&mut ws, "5.1", &|e| {
        e.applicability = Applicability::Applicable;
        e.reasons = vec![Reason::LegalRegulatory, Reason::Business];
        e.justification =
            "Required by our customers.\n=HYPERLINK(\"http://evil\")\n<script>alert(1)</script>"
                .into();
        e.status = Status::Implemented;
        e.note = "Policy set approved by the board; reviewed yearly.".into();
        e.owner = "-CISO".into();
        e.evidence = vec![
            "POL-001 Information security policy".into(),
            "@board minutes 2025-11".into(),
        ];
        e.reviewed = Some(day(2026, 1, 15));
    });
    set(&mut ws, "7.4", &|e| {
        e.applicability = Applicability::Excluded;
        e.justification =
            "No premises of our own: offices are serviced; the landlord monitors them.".into();
    });
    set(&mut ws, "8.13", &|e| {
        e.applicability = Applicability::Applicable;
        e.justification = long_justification();
        e.status = Status::Partial;
        e.owner = "Ops lead".into();
    });
    set(&mut ws, "5.23", &|e| {
        e.applicability = Applicability::Applicable;
        e.reasons = vec![Reason::Contractual];
        e.justification =
            "Every service runs in a public cloud; café supplier list, naïve ✓".into();
        e.status = Status::Planned;
    });
    let mut r1 = Risk::new(
        "R-001",
        "Ransomware encrypts the customer database",
        4,
        5,
        day(2025, 10, 1),
    );
    r1.description = "An attacker encrypts production data.\n+ backups are reachable".into();
    r1.asset = "Customer database".into();
    r1.threat = "Ransomware".into();
    r1.vulnerability = "Backups online".into();
    r1.owner = "CTO".into();
    r1.controls = vec!["8.13".into(), "5.1".into()];
    r1.residual_likelihood = Some(2);
    r1.residual_impact = Some(4);
    r1.next_review = Some(day(2026, 6, 30));
    r1.updated = Some(stamp());
    let mut r2 = Risk::new(
        "R-010",
        "Supplier goes out of business",
        2,
        3,
        day(2025, 11, 5),
    );
    r2.treatment = Treatment::Retain;
    r2.status = isms::domain::risk::RiskStatus::Accepted;
    r2.acceptance = Some(Acceptance {
        by: "CEO".into(),
        on: day(2025, 12, 1),
        until: Some(day(2026, 12, 1)),
    });
    let r3 = Risk::new("R-2", "Laptop stolen", 3, 2, day(2025, 9, 9));
    ws.risks.risks = vec![r1, r2, r3];
    ws.risks.sort();
    ws
}

/// The workspace with every `updated` stamp removed, to compare contents.
pub fn without_stamps(ws: &Workspace) -> Workspace {
    let mut ws = ws.clone();
    ws.soa.entries.iter_mut().for_each(|e| e.updated = None);
    ws.risks.risks.iter_mut().for_each(|r| r.updated = None);
    ws
}
