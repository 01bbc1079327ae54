//! Frameworks through the binary: CSF 2.0 built in (show, search, coverage in every format), NIST
//! SP 800-53's low baseline added from its OSCAL catalog (searched and shown), a mapping CSV
//! added for it, and clear refusals that change nothing.

use std::path::Path;

const SP800_53: &str =
    "tests/reference/oscal/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json";

mod common;

use common::cli::{isms, ok};

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["init"]);
    dir
}

#[test]
fn csf_nodes_are_shown_and_searched_with_their_sources_apart() {
    let dir = workspace();
    let shown = ok(dir.path(), &["show", "csf2:GV.SC-07"]);
    assert!(
        shown.starts_with("GV.SC-07 The risks posed by a supplier"),
        "{shown}"
    );
    let razilio = shown.find("NIST-OLIR:Razilio").unwrap();
    let independent = shown.find("NIST-OLIR:Independent").unwrap();
    assert!(shown[razilio..independent].contains("A.5.19  Information security in supplier"));
    assert!(shown[independent..].contains("A.5.22"), "{shown}");
    assert!(!shown[independent..].contains("A.5.19"), "{shown}");
    assert!(shown.contains("not a conformance claim"));
    assert!(shown.lines().all(|l| l.chars().count() <= 80), "{shown}");

    let found = ok(dir.path(), &["search", "fw:csf2 supply chain"]);
    assert!(found.starts_with("csf2:GV.SC "), "{found}");
    let mapped = ok(dir.path(), &["search", "csf:PR.AA-05"]);
    assert!(mapped.contains("A.5.15  Access control"), "{mapped}");
    assert!(mapped.contains("NIST-OLIR:Independent") && mapped.contains("A.8.4"));
    for typed in ["csf2:PR.AA-05", "CSF:pr.aa-05"] {
        assert_eq!(ok(dir.path(), &["search", typed]), mapped, "{typed}");
    }
    // A plain search stays on the ISO catalogue.
    assert!(!ok(dir.path(), &["search", "supply", "chain"]).contains("csf2:"));
}

#[test]
fn an_oscal_catalog_is_added_searched_shown_and_removed() {
    let dir = workspace();
    let added = ok(
        dir.path(),
        &["framework", "add", SP800_53, "--id", "sp800-53-low"],
    );
    assert!(added.contains("149 assessable"), "{added}");
    let file = dir.path().join("frameworks/sp800-53-low.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("(\n    format: 1,\n    id: \"sp800-53-low\","));

    let found = ok(dir.path(), &["search", "fw:all account management"]);
    assert!(found.starts_with("sp800-53-low:AC-2 "), "{found}");
    let json: serde_json::Value = serde_json::from_str(&ok(
        dir.path(),
        &["show", "sp800-53-low:AC-2", "--format", "json"],
    ))
    .unwrap();
    assert_eq!(json["title"], "Account Management");
    assert_eq!(json["parent"], "AC");
    let text = json["text"].as_str().unwrap();
    assert!(text.contains("[Assignment: personnel or roles]"), "{text}");
    assert!(!text.contains("{{"), "{text}");

    let listed = ok(dir.path(), &["framework", "list"]);
    assert!(
        listed.contains("csf2") && listed.contains("sp800-53-low"),
        "{listed}"
    );
    // Adding the same id again is refused and changes nothing.
    let again = isms(
        dir.path(),
        &["framework", "add", SP800_53, "--id", "sp800-53-low"],
    );
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text_of(&file));
    ok(dir.path(), &["framework", "rm", "sp800-53-low"]);
    assert!(!file.exists());
}

fn text_of(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn a_mapping_csv_makes_coverage_work_for_an_added_framework() {
    let dir = workspace();
    ok(dir.path(), &["framework", "add", SP800_53, "--id", "low"]);
    let csv = dir.path().join("map.csv");
    std::fs::write(
        &csv,
        "source,target,relationship,provenance,note\nAC-2,A.5.16,,our team,\nCP-9,A.8.13,subset of,our team,backups\nAC-1,5.2,,our team,\n",
    )
    .unwrap();
    ok(dir.path(), &["mapping", "add", csv.to_str().unwrap()]);
    ok(
        dir.path(),
        &[
            "soa",
            "set",
            "8.13",
            "--applicability",
            "applicable",
            "--status",
            "implemented",
        ],
    );
    ok(
        dir.path(),
        &[
            "soa",
            "set",
            "5.16",
            "--applicability",
            "excluded",
            "--justification",
            "No accounts of our own",
        ],
    );
    let csv_out = ok(dir.path(), &["coverage", "low", "--format", "csv"]);
    assert!(
        csv_out.contains("our team,CP-9,CP,covered,8.13,,\r\n"),
        "{csv_out}"
    );
    assert!(
        csv_out.contains("our team,AC-2,AC,excluded,5.16,,\r\n"),
        "{csv_out}"
    );
    // AC-1 maps to clause 5.2 only, which a new workspace has not started: a gap, until the
    // management system says the clause is met.
    assert!(
        csv_out.contains("our team,AC-1,AC,gap,,5.2,5.2 not_started\r\n"),
        "{csv_out}"
    );
    assert!(
        csv_out.contains("our team,AC-3,AC,not mapped by this source,,,\r\n"),
        "{csv_out}"
    );
    ok(dir.path(), &["clause", "set", "5.2", "--status", "met"]);
    let csv_out = ok(dir.path(), &["coverage", "low", "--format", "csv"]);
    assert!(
        csv_out.contains("our team,AC-1,AC,covered,,5.2,5.2 met\r\n"),
        "{csv_out}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["coverage", "low", "--format", "json"])).unwrap();
    let ac1 = json["coverage"][0]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["node"] == "AC-1")
        .unwrap();
    assert_eq!(ac1["state"], "covered");
    assert_eq!(
        ac1["clause_status"],
        serde_json::json!([{"clause": "5.2", "status": "met"}])
    );
    let table = ok(dir.path(), &["coverage", "low"]);
    assert!(
        table.lines().any(|l| l.starts_with("  AC-1")
            && l.contains("covered")
            && l.contains("clauses 5.2 met")),
        "{table}"
    );

    // A row naming a node the framework lacks is refused, and the file is left as it was.
    let before = text_of(&dir.path().join("frameworks/low.ron"));
    std::fs::write(
        &csv,
        "source,target,relationship,provenance,note\nZZ-1,A.5.1,,x,\n",
    )
    .unwrap();
    let refused = isms(dir.path(), &["mapping", "add", csv.to_str().unwrap()]);
    assert_ne!(refused.status.code(), Some(0));
    assert_eq!(text_of(&dir.path().join("frameworks/low.ron")), before);
}

#[test]
fn coverage_of_csf_in_every_format_says_it_is_informative() {
    let dir = workspace();
    ok(
        dir.path(),
        &[
            "soa",
            "set",
            "8.13",
            "--applicability",
            "applicable",
            "--status",
            "partial",
        ],
    );
    let table = ok(
        dir.path(),
        &["coverage", "csf2", "--source", "NIST-OLIR:Razilio"],
    );
    assert!(table.contains("not a conformance claim"));
    assert!(table.contains("  PR.DS-11  partial    8.13\n"), "{table}");
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["coverage", "csf2", "--format", "json"])).unwrap();
    assert!(
        json["note"]
            .as_str()
            .unwrap()
            .contains("not a conformance claim")
    );
    assert_eq!(json["coverage"].as_array().unwrap().len(), 2);
    let md = ok(dir.path(), &["coverage", "csf2", "--format", "md"]);
    assert!(md.contains("| PR.DS-11 | partial | 8.13 |  |"), "{md}");
    let unknown = isms(dir.path(), &["coverage", "csf2", "--source", "nobody"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn a_file_that_is_not_an_oscal_catalog_is_refused_with_its_place() {
    let dir = workspace();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"catalog\": {\"groups\": [\n  {\"id\": }]}}").unwrap();
    let output = isms(dir.path(), &["framework", "add", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("bad.json:2:"), "{said}");
    assert!(!dir.path().join("frameworks").exists());
}
