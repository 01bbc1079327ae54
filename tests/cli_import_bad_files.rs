//! `isms import` on each bad file of `tests/fixtures/import` (and an empty file, a 20 MB sheet
//! and a fake XLSX): exit 2, one clear message naming the file, and not a byte of the workspace
//! changed.

use std::path::Path;
use std::process::Command;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");

/// Imports `file` (relative to `cwd`) into a fresh workspace; returns exit code and stderr,
/// after checking that the workspace files did not change.
fn import(cwd: &Path, kind: &str, file: &str) -> (Option<i32>, String) {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    let status = Command::new(env!("CARGO_BIN_EXE_isms"))
        .arg("init")
        .arg(&ws)
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    let before = snapshot(&ws);
    let output = Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(["-w", ws.to_str().unwrap(), "import", kind, file])
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(snapshot(&ws), before, "{file}: the workspace changed");
    assert!(
        output.stdout.is_empty(),
        "{file}: no report for a refused file"
    );
    (
        output.status.code(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn each_bad_fixture_is_refused_with_its_message() {
    let cases = [
        (
            "latin1.csv",
            "line 2: is not UTF-8 text (byte 0xE9; probably Windows-1252 or Latin-1); save it as \"CSV UTF-8\" and import that",
        ),
        (
            "utf16.csv",
            "is UTF-16 text (\"Unicode text\"); save it as \"CSV UTF-8\" and import that",
        ),
        (
            "junk.bin",
            "holds binary data, not CSV text; expected a CSV (UTF-8) or XLSX file",
        ),
        (
            "unclosed_quote.csv",
            "line 2: a quoted cell is opened here and never closed",
        ),
        (
            "no_header.csv",
            "found no header row naming the control (Control, Control ID, Annex A ref or Clause) and at least one more known column in the first 20 rows (the first row shows \"Name\", \"Colour\", \"Size\")",
        ),
        ("missing.csv", "cannot read: no such file or directory"),
    ];
    for (file, message) in cases {
        let (code, stderr) = import(Path::new(FIXTURES), "soa", file);
        assert_eq!(code, Some(2), "{file}: {stderr}");
        assert_eq!(stderr, format!("isms: {file}: {message}\n"));
    }
    let (code, stderr) = import(Path::new(FIXTURES), "risks", "no_header.csv");
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with(
            "isms: no_header.csv: found no header row naming the risk (Risk ID or Title)"
        ),
        "{stderr}"
    );
}

#[test]
fn empty_huge_and_fake_spreadsheets_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.csv"), "\r\n \r\n").unwrap();
    let row = "5.1,Yes,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n";
    let huge = "Control,Applicable,Justification\r\n".to_string() + &row.repeat(350_000);
    std::fs::write(dir.path().join("huge.csv"), &huge).unwrap();
    std::fs::write(
        dir.path().join("fake.xlsx"),
        b"PK\x03\x04this is not a workbook",
    )
    .unwrap();
    let cases = [
        (
            "empty.csv",
            "isms: empty.csv: is empty; expected a CSV or XLSX file with a header row\n",
        ),
        (
            "huge.csv",
            "isms: huge.csv: is 22.0 MB, larger than the 10 MB isms reads; is it the right file?\n",
        ),
    ];
    for (file, expected) in cases {
        let (code, stderr) = import(dir.path(), "soa", file);
        assert_eq!((code, stderr.as_str()), (Some(2), expected));
    }
    let (code, stderr) = import(dir.path(), "soa", "fake.xlsx");
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with("isms: fake.xlsx: is not a spreadsheet isms can read"),
        "{stderr}"
    );
}
