//! The risk register as one printable HTML file: the document-control block and the summary
//! (levels before and after treatment, treatments, accepted risks) first, then every risk in one
//! table. The page frame comes from [`super::print_html`].

use chrono::{DateTime, Utc};

use super::document_control::DocumentControl;
use super::print_html::{
    document_control_html, escape_breakable, escape_html, header_row, print_document,
};
use super::risk_rows::{REGISTER_HEADINGS, register_cells, sorted_risks};
use super::risk_summary::{
    ACCEPTED_HEADINGS, AcceptedRisk, HANDLING_HEADINGS, LEVEL_HEADINGS, RiskSummary,
};
use crate::domain::workspace::Workspace;

/// The title of the risk register in every format.
pub const RISKS_TITLE: &str = "Risk register";

/// Columns whose cells are ids, dates or scores, kept on one line.
const NOWRAP_COLUMNS: [usize; 2] = [0, 11];

fn table(headings: &[&str], numeric_from: usize, rows: &[Vec<String>]) -> String {
    let mut out = String::from("<table class=\"counts\">\n<thead>");
    out.push_str(&header_row(headings, numeric_from));
    out.push_str("</thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = if i >= numeric_from {
                " class=\"num\""
            } else {
                ""
            };
            out.push_str(&format!("<td{class}>{}</td>", escape_breakable(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// The summary: levels, treatments and statuses, then the accepted risks.
pub fn risk_summary_html(summary: &RiskSummary) -> String {
    let mut out = format!(
        "<h2>Summary</h2>\n<p>{} risk(s) in the register.</p>\n",
        summary.total
    );
    let levels: Vec<Vec<String>> = summary.levels.iter().map(|r| r.to_vec()).collect();
    out.push_str(&table(&LEVEL_HEADINGS, 1, &levels));
    let handling: Vec<Vec<String>> = summary.handling.iter().map(|r| r.to_vec()).collect();
    out.push_str(&table(&HANDLING_HEADINGS, 1, &handling));
    out.push_str("<h2>Accepted risks</h2>\n");
    if summary.accepted.is_empty() {
        out.push_str("<p>No risk has been accepted.</p>\n");
        return out;
    }
    let accepted: Vec<Vec<String>> = summary.accepted.iter().map(AcceptedRisk::cells).collect();
    out.push_str(&table(
        &ACCEPTED_HEADINGS,
        ACCEPTED_HEADINGS.len(),
        &accepted,
    ));
    out
}

/// The whole register as an HTML document; `generated` is the date the document says it was made.
pub fn risks_html(workspace: &Workspace, generated: DateTime<Utc>) -> String {
    let control = DocumentControl::from_workspace(RISKS_TITLE, workspace, generated);
    risks_html_with(&control, workspace)
}

/// The register as HTML under a given document-control block.
pub fn risks_html_with(control: &DocumentControl, workspace: &Workspace) -> String {
    let method = &workspace.settings.risk_method;
    let mut body = String::from("<section class=\"front\">\n");
    body.push_str(&document_control_html(control));
    body.push_str(&risk_summary_html(&RiskSummary::of(workspace)));
    body.push_str("</section>\n<h2>Risks</h2>\n");
    let risks = sorted_risks(workspace);
    if risks.is_empty() {
        body.push_str("<p>The register holds no risks.</p>\n");
        return print_document(control, "", &body);
    }
    body.push_str("<table class=\"register\">\n<thead>");
    body.push_str(&header_row(&REGISTER_HEADINGS, REGISTER_HEADINGS.len()));
    body.push_str("</thead>\n<tbody>\n");
    for risk in risks {
        body.push_str(&format!("<tr class=\"{}\">", risk.status.name()));
        for (i, cell) in register_cells(method, risk).iter().enumerate() {
            let class = if NOWRAP_COLUMNS.contains(&i) {
                "nowrap"
            } else {
                "pre"
            };
            let html = if i == 1 {
                bold_first_line(cell)
            } else {
                escape_breakable(cell)
            };
            body.push_str(&format!("<td class=\"{class}\">{html}</td>"));
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</tbody>\n</table>\n");
    print_document(control, "", &body)
}

/// The risk's title in bold above its description.
fn bold_first_line(cell: &str) -> String {
    match cell.split_once('\n') {
        Some((title, rest)) => format!(
            "<strong>{}</strong>\n{}",
            escape_html(title),
            escape_breakable(rest)
        ),
        None => format!("<strong>{}</strong>", escape_html(cell)),
    }
}
