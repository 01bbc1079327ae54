//! The demo company's management system (`isms.ron`): where each sub-clause stands, its context,
//! parties, objectives and roles. All text is the company's own, written for the demo.

use super::{day, stamp};
use crate::domain::mgmt::system::{
    Cadence, ClauseEntry, ClauseStatus, ClimateDecision, ContextIssue, InterestedParty, IssueSide,
    ManagementSystem, Measurement, Objective, PartyRequirement, Role,
};

use ClauseStatus::{Met, Partial, Planned};

#[rustfmt::skip]
const CLAUSES: &[(&str, ClauseStatus, &str, &str, &[&str])] = &[
    ("4.1", Met, "CISO", "Issues are listed in isms.ron and revisited at each management review.", &[]),
    ("4.2", Met, "CISO", "Customers, carriers, staff and the ICO are listed with what they expect of us.", &[]),
    ("4.3", Met, "CISO", "The scope covers the dispatch-planning platform, its people and its tools.", &["E-001"]),
    ("4.4", Partial, "CISO", "The ISMS runs from this repository; supplier onboarding is not yet part of it.", &[]),
    ("5.1", Met, "CEO", "The CEO chairs the management review and signs the policy.", &[]),
    ("5.2", Met, "CEO", "Policy v2.1 approved in March 2025, published on the intranet.", &["E-002"]),
    ("5.3", Met, "CEO", "Roles are recorded here with their holders; the CISO reports to the CEO.", &[]),
    ("6.1.1", Met, "CISO", "Risks and opportunities are raised at the quarterly risk meeting.", &[]),
    ("6.1.2", Met, "CISO", "5x5 method in workspace.ron, described in the risk method document.", &["E-003"]),
    ("6.1.3", Met, "CISO", "Each risk names its treating controls; the SoA is generated from this workspace.", &["E-003", "E-004"]),
    ("6.2", Partial, "CISO", "Three objectives for 2025; the training objective has no baseline yet.", &["E-005"]),
    ("6.3", Planned, "CISO", "A change checklist for the ISMS is drafted, not yet in use.", &[]),
    ("7.1", Met, "CEO", "Security budget and one extra platform engineer approved for 2025.", &[]),
    ("7.2", Partial, "Head of People", "Competence matrix for engineering; support staff not yet covered.", &["E-006"]),
    ("7.3", Met, "Head of People", "Onboarding briefing and a yearly refresher for everyone.", &[]),
    ("7.4", Met, "CISO", "Who says what to whom is in the communication plan; incidents go through #sec-incidents.", &[]),
    ("7.5.1", Met, "CISO", "The document list is the evidence register; policies live in the handbook repository.", &["E-007"]),
    ("7.5.2", Met, "CISO", "Every document change goes through a pull request with an approver.", &[]),
    ("7.5.3", Partial, "CISO", "Access to the handbook repository is reviewed yearly; retention rules not written yet.", &[]),
    ("8.1", Partial, "Head of Platform", "Deploy logs and change tickets kept; supplier changes not tracked.", &["E-012"]),
    ("8.2", Met, "CISO", "Risk assessment repeated in Q1 and after major changes.", &["E-008"]),
    ("8.3", Met, "CISO", "Treatment progress tracked per risk in risks.ron.", &["E-008"]),
    ("9.1", Partial, "CISO", "Monthly metrics for MFA, patching and restores; training metric not automated.", &["E-009"]),
    ("9.2.1", Met, "CISO", "Internal audits are run by an outside auditor reporting to the CEO.", &[]),
    ("9.2.2", Met, "CISO", "Three-year programme; the 2025 audit covered clauses 6–10 and six controls.", &["E-010"]),
    ("9.3.1", Met, "CEO", "Held twice a year, chaired by the CEO.", &[]),
    ("9.3.2", Met, "CEO", "The agenda template walks through every input.", &[]),
    ("9.3.3", Met, "CEO", "Minutes with decisions and actions, stored with the evidence.", &["E-011"]),
    ("10.1", Partial, "CISO", "Improvement ideas collected in the findings register; few acted on yet.", &[]),
    ("10.2", Met, "CISO", "Every nonconformity gets a root cause, an action and an effectiveness check.", &["E-013"]),
];

fn clauses() -> Vec<ClauseEntry> {
    CLAUSES
        .iter()
        .map(
            |&(clause, status, owner, statement, evidence)| ClauseEntry {
                clause: clause.to_string(),
                status,
                owner: owner.to_string(),
                statement: statement.to_string(),
                evidence: evidence.iter().map(|e| e.to_string()).collect(),
                reviewed: Some(day(2025, 11, 20)),
                next_review: Some(day(2026, 5, 20)),
                updated: Some(stamp(2025, 11, 20, "m.okafor")),
            },
        )
        .collect()
}

fn issue(id: &str, side: IssueSide, description: &str, effect: &str) -> ContextIssue {
    ContextIssue {
        id: id.to_string(),
        side,
        description: description.to_string(),
        effect: effect.to_string(),
    }
}

fn requirement(id: &str, text: &str, addressed_by: &[&str]) -> PartyRequirement {
    PartyRequirement {
        id: id.to_string(),
        text: text.to_string(),
        addressed_by: addressed_by.iter().map(|r| r.to_string()).collect(),
    }
}

fn party(id: &str, name: &str, requirements: Vec<PartyRequirement>) -> InterestedParty {
    InterestedParty {
        id: id.to_string(),
        name: name.to_string(),
        requirements,
    }
}

fn measurement(id: &str, on: (i32, u32, u32), value: &str) -> Measurement {
    Measurement {
        id: id.to_string(),
        on: day(on.0, on.1, on.2),
        value: value.to_string(),
        note: String::new(),
    }
}

fn role(id: &str, name: &str, holder: &str, responsibilities: &str, evidence: &[&str]) -> Role {
    Role {
        id: id.to_string(),
        name: name.to_string(),
        holder: holder.to_string(),
        responsibilities: responsibilities.to_string(),
        competence_evidence: evidence.iter().map(|e| e.to_string()).collect(),
    }
}

pub fn system() -> ManagementSystem {
    ManagementSystem {
        clauses: clauses(),
        issues: vec![
            issue("I-001", IssueSide::External, "Two large customers require ISO 27001 certification before renewing in 2026.", "Certification is the ISMS's first deliverable; the audit date drives the plan."),
            issue("I-002", IssueSide::Internal, "Security work rests on the CISO and two platform engineers.", "We automate evidence and keep the ISMS small enough for them to run."),
            issue("I-003", IssueSide::External, "The whole platform runs in one AWS region.", "Regional outage is a risk on the register; backups are copied to a second account."),
        ],
        parties: vec![
            party("P-001", "Customers (freight and logistics firms)", vec![
                requirement("P-001.1", "Certified ISMS and yearly penetration test reports.", &["clause:4.3", "control:8.8"]),
                requirement("P-001.2", "Shipment data restored within a working day after an outage.", &["control:8.13", "risk:R-001"]),
            ]),
            party("P-002", "Information Commissioner's Office", vec![
                requirement("P-002.1", "Personal data of drivers handled under UK GDPR, breaches reported within 72 hours.", &["control:5.34", "control:5.24"]),
            ]),
            party("P-003", "Staff", vec![
                requirement("P-003.1", "Clear rules for laptops and remote work.", &["control:6.7"]),
            ]),
        ],
        climate: Some(ClimateDecision {
            relevant: true,
            reasoning: "Flooding near the Leeds office has closed it twice; staff can work remotely and the platform does not depend on the office. Kept as an issue for business continuity, with no further controls needed.".to_string(),
            decided_by: "CEO".to_string(),
            decided_on: day(2025, 5, 12),
        }),
        objectives: vec![
            Objective {
                id: "O-001".to_string(),
                title: "Phishing-resistant sign-in for everyone".to_string(),
                target: "100 % of staff accounts use security keys by 2025-12-31".to_string(),
                owner: "IT Lead".to_string(),
                due: Some(day(2025, 12, 31)),
                cadence: Cadence::Quarterly,
                measurements: vec![
                    measurement("O-001.1", (2025, 6, 30), "71 %"),
                    measurement("O-001.2", (2025, 9, 30), "88 %"),
                ],
            },
            Objective {
                id: "O-002".to_string(),
                title: "Fast restore of the planning database".to_string(),
                target: "Every monthly restore test finishes in under 4 hours".to_string(),
                owner: "Head of Platform".to_string(),
                due: None,
                cadence: Cadence::Monthly,
                measurements: vec![
                    measurement("O-002.1", (2025, 9, 5), "2 h 40 min"),
                    measurement("O-002.2", (2025, 10, 3), "2 h 55 min"),
                    measurement("O-002.3", (2025, 11, 7), "3 h 10 min"),
                ],
            },
            Objective {
                id: "O-003".to_string(),
                title: "Everyone trained every year".to_string(),
                target: "95 % of staff complete the yearly security refresher".to_string(),
                owner: "Head of People".to_string(),
                due: Some(day(2026, 3, 31)),
                cadence: Cadence::Quarterly,
                measurements: vec![measurement("O-003.1", (2025, 9, 30), "64 %")],
            },
        ],
        roles: vec![
            role("RL-001", "Chief Information Security Officer", "Maya Okafor", "Runs the ISMS, owns the risk method and reports to the CEO.", &["E-006"]),
            role("RL-002", "Platform security lead", "Tom Reyes", "Owns cloud, backup and logging controls.", &["E-006"]),
            role("RL-003", "Internal auditor (contracted)", "J. Whitfield", "Plans and runs the internal audits; reports to the CEO.", &[]),
        ],
    }
}
