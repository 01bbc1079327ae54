//! The readiness report as one self-contained HTML document (inline style, no scripts, every
//! text escaped).

use chrono::NaiveDate;

use super::{Block, build};
use crate::domain::catalogue::Catalogue;
use crate::domain::workspace::Workspace;
use crate::export::print_html::escape_html;

const STYLE: &str = "body { font-family: sans-serif; margin: 2em; color: #111; }
table { border-collapse: collapse; margin-bottom: 1.5em; width: 100%; }
th, td { border: 1px solid #999; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
h2 { margin-top: 1.5em; }";

/// The report as HTML, as of `today`.
pub fn report_html(workspace: &Workspace, catalogue: &Catalogue, today: NaiveDate) -> String {
    let blocks = build(workspace, catalogue, today);
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.clone()),
            _ => None,
        })
        .unwrap_or_default();
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n",
        escape_html(&title)
    );
    for block in blocks {
        match block {
            Block::Title(text) => out.push_str(&format!("<h1>{}</h1>\n", escape_html(&text))),
            Block::Heading(text) => out.push_str(&format!("<h2>{}</h2>\n", escape_html(&text))),
            Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", escape_html(&text))),
            Block::Table { headers, rows } => {
                out.push_str("<table>\n<tr>");
                for header in headers {
                    out.push_str(&format!("<th>{}</th>", escape_html(&header)));
                }
                out.push_str("</tr>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for value in row {
                        out.push_str(&format!("<td>{}</td>", escape_html(&value)));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}
