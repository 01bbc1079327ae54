//! Exports and imports through the real binary: a workspace built with `isms soa set` and
//! `isms risk add`, exported as CSV and XLSX and imported into a fresh `isms init` workspace,
//! gives the same SoA and risk register; `--dry-run` and a refused overwrite change no byte.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn isms(dir: &Path, args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_isms"))
        .arg("-w")
        .arg(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        output.stderr.is_empty() || !output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let output = isms(dir, args);
    assert!(
        output.status.success(),
        "{args:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn init(parent: &Path, name: &str) -> std::path::PathBuf {
    let dir = parent.join(name);
    ok(parent, &["init", dir.to_str().unwrap()]);
    dir
}

/// A workspace with decided controls, awkward text and risks, made through the CLI.
fn sample(parent: &Path) -> std::path::PathBuf {
    let dir = init(parent, "source");
    #[rustfmt::skip]
    let edits: [&[&str]; 6] = [
        &["soa", "set", "5.1", "--applicability", "applicable", "--reason", "contractual",
          "--reason", "legal_regulatory", "--justification", "Customers require it.\n\nSecond paragraph, \"quoted\"; with = and , signs",
          "--status", "implemented", "--note", "Signed yearly", "--owner", "CISO",
          "--evidence", "POL-001", "--evidence", "Minutes 2025", "--reviewed", "2025-05-06"],
        &["soa", "set", "7.4", "--applicability", "excluded", "--justification", "=No premises of our own", "--reviewed", "2025-01-31"],
        &["soa", "set", "8.13", "--applicability", "applicable", "--status", "partial", "--owner", "Ops"],
        &["risk", "add", "--title", "Ransomware", "--description", "Data encrypted\nby criminals", "--asset", "Database",
          "--threat", "Criminals", "--vulnerability", "Online backups", "--owner", "CTO", "--likelihood", "4", "--impact", "5",
          "--control", "8.13", "--control", "8.7", "--residual-likelihood", "2", "--residual-impact", "2", "--next-review", "2026-06-30"],
        &["risk", "add", "--title", "Laptop theft", "--likelihood", "3", "--impact", "3", "--treatment", "retain",
          "--status", "accepted", "--accepted-by", "CEO", "--accepted-on", "2025-03-01", "--accepted-until", "2026-03-01"],
        &["risk", "add", "--title", "+Supplier fails", "--likelihood", "2", "--impact", "4", "--treatment", "share", "--control", "5.19"],
    ];
    for args in edits {
        ok(&dir, args);
    }
    dir
}

/// The SoA and register as JSON, without the `updated` stamps (an import stamps its own).
fn state(dir: &Path) -> (Value, Value) {
    let soa: Value = serde_json::from_str(&ok(dir, &["soa", "--format", "json"])).unwrap();
    let mut risks: Value = serde_json::from_str(&ok(dir, &["risks", "--format", "json"])).unwrap();
    for risk in risks["risks"].as_array_mut().unwrap() {
        risk.as_object_mut().unwrap().remove("updated");
    }
    (soa, risks)
}

fn files(dir: &Path) -> Vec<Vec<u8>> {
    ["workspace.ron", "soa.ron", "risks.ron"]
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect()
}

fn round_trip(format: &str, soa_file: &str, risks_file: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let source = sample(tmp.path());
    let soa_out = tmp.path().join(soa_file);
    let risks_out = tmp.path().join(risks_file);
    ok(
        &source,
        &["soa", "--format", format, "-o", soa_out.to_str().unwrap()],
    );
    ok(
        &source,
        &[
            "risks",
            "--format",
            format,
            "-o",
            risks_out.to_str().unwrap(),
        ],
    );
    let target = init(tmp.path(), "target");
    let report = ok(&target, &["import", "risks", risks_out.to_str().unwrap()]);
    assert!(report.contains("Imported 3 risks"), "{report}");
    let report = ok(&target, &["import", "soa", soa_out.to_str().unwrap()]);
    assert!(
        report.contains("rows read: 93, mapped: 93, skipped: 0"),
        "{report}"
    );
    assert_eq!(state(&target), state(&source), "{format}");
    let before = files(&target);
    let again = ok(&target, &["import", "soa", soa_out.to_str().unwrap()]);
    assert!(again.contains("Nothing to change"), "{again}");
    assert_eq!(
        files(&target),
        before,
        "importing the same file again writes nothing"
    );
}

#[test]
fn csv_exports_import_into_a_fresh_workspace_unchanged() {
    round_trip("csv", "soa.csv", "risks.csv");
}

#[test]
fn xlsx_exports_import_into_a_fresh_workspace_unchanged() {
    round_trip("xlsx", "isms.xlsx", "risks.xlsx");
}

#[test]
fn dry_run_and_refused_overwrite_change_no_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let source = sample(tmp.path());
    let csv = tmp.path().join("soa.csv");
    ok(
        &source,
        &["soa", "--format", "csv", "-o", csv.to_str().unwrap()],
    );
    let edited = std::fs::read_to_string(&csv)
        .unwrap()
        .replace("Signed yearly", "Signed twice a year");
    std::fs::write(&csv, edited).unwrap();
    let before = files(&source);

    let dry = isms(
        &source,
        &["import", "soa", csv.to_str().unwrap(), "--dry-run"],
    );
    let text = String::from_utf8_lossy(&dry.stdout);
    assert!(
        text.contains("Dry run: would change 1 SoA entry: 5.1; nothing was written."),
        "{text}"
    );
    assert_eq!(
        dry.status.code(),
        Some(2),
        "a dry run exits as the import would"
    );
    assert_eq!(files(&source), before);

    let refused = isms(&source, &["import", "soa", csv.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&refused.stderr),
        "isms: 1 of these would replace decisions already in the workspace (5.1); nothing was changed — run again with --overwrite to replace them\n"
    );
    assert_eq!(files(&source), before);

    let out = ok(
        &source,
        &["import", "soa", csv.to_str().unwrap(), "--overwrite"],
    );
    assert!(out.contains("Imported 1 SoA entry; saved"), "{out}");
    let soa: Value = serde_json::from_str(&ok(&source, &["soa", "--format", "json"])).unwrap();
    assert_eq!(soa["entries"][0]["note"], "Signed twice a year");
}

#[test]
fn import_refuses_a_workspace_open_elsewhere() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = init(tmp.path(), "ws");
    let csv = tmp.path().join("soa.csv");
    std::fs::write(&csv, "Control,Applicable\r\n5.1,Yes\r\n").unwrap();
    // A session on another host holds the lock.
    std::fs::write(dir.join(".isms.lock"), "pid 1\nhost elsewhere\n").unwrap();
    let before = files(&dir);
    let output = isms(&dir, &["import", "soa", csv.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("the workspace is read-only here (open for editing by"),
        "{stderr}"
    );
    assert_eq!(files(&dir), before);
    let dry = isms(&dir, &["import", "soa", csv.to_str().unwrap(), "--dry-run"]);
    assert!(dry.status.success(), "a dry run needs no lock");
}
