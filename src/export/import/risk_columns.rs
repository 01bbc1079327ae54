//! The columns of a risk register spreadsheet; the headings that name them are in `words.tsv`
//! (kind `risk`).

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

impl RiskColumn {
    /// The field names `--map` accepts, with the column each stands for.
    pub const FIELDS: [(&'static str, RiskColumn); 20] = [
        ("id", RiskColumn::Id),
        ("title", RiskColumn::Title),
        ("description", RiskColumn::Description),
        ("asset", RiskColumn::Asset),
        ("threat", RiskColumn::Threat),
        ("vulnerability", RiskColumn::Vulnerability),
        ("owner", RiskColumn::Owner),
        ("likelihood", RiskColumn::Likelihood),
        ("impact", RiskColumn::Impact),
        ("treatment", RiskColumn::Treatment),
        ("controls", RiskColumn::Controls),
        ("residual_likelihood", RiskColumn::ResidualLikelihood),
        ("residual_impact", RiskColumn::ResidualImpact),
        ("status", RiskColumn::Status),
        ("accepted_by", RiskColumn::AcceptedBy),
        ("accepted_on", RiskColumn::AcceptedOn),
        ("accepted_until", RiskColumn::AcceptedUntil),
        ("next_review", RiskColumn::NextReview),
        ("created", RiskColumn::Created),
        ("derived", RiskColumn::Derived),
    ];
}

impl Columns for RiskColumn {
    const KIND: &'static str = "risk";
    const KEY: &'static [RiskColumn] = &[RiskColumn::Id, RiskColumn::Title];

    fn from_meaning(meaning: &str) -> Option<RiskColumn> {
        RiskColumn::FIELDS
            .iter()
            .find(|(name, _)| *name == meaning)
            .map(|(_, column)| *column)
    }

    fn combines(self) -> bool {
        self == RiskColumn::Derived
    }
}
