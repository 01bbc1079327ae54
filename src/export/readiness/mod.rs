//! The readiness report an auditor can read at a stage 1 audit: scope, where each sub-clause
//! stands with its evidence, the SoA and risk summaries, audit coverage for the programme's
//! cycle, open findings with their age, and objectives with their latest measurement.
//!
//! Built once as a list of blocks ([`build`]), then written as Markdown or self-contained HTML.

mod html;
mod markdown;
mod sections;

pub use html::report_html;
pub use markdown::report_markdown;
pub use sections::build;

/// One block of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Title(String),
    Heading(String),
    Paragraph(String),
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}
