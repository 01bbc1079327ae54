//! The columns of a risk register spreadsheet and the headings that name them.

use super::header::Columns;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskColumn {
    Id,
    Title,
    Description,
    Asset,
    Threat,
    Vulnerability,
    Owner,
    Likelihood,
    Impact,
    Treatment,
    Controls,
    ResidualLikelihood,
    ResidualImpact,
    Status,
    AcceptedBy,
    AcceptedOn,
    AcceptedUntil,
    NextReview,
    Created,
    /// Scores and levels: derived from the ratings, read but not imported.
    Derived,
}

impl Columns for RiskColumn {
    const ALIASES: &'static [(RiskColumn, &'static [&'static str])] = &[
        (
            RiskColumn::Id,
            &[
                "risk id",
                "id",
                "risk ref",
                "risk reference",
                "ref",
                "risk no",
                "risk number",
            ],
        ),
        (
            RiskColumn::Title,
            &[
                "title",
                "risk",
                "risk title",
                "risk name",
                "name",
                "summary",
                "risk summary",
            ],
        ),
        (
            RiskColumn::Description,
            &[
                "description",
                "risk description",
                "details",
                "scenario",
                "risk scenario",
            ],
        ),
        (
            RiskColumn::Asset,
            &[
                "asset",
                "assets",
                "affected asset",
                "asset name",
                "asset group",
            ],
        ),
        (RiskColumn::Threat, &["threat", "threats", "threat source"]),
        (
            RiskColumn::Vulnerability,
            &["vulnerability", "vulnerabilities", "weakness"],
        ),
        (RiskColumn::Owner, &["owner", "risk owner"]),
        (
            RiskColumn::Likelihood,
            &[
                "likelihood",
                "probability",
                "inherent likelihood",
                "likelihood inherent",
                "initial likelihood",
            ],
        ),
        (
            RiskColumn::Impact,
            &[
                "impact",
                "consequence",
                "inherent impact",
                "impact inherent",
                "initial impact",
                "severity",
            ],
        ),
        (
            RiskColumn::Treatment,
            &[
                "treatment",
                "treatment option",
                "risk treatment",
                "response",
                "risk response",
                "treatment decision",
                "decision",
            ],
        ),
        (
            RiskColumn::Controls,
            &[
                "controls",
                "annex a controls",
                "treating controls",
                "iso 27001 controls",
                "mitigating controls",
                "controls applied",
                "control",
                "control ids",
                "related controls",
            ],
        ),
        (
            RiskColumn::ResidualLikelihood,
            &[
                "residual likelihood",
                "likelihood residual",
                "target likelihood",
                "residual probability",
            ],
        ),
        (
            RiskColumn::ResidualImpact,
            &[
                "residual impact",
                "impact residual",
                "target impact",
                "residual consequence",
            ],
        ),
        (RiskColumn::Status, &["status", "risk status"]),
        (
            RiskColumn::AcceptedBy,
            &["accepted by", "risk accepted by", "acceptance by"],
        ),
        (
            RiskColumn::AcceptedOn,
            &["accepted on", "acceptance date", "date accepted"],
        ),
        (
            RiskColumn::AcceptedUntil,
            &["accepted until", "acceptance expires", "acceptance until"],
        ),
        (
            RiskColumn::NextReview,
            &[
                "next review",
                "next review date",
                "review date",
                "review by",
            ],
        ),
        (
            RiskColumn::Created,
            &[
                "created",
                "date identified",
                "identified",
                "date raised",
                "date added",
                "raised on",
            ],
        ),
        (
            RiskColumn::Derived,
            &[
                "inherent score",
                "inherent level",
                "score",
                "risk score",
                "risk level",
                "rating",
                "risk rating",
                "inherent risk",
                "residual score",
                "residual level",
                "residual risk",
                "residual rating",
            ],
        ),
    ];
    const KEY: &'static [RiskColumn] = &[RiskColumn::Id, RiskColumn::Title];

    fn derived(self) -> bool {
        self == RiskColumn::Derived
    }

    fn combines(self) -> bool {
        self == RiskColumn::Derived
    }
}
