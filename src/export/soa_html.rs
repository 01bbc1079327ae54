//! The SoA as one printable HTML file: the document-control block and the summary (counts per
//! theme, excluded controls with their justifications) on the first pages, then every control in
//! one table grouped by theme. The page frame comes from [`super::print_html`].

use chrono::{DateTime, Utc};

use super::document_control::DocumentControl;
use super::print_html::{
    document_control_html, escape_breakable, escape_html, header_row, print_document,
};
use super::soa_rows::{SoaRow, soa_cells, soa_rows, theme_heading};
use super::soa_summary::{COUNT_HEADINGS, Counts, SoaSummary};
use crate::domain::catalogue::Catalogue;
use crate::domain::workspace::Workspace;

/// The title of the SoA in every format.
pub const SOA_TITLE: &str = "Statement of Applicability";

/// Short headings of the SoA table, so that no heading is wider than its column needs to be.
pub const SOA_HEADINGS: [&str; 11] = [
    "ID",
    "Control",
    "Decision",
    "Reasons",
    "Justification",
    "Status",
    "Implementation",
    "Owner",
    "Evidence",
    "Risks",
    "Reviewed",
];

fn td(class: &str, html: String) -> String {
    if class.is_empty() {
        format!("<td>{html}</td>")
    } else {
        format!("<td class=\"{class}\">{html}</td>")
    }
}

fn nowrap_list(items: &[String]) -> String {
    items
        .iter()
        .map(|item| format!("<span class=\"nowrap\">{}</span>", escape_html(item)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How each SoA column is laid out: ids and dates on one line, long texts keep their lines.
const SOA_CELL_CLASSES: [&str; 11] = [
    "nowrap", "", "", "", "pre", "", "pre", "", "pre", "", "nowrap",
];
const RISKS_COLUMN: usize = 9;

fn write_row(out: &mut String, row: &SoaRow) {
    out.push_str(&format!("<tr class=\"{}\">", row.applicability.name()));
    for (i, cell) in soa_cells(row).iter().enumerate() {
        let html = if i == RISKS_COLUMN {
            nowrap_list(&row.risks)
        } else {
            escape_breakable(cell)
        };
        out.push_str(&td(SOA_CELL_CLASSES[i], html));
    }
    out.push_str("</tr>\n");
}

fn counts_row(name: &str, counts: &Counts, bold: bool) -> String {
    let cell = if bold { "th" } else { "td" };
    let mut out = format!("<tr><{cell}>{}</{cell}>", escape_html(name));
    for value in counts.cells() {
        out.push_str(&format!("<{cell} class=\"num\">{value}</{cell}>"));
    }
    out.push_str("</tr>\n");
    out
}

/// The summary: counts per theme, then the excluded controls with their justifications. Shared
/// with any document that wants to show where the SoA stands.
pub fn soa_summary_html(summary: &SoaSummary) -> String {
    let mut out = String::from("<h2>Summary</h2>\n<table class=\"counts\">\n<thead>");
    out.push_str(&header_row(&COUNT_HEADINGS, 1));
    out.push_str("</thead>\n<tbody>\n");
    for (theme, counts) in &summary.themes {
        out.push_str(&counts_row(theme.name(), counts, false));
    }
    out.push_str(&counts_row("All themes", &summary.total, true));
    out.push_str("</tbody>\n</table>\n<h2>Excluded controls</h2>\n");
    if summary.exclusions.is_empty() {
        out.push_str("<p>No control is excluded.</p>\n");
        return out;
    }
    out.push_str("<table class=\"exclusions\">\n<thead>");
    out.push_str(&header_row(&["ID", "Control", "Justification"], 3));
    out.push_str("</thead>\n<tbody>\n");
    for exclusion in &summary.exclusions {
        out.push_str("<tr>");
        out.push_str(&td("nowrap", escape_html(&exclusion.control)));
        out.push_str(&td("", escape_breakable(&exclusion.title)));
        out.push_str(&td("pre", escape_breakable(&exclusion.justification)));
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// The whole SoA as an HTML document; `generated` is the date the document says it was made.
pub fn soa_html(workspace: &Workspace, catalogue: &Catalogue, generated: DateTime<Utc>) -> String {
    let control = DocumentControl::from_workspace(SOA_TITLE, workspace, generated);
    soa_html_with(&control, workspace, catalogue)
}

/// The SoA as HTML under a given document-control block (e.g. one filled from an approval).
pub fn soa_html_with(
    control: &DocumentControl,
    workspace: &Workspace,
    catalogue: &Catalogue,
) -> String {
    let rows = soa_rows(workspace, catalogue);
    let mut body = String::from("<section class=\"front\">\n");
    body.push_str(&document_control_html(control));
    body.push_str(&soa_summary_html(&SoaSummary::of(&rows)));
    body.push_str("</section>\n<h2>Controls</h2>\n<table class=\"soa\">\n<thead>");
    body.push_str(&header_row(&SOA_HEADINGS, SOA_HEADINGS.len()));
    body.push_str("</thead>\n<tbody>\n");
    let mut theme = None;
    for row in &rows {
        if theme != Some(row.theme) {
            theme = Some(row.theme);
            body.push_str(&format!(
                "<tr class=\"theme\"><th class=\"theme\" colspan=\"{}\">{}</th></tr>\n",
                SOA_HEADINGS.len(),
                theme_heading(row.theme)
            ));
        }
        write_row(&mut body, row);
    }
    body.push_str("</tbody>\n</table>\n");
    print_document(control, "", &body)
}
