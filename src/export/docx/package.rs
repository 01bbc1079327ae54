//! Zips the parts of a DOCX with fixed entry times and order, so the same document gives the
//! same bytes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::parts;
use crate::export::document_control::DocumentControl;

/// What varies between documents: the control block (header, properties) and the body XML.
pub struct DocxParts<'a> {
    pub control: &'a DocumentControl,
    pub body: String,
}

/// The `word/document.xml` of a document, as it goes into the package.
pub fn document_xml(parts: &DocxParts) -> String {
    parts::document(&parts.body)
}

/// The whole DOCX file.
pub fn package(docx: &DocxParts) -> zip::result::ZipResult<Vec<u8>> {
    let files = [
        ("[Content_Types].xml", parts::content_types()),
        ("_rels/.rels", parts::package_rels()),
        ("docProps/core.xml", parts::core(docx.control)),
        ("docProps/app.xml", parts::app(docx.control)),
        ("word/_rels/document.xml.rels", parts::document_rels()),
        ("word/document.xml", document_xml(docx)),
        ("word/styles.xml", parts::styles()),
        ("word/settings.xml", parts::settings()),
        ("word/header1.xml", parts::header(docx.control)),
        ("word/footer1.xml", parts::footer()),
    ];
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in files {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}
