//! Imports: every export imports back to the same workspace (CSV and XLSX, SoA and risks), a
//! 2013-keyed SoA migrates through the correspondence, decisions are not overwritten silently, and
//! bad files are refused with a clear message.

mod common;

use isms::domain::catalogue::Catalogue;
use isms::domain::soa::{Applicability, Status};
use isms::domain::workspace::Workspace;
use isms::export::import::{self, Plan, read_sheets};
use isms::export::{risks_csv, soa_csv, xlsx};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn import_soa(bytes: &[u8], into: &Workspace) -> (Workspace, Plan<isms::domain::soa::SoaEntry>) {
    let catalogue = Catalogue::builtin();
    let sheets = read_sheets(bytes, "soa").unwrap();
    let plan = import::plan_soa(&sheets, "soa", into, &catalogue, &Default::default()).unwrap();
    let mut ws = into.clone();
    import::apply_soa(&mut ws, &plan, &common::stamp());
    (ws, plan)
}

fn import_risks(bytes: &[u8], into: &Workspace) -> (Workspace, Plan<isms::domain::risk::Risk>) {
    let catalogue = Catalogue::builtin();
    let sheets = read_sheets(bytes, "risks").unwrap();
    let plan = import::plan_risks(
        &sheets,
        "risks",
        into,
        &catalogue,
        common::day(2026, 3, 2),
        &Default::default(),
    )
    .unwrap();
    let mut ws = into.clone();
    import::apply_risks(&mut ws, &plan, &common::stamp());
    (ws, plan)
}

/// A fresh workspace with the sample's settings and nothing decided.
fn fresh() -> Workspace {
    Workspace::new(common::settings(), &Catalogue::builtin())
}

#[test]
fn csv_exports_import_back_to_the_same_workspace() {
    let catalogue = Catalogue::builtin();
    let sample = common::sample();
    let (with_risks, risk_plan) = import_risks(risks_csv::risks_csv(&sample).as_bytes(), &fresh());
    assert!(risk_plan.report.skipped.is_empty(), "{}", risk_plan.report);
    let (imported, plan) = import_soa(
        soa_csv::soa_csv(&sample, &catalogue).as_bytes(),
        &with_risks,
    );
    assert!(
        plan.report.skipped.is_empty() && plan.report.warnings.is_empty(),
        "{}",
        plan.report
    );
    assert_eq!(plan.report.rows_read, 93);
    assert_eq!(
        common::without_stamps(&imported),
        common::without_stamps(&sample)
    );
    let (_, again) = import_soa(soa_csv::soa_csv(&sample, &catalogue).as_bytes(), &sample);
    assert!(
        again.changes.is_empty(),
        "importing an export into its own workspace changes nothing"
    );
}

#[test]
fn xlsx_export_imports_back_to_the_same_workspace() {
    let catalogue = Catalogue::builtin();
    let sample = common::sample();
    let book = xlsx::workbook(&sample, &catalogue).unwrap();
    let (with_risks, _) = import_risks(&book, &fresh());
    let (imported, plan) = import_soa(&book, &with_risks);
    assert!(
        plan.report.source.ends_with("sheet \"SoA\""),
        "{}",
        plan.report.source
    );
    assert_eq!(
        common::without_stamps(&imported),
        common::without_stamps(&sample)
    );
}

#[test]
fn decisions_already_made_are_marked_as_overwrites() {
    let catalogue = Catalogue::builtin();
    let sample = common::sample();
    let edited =
        soa_csv::soa_csv(&sample, &catalogue).replace("No premises of our own", "We rent a floor");
    let (_, plan) = import_soa(edited.as_bytes(), &sample);
    assert_eq!(plan.changes.len(), 1);
    assert!(plan.changes[0].overwrites && plan.changes[0].key == "7.4");
    assert_eq!(plan.overwrites().count(), 1);
}

#[test]
fn a_2013_soa_migrates_through_the_correspondence() {
    let (ws, plan) = import_soa(&fixture("soa_2013.csv"), &fresh());
    let report = plan.report.to_string();
    assert_eq!(
        plan.report.header_row, 3,
        "the title rows above the header are skipped"
    );
    assert_eq!(plan.report.rows_read, 6);
    assert_eq!(plan.report.empty_rows, 1);
    assert_eq!(plan.report.skipped.len(), 1);
    assert!(
        report.contains("skipped row 10: \"A.99.9\" is not an ISO/IEC 27001:2022 or 2013 control"),
        "{report}"
    );
    assert!(
        report.contains("columns not understood: \"Risk score\" (column K)"),
        "{report}"
    );
    assert!(report.contains("are new in 2022 and have no 2013 row; they stay undecided: 5.7, 5.23, 5.30, 7.4, 8.9, 8.10, 8.11, 8.12, 8.16, 8.23, 8.28"), "{report}");
    let policies = ws.soa.entry("5.1").unwrap();
    assert_eq!(policies.applicability, Applicability::Applicable);
    assert!(
        policies
            .justification
            .starts_with("[review after migration] merged from the 2013 controls A.5.1.1, A.5.1.2")
    );
    assert!(
        policies.justification.contains(
            "A.5.1.1: Customers require a policy set\n\nA.5.1.2: Policies reviewed yearly"
        )
    );
    assert_eq!(
        policies.status,
        Status::Partial,
        "the less advanced status of the merged controls"
    );
    assert_eq!(policies.evidence, ["POL-001", "MIN-2023"]);
    assert_eq!(
        policies.reviewed, None,
        "a merged control needs a new review"
    );
    let backup = ws.soa.entry("8.13").unwrap();
    assert_eq!(
        (backup.applicability, backup.status),
        (Applicability::Applicable, Status::Implemented)
    );
    assert_eq!(backup.reviewed, Some(common::day(2023, 2, 1)));
    assert_eq!(backup.note, "Restore tested quarterly");
    let perimeter = ws.soa.entry("7.1").unwrap();
    assert_eq!(perimeter.applicability, Applicability::Excluded);
    assert_eq!(
        perimeter.justification,
        "No premises of our own, serviced offices"
    );
    assert_eq!(
        ws.soa.entry("6.7").unwrap().status,
        Status::Partial,
        "✓ and 'In progress'"
    );
    assert_eq!(
        ws.soa.entry("5.7").unwrap().applicability,
        Applicability::Undecided
    );
}

#[test]
fn a_risk_register_maps_treatments_scales_and_2013_controls() {
    let (ws, plan) = import_risks(&fixture("risks_register.csv"), &fresh());
    let report = plan.report.to_string();
    let ids: Vec<&str> = ws.risks.risks.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["R-1", "R-3", "R-4", "R-005"], "{report}");
    let r1 = ws.risks.get("R-1").unwrap();
    assert_eq!(
        (
            r1.likelihood,
            r1.impact,
            r1.residual_likelihood,
            r1.residual_impact
        ),
        (4, 5, Some(2), Some(2))
    );
    assert_eq!(r1.controls, ["8.13", "8.7"]);
    let theft = ws
        .risks
        .get("R-005")
        .expect("a row without an id gets the next free one");
    assert_eq!(theft.treatment, isms::domain::risk::Treatment::Retain);
    assert_eq!(
        ws.risks.get("R-3").unwrap().likelihood,
        5,
        "High is the top of the scale"
    );
    assert!(report.contains("three-level ratings"), "{report}");
    assert!(
        report.contains("treatment \"Ignore\" not understood"),
        "{report}"
    );
    assert!(
        report.contains("control \"9.99\" not understood"),
        "{report}"
    );
    assert!(
        report.contains("scores and levels are worked out"),
        "{report}"
    );
    assert_eq!(ws.risks.risks.len(), 4);
}

fn refused(bytes: &[u8]) -> String {
    match read_sheets(bytes, "bad.csv") {
        Err(error) => error.to_string(),
        Ok(sheets) => {
            let plan = import::plan_soa(
                &sheets,
                "bad.csv",
                &fresh(),
                &Catalogue::builtin(),
                &Default::default(),
            );
            plan.expect_err("the file should be refused").to_string()
        }
    }
}

#[test]
fn bad_files_are_refused_with_a_clear_message() {
    let cases: [(&str, Vec<u8>); 6] = [
        (
            "bad.csv: line 2: is not UTF-8 text (byte 0xE9; probably Windows-1252 or Latin-1); save it as \"CSV UTF-8\" and import that",
            fixture("latin1.csv"),
        ),
        (
            "bad.csv: is UTF-16 text (\"Unicode text\"); save it as \"CSV UTF-8\" and import that",
            fixture("utf16.csv"),
        ),
        (
            "bad.csv: holds binary data, not CSV text; expected a CSV (UTF-8) or XLSX file",
            fixture("junk.bin"),
        ),
        (
            "bad.csv: line 2: a quoted cell is opened here and never closed",
            fixture("unclosed_quote.csv"),
        ),
        (
            "bad.csv: found no header row naming the control (Control, Control ID, Annex A ref or Clause) and at least one more known column in the first 20 rows (the first row shows \"Name\", \"Colour\", \"Size\")",
            fixture("no_header.csv"),
        ),
        (
            "bad.csv: is empty; expected a CSV or XLSX file with a header row",
            b"\r\n \r\n".to_vec(),
        ),
    ];
    for (expected, bytes) in cases {
        assert_eq!(refused(&bytes), expected);
    }
    let huge = "Control,Applicable,Justification\r\n".to_string()
        + &"5.1,Yes,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n".repeat(350_000);
    assert!(huge.len() > 20_000_000);
    assert!(
        refused(huge.as_bytes()).contains("larger than the 10 MB isms imports"),
        "{}",
        refused(huge.as_bytes())
    );
    let fake_xlsx = b"PK\x03\x04this is not really a workbook".to_vec();
    assert!(
        refused(&fake_xlsx).starts_with("bad.csv: is not a spreadsheet isms can read"),
        "{}",
        refused(&fake_xlsx)
    );
}

#[test]
fn awkward_but_readable_files_import_with_a_note() {
    let (ws, plan) = import_soa(&fixture("semicolons.csv"), &fresh());
    assert!(
        plan.report
            .notes
            .iter()
            .any(|n| n.contains("separated by semicolons"))
    );
    assert_eq!(
        ws.soa.entry("5.1").unwrap().applicability,
        Applicability::Applicable
    );
    assert_eq!(
        ws.soa.entry("8.13").unwrap().applicability,
        Applicability::Applicable,
        "German yes"
    );
    let (ws, plan) = import_soa(&fixture("utf8_bom.csv"), &fresh());
    assert!(
        plan.report
            .notes
            .iter()
            .any(|n| n.contains("byte order mark"))
    );
    assert_eq!(
        ws.soa.entry("5.1").unwrap().justification,
        "Customers require it"
    );
    let (ws, plan) = import_soa(&fixture("empty_rows.csv"), &fresh());
    assert_eq!((plan.report.rows_read, plan.report.empty_rows), (2, 2));
    assert_eq!(
        ws.soa.entry("8.13").unwrap().applicability,
        Applicability::Excluded
    );
}

#[test]
fn an_xlsx_with_a_title_row_and_merged_header_imports() {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Annex A").unwrap();
    sheet
        .merge_range(
            0,
            0,
            0,
            3,
            "Statement of Applicability",
            &Default::default(),
        )
        .unwrap();
    for (col, title) in ["Control ID", "Selected", "Justification", "Review date"]
        .iter()
        .enumerate()
    {
        sheet.write_string(2, col as u16, *title).unwrap();
    }
    sheet.write_string(3, 0, "A.8.9").unwrap();
    sheet.write_boolean(3, 1, true).unwrap();
    sheet
        .write_string(3, 2, "=SUM(A1) is text, not a formula")
        .unwrap();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 5, 6).unwrap();
    let format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .write_datetime_with_format(3, 3, &date, &format)
        .unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let (ws, plan) = import_soa(&bytes, &fresh());
    assert_eq!(plan.report.header_row, 3, "{}", plan.report);
    let entry = ws.soa.entry("8.9").unwrap();
    assert_eq!(entry.applicability, Applicability::Applicable);
    assert_eq!(entry.justification, "=SUM(A1) is text, not a formula");
    assert_eq!(entry.reviewed, Some(common::day(2025, 5, 6)));
}
