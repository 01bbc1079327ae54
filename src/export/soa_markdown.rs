//! The SoA as a Markdown document: a header with the workspace's details, a summary, then every
//! control grouped by theme with all its fields. The justification is printed in full.

use chrono::{DateTime, Utc};

use super::soa_rows::{SoaRow, applicability_counts, reason_labels, soa_rows, theme_heading};
use crate::domain::catalogue::Catalogue;
use crate::domain::text::sanitize_line;
use crate::domain::workspace::Workspace;

/// Escapes what Markdown renderers would read as HTML or structure inside a line of text.
pub fn escape_md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A multi-line text as a block quote, every line escaped; `(none)` when empty.
pub fn quote_block(text: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return "> (none)\n".to_string();
    }
    trimmed
        .lines()
        .map(|line| {
            let line = escape_md(line.trim_end());
            if line.is_empty() {
                ">\n".to_string()
            } else {
                format!("> {line}\n")
            }
        })
        .collect()
}

fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        escape_md(&sanitize_line(text))
    }
}

fn write_row(out: &mut String, row: &SoaRow) {
    out.push_str(&format!(
        "### {} {}\n\n",
        row.control,
        escape_md(&sanitize_line(&row.title))
    ));
    let field = |name: &str, value: String| format!("- **{name}:** {value}\n");
    out.push_str(&field("Theme", row.theme.name().to_string()));
    out.push_str(&field(
        "Applicability",
        row.applicability.name().to_string(),
    ));
    out.push_str(&field(
        "Reasons for inclusion",
        or_dash(&reason_labels(&row.reasons)),
    ));
    out.push_str(&field("Status", row.status.label().to_string()));
    out.push_str(&field("Owner", or_dash(&row.owner)));
    out.push_str(&field("Linked risks", or_dash(&row.risks.join(", "))));
    let evidence: Vec<String> = row.evidence.iter().map(|e| sanitize_line(e)).collect();
    out.push_str(&field("Evidence", or_dash(&evidence.join("; "))));
    let reviewed = row.reviewed.map(|d| d.to_string()).unwrap_or_default();
    out.push_str(&field("Reviewed", or_dash(&reviewed)));
    out.push_str("\n**Justification**\n\n");
    out.push_str(&quote_block(&row.justification));
    out.push_str("\n**Implementation note**\n\n");
    out.push_str(&quote_block(&row.note));
    out.push('\n');
}

/// The whole SoA as Markdown.
pub fn soa_markdown(
    workspace: &Workspace,
    catalogue: &Catalogue,
    generated: DateTime<Utc>,
) -> String {
    let settings = &workspace.settings;
    let rows = soa_rows(workspace, catalogue);
    let (applicable, excluded, undecided) = applicability_counts(&rows);
    let mut out = format!(
        "# Statement of Applicability — {}\n\n",
        escape_md(&sanitize_line(&settings.name))
    );
    out.push_str(&format!(
        "- **Organisation:** {}\n",
        or_dash(&settings.organisation)
    ));
    out.push_str(&format!(
        "- **SoA version:** {}\n",
        or_dash(&settings.soa_version)
    ));
    out.push_str(&format!(
        "- **Generated:** {}\n",
        generated.format("%Y-%m-%d")
    ));
    out.push_str(&format!(
        "- **Controls:** {} ({applicable} applicable, {excluded} excluded, {undecided} undecided)\n\n",
        rows.len()
    ));
    out.push_str("## Scope\n\n");
    out.push_str(&quote_block(&settings.scope));
    out.push('\n');
    let mut theme = None;
    for row in &rows {
        if theme != Some(row.theme) {
            theme = Some(row.theme);
            out.push_str(&format!("## {}\n\n", theme_heading(row.theme)));
        }
        write_row(&mut out, row);
    }
    out
}
