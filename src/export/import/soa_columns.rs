//! The columns of an SoA spreadsheet; the headings that name them are in `words.tsv` (kind `soa`).

use super::header::Columns;
use crate::domain::soa::Reason;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoaColumn {
    Control,
    Title,
    Theme,
    Applicability,
    Reasons,
    /// One column per reason, ticked (`x`, `✓`, `▪`) where the reason applies.
    Tick(Reason),
    Justification,
    Status,
    Note,
    Owner,
    Evidence,
    Risks,
    Reviewed,
}

impl SoaColumn {
    /// The field names `--map` accepts, with the column each stands for.
    pub const FIELDS: [(&'static str, SoaColumn); 15] = [
        ("control", SoaColumn::Control),
        ("title", SoaColumn::Title),
        ("theme", SoaColumn::Theme),
        ("applicability", SoaColumn::Applicability),
        ("reasons", SoaColumn::Reasons),
        ("tick_legal", SoaColumn::Tick(Reason::LegalRegulatory)),
        ("tick_contractual", SoaColumn::Tick(Reason::Contractual)),
        ("tick_business", SoaColumn::Tick(Reason::Business)),
        ("tick_risk", SoaColumn::Tick(Reason::RiskTreatment)),
        ("justification", SoaColumn::Justification),
        ("status", SoaColumn::Status),
        ("note", SoaColumn::Note),
        ("owner", SoaColumn::Owner),
        ("evidence", SoaColumn::Evidence),
        ("reviewed", SoaColumn::Reviewed),
    ];
}

impl Columns for SoaColumn {
    const KIND: &'static str = "soa";
    const KEY: &'static [SoaColumn] = &[SoaColumn::Control];

    fn from_meaning(meaning: &str) -> Option<SoaColumn> {
        if meaning == "risks" {
            return Some(SoaColumn::Risks);
        }
        SoaColumn::FIELDS
            .iter()
            .find(|(name, _)| *name == meaning)
            .map(|(_, column)| *column)
    }

    fn combines(self) -> bool {
        matches!(self, SoaColumn::Justification | SoaColumn::Note)
    }
}
