//! The SoA as a Markdown document: the document-control block, a summary (counts per theme, the
//! excluded controls with their justifications), the scope, then every control grouped by theme
//! with all its fields. Justifications are printed in full.

use chrono::{DateTime, Utc};

use super::document_control::DocumentControl;
use super::soa_html::SOA_TITLE;
use super::soa_rows::{SoaRow, reason_labels, soa_rows, theme_heading};
use super::soa_summary::{COUNT_HEADINGS, SoaSummary};
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

/// The document-control block as a Markdown list under its own heading.
pub fn document_control_markdown(control: &DocumentControl) -> String {
    let mut out = String::from("## Document control\n\n");
    for (label, value) in control.fields() {
        out.push_str(&format!("- **{label}:** {}\n", escape_md(&value)));
    }
    out.push('\n');
    out
}

/// A Markdown table; columns from `numeric_from` on are right-aligned.
pub fn markdown_table(headings: &[&str], rows: &[Vec<String>], numeric_from: usize) -> String {
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let mut out = line(headings.iter().map(|h| escape_md(h)).collect());
    out.push_str(&line(
        (0..headings.len())
            .map(|i| if i >= numeric_from { "---:" } else { "---" }.to_string())
            .collect(),
    ));
    for row in rows {
        out.push_str(&line(row.iter().map(|c| or_dash(c)).collect()));
    }
    out
}

/// The summary: counts per theme, then each excluded control with its whole justification.
pub fn soa_summary_markdown(summary: &SoaSummary) -> String {
    let mut rows: Vec<Vec<String>> = summary
        .themes
        .iter()
        .map(|(theme, counts)| {
            let mut row = vec![theme.name().to_string()];
            row.extend(counts.cells());
            row
        })
        .collect();
    let mut total = vec!["All themes".to_string()];
    total.extend(summary.total.cells());
    rows.push(total);
    let mut out = String::from("## Summary\n\n");
    out.push_str(&markdown_table(&COUNT_HEADINGS, &rows, 1));
    out.push_str("\n## Excluded controls\n\n");
    if summary.exclusions.is_empty() {
        out.push_str("No control is excluded.\n\n");
    }
    for exclusion in &summary.exclusions {
        out.push_str(&format!(
            "**{} {}**\n\n",
            exclusion.control,
            escape_md(&sanitize_line(&exclusion.title))
        ));
        out.push_str(&quote_block(&exclusion.justification));
        out.push('\n');
    }
    out
}

/// The whole SoA as Markdown; `generated` is the date the document says it was made.
pub fn soa_markdown(
    workspace: &Workspace,
    catalogue: &Catalogue,
    generated: DateTime<Utc>,
) -> String {
    let control = DocumentControl::from_workspace(SOA_TITLE, workspace, generated);
    soa_markdown_with(&control, workspace, catalogue)
}

/// The SoA as Markdown under a given document-control block (e.g. one filled from an approval).
pub fn soa_markdown_with(
    control: &DocumentControl,
    workspace: &Workspace,
    catalogue: &Catalogue,
) -> String {
    let rows = soa_rows(workspace, catalogue);
    let mut out = format!(
        "# {SOA_TITLE} — {}\n\n",
        escape_md(&sanitize_line(&workspace.settings.name))
    );
    out.push_str(&document_control_markdown(control));
    out.push_str(&soa_summary_markdown(&SoaSummary::of(&rows)));
    out.push_str("## Scope\n\n");
    out.push_str(&quote_block(&workspace.settings.scope));
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
