//! The printable documents in real engines: the demo SoA's and risk register's HTML printed by
//! headless Chromium, their DOCX converted by LibreOffice, all read back with pdftotext. Every
//! control (or risk) id is there, no word of the document is split across lines, every page says
//! "Page N of M" under the running header, the table's header row heads every page it runs
//! over, and the document-control values appear. Set `ISMS_PRINT_DIR=DIR` to keep the PDFs for
//! a look.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::export::document_control::DocumentControl;
use isms::export::docx::{risks_docx, soa_docx};
use isms::export::risks_html::{RISKS_TITLE, risks_html};
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

/// What a printed document must show.
struct Expected {
    /// Ids that must each appear as a whole token (control ids, risk ids).
    ids: Vec<String>,
    control: DocumentControl,
    /// Every word of the source document, header and footer included.
    source_words: HashSet<String>,
    /// The first headings of the main table, which heads every page from where the table starts.
    table_headings: [&'static str; 3],
}

/// Checks the text of a printed document; returns its page count.
fn check_printed(engine: &str, text: &str, expected: &Expected) -> usize {
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
            page.contains(&expected.control.running_header()),
            "{engine}: page {} lacks the running header",
            i + 1
        );
    }
    let has_header_row = |page: &str| {
        page.lines()
            .any(|line| line.split_whitespace().take(3).eq(expected.table_headings))
    };
    let first = pages
        .iter()
        .position(|page| has_header_row(page))
        .unwrap_or_else(|| panic!("{engine}: no table header {:?}", expected.table_headings));
    for (i, page) in pages.iter().enumerate().skip(first) {
        assert!(
            has_header_row(page),
            "{engine}: page {} lacks the table's header row {:?}",
            i + 1,
            expected.table_headings
        );
    }
    let tokens: HashSet<&str> = text
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    for id in &expected.ids {
        assert!(tokens.contains(id.as_str()), "{engine}: {id} is missing");
    }
    // A word split across lines prints as fragments that are not words of the document
    // (`applicabl` + `e`); words that wrap at a separator (`-`, `/`) stay whole words.
    let printed = words(text);
    let fragments: Vec<&String> = printed
        .iter()
        .filter(|w| !expected.source_words.contains(*w) && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    assert!(
        fragments.is_empty(),
        "{engine}: words split or unknown: {fragments:?}"
    );
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (label, value) in expected.control.fields() {
        if label == "Scope" {
            continue; // long, so wrapped: checked word by word below
        }
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&value),
            "{engine}: {label} {value:?} is missing"
        );
    }
    for word in words(&expected.control.scope) {
        assert!(
            printed.contains(&word),
            "{engine}: scope word {word:?} is missing"
        );
    }
    count
}

/// Prints `html` with headless Chromium; returns the PDF's text.
fn print_in_chromium(dir: &Path, name: &str, html: &str) -> String {
    let html_path = dir.join(format!("{name}.html"));
    std::fs::write(&html_path, html).unwrap();
    let pdf = dir.join(format!("{name}-chromium.pdf"));
    let profile = dir.join(format!("chromium-profile-{name}"));
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
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
            &format!("file://{}", html_path.display()),
        ],
    );
    pdf_text(&pdf)
}

/// Converts `docx` to PDF with headless LibreOffice; returns the PDF's text.
fn convert_in_libreoffice(dir: &Path, name: &str, docx: &[u8]) -> String {
    let docx_path = dir.join(format!("{name}.docx"));
    std::fs::write(&docx_path, docx).unwrap();
    let profile = dir.join(format!("libreoffice-profile-{name}"));
    run(
        "libreoffice",
        &[
            &format!("-env:UserInstallation=file://{}", profile.display()),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir.to_str().unwrap(),
            docx_path.to_str().unwrap(),
        ],
    );
    pdf_text(&dir.join(format!("{name}.pdf")))
}

fn expected(
    title: &str,
    ids: Vec<String>,
    html: &str,
    table_headings: [&'static str; 3],
) -> Expected {
    let workspace = demo_workspace(&Catalogue::builtin());
    let mut source_words: HashSet<String> = words(html).into_iter().collect();
    source_words.extend(words("Page of"));
    Expected {
        ids,
        control: DocumentControl::from_workspace(title, &workspace, common::generated()),
        source_words,
        table_headings,
    }
}

#[test]
#[ignore = "needs chromium, libreoffice and pdftotext; .ci/run installs them"]
fn the_demo_soa_prints_whole_in_chromium_and_libreoffice() {
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    let (_keep, dir) = out_dir();
    let html = soa_html(&workspace, &catalogue, common::generated());
    let docx = soa_docx(&workspace, &catalogue, common::generated()).unwrap();
    let ids = catalogue.controls().iter().map(|c| c.id.clone()).collect();
    let expected = expected(SOA_TITLE, ids, &html, ["ID", "Control", "Decision"]);
    let chromium = check_printed(
        "chromium",
        &print_in_chromium(&dir, "soa", &html),
        &expected,
    );
    let office = check_printed(
        "libreoffice",
        &convert_in_libreoffice(&dir, "soa", &docx),
        &expected,
    );
    println!("demo SoA pages: Chromium {chromium}, LibreOffice {office}");
}

#[test]
#[ignore = "needs chromium, libreoffice and pdftotext; .ci/run installs them"]
fn the_demo_risk_register_prints_whole_in_chromium_and_libreoffice() {
    let workspace = demo_workspace(&Catalogue::builtin());
    let (_keep, dir) = out_dir();
    let html = risks_html(&workspace, common::generated());
    let docx = risks_docx(&workspace, common::generated()).unwrap();
    let ids = workspace.risks.risks.iter().map(|r| r.id.clone()).collect();
    let expected = expected(RISKS_TITLE, ids, &html, ["ID", "Risk", "Asset"]);
    let chromium = check_printed(
        "chromium",
        &print_in_chromium(&dir, "risks", &html),
        &expected,
    );
    let office = check_printed(
        "libreoffice",
        &convert_in_libreoffice(&dir, "risks", &docx),
        &expected,
    );
    println!("demo risk register pages: Chromium {chromium}, LibreOffice {office}");
}
