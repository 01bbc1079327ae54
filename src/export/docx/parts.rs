//! The fixed parts of a DOCX package besides the body: content types, relationships, styles,
//! settings, the running header and the page-numbered footer, and the document properties.

use super::body::escape_xml;
use crate::export::document_control::DocumentControl;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Left and right page margins, in twips (10 mm).
pub const SIDE_MARGIN: u32 = 567;

pub fn content_types() -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        "{XML_DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"{wml}.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"{wml}.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"{wml}.settings+xml\"/>\
<Override PartName=\"/word/header1.xml\" ContentType=\"{wml}.header+xml\"/>\
<Override PartName=\"/word/footer1.xml\" ContentType=\"{wml}.footer+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>\n"
    )
}

pub fn package_rels() -> String {
    format!(
        "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"{R_NS}/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"{R_NS}/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>\n"
    )
}

pub fn document_rels() -> String {
    format!(
        "{XML_DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"{R_NS}/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"{R_NS}/settings\" Target=\"settings.xml\"/>\
<Relationship Id=\"rId3\" Type=\"{R_NS}/header\" Target=\"header1.xml\"/>\
<Relationship Id=\"rId4\" Type=\"{R_NS}/footer\" Target=\"footer1.xml\"/>\
</Relationships>\n"
    )
}

/// `word/document.xml`: the body, then A4 landscape section properties with the header and
/// footer.
pub fn document(body: &str) -> String {
    format!(
        "{XML_DECL}<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">\n<w:body>\n{body}\
<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/><w:footerReference w:type=\"default\" r:id=\"rId4\"/>\
<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>\
<w:pgMar w:top=\"964\" w:right=\"{SIDE_MARGIN}\" w:bottom=\"907\" w:left=\"{SIDE_MARGIN}\" w:header=\"397\" w:footer=\"397\" w:gutter=\"0\"/>\
</w:sectPr>\n</w:body>\n</w:document>\n"
    )
}

/// Named styles: a user restyles the whole document by changing these.
pub fn styles() -> String {
    let font =
        "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>";
    let para = |id: &str, name: &str, ppr: &str, rpr: &str| {
        format!(
            "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>\n"
        )
    };
    let mut out = format!(
        "{XML_DECL}<w:styles xmlns:w=\"{W_NS}\">\n<w:docDefaults><w:rPrDefault><w:rPr>{font}\
<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\n\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>\
<w:pPr><w:spacing w:after=\"80\"/></w:pPr></w:style>\n"
    );
    out.push_str(&para(
        "Title",
        "Title",
        "<w:spacing w:after=\"160\"/>",
        "<w:b/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>",
    ));
    out.push_str(&para(
        "Heading1",
        "heading 1",
        "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"100\"/><w:outlineLvl w:val=\"0\"/>",
        "<w:b/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>",
    ));
    out.push_str(&para(
        "TableText",
        "Table Text",
        "<w:spacing w:after=\"0\"/>",
        "",
    ));
    out.push_str(&para(
        "TableHeading",
        "Table Heading",
        "<w:keepNext/><w:spacing w:after=\"0\"/>",
        "<w:b/>",
    ));
    out.push_str(&para(
        "TableGroup",
        "Table Group",
        "<w:keepNext/><w:spacing w:after=\"0\"/>",
        "<w:b/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
    ));
    out.push_str(&para(
        "Header",
        "header",
        "<w:tabs><w:tab w:val=\"right\" w:pos=\"15704\"/></w:tabs>",
        "<w:color w:val=\"444444\"/><w:sz w:val=\"15\"/><w:szCs w:val=\"15\"/>",
    ));
    out.push_str(&para(
        "Footer",
        "footer",
        "<w:jc w:val=\"center\"/>",
        "<w:color w:val=\"444444\"/><w:sz w:val=\"15\"/><w:szCs w:val=\"15\"/>",
    ));
    let border = |side: &str| {
        format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/>")
    };
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|side| border(side))
        .collect();
    out.push_str(&format!(
        "<w:style w:type=\"table\" w:styleId=\"ISMSTable\"><w:name w:val=\"ISMS Table\"/><w:qFormat/>\
<w:tblPr><w:tblBorders>{borders}</w:tblBorders><w:tblCellMar><w:top w:w=\"30\" w:type=\"dxa\"/>\
<w:left w:w=\"60\" w:type=\"dxa\"/><w:bottom w:w=\"30\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>\
<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E4E4E4\"/></w:tcPr></w:tblStylePr>\
</w:style>\n</w:styles>\n"
    ));
    out
}

pub fn settings() -> String {
    format!(
        "{XML_DECL}<w:settings xmlns:w=\"{W_NS}\"><w:defaultTabStop w:val=\"720\"/>\
<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
</w:settings>\n"
    )
}

/// The running header: organisation, document and version on the left, generation on the right.
pub fn header(control: &DocumentControl) -> String {
    format!(
        "{XML_DECL}<w:hdr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>\
<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:tab/><w:t xml:space=\"preserve\">Generated {}</w:t></w:r></w:p></w:hdr>\n",
        escape_xml(&control.running_header()),
        control.generated
    )
}

/// The footer: "Page N of M" from the PAGE and NUMPAGES fields.
pub fn footer() -> String {
    let field = |name: &str| {
        format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {name} </w:instrText></w:r>\
<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    };
    format!(
        "{XML_DECL}<w:ftr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>\
<w:r><w:t xml:space=\"preserve\">Page </w:t></w:r>{}<w:r><w:t xml:space=\"preserve\"> of </w:t></w:r>{}</w:p></w:ftr>\n",
        field("PAGE"),
        field("NUMPAGES")
    )
}

/// Core properties: title, organisation as creator, and the generation date (never the clock).
pub fn core(control: &DocumentControl) -> String {
    let when = format!("{}T00:00:00Z", control.generated);
    format!(
        "{XML_DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator><cp:version>{version}</cp:version>\
<dcterms:created xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:created>\
<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{when}</dcterms:modified></cp:coreProperties>\n",
        title = escape_xml(&control.title),
        creator = escape_xml(&control.organisation),
        version = escape_xml(&control.version),
    )
}

pub fn app(control: &DocumentControl) -> String {
    format!(
        "{XML_DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
<Application>{}</Application></Properties>\n",
        escape_xml(&control.tool)
    )
}
