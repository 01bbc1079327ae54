//! The fixture spreadsheets of `tests/import_fixtures/`: each file is imported into a fresh
//! workspace and its report and resulting records must equal `NAME.report.txt` and `NAME.json`
//! next to it (`soa_*` files as an SoA, `risks_*` as a risk register, `hostile_*` must be
//! refused). `NAME.options` holds `--map HEADER=field` and `--date-order dmy|mdy` lines.
//!
//! The XLSX fixtures are written by [`xlsx_fixtures`] below; the expected files are reviewed by
//! hand. `UPDATE_FIXTURES=1 cargo test --test import_fixtures` rewrites all of them.

mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

use isms::domain::catalogue::Catalogue;
use isms::domain::workspace::Workspace;
use isms::export::import::{self, DateOrder, Mapping, Options, read_sheets};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/import_fixtures");

fn updating() -> bool {
    std::env::var_os("UPDATE_FIXTURES").is_some()
}

fn options(path: &Path) -> Options {
    let mut options = Options::default();
    let Ok(text) = std::fs::read_to_string(path.with_extension("options")) else {
        return options;
    };
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match line.split_once(' ') {
            Some(("--map", mapping)) => options.mappings.push(Mapping::parse(mapping).unwrap()),
            Some(("--date-order", "dmy")) => options.date_order = DateOrder::DayFirst,
            Some(("--date-order", "mdy")) => options.date_order = DateOrder::MonthFirst,
            _ => panic!("{}: unknown option line {line:?}", path.display()),
        }
    }
    options
}

/// The report (or the refusal) and the resulting records as pretty JSON.
fn import(path: &Path) -> (String, String) {
    let name = path.file_name().unwrap().to_str().unwrap();
    let bytes = std::fs::read(path).unwrap();
    let catalogue = Catalogue::builtin();
    let mut ws = Workspace::new(common::settings(), &catalogue);
    let options = options(path);
    let sheets = match read_sheets(&bytes, name) {
        Ok(sheets) => sheets,
        Err(error) => return (format!("refused: {error}\n"), "null\n".into()),
    };
    let result = if name.starts_with("risks_") {
        import::plan_risks(
            &sheets,
            name,
            &ws,
            &catalogue,
            common::day(2026, 3, 2),
            &options,
        )
        .map(|plan| {
            import::apply_risks(&mut ws, &plan, &common::stamp());
            let mut risks = ws.risks.risks.clone();
            risks.iter_mut().for_each(|r| r.updated = None);
            (
                plan.report.to_string(),
                serde_json::to_string_pretty(&risks),
            )
        })
    } else {
        import::plan_soa(&sheets, name, &ws, &catalogue, &options).map(|plan| {
            let mut entries: Vec<_> = plan.changes.iter().map(|c| c.after.clone()).collect();
            entries.iter_mut().for_each(|e| e.updated = None);
            (
                plan.report.to_string(),
                serde_json::to_string_pretty(&entries),
            )
        })
    };
    match result {
        Ok((report, json)) => (report, json.unwrap() + "\n"),
        Err(error) => (format!("refused: {error}\n"), "null\n".into()),
    }
}

fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("csv" | "xlsx")))
        .collect();
    files.sort();
    files
}

fn expect(path: &Path, actual: &str, mismatches: &mut Vec<String>) {
    if updating() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected != actual {
        mismatches.push(format!(
            "{}:\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        ));
    }
}

#[test]
fn each_fixture_gives_its_report_and_records() {
    if updating() {
        xlsx_fixtures::write_all(Path::new(DIR));
    }
    let mut mismatches = Vec::new();
    let files = fixtures();
    assert!(files.len() >= 20, "the fixtures are missing: {files:?}");
    for path in &files {
        let started = Instant::now();
        let (report, json) = import(path);
        let took = started.elapsed();
        let name = path.file_name().unwrap().to_str().unwrap();
        if name.starts_with("hostile_") {
            assert!(report.starts_with("refused: "), "{name}: {report}");
            // Figures, not assertions: `isms bench` prints the release timings.
            eprintln!("{name}: refused in {} ms (debug build)", took.as_millis());
        }
        expect(&path.with_extension("report.txt"), &report, &mut mismatches);
        expect(&path.with_extension("json"), &json, &mut mismatches);
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n\n"));
}

/// The XLSX fixtures, written with rust_xlsxwriter (and the crafted ones by hand with zip).
mod xlsx_fixtures {
    use std::io::Write;
    use std::path::Path;

    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

    pub fn write_all(dir: &Path) {
        std::fs::write(dir.join("soa_number_cells.xlsx"), number_cells()).unwrap();
        std::fs::write(dir.join("soa_2013_dates.xlsx"), ids_as_dates()).unwrap();
        std::fs::write(dir.join("risks_workbook.xlsx"), risks()).unwrap();
        hostile(dir);
    }

    /// Ids typed as numbers and shown with two decimals (5.30 arrives as 5.3); the titles tell.
    fn number_cells() -> Vec<u8> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name("SoA").unwrap();
        let two = Format::new().set_num_format("0.00");
        for (col, title) in ["Section", "Control", "Applicable", "Justification"]
            .iter()
            .enumerate()
        {
            sheet.write_string(0, col as u16, *title).unwrap();
        }
        let rows = [
            (
                5.3,
                "ICT readiness for business continuity",
                "Yes",
                "Plans tested",
            ),
            (
                5.3,
                "Segregation of duties",
                "Yes",
                "Small team, compensated",
            ),
            (
                8.3,
                "Outsourced development",
                "No",
                "No development is outsourced",
            ),
            (8.1, "User end point devices", "Yes", "Laptops managed"),
        ];
        for (i, (id, title, applicable, why)) in rows.iter().enumerate() {
            let row = i as u32 + 1;
            let shown = if *title == "Segregation of duties" {
                Format::new()
            } else {
                two.clone()
            };
            sheet.write_number_with_format(row, 0, *id, &shown).unwrap();
            sheet.write_string(row, 1, *title).unwrap();
            sheet.write_string(row, 2, *applicable).unwrap();
            sheet.write_string(row, 3, *why).unwrap();
        }
        book.save_to_buffer().unwrap()
    }

    /// A 2013 SoA whose ids Excel turned into dates shown as `yy.m.d`, with objective rows.
    fn ids_as_dates() -> Vec<u8> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let ymd = Format::new().set_num_format("yy.m.d");
        sheet
            .write_string(0, 0, "ISMS Statement of Applicability")
            .unwrap();
        for (col, title) in [
            "Annex A ref",
            "Title",
            "Selected",
            "Remarks (Justification for exclusion)",
            "Last reviewed",
        ]
        .iter()
        .enumerate()
        {
            sheet.write_string(2, col as u16, *title).unwrap();
        }
        let mut row = 3;
        sheet.write_string(row, 0, "A.10.1").unwrap();
        sheet
            .write_string(row, 1, "Cryptographic controls")
            .unwrap();
        row += 1;
        for (y, m, d, title, selected) in [
            (
                2010,
                1,
                1,
                "Policy on the use of cryptographic controls",
                "Yes",
            ),
            (2010, 1, 2, "Key management", "No"),
            (2012, 3, 1, "Information backup", "Yes"),
        ] {
            let date = ExcelDateTime::from_ymd(y, m, d).unwrap();
            sheet
                .write_datetime_with_format(row, 0, &date, &ymd)
                .unwrap();
            sheet.write_string(row, 1, title).unwrap();
            sheet.write_string(row, 2, selected).unwrap();
            if selected == "No" {
                sheet.write_string(row, 3, "No keys of our own").unwrap();
            }
            sheet.write_number(row, 4, 45_747.0).unwrap();
            row += 1;
        }
        book.save_to_buffer().unwrap()
    }

    /// A register with a two-row header, serial dates and words in Czech.
    fn risks() -> Vec<u8> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name("Risks").unwrap();
        sheet.write_string(0, 0, "Registr rizik").unwrap();
        let groups = [(3, "Inherent risk"), (5, "Residual risk")];
        for (col, group) in groups {
            sheet
                .merge_range(1, col, 1, col + 1, group, &Format::new())
                .unwrap();
        }
        for (col, title) in [
            "ID",
            "Riziko",
            "Aktivum",
            "Likelihood",
            "Impact",
            "Likelihood",
            "Impact",
            "Ošetření",
            "Due Date",
        ]
        .iter()
        .enumerate()
        {
            sheet.write_string(2, col as u16, *title).unwrap();
        }
        let rows = [
            (
                "R-010",
                "Únik dat",
                "Databáze",
                "Vysoká",
                "Střední",
                "Nízká",
                "Nízká",
                "Snížit",
                45_747.0,
            ),
            (
                "R-011",
                "Výpadek",
                "Server",
                "3",
                "4",
                "2",
                "2",
                "Akceptovat",
                45_800.0,
            ),
        ];
        for (i, r) in rows.iter().enumerate() {
            let row = i as u32 + 3;
            for (col, text) in [r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7].iter().enumerate() {
                sheet.write_string(row, col as u16, *text).unwrap();
            }
            sheet.write_number(row, 8, r.8).unwrap();
        }
        book.save_to_buffer().unwrap()
    }

    /// A zip with the parts of a minimal workbook; `sheet` and `strings` are the crafted parts.
    fn workbook(sheet: &[u8], strings: Option<&[u8]>) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        let mut part = |name: &str, body: &[u8]| {
            zip.start_file(name, options).unwrap();
            zip.write_all(body).unwrap();
        };
        part("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#);
        part("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#);
        part("xl/workbook.xml", br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="SoA" sheetId="1" r:id="rId1"/></sheets></workbook>"#);
        part("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#);
        part("xl/worksheets/sheet1.xml", sheet);
        if let Some(strings) = strings {
            part("xl/sharedStrings.xml", strings);
        }
        zip.finish().unwrap().into_inner()
    }

    fn sheet_xml(dimension: &str, cells: &str) -> Vec<u8> {
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{cells}</sheetData></worksheet>"#).into_bytes()
    }

    const HEADER_CELLS: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Control</t></is></c><c r="B1" t="inlineStr"><is><t>Applicable</t></is></c></row>"#;

    fn hostile(dir: &Path) {
        let write = |name: &str, bytes: Vec<u8>| std::fs::write(dir.join(name), bytes).unwrap();
        write(
            "hostile_unique_count.xlsx",
            workbook(
                &sheet_xml("A1:B1", HEADER_CELLS),
                Some(br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="4000000000000"><si><t>x</t></si></sst>"#),
            ),
        );
        write(
            "hostile_far_cell.xlsx",
            workbook(
                &sheet_xml(
                    "A1:B1",
                    &format!(
                        r#"{HEADER_CELLS}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#
                    ),
                ),
                None,
            ),
        );
        write(
            "hostile_dimension.xlsx",
            workbook(&sheet_xml("A1:XFD1048576", HEADER_CELLS), None),
        );
        let mut long = br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>"#.to_vec();
        long.extend(std::iter::repeat_n(b'a', 8 * 1024 * 1024));
        long.extend(b"</t></si></sst>");
        write(
            "hostile_long_string.xlsx",
            workbook(&sheet_xml("A1:B1", HEADER_CELLS), Some(&long)),
        );
        let mut bomb = sheet_xml("A1:B1", HEADER_CELLS);
        let at = bomb.len() - "</sheetData></worksheet>".len();
        bomb.splice(at..at, std::iter::repeat_n(b' ', 80 * 1024 * 1024));
        write("hostile_unpacks_huge.xlsx", workbook(&bomb, None));
    }
}
