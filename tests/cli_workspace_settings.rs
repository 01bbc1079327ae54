//! `isms workspace set`: the organisation, scope and SoA version that exports carry, and a risk
//! method change that says which risks change level before it is saved (and `--dry-run`).

mod common;

use common::cli::{isms, ok};

#[test]
fn organisation_scope_and_version_reach_the_exported_soa() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["init"]);
    let said = ok(
        dir.path(),
        &[
            "workspace",
            "set",
            "--organisation",
            "Brackenfield Freight Systems Ltd",
            "--scope",
            "Freight booking platform and its UK offices",
            "--soa-version",
            "2.1",
        ],
    );
    assert_eq!(
        said,
        "Settings changed: organisation, soa_version, scope.\n"
    );
    let md = ok(dir.path(), &["soa", "--format", "md"]);
    assert!(md.contains("Brackenfield Freight Systems Ltd"), "{md}");
    assert!(
        md.contains("Freight booking platform and its UK offices"),
        "{md}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["workspace", "show", "--format", "json"])).unwrap();
    assert_eq!(json["soa_version"], "2.1");
    assert_eq!(
        ok(dir.path(), &["workspace", "set", "--soa-version", "2.1"]),
        "The workspace already has these settings.\n"
    );
}

#[test]
fn a_new_risk_method_names_the_risks_that_change_level_and_a_dry_run_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["init"]);
    ok(
        dir.path(),
        &[
            "risk",
            "add",
            "--title",
            "Ransomware",
            "--likelihood",
            "3",
            "--impact",
            "3",
        ],
    );
    let before = std::fs::read(dir.path().join("workspace.ron")).unwrap();
    let said = ok(
        dir.path(),
        &[
            "workspace",
            "set",
            "--band",
            "medium=10",
            "--band",
            "high=12",
            "--dry-run",
        ],
    );
    assert!(
        said.contains("1 risk level would change with the new method:"),
        "{said}"
    );
    assert!(said.contains("R-001 inherent: medium → low"), "{said}");
    assert_eq!(
        std::fs::read(dir.path().join("workspace.ron")).unwrap(),
        before
    );

    let refused = isms(dir.path(), &["workspace", "set", "--band", "high=3"]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        std::fs::read(dir.path().join("workspace.ron")).unwrap(),
        before
    );

    ok(
        dir.path(),
        &["workspace", "set", "--likelihood-label", "3=Even odds"],
    );
    let shown = ok(dir.path(), &["workspace", "show"]);
    assert!(shown.contains("3=Even odds"), "{shown}");
}
