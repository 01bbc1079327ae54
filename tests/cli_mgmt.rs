//! The management-system commands end to end on a fresh workspace: clauses, evidence with its
//! hash and verification, an audit with a sampled item, a finding raised from it and closed with
//! an effectiveness check, a management review, the listings as JSON, and the report.

use std::path::Path;
use std::process::{Command, Output};

fn isms(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let output = isms(dir, args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(dir, args)).unwrap()
}

fn check_codes(dir: &Path) -> Vec<(String, String)> {
    let output = isms(dir, &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["subject"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn an_audit_finding_is_raised_and_closed_with_an_effectiveness_check() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    ok(ws, &["init"]);
    std::fs::create_dir(ws.join("records")).unwrap();
    std::fs::write(ws.join("records/audit-2026.md"), "Audit report\n").unwrap();

    let id = ok(
        ws,
        &[
            "evidence",
            "add",
            "--title",
            "Audit report 2026",
            "--kind",
            "record",
            "--location",
            "records/audit-2026.md",
            "--supports",
            "8.32",
            "--supports",
            "clause:9.2.2",
            "--expires",
            "2099-01-01",
        ],
    );
    assert_eq!(id, "E-001\n");
    let evidence = json(ws, &["evidence", "--format", "json"]);
    assert_eq!(
        evidence["evidence"][0]["sha256"].as_str().unwrap().len(),
        64
    );
    assert_eq!(
        evidence["evidence"][0]["supports"],
        serde_json::json!(["control:8.32", "clause:9.2.2"])
    );

    ok(
        ws,
        &[
            "clause",
            "set",
            "9.2.2",
            "--status",
            "met",
            "--owner",
            "CISO",
            "--statement",
            "Three-year programme in audits.ron",
            "--evidence",
            "E-001",
            "--reviewed",
            "today",
        ],
    );
    let clauses = json(ws, &["clauses", "--format", "json"]);
    let entry = clauses["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["clause"] == "9.2.2")
        .unwrap();
    assert_eq!(entry["status"], "met");
    assert_eq!(entry["title"], "Internal audit programme");
    assert!(!check_codes(ws).contains(&("clause_not_started".into(), "9.2.2".into())));

    assert_eq!(
        ok(
            ws,
            &[
                "audit",
                "add",
                "--title",
                "Internal audit 2026",
                "--auditor",
                "J. Whitfield",
                "--independence",
                "Contracted; no operational role",
                "--status",
                "complete",
                "--finished",
                "today"
            ]
        ),
        "A-001\n"
    );
    assert_eq!(
        ok(
            ws,
            &[
                "audit",
                "item",
                "A-001",
                "--ref",
                "8.32",
                "--tested",
                "Reviews before merge",
                "--result",
                "minor_nc",
                "--evidence",
                "E-001"
            ]
        ),
        "A-001.1\n"
    );
    assert!(check_codes(ws).contains(&("item_without_sample".into(), "A-001.1".into())));

    assert_eq!(
        ok(
            ws,
            &[
                "finding",
                "add",
                "--kind",
                "minor_nc",
                "--source",
                "internal_audit:A-001",
                "--ref",
                "8.32",
                "--statement",
                "Three changes merged without review"
            ]
        ),
        "F-001\n"
    );
    assert!(check_codes(ws).contains(&("nonconformity_incomplete".into(), "F-001".into())));
    ok(
        ws,
        &[
            "finding",
            "set",
            "F-001",
            "--root-cause",
            "Admin bypass",
            "--action",
            "Bypass removed",
            "--owner",
            "Engineering Manager",
            "--due",
            "2099-01-31",
            "--status",
            "closed",
        ],
    );
    assert!(check_codes(ws).contains(&("closed_without_check".into(), "F-001".into())));
    ok(
        ws,
        &[
            "finding",
            "set",
            "F-001",
            "--checked-by",
            "CISO",
            "--checked-on",
            "today",
            "--check-result",
            "effective",
            "--closed",
            "today",
        ],
    );
    let codes = check_codes(ws);
    assert!(!codes.iter().any(|(_, s)| s == "F-001"), "{codes:?}");
    let findings = json(ws, &["findings", "--format", "json"]);
    assert_eq!(findings["findings"][0]["effectiveness"]["by"], "CISO");
    assert_eq!(findings["findings"][0]["status"], "closed");

    assert_eq!(
        ok(
            ws,
            &[
                "review",
                "add",
                "--date",
                "today",
                "--chair",
                "CEO",
                "--input",
                "audit_results=One minor nonconformity, closed"
            ]
        ),
        "MR-001\n"
    );
    let reviews = json(ws, &["reviews", "--format", "json"]);
    assert_eq!(reviews["reviews"][0]["inputs"][0]["topic"], "audit_results");
    assert!(check_codes(ws).contains(&("review_input_missing".into(), "MR-001".into())));
    assert_eq!(
        json(ws, &["audits", "--format", "json"])["audits"][0]["items"][0]["result"],
        "minor_nc"
    );

    assert_eq!(isms(ws, &["evidence", "verify"]).status.code(), Some(0));
    std::fs::write(ws.join("records/audit-2026.md"), "Edited\n").unwrap();
    let verify = isms(ws, &["evidence", "verify"]);
    assert_eq!(verify.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&verify.stdout).contains("[evidence_changed]"));
    std::fs::remove_file(ws.join("records/audit-2026.md")).unwrap();
    assert!(check_codes(ws).contains(&("evidence_missing".into(), "E-001".into())));

    let report = ok(ws, &["report", "--format", "md"]);
    assert!(report.contains("## Clauses 4–10"), "{report}");
    ok(ws, &["report", "--format", "html", "-o", "report.html"]);
    assert!(
        std::fs::read_to_string(ws.join("report.html"))
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn bad_values_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    ok(ws, &["init"]);
    let before = std::fs::read(ws.join("isms.ron")).unwrap();
    let unknown = isms(ws, &["clause", "set", "11.1", "--status", "met"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).starts_with("isms: no sub-clause \"11.1\""));
    let bad_ref = isms(
        ws,
        &[
            "finding",
            "add",
            "--kind",
            "minor_nc",
            "--source",
            "monitoring",
            "--ref",
            "8.99",
            "--statement",
            "x",
        ],
    );
    assert_eq!(bad_ref.status.code(), Some(2));
    let missing = isms(
        ws,
        &[
            "evidence",
            "add",
            "--title",
            "t",
            "--kind",
            "record",
            "--location",
            "nowhere.pdf",
        ],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(std::fs::read(ws.join("isms.ron")).unwrap(), before);
    assert!(
        std::fs::read_to_string(ws.join("findings.ron"))
            .unwrap()
            .contains("findings: []")
    );
}
