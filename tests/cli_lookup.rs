//! `isms show`, `isms search` and `isms catalogue` as a script sees them: output and exit codes.

use std::process::{Command, Output};

fn isms(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn show_prints_the_control_as_json_in_the_documented_shape() {
    let output = isms(&["show", "8.9", "--format", "json"]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["id"], "8.9");
    assert_eq!(json["theme"], "Technological");
    assert_eq!(json["title"], "Configuration management");
    assert_eq!(json["new_in_2022"], true);
    assert_eq!(
        json["attributes"]["control_type"],
        serde_json::json!(["Preventive"])
    );
    assert_eq!(
        json["attributes"]["operational_capabilities"],
        serde_json::json!(["Secure_configuration"])
    );
    assert_eq!(
        json["attributes"]["security_domains"],
        serde_json::json!(["Protection"])
    );
    assert_eq!(json["iso27002_2013"], serde_json::json!([]));
    for field in ["related", "evidence", "pitfalls"] {
        assert!(
            json[field].as_array().is_some_and(|a| !a.is_empty()),
            "{field}"
        );
    }
    for field in ["purpose", "guidance"] {
        assert!(
            json[field].as_str().is_some_and(|s| !s.is_empty()),
            "{field}"
        );
    }
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 14);
    assert_eq!(
        json["group"], "",
        "the ISO catalogue's groups are its themes"
    );
    assert_eq!(json["short_title"], "Configuration management");
    assert!(
        json["aliases"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("hardening"))
    );
}

#[test]
fn show_accepts_every_spelling_of_an_id() {
    for id in ["8.9", "A.8.9", "a.8.9"] {
        let output = isms(&["show", id]);
        assert!(output.status.success(), "{id}");
        assert!(
            stdout(&output).starts_with("8.9  Configuration management"),
            "{id}"
        );
    }
}

#[test]
fn show_answers_a_2013_id_with_the_2022_control() {
    let output = isms(&["show", "A.12.3.1"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(
        text.starts_with("A.12.3.1 (ISO/IEC 27002:2013) was replaced by 8.13."),
        "{text}"
    );
    assert!(text.contains("8.13  Information backup"));
    let output = isms(&["show", "12.3.1", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["id"], "8.13");
}

#[test]
fn show_text_fits_80_columns_and_has_every_section() {
    for id in ["5.1", "5.36", "8.9", "7.4"] {
        let text = stdout(&isms(&["show", id]));
        for line in text.lines() {
            assert!(
                line.chars().count() <= 80,
                "{id}: {line:?} is wider than 80 columns"
            );
        }
        for heading in [
            "Purpose",
            "Guidance",
            "Evidence an auditor asks for",
            "Common pitfalls",
            "Related controls",
        ] {
            assert!(text.lines().any(|l| l == heading), "{id} lacks {heading}");
        }
        assert!(
            text.contains("#Preventive"),
            "{id} shows attributes as hashtags"
        );
        assert!(
            !text.contains('\x1b'),
            "no colour when stdout is not a terminal"
        );
    }
}

#[test]
fn unknown_id_exits_1_naming_the_nearest() {
    let output = isms(&["show", "5.38"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "isms: no control \"5.38\" in the catalogue (nearest: 5.37, 5.36, 5.35)\n"
    );
}

#[test]
fn search_prints_best_first_and_json_hits() {
    let text = stdout(&isms(&["search", "backup"]));
    assert!(text.starts_with("8.13  Information backup"), "{text}");
    let output = isms(&[
        "search", "threat", "intel", "--format", "json", "--limit", "3",
    ]);
    let hits: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 3);
    assert_eq!(hits[0]["id"], "5.7");
    assert_eq!(hits[0]["title"], "Threat intelligence");
    assert!(hits[0]["score"].as_u64().unwrap() >= hits[1]["score"].as_u64().unwrap());
}

#[test]
fn search_says_where_each_hit_matched() {
    let text = stdout(&isms(&["search", "backup", "--limit", "40"]));
    let lines: Vec<&str> = text.lines().collect();
    let networks = lines
        .iter()
        .position(|line| line.starts_with("8.22 "))
        .expect("8.22 is a hit");
    let why = lines[networks + 1];
    assert!(why.starts_with("      matched in "), "{why}");
    assert!(why.to_lowercase().contains("backup"), "{why}");
    assert!(
        lines.iter().all(|line| line.chars().count() <= 80),
        "{text}"
    );

    let output = isms(&["search", "pentest", "--format", "json", "--limit", "2"]);
    let hits: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(hits[0]["id"], "8.8");
    assert_eq!(
        hits[0]["matched"],
        serde_json::json!({"field": "aliases", "snippet": "pentest"})
    );
    assert!(hits[0]["aliases"].as_array().unwrap().len() > 3);
    assert_eq!(hits[0]["short_title"], "Vulnerability management");
}

#[test]
fn id_and_title_hits_say_so_in_text_and_json() {
    let text = stdout(&isms(&["search", "backup", "--limit", "1"]));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("8.13  Information backup"), "{text}");
    assert_eq!(lines[1], "      matched in title", "{text}");
    let text = stdout(&isms(&["search", "8.13"]));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("8.13  "), "{text}");
    assert_eq!(lines[1], "      matched in id", "{text}");

    let output = isms(&["search", "backup", "--format", "json", "--limit", "1"]);
    let hits: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(hits[0]["matched"]["field"], "title");
    assert_eq!(hits[0]["matched"]["snippet"], "Information backup");
    let output = isms(&["search", "8.13", "--format", "json"]);
    let hits: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        hits[0]["matched"],
        serde_json::json!({"field": "id", "snippet": "8.13"})
    );
}

#[test]
fn a_catalogue_file_may_carry_aliases_and_short_titles() {
    let output = isms(&[
        "--catalogue",
        "tests/fixtures/small_catalogue.ron",
        "search",
        "raci",
        "--format",
        "json",
    ]);
    assert!(output.status.success());
    let hits: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(hits[0]["id"], "5.2");
    assert_eq!(hits[0]["short_title"], "Security roles");
    assert_eq!(hits[0]["matched"]["field"], "aliases");
    let show = stdout(&isms(&[
        "--catalogue",
        "tests/fixtures/small_catalogue.ron",
        "show",
        "5.2",
    ]));
    assert!(
        show.contains("Also called: RACI, job descriptions"),
        "{show}"
    );
}

#[test]
fn search_without_hits_exits_1_and_bad_filters_exit_2() {
    let output = isms(&["search", "qqqqzzzz"]);
    assert_eq!(output.status.code(), Some(1));
    let output = isms(&["search", "#nonsense"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .starts_with("isms: no attribute starts with #nonsense")
    );
}

#[test]
fn catalogue_lists_every_control_in_each_format() {
    let table = stdout(&isms(&["catalogue"]));
    assert_eq!(table.lines().count(), 94);
    assert!(table.lines().all(|l| l.chars().count() <= 80));
    let csv = isms(&["catalogue", "--format", "csv"]).stdout;
    let mut reader = csv::Reader::from_reader(csv.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 93);
    assert_eq!(&rows[0][0], "5.1");
    assert_eq!(reader.headers().unwrap().len(), 15);
    let json: serde_json::Value =
        serde_json::from_slice(&isms(&["catalogue", "--format", "json"]).stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 93);
}

#[test]
fn text_from_a_catalogue_file_never_carries_escape_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("evil.ron");
    let source = std::fs::read_to_string("tests/fixtures/small_catalogue.ron").unwrap();
    std::fs::write(
        &file,
        source.replace(
            "\"Screening\"",
            "\"Scr\\u{1b}]0;pwned\\u{7}eening\\u{1b}[2J\"",
        ),
    )
    .unwrap();
    for args in [
        vec!["show", "6.1"],
        vec!["search", "screening"],
        vec!["catalogue"],
    ] {
        let mut all = vec!["--catalogue", file.to_str().unwrap()];
        all.extend(args);
        let output = isms(&all);
        assert!(output.status.success());
        assert!(
            !output.stdout.contains(&0x1b),
            "{all:?} printed an escape sequence"
        );
        assert!(!output.stdout.contains(&0x07), "{all:?} printed a bell");
    }
}
