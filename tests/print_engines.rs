//! The printable documents in real engines: the demo SoA's HTML printed by headless Chromium, its
//! DOCX converted by LibreOffice, both read back with pdftotext. Every control id is there, no
//! word of the document is split across lines, every page says "Page N of M", and the
//! document-control values appear. Set `ISMS_PRINT_DIR=DIR` to keep the PDFs for a look.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::export::document_control::DocumentControl;
use isms::export::docx::soa_docx;
use isms::export::soa_html::{SOA_TITLE, soa_html};

fn run(program: &str, args: &[&str]) {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}

fn out_dir() -> (Option<tempfile::TempDir>, PathBuf) {
    match std::env::var_os("ISMS_PRINT_DIR") {
        Some(dir) => {
            std::fs::create_dir_all(&dir).unwrap();
            (None, PathBuf::from(dir))
        }
        None => {
            let temp = tempfile::tempdir().unwrap();
            let path = temp.path().to_path_buf();
            (Some(temp), path)
        }
    }
}

fn pdf_text(pdf: &Path) -> String {
    let txt = pdf.with_extension("txt");
    run(
        "pdftotext",
        &["-layout", pdf.to_str().unwrap(), txt.to_str().unwrap()],
    );
    std::fs::read_to_string(txt).unwrap()
}

/// The words of a text: runs of letters and digits (separators such as `-`, `/`, `.` split).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Checks the text of a printed document; returns its page count.
fn check_printed(engine: &str, text: &str, source_words: &HashSet<String>) -> usize {
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let count = pages.len();
    assert!(count > 1, "{engine}: {count} page(s)");
    for (i, page) in pages.iter().enumerate() {
        let footer = format!("Page {} of {count}", i + 1);
        assert!(
            page.contains(&footer),
            "{engine}: page {} lacks {footer:?}:\n{page}",
            i + 1
        );
        assert!(
            page.contains("Brackenfield Freight Systems Ltd"),
            "{engine}: page {} lacks the running header",
            i + 1
        );
    }
    let printed = words(text);
    let tokens: HashSet<&str> = text
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    for control in catalogue.controls() {
        assert!(
            tokens.contains(control.id.as_str()),
            "{engine}: control {} is missing",
            control.id
        );
    }
    // A word split across lines prints as two fragments that are not words of the document.
    let fragments: Vec<&String> = printed
        .iter()
        .filter(|w| !source_words.contains(*w) && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert!(
        fragments.is_empty(),
        "{engine}: words split or unknown: {fragments:?}"
    );
    let control = DocumentControl::from_workspace(SOA_TITLE, &workspace, common::generated());
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (label, value) in control.fields() {
        if label == "Scope" {
            continue; // long: wrapped, checked word by word below
        }
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&value),
            "{engine}: {label} {value:?} is missing"
        );
    }
    for word in words(&control.scope) {
        assert!(
            printed.contains(&word),
            "{engine}: scope word {word:?} is missing"
        );
    }
    count
}

#[test]
#[ignore = "needs chromium, libreoffice and pdftotext; .ci/run installs them"]
fn the_demo_soa_prints_whole_in_chromium_and_libreoffice() {
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    let (_keep, dir) = out_dir();
    let html = soa_html(&workspace, &catalogue, common::generated());
    let docx = soa_docx(&workspace, &catalogue, common::generated()).unwrap();
    // What the document says, as words: the page's text plus the header and footer strings.
    let mut source: HashSet<String> = words(&html).into_iter().collect();
    source.extend(words("Page of"));

    let html_path = dir.join("soa.html");
    std::fs::write(&html_path, &html).unwrap();
    let chromium_pdf = dir.join("soa-chromium.pdf");
    let profile = dir.join("chromium-profile");
    run(
        "chromium",
        &[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            &format!("--user-data-dir={}", profile.display()),
            &format!("--print-to-pdf={}", chromium_pdf.display()),
            "--no-pdf-header-footer",
            &format!("file://{}", html_path.display()),
        ],
    );
    let chromium_pages = check_printed("chromium", &pdf_text(&chromium_pdf), &source);

    let docx_path = dir.join("soa.docx");
    std::fs::write(&docx_path, &docx).unwrap();
    let office_profile = dir.join("libreoffice-profile");
    run(
        "libreoffice",
        &[
            &format!("-env:UserInstallation=file://{}", office_profile.display()),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir.to_str().unwrap(),
            docx_path.to_str().unwrap(),
        ],
    );
    let office_pages = check_printed("libreoffice", &pdf_text(&dir.join("soa.pdf")), &source);
    println!("demo SoA pages: Chromium {chromium_pages}, LibreOffice {office_pages}");
}
