//! The body of `word/document.xml`: styled paragraphs and fixed-layout tables whose first row
//! repeats on every page. Every text is escaped; one element a line, so the XML diffs well.

use crate::domain::text::sanitize;

/// Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in sanitize(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A run of text with its line breaks kept (`\n` becomes `<w:br/>`); `bold` for emphasis.
pub fn run(text: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    let lines: Vec<String> = text
        .replace('\t', " ")
        .split('\n')
        .map(|line| format!("<w:t xml:space=\"preserve\">{}</w:t>", escape_xml(line)))
        .collect();
    format!("<w:r>{props}{}</w:r>", lines.join("<w:br/>"))
}

/// A table row: ordinary cells, or one cell spanning the table that heads a group of rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Cells(Vec<String>),
    Group(String),
}

/// A fixed-layout table in the "ISMSTable" style; `headings` form the repeated header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub widths: Vec<u32>,
    pub headings: Vec<String>,
    pub rows: Vec<Row>,
    /// Columns from this one on are right-aligned (counts).
    pub numeric_from: usize,
    /// The first cell of each row is bold (label columns).
    pub bold_first: bool,
    /// In this column the first line of each cell (a title above its description) is bold.
    pub title_column: Option<usize>,
}

/// Rows with more text than this may break across pages: a row longer than a page must.
const UNSPLITTABLE_ROW_CHARS: usize = 1200;

/// The paragraphs and tables of a document, in order.
#[derive(Debug, Default)]
pub struct Body {
    xml: String,
}

impl Body {
    pub fn new() -> Body {
        Body::default()
    }

    /// A paragraph in the named style ("Title", "Heading1", "Normal"…).
    pub fn paragraph(&mut self, style: &str, text: &str) {
        self.xml.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{}</w:p>\n",
            run(text, false)
        ));
    }

    /// A heading that starts a new page.
    pub fn heading_on_new_page(&mut self, style: &str, text: &str) {
        self.xml.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/><w:pageBreakBefore/></w:pPr>{}</w:p>\n",
            run(text, false)
        ));
    }

    pub fn table(&mut self, table: &Table) {
        let total: u32 = table.widths.iter().sum();
        self.xml.push_str(&format!(
            "<w:tbl>\n<w:tblPr><w:tblStyle w:val=\"ISMSTable\"/><w:tblW w:w=\"{total}\" w:type=\"dxa\"/>\
             <w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" \
             w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>\n<w:tblGrid>"
        ));
        for width in &table.widths {
            self.xml.push_str(&format!("<w:gridCol w:w=\"{width}\"/>"));
        }
        self.xml.push_str("</w:tblGrid>\n");
        self.xml
            .push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (i, heading) in table.headings.iter().enumerate() {
            let align = i >= table.numeric_from;
            self.cell(
                table.widths[i],
                None,
                "TableHeading",
                align,
                &run(heading, false),
            );
        }
        self.xml.push_str("</w:tr>\n");
        for row in &table.rows {
            match row {
                Row::Group(text) => {
                    self.xml.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
                    let span = Some(table.widths.len());
                    self.cell(total, span, "TableGroup", false, &run(text, false));
                }
                Row::Cells(cells) => {
                    let length: usize = cells.iter().map(String::len).sum();
                    if length <= UNSPLITTABLE_ROW_CHARS {
                        self.xml.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
                    } else {
                        self.xml.push_str("<w:tr>");
                    }
                    for (i, text) in cells.iter().enumerate() {
                        let runs = match text.split_once('\n') {
                            Some((title, rest)) if table.title_column == Some(i) => {
                                format!(
                                    "{}<w:r><w:br/></w:r>{}",
                                    run(title, true),
                                    run(rest, false)
                                )
                            }
                            _ => run(text, table.bold_first && i == 0),
                        };
                        let align = i >= table.numeric_from;
                        self.cell(table.widths[i], None, "TableText", align, &runs);
                    }
                }
            }
            self.xml.push_str("</w:tr>\n");
        }
        self.xml.push_str("</w:tbl>\n");
    }

    fn cell(&mut self, width: u32, span: Option<usize>, style: &str, right: bool, runs: &str) {
        let span = span.map_or(String::new(), |n| format!("<w:gridSpan w:val=\"{n}\"/>"));
        let shade = if style == "TableGroup" {
            "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D3DBE8\"/>"
        } else {
            ""
        };
        let jc = if right { "<w:jc w:val=\"right\"/>" } else { "" };
        self.xml.push_str(&format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>{span}{shade}</w:tcPr>\
             <w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{jc}</w:pPr>{runs}</w:p></w:tc>"
        ));
    }

    /// The body's XML, to be placed before the section properties.
    pub fn into_xml(self) -> String {
        self.xml
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_lines_become_breaks() {
        assert_eq!(
            run("a<b>\n&c\u{1b}", true),
            "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">a&lt;b&gt;</w:t><w:br/>\
             <w:t xml:space=\"preserve\">&amp;c</w:t></w:r>"
        );
    }
}
