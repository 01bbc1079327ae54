//! The workspace commands end to end: init, soa, soa set, risks, risk add/set/rm, check, and a
//! second session holding the lock.

use std::path::Path;
use std::process::{Command, Output};

fn isms(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(["-w", dir.to_str().unwrap()])
        .args(args)
        .env("NO_COLOR", "1")
        .env("USER", "alice")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn init_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("isms");
    let first = Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(["init", ws.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    let before = std::fs::read(ws.join("soa.ron")).unwrap();
    let second = isms(&ws, &["init"]);
    assert_eq!(second.status.code(), Some(2));
    assert_eq!(
        stderr(&second),
        format!(
            "isms: {} already exists; isms will not overwrite a workspace\n",
            ws.join("workspace.ron").display()
        )
    );
    assert_eq!(std::fs::read(ws.join("soa.ron")).unwrap(), before);
}

#[test]
fn soa_and_risks_are_edited_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    assert!(isms(ws, &["init"]).status.success());

    let set = isms(
        ws,
        &[
            "soa",
            "set",
            "A.8.13",
            "--applicability",
            "applicable",
            "--reason",
            "contractual",
            "--justification",
            "Backups are restored monthly.",
            "--status",
            "partial",
            "--owner",
            "IT ops",
            "--evidence",
            "BCP-1",
            "--evidence",
            "Restore log",
            "--reviewed",
            "2026-02-01",
        ],
    );
    assert_eq!(
        stdout(&set),
        "Updated the SoA entry of 8.13.\n",
        "{}",
        stderr(&set)
    );

    let add = isms(
        ws,
        &[
            "risk",
            "add",
            "--title",
            "Ransomware",
            "--likelihood",
            "4",
            "--impact",
            "5",
            "--control",
            "8.13",
        ],
    );
    assert_eq!(stdout(&add), "R-001\n", "{}", stderr(&add));
    let second = isms(
        ws,
        &[
            "risk",
            "add",
            "--title",
            "Flood",
            "--likelihood",
            "1",
            "--impact",
            "2",
        ],
    );
    assert_eq!(stdout(&second), "R-002\n");

    let soa = json(&isms(ws, &["soa", "--format", "json"]));
    let entry = &soa["entries"][soa["entries"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| e["control"] == "8.13")
        .unwrap()];
    assert_eq!(entry["title"], "Information backup");
    assert_eq!(
        entry["reasons"],
        serde_json::json!(["risk_treatment", "contractual"])
    );
    assert_eq!(
        entry["evidence"],
        serde_json::json!(["BCP-1", "Restore log"])
    );
    assert_eq!(entry["reviewed"], "2026-02-01");
    assert_eq!(entry["risks"], serde_json::json!(["R-001"]));
    let stored = std::fs::read_to_string(ws.join("soa.ron")).unwrap();
    assert!(!stored.contains("risk_treatment"));
    assert!(stored.contains("by: \"alice\""));

    let set = isms(
        ws,
        &[
            "risk",
            "set",
            "r-001",
            "--residual-likelihood",
            "2",
            "--residual-impact",
            "2",
            "--status",
            "treating",
        ],
    );
    assert_eq!(stdout(&set), "Updated risk R-001.\n", "{}", stderr(&set));
    let risks = json(&isms(ws, &["risks", "--format", "json"]));
    assert_eq!(risks["risks"][0]["inherent_level"], "critical");
    assert_eq!(risks["risks"][0]["residual_score"], 4);
    let table = stdout(&isms(ws, &["risks"]));
    assert!(
        table.contains("R-001   4×5   critical low      modify treating            Ransomware\n"),
        "{table}"
    );
    assert!(table.lines().all(|l| l.chars().count() <= 80));
    let soa_table = stdout(&isms(ws, &["soa"]));
    assert!(
        soa_table.contains("8.13   applicable partial     1     Information backup — IT ops\n"),
        "{soa_table}"
    );
    assert!(soa_table.lines().all(|l| l.chars().count() <= 80));

    assert_eq!(
        stdout(&isms(ws, &["risk", "rm", "R-002"])),
        "Removed risk R-002.\n"
    );
    let gone = isms(ws, &["risk", "rm", "R-002"]);
    assert_eq!(
        (gone.status.code(), stderr(&gone)),
        (Some(1), "isms: no risk R-002\n".into())
    );
}

#[test]
fn refused_edits_say_why_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    assert!(isms(ws, &["init"]).status.success());
    let before = std::fs::read(ws.join("soa.ron")).unwrap();
    let risks_before = std::fs::read(ws.join("risks.ron")).unwrap();
    let cases: [(&[&str], i32, &str); 4] = [
        (
            &["soa", "set", "8.99", "--owner", "x"],
            1,
            "isms: no control \"8.99\" in the catalogue (nearest: 8.29, 8.19, 8.9)\n",
        ),
        (&["soa", "set", "8.9", "--reason", "risk_treatment"], 2, ""),
        (
            &[
                "risk",
                "add",
                "--title",
                "x",
                "--likelihood",
                "6",
                "--impact",
                "1",
            ],
            2,
            "isms: likelihood 6 is not on the scale; expected 1 to 5\n",
        ),
        (&["soa", "set", "8.9", "--reviewed", "2026-02-30"], 2, ""),
    ];
    for (args, code, message) in cases {
        let output = isms(ws, args);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{args:?}: {}",
            stderr(&output)
        );
        if !message.is_empty() {
            assert_eq!(stderr(&output), message);
        }
        assert_eq!(std::fs::read(ws.join("soa.ron")).unwrap(), before);
        assert_eq!(std::fs::read(ws.join("risks.ron")).unwrap(), risks_before);
    }
}

#[test]
fn check_exits_by_findings_and_speaks_json() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    assert!(isms(ws, &["init"]).status.success());
    let output = isms(ws, &["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    let first = &report["findings"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "undecided");
    assert_eq!(first["subject"], "5.1");
    assert_eq!(
        first["message"],
        "Control 5.1 is neither applicable nor excluded yet."
    );
    let count = |code: &str| {
        let findings = report["findings"].as_array().unwrap();
        findings.iter().filter(|f| f["code"] == code).count()
    };
    assert_eq!(count("undecided"), 93);
    // A fresh workspace lists every sub-clause of the management system as not started.
    assert_eq!(count("clause_not_started"), 30);

    let soa = std::fs::read_to_string(ws.join("soa.ron")).unwrap();
    let decided = soa.replace("applicability: undecided,\n            reasons: [],", "applicability: applicable,\n            reasons: [\n                business,\n            ],");
    std::fs::write(ws.join("soa.ron"), decided).unwrap();
    let decided = isms(ws, &["check"]);
    assert_eq!(decided.status.code(), Some(1));
    assert!(!stdout(&decided).contains("[undecided]"));
    assert!(
        stdout(&decided).contains("30 findings [clause_not_started]: 4.1, 4.2,"),
        "{}",
        stdout(&decided)
    );
    let listed = isms(ws, &["check", "--code", "clause_not_started"]);
    assert!(
        stdout(&listed).contains("9.2.2   Clause 9.2.2 (Internal audit programme) is not started.")
    );

    let missing = isms(&ws.join("nowhere"), &["check"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn a_second_session_waits_for_the_lock_then_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    assert!(isms(ws, &["init"]).status.success());
    // This test process holds the lock, as an open workbench would.
    let held = isms::store::lock::Lock::acquire(ws).unwrap();
    let before = std::fs::read(ws.join("soa.ron")).unwrap();

    let output = isms(
        ws,
        &["soa", "set", "5.1", "--owner", "bob", "--wait", "0.2"],
    );
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    let message = stderr(&output);
    let prefix = format!(
        "isms: {}: the workspace is open for editing by pid {} (",
        ws.display(),
        std::process::id()
    );
    assert!(message.starts_with(&prefix), "{message}");
    assert!(
        message.ends_with(
            "; nothing was saved (try again later, or run `isms unlock` if that session is gone)\n"
        ),
        "{message}"
    );
    assert_eq!(std::fs::read(ws.join("soa.ron")).unwrap(), before);
    assert!(isms(ws, &["soa"]).status.success(), "reading needs no lock");

    // A writer waits for the lock and succeeds once it is released.
    let ws_path = ws.to_path_buf();
    let writer = std::thread::spawn(move || {
        Command::new(env!("CARGO_BIN_EXE_isms"))
            .args(["soa", "set", "5.1", "--owner", "bob", "--wait", "30"])
            .current_dir(ws_path)
            .output()
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    drop(held);
    let output = writer.join().unwrap().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        std::fs::read_to_string(ws.join("soa.ron"))
            .unwrap()
            .contains("owner: \"bob\"")
    );
    assert!(!ws.join(".isms.lock").exists());
}

#[test]
fn a_lock_naming_a_reused_pid_or_another_host() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    assert!(isms(ws, &["init"]).status.success());
    // A live process that is not isms has the pid the lock names: its flock is free, so the lock
    // is stale and taken over.
    let mut other = Command::new("sleep").arg("30").spawn().unwrap();
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    let lock = format!("pid {}\nhost {}\n", other.id(), host.trim());
    std::fs::write(ws.join(".isms.lock"), &lock).unwrap();
    let output = isms(ws, &["soa", "set", "5.1", "--owner", "bob"]);
    assert!(output.status.success(), "{}", stderr(&output));
    other.kill().unwrap();
    other.wait().unwrap();

    // A lock from another host stays until `isms unlock` clears it.
    std::fs::write(
        ws.join(".isms.lock"),
        "pid 42\nhost far\nuser ann\nsince 2026-12-01T09:00:00Z\n",
    )
    .unwrap();
    let output = isms(ws, &["soa", "set", "5.1", "--owner", "cy", "--wait", "0"]);
    assert_eq!(output.status.code(), Some(3));
    assert!(stderr(&output).contains("by pid 42 (ann) on host far since 2026-12-01T09:00:00Z"));
    let output = isms(ws, &["unlock"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "no terminal to ask on, no --yes"
    );
    assert!(stderr(&output).contains("add --yes"), "{}", stderr(&output));
    let output = isms(ws, &["unlock", "--yes"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "Removed the lock held by pid 42 (ann) on host far since 2026-12-01T09:00:00Z.\n"
    );
    let output = isms(ws, &["soa", "set", "5.1", "--owner", "cy"]);
    assert!(output.status.success(), "{}", stderr(&output));
}
