//! The readiness report as Markdown.

use chrono::NaiveDate;

use super::{Block, build};
use crate::domain::catalogue::Catalogue;
use crate::domain::workspace::Workspace;

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The report as Markdown, as of `today`.
pub fn report_markdown(workspace: &Workspace, catalogue: &Catalogue, today: NaiveDate) -> String {
    let mut out = String::new();
    for block in build(workspace, catalogue, today) {
        match block {
            Block::Title(text) => out.push_str(&format!("# {text}\n\n")),
            Block::Heading(text) => out.push_str(&format!("## {text}\n\n")),
            Block::Paragraph(text) => out.push_str(&format!("{text}\n\n")),
            Block::Table { headers, rows } => {
                out.push_str(&format!(
                    "| {} |\n",
                    headers
                        .iter()
                        .map(|h| cell(h))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ));
                out.push_str(&format!("|{}\n", "---|".repeat(headers.len())));
                for row in rows {
                    out.push_str(&format!(
                        "| {} |\n",
                        row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
                    ));
                }
                out.push('\n');
            }
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
