//! The frame of every printable HTML document isms writes (SoA, risk register, and any report
//! that follows): A4 landscape pages with a running header (organisation, document, version) and
//! a "Page N of M" footer through CSS paged media, the document-control block, and table rules
//! that repeat the header row on every page, keep rows whole and never break inside a word.
//! One self-contained file: no scripts, no external resources; every text escaped.

use super::document_control::DocumentControl;
use crate::domain::text::sanitize;

/// Styles shared by every printable document; the `@page` rule with the running header and
/// footer comes from [`page_rule`].
pub const PRINT_CSS: &str = "\
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 8.5pt; color: #111; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 0.4em 0; }
h2 { font-size: 11pt; margin: 1em 0 0.4em 0; break-after: avoid; page-break-after: avoid; }
section.front { break-after: page; page-break-after: always; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #888; padding: 2pt 3pt; vertical-align: top; text-align: left; overflow-wrap: normal; word-break: normal; hyphens: manual; }
th { background: #e4e4e4; }
th.theme { background: #d3dbe8; font-size: 9.5pt; }
td.pre { white-space: pre-line; }
.nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; }
table.control { width: auto; margin-bottom: 0.8em; }
table.control th { width: 9em; }
table.counts { display: inline-table; width: auto; vertical-align: top; margin: 0 1.5em 0.6em 0; }
tr.excluded td { color: #444; }
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

/// Tokens longer than this many characters may wrap at their separators.
pub const LONG_TOKEN: usize = 24;

/// Escapes text like [`escape_html`] and lets long tokens (paths, URLs, ids joined by `/` or
/// `_`) wrap after their separators, so a column need not be as wide as a whole URL. Ordinary
/// words and short tokens (`5.10`, `and/or`) get no break opportunity inside them.
pub fn escape_breakable(text: &str) -> String {
    let clean = sanitize(text);
    clean
        .split_inclusive(char::is_whitespace)
        .map(|piece| {
            let token = piece.trim_end_matches(char::is_whitespace);
            if token.chars().count() > LONG_TOKEN {
                format!("{}{}", breakable_token(token), &piece[token.len()..])
            } else {
                escape_html(piece)
            }
        })
        .collect()
}

/// A long token, escaped, with `<wbr>` after each separator that is followed by more text.
fn breakable_token(token: &str) -> String {
    let mut out = String::with_capacity(token.len() + 16);
    let mut previous = ' ';
    let mut chars = token.chars().peekable();
    while let Some(c) = chars.next() {
        out.push_str(&escape_html(c.encode_utf8(&mut [0; 4])));
        let next = chars.peek().copied().unwrap_or(' ');
        // A dot or colon separates only between letters (host.name, file.ext), never inside
        // numbers such as 5.1 or v2.1.
        let separator = match c {
            '/' | '\\' | '_' | '?' | '&' | '=' | '#' => next.is_alphanumeric(),
            '.' | ':' => previous.is_alphabetic() && next.is_alphabetic(),
            _ => false,
        };
        if separator {
            out.push_str("<wbr>");
        }
        previous = c;
    }
    out
}

/// Text as a CSS string literal, safe inside a `<style>` element.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in sanitize(text).chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => out.push_str(&format!("\\{:x} ", u32::from(c))),
            '\n' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The `@page` rule: A4 landscape, the running header (organisation, document, version), the
/// generation date, and "Page N of M" at the foot of every page.
pub fn page_rule(control: &DocumentControl) -> String {
    let margin_box = "font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 7.5pt; color: #333;";
    format!(
        "@page {{\n  size: A4 landscape;\n  margin: 14mm 10mm 13mm 10mm;\n  \
         @top-left {{ content: {header}; {margin_box} }}\n  \
         @top-right {{ content: {generated}; {margin_box} }}\n  \
         @bottom-center {{ content: \"Page \" counter(page) \" of \" counter(pages); {margin_box} }}\n}}\n",
        header = css_string(&control.running_header()),
        generated = css_string(&format!("Generated {}", control.generated)),
    )
}

/// The document-control block: a heading with the document's title, then a two-column table of
/// its identification (see [`DocumentControl::fields`]).
pub fn document_control_html(control: &DocumentControl) -> String {
    let mut out = format!("<h1>{}</h1>\n", escape_html(&control.title));
    out.push_str("<table class=\"control\">\n<tbody>\n");
    for (label, value) in control.fields() {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{label}</th><td>{}</td></tr>\n",
            escape_breakable(&value)
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

/// A whole printable document: `<head>` with the styles (shared ones plus `extra_css`), then
/// `body`, which is already HTML.
pub fn print_document(control: &DocumentControl, extra_css: &str, body: &str) -> String {
    let title = if control.organisation.is_empty() {
        control.title.clone()
    } else {
        format!("{} — {}", control.title, control.organisation)
    };
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape_html(&title)));
    out.push_str("<style>\n");
    out.push_str(&page_rule(control));
    out.push_str(PRINT_CSS);
    out.push_str(extra_css);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(body);
    out.push_str("</body>\n</html>\n");
    out
}

/// One header row of `<th>` cells; `numeric` columns are right-aligned.
pub fn header_row(headings: &[&str], numeric_from: usize) -> String {
    let mut out = String::from("<tr>");
    for (i, heading) in headings.iter().enumerate() {
        let class = if i >= numeric_from {
            " class=\"num\""
        } else {
            ""
        };
        out.push_str(&format!(
            "<th scope=\"col\"{class}>{}</th>",
            escape_html(heading)
        ));
    }
    out.push_str("</tr>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_tokens_wrap_after_separators_and_words_stay_whole() {
        assert_eq!(
            escape_breakable("see https://wiki.example/x_y/Policies <b>\n"),
            "see https://<wbr>wiki.<wbr>example/<wbr>x_<wbr>y/<wbr>Policies &lt;b&gt;\n"
        );
        assert_eq!(
            escape_breakable("5.10 and/or </script> v2.1"),
            "5.10 and/or &lt;/script&gt; v2.1"
        );
    }

    #[test]
    fn css_strings_cannot_end_the_style_element() {
        assert_eq!(css_string("a\"</style>"), "\"a\\22 \\3c /style\\3e \"");
    }
}
