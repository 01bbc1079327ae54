//! The SoA as one self-contained HTML file (no scripts, no external files) that prints on A4
//! landscape with the table header repeated on every page. Every text is escaped.

use chrono::{DateTime, Utc};

use super::soa_rows::{SoaRow, applicability_counts, reason_labels, soa_rows, theme_heading};
use crate::domain::catalogue::Catalogue;
use crate::domain::text::sanitize;
use crate::domain::workspace::Workspace;

const STYLE: &str = "\
@page { size: A4 landscape; margin: 12mm; }
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; font-size: 10pt; color: #111; margin: 1.5em; }
h1 { font-size: 16pt; margin-bottom: 0.2em; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
dl.meta dt { font-weight: bold; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
thead { display: table-header-group; }
th, td { border: 1px solid #999; padding: 3px 5px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #e8e8e8; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.theme th { background: #d0d8e8; font-size: 11pt; }
.pre { white-space: pre-wrap; }
.excluded { color: #555; }
@media print { body { margin: 0; } }
";

/// Escapes text for HTML element content and attribute values, after removing control characters.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn cell(text: &str) -> String {
    format!("<td class=\"pre\">{}</td>", escape_html(text.trim()))
}

fn write_row(out: &mut String, row: &SoaRow) {
    let class = row.applicability.name();
    let reviewed = row.reviewed.map(|d| d.to_string()).unwrap_or_default();
    out.push_str(&format!("<tr class=\"{class}\">"));
    out.push_str(&cell(&row.control));
    out.push_str(&cell(&row.title));
    out.push_str(&cell(row.applicability.name()));
    out.push_str(&cell(&reason_labels(&row.reasons)));
    out.push_str(&cell(&row.justification));
    out.push_str(&cell(row.status.label()));
    out.push_str(&cell(&row.note));
    out.push_str(&cell(&row.owner));
    out.push_str(&cell(&row.evidence.join("\n")));
    out.push_str(&cell(&row.risks.join(", ")));
    out.push_str(&cell(&reviewed));
    out.push_str("</tr>\n");
}

const HEADINGS: [(&str, &str); 11] = [
    ("Control", "5%"),
    ("Title", "11%"),
    ("Applicability", "7%"),
    ("Reasons", "8%"),
    ("Justification", "22%"),
    ("Status", "6%"),
    ("Implementation note", "14%"),
    ("Owner", "7%"),
    ("Evidence", "9%"),
    ("Risks", "5%"),
    ("Reviewed", "6%"),
];

/// The whole SoA as an HTML document.
pub fn soa_html(workspace: &Workspace, catalogue: &Catalogue, generated: DateTime<Utc>) -> String {
    let settings = &workspace.settings;
    let rows = soa_rows(workspace, catalogue);
    let (applicable, excluded, undecided) = applicability_counts(&rows);
    let title = format!("Statement of Applicability — {}", settings.name);
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape_html(&title)));
    out.push_str(&format!("<style>\n{STYLE}</style>\n</head>\n<body>\n"));
    out.push_str(&format!(
        "<h1>{}</h1>\n<dl class=\"meta\">\n",
        escape_html(&title)
    ));
    let meta = [
        ("Organisation", settings.organisation.clone()),
        ("Scope", settings.scope.clone()),
        ("SoA version", settings.soa_version.clone()),
        ("Generated", generated.format("%Y-%m-%d").to_string()),
        (
            "Controls",
            format!(
                "{} ({applicable} applicable, {excluded} excluded, {undecided} undecided)",
                rows.len()
            ),
        ),
    ];
    for (name, value) in meta {
        out.push_str(&format!(
            "<dt>{name}</dt><dd class=\"pre\">{}</dd>\n",
            escape_html(value.trim())
        ));
    }
    out.push_str("</dl>\n<table>\n<colgroup>");
    for (_, width) in HEADINGS {
        out.push_str(&format!("<col style=\"width:{width}\">"));
    }
    out.push_str("</colgroup>\n<thead><tr>");
    for (name, _) in HEADINGS {
        out.push_str(&format!("<th>{name}</th>"));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut theme = None;
    for row in &rows {
        if theme != Some(row.theme) {
            theme = Some(row.theme);
            out.push_str(&format!(
                "<tr class=\"theme\"><th colspan=\"{}\">{}</th></tr>\n",
                HEADINGS.len(),
                theme_heading(row.theme)
            ));
        }
        write_row(&mut out, row);
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}
