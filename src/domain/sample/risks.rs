//! The demo company's risk register: a dozen risks, rated on the default 5×5 method and linked to
//! the controls that treat them.

use super::{day, stamp};
use crate::domain::risk::{Acceptance, Risk, RiskStatus, Treatment};

struct Spec {
    id: &'static str,
    title: &'static str,
    description: &'static str,
    asset: &'static str,
    threat: &'static str,
    vulnerability: &'static str,
    owner: &'static str,
    rating: (u8, u8),
    residual: Option<(u8, u8)>,
    treatment: Treatment,
    status: RiskStatus,
    controls: &'static [&'static str],
}

#[rustfmt::skip]
const SPECS: &[Spec] = &[
    Spec { id: "R-001", title: "Ransomware encrypts the planning database and its backups",
        description: "An attacker with a foothold in AWS encrypts or deletes the production database and the snapshots in the same account, stopping customers' dispatch until a rebuild.",
        asset: "Planning database (RDS)", threat: "Ransomware operator", vulnerability: "Backups reachable from production credentials",
        owner: "Head of Platform", rating: (3, 5), residual: Some((2, 4)), treatment: Treatment::Modify, status: RiskStatus::Treating,
        controls: &["8.13", "8.7", "8.8", "5.30"] },
    Spec { id: "R-002", title: "Customer shipment data exposed by a misconfigured S3 bucket",
        description: "A bucket holding CSV exports is made public by a Terraform change or a console edit, and shipment data is indexed by a scanner.",
        asset: "Customer exports bucket", threat: "Opportunistic scanning", vulnerability: "No drift detection on bucket policies",
        owner: "Head of Platform", rating: (4, 4), residual: Some((2, 4)), treatment: Treatment::Modify, status: RiskStatus::Treating,
        controls: &["8.9", "5.23", "8.12"] },
    Spec { id: "R-003", title: "Phished engineer credentials used to reach the AWS console",
        description: "An engineer enters credentials on a look-alike SSO page; the attacker uses the session to create access keys.",
        asset: "AWS organisation", threat: "Credential phishing", vulnerability: "Long-lived admin sessions",
        owner: "IT Lead", rating: (4, 5), residual: Some((2, 4)), treatment: Treatment::Modify, status: RiskStatus::Treating,
        controls: &["8.5", "8.2", "6.3", "5.17"] },
    Spec { id: "R-004", title: "Mapping API outage stops route planning",
        description: "The third-party mapping and routing API is down for hours; customers cannot plan routes.",
        asset: "Route planning service", threat: "Supplier outage", vulnerability: "Single routing provider, no cached fallback",
        owner: "Head of Operations", rating: (3, 4), residual: None, treatment: Treatment::Modify, status: RiskStatus::Open,
        controls: &["5.19", "5.30", "5.23"] },
    Spec { id: "R-005", title: "Known vulnerability in a public API dependency exploited",
        description: "A critical flaw in a web framework dependency is published and exploited before we upgrade.",
        asset: "Public API", threat: "Automated exploitation", vulnerability: "No deadline for fixing high findings",
        owner: "Engineering Manager", rating: (3, 4), residual: Some((2, 3)), treatment: Treatment::Modify, status: RiskStatus::Treating,
        controls: &["8.8", "8.25", "8.32"] },
    Spec { id: "R-006", title: "Laptop lost or stolen with customer exports on disk",
        description: "A laptop left on a train holds CSV exports of customer shipments.",
        asset: "Staff laptops", threat: "Theft or loss", vulnerability: "Linux laptops outside the MDM",
        owner: "IT Lead", rating: (3, 3), residual: Some((1, 3)), treatment: Treatment::Modify, status: RiskStatus::Treating,
        controls: &["8.1", "8.24", "6.7"] },
    Spec { id: "R-007", title: "Leavers keep access to SaaS tools",
        description: "Accounts in tools outside single sign-on survive a leaver's last day.",
        asset: "SaaS tools", threat: "Former staff", vulnerability: "Tools not connected to the identity provider",
        owner: "IT Lead", rating: (3, 3), residual: None, treatment: Treatment::Modify, status: RiskStatus::Open,
        controls: &["5.15", "5.18", "8.2"] },
    Spec { id: "R-008", title: "An intrusion goes unnoticed for weeks",
        description: "Logs are collected but nobody is alerted on suspicious events, so an attacker has time to explore.",
        asset: "Production environment", threat: "Targeted intrusion", vulnerability: "No alerting on high-risk events",
        owner: "Head of Platform", rating: (3, 4), residual: None, treatment: Treatment::Modify, status: RiskStatus::Open,
        controls: &["8.15", "8.16", "5.7"] },
    Spec { id: "R-009", title: "Driver location traces kept longer than allowed",
        description: "Location history is kept indefinitely, breaching the retention promised to drivers and UK GDPR.",
        asset: "Driver app data", threat: "Regulatory action", vulnerability: "Retention not enforced in the database",
        owner: "DPO", rating: (2, 4), residual: Some((1, 3)), treatment: Treatment::Modify, status: RiskStatus::Treating,
        controls: &["5.34", "5.31", "8.10"] },
    Spec { id: "R-010", title: "A release breaks customer integrations",
        description: "An API change ships without a compatibility check and customers' integrations fail during morning dispatch.",
        asset: "Public API", threat: "Faulty change", vulnerability: "Contract tests cover only half of the endpoints",
        owner: "Engineering Manager", rating: (3, 3), residual: Some((2, 2)), treatment: Treatment::Modify, status: RiskStatus::Treating,
        controls: &["8.32", "8.29", "8.9"] },
    Spec { id: "R-011", title: "Break-in at the Leeds office",
        description: "Someone enters the office out of hours; laptops are locked away and no data is stored there.",
        asset: "Leeds office", threat: "Burglary", vulnerability: "Shared building entrance",
        owner: "Head of Operations", rating: (1, 2), residual: None, treatment: Treatment::Retain, status: RiskStatus::Accepted,
        controls: &[] },
    Spec { id: "R-012", title: "Insider copies customer rate cards for a competitor",
        description: "A departing employee exports rate cards and takes them to a competitor.",
        asset: "Customer rate cards", threat: "Malicious insider", vulnerability: "Unrestricted CSV export",
        owner: "CISO", rating: (2, 4), residual: None, treatment: Treatment::Modify, status: RiskStatus::Open,
        controls: &["8.12", "5.9", "6.3"] },
];

/// The demo risks.
pub fn risks() -> Vec<Risk> {
    SPECS
        .iter()
        .map(|spec| {
            let mut risk = Risk::new(
                spec.id,
                spec.title,
                spec.rating.0,
                spec.rating.1,
                day(2025, 2, 10),
            );
            risk.description = spec.description.to_string();
            risk.asset = spec.asset.to_string();
            risk.threat = spec.threat.to_string();
            risk.vulnerability = spec.vulnerability.to_string();
            risk.owner = spec.owner.to_string();
            risk.residual_likelihood = spec.residual.map(|r| r.0);
            risk.residual_impact = spec.residual.map(|r| r.1);
            risk.treatment = spec.treatment;
            risk.status = spec.status;
            risk.controls = spec.controls.iter().map(|c| c.to_string()).collect();
            risk.next_review = Some(day(2025, 9, 1));
            risk.updated = Some(stamp(2025, 3, 14, "m.okafor"));
            if spec.status == RiskStatus::Accepted {
                risk.acceptance = Some(Acceptance {
                    by: "Chief Executive".to_string(),
                    on: day(2025, 3, 3),
                    until: Some(day(2026, 3, 3)),
                });
            }
            risk
        })
        .collect()
}
