//! `isms import` from the command line: the help documents `--map`, `--date-order` and the
//! languages; options reach the import; an import that changes nothing says how many decisions
//! it read; a risk id with a space is never saved, so the workspace stays readable; a treatment
//! the file does not give is saved as undecided and `isms check` asks for it.

use std::path::Path;
use std::process::{Command, Output};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/import_fixtures");

fn isms(ws: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .arg("-w")
        .arg(ws)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn workspace() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("ws");
    let status = Command::new(env!("CARGO_BIN_EXE_isms"))
        .arg("init")
        .arg(&ws)
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    (tmp, ws)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn help_documents_map_date_order_and_languages() {
    let (_tmp, ws) = workspace();
    let help = text(&isms(&ws, &["import", "soa", "--help"]).stdout);
    for wanted in [
        "--map",
        "--date-order",
        "German",
        "Czech",
        "Greek",
        "tick_legal",
    ] {
        assert!(help.contains(wanted), "{wanted} missing from:\n{help}");
    }
}

#[test]
fn map_applies_and_a_second_import_says_what_it_read() {
    let (_tmp, ws) = workspace();
    let file = format!("{FIXTURES}/soa_map.csv");
    let args = [
        "import",
        "soa",
        &file,
        "--map",
        "Decision=applicability",
        "--map",
        "Why=justification",
    ];
    let first = isms(&ws, &args);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    assert!(text(&first.stdout).contains("Imported 2 SoA entries"));
    let again = isms(&ws, &args);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        text(&again.stdout).contains("Nothing to change: read 2 SoA entries from the file"),
        "{}",
        text(&again.stdout)
    );
    let bad = isms(&ws, &["import", "soa", &file, "--map", "nonsense"]);
    assert_eq!(bad.status.code(), Some(2), "{}", text(&bad.stderr));
}

#[test]
fn a_register_without_a_likelihood_column_is_refused_with_exit_2() {
    let (_tmp, ws) = workspace();
    let file = format!("{FIXTURES}/risks_no_likelihood.csv");
    let out = isms(&ws, &["import", "risks", &file]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no likelihood column"));
}

#[test]
fn a_risk_id_with_a_space_is_never_saved() {
    let (_tmp, ws) = workspace();
    let file = format!("{FIXTURES}/risks_bad_id.csv");
    let out = isms(&ws, &["import", "risks", &file]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let list = isms(&ws, &["risks"]);
    assert!(list.status.success(), "{}", text(&list.stderr));
    let listed = text(&list.stdout);
    assert!(
        listed.contains("R-8") && !listed.contains("R 7"),
        "{listed}"
    );
}

#[test]
fn a_treatment_the_file_does_not_give_is_saved_undecided_and_checked() {
    for (fixture, undecided) in [
        ("risks_register_en.csv", &["R-2"][..]),
        ("risks_no_title.csv", &["R-001", "R-002"]),
    ] {
        let (_tmp, ws) = workspace();
        let file = format!("{FIXTURES}/{fixture}");
        let out = isms(&ws, &["import", "risks", &file]);
        let report = text(&out.stdout);
        // Exit 1 when some cell was not understood, as for any import.
        assert!(report.contains("Imported"), "{}", text(&out.stderr));
        assert!(
            report.contains(&format!(
                "{} risk(s) have an undecided treatment",
                undecided.len()
            )),
            "{report}"
        );
        let saved = std::fs::read_to_string(ws.join("risks.ron")).unwrap();
        assert!(saved.contains("treatment: undecided"), "{saved}");
        let check = isms(&ws, &["check", "--code", "undecided_treatment"]);
        let found = text(&check.stdout);
        assert_eq!(check.status.code(), Some(1), "{found}");
        for id in undecided {
            assert!(found.contains(id), "{id} missing from:\n{found}");
        }
    }
    let (_tmp, ws) = workspace();
    let file = format!("{FIXTURES}/risks_register_en.csv");
    isms(&ws, &["import", "risks", &file]);
    // Imported again: the risk stays undecided and the word is named again.
    let report = text(&isms(&ws, &["import", "risks", &file]).stdout);
    assert!(
        report.contains("\"Accept with monitoring\" (1 row(s))"),
        "{report}"
    );
    // The exports read the saved register back.
    let listed = isms(&ws, &["risks", "--format", "csv"]);
    assert!(
        text(&listed.stdout).contains("undecided"),
        "{}",
        text(&listed.stderr)
    );
}
