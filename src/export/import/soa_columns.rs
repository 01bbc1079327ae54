//! The columns of an SoA spreadsheet and the headings that name them.

use super::header::Columns;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoaColumn {
    Control,
    Title,
    Theme,
    Applicability,
    Reasons,
    Justification,
    Status,
    Note,
    Owner,
    Evidence,
    Risks,
    Reviewed,
}

impl Columns for SoaColumn {
    const ALIASES: &'static [(SoaColumn, &'static [&'static str])] = &[
        (
            SoaColumn::Control,
            &[
                "control",
                "control id",
                "control no",
                "control number",
                "control ref",
                "control reference",
                "annex a ref",
                "annex a reference",
                "annex a control",
                "annex a",
                "clause",
                "iso 27001 control",
                "iso ref",
                "ref",
                "reference",
                "id",
                "control id 2013",
                "control id 2022",
            ],
        ),
        (
            SoaColumn::Title,
            &["title", "control name", "control title", "name"],
        ),
        (
            SoaColumn::Theme,
            &["theme", "category", "section", "domain", "control category"],
        ),
        (
            SoaColumn::Applicability,
            &[
                "applicability",
                "applicable",
                "applicable y n",
                "is applicable",
                "applies",
                "in scope",
                "selected",
                "included",
                "applicable yes no",
            ],
        ),
        (
            SoaColumn::Reasons,
            &[
                "reasons",
                "reason",
                "reasons for selection",
                "selection reason",
                "selection reasons",
                "basis for selection",
            ],
        ),
        (
            SoaColumn::Justification,
            &[
                "justification",
                "reason for inclusion",
                "reason for exclusion",
                "reasons for inclusion",
                "reasons for exclusion",
                "justification for inclusion",
                "justification for exclusion",
                "justification for inclusion exclusion",
                "justification for inclusion or exclusion",
                "reason for inclusion exclusion",
                "rationale",
            ],
        ),
        (
            SoaColumn::Status,
            &[
                "status",
                "implementation status",
                "implementation state",
                "implemented",
            ],
        ),
        (
            SoaColumn::Note,
            &[
                "implementation note",
                "implementation notes",
                "notes",
                "note",
                "comments",
                "comment",
                "remarks",
                "how implemented",
                "implementation details",
                "implementation description",
            ],
        ),
        (
            SoaColumn::Owner,
            &[
                "owner",
                "control owner",
                "responsible",
                "responsibility",
                "accountable",
                "responsible person",
            ],
        ),
        (
            SoaColumn::Evidence,
            &[
                "evidence",
                "related document",
                "related documents",
                "documents",
                "documentation",
                "reference documents",
                "evidence location",
                "policy reference",
                "supporting documents",
            ],
        ),
        (
            SoaColumn::Risks,
            &[
                "risks",
                "linked risks",
                "related risks",
                "risk ids",
                "risk references",
            ],
        ),
        (
            SoaColumn::Reviewed,
            &[
                "reviewed",
                "review date",
                "last reviewed",
                "last review",
                "date reviewed",
                "last review date",
            ],
        ),
    ];
    const KEY: &'static [SoaColumn] = &[SoaColumn::Control];

    fn derived(self) -> bool {
        matches!(self, SoaColumn::Title | SoaColumn::Theme | SoaColumn::Risks)
    }

    fn combines(self) -> bool {
        matches!(self, SoaColumn::Justification | SoaColumn::Note)
    }
}
