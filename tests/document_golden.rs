//! The printable documents of the demo workspace against golden files: the SoA as HTML and the
//! `word/document.xml` inside the SoA's DOCX. Set `ISMS_UPDATE_GOLDEN=1` to rewrite them after a
//! deliberate change, then read the diff.

mod common;

use std::io::Read;
use std::path::Path;

use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::export::docx::{risks_docx, soa_docx};
use isms::export::{risks_html, soa_html};

fn check_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("ISMS_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (ISMS_UPDATE_GOLDEN=1 writes it)", path.display()));
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .map_or(expected.lines().count().min(actual.lines().count()), |i| i);
        panic!(
            "{name} differs from the golden file at line {}:\nexpected: {:?}\nactual:   {:?}\n\
             (ISMS_UPDATE_GOLDEN=1 rewrites it after a deliberate change)",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

/// A file inside a DOCX (a zip).
pub fn docx_part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn demo_soa_html_matches_the_golden_file() {
    let catalogue = Catalogue::builtin();
    let html = soa_html::soa_html(&demo_workspace(&catalogue), &catalogue, common::generated());
    check_golden("demo_soa.html", &html);
}

#[test]
fn demo_soa_docx_body_matches_the_golden_file() {
    let catalogue = Catalogue::builtin();
    let docx = soa_docx(&demo_workspace(&catalogue), &catalogue, common::generated()).unwrap();
    check_golden(
        "demo_soa_document.xml",
        &docx_part(&docx, "word/document.xml"),
    );
}

#[test]
fn the_same_workspace_gives_the_same_bytes() {
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    let at = common::generated();
    let soa = || soa_docx(&workspace, &catalogue, at).unwrap();
    assert_eq!(soa(), soa());
    let risks = || risks_docx(&workspace, at).unwrap();
    assert_eq!(risks(), risks());
    let soa_page = || soa_html::soa_html(&workspace, &catalogue, at);
    assert_eq!(soa_page(), soa_page());
    let risks_page = || risks_html::risks_html(&workspace, at);
    assert_eq!(risks_page(), risks_page());
}
