//! A workspace made with a custom catalogue, through the binary: it keeps a copy and names the
//! catalogue in workspace.ron, later commands use it without `--catalogue` and accept its ids
//! (`IA-2(1)`), another catalogue is refused saying which is which, and tables fit long ids.

use std::path::Path;

mod common;

use common::cli::{isms, ok};

const CUSTOM: &str = "tests/fixtures/sp800_53_catalogue.ron";

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(name)
        .display()
        .to_string()
}

fn custom_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let said = ok(dir.path(), &["--catalogue", &fixture(CUSTOM), "init"]);
    assert!(said.contains("7 controls"), "{said}");
    assert!(said.contains("catalogue.ron"), "{said}");
    dir
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The column where the text after the id starts on the line of `id`.
fn column_after_id(table: &str, id: &str) -> usize {
    let line = table
        .lines()
        .find(|l| l.starts_with(&format!("{id} ")))
        .unwrap_or_else(|| panic!("no row for {id} in\n{table}"));
    id.len() + line[id.len()..].chars().take_while(|c| *c == ' ').count()
}

#[test]
fn the_workspace_remembers_its_catalogue_and_accepts_its_ids() {
    let dir = custom_workspace();
    let ws = dir.path();
    let settings = std::fs::read_to_string(ws.join("workspace.ron")).unwrap();
    assert!(
        settings.contains("catalogue: \"Example SP 800-53 selection\""),
        "{settings}"
    );
    assert_eq!(
        std::fs::read(ws.join("catalogue.ron")).unwrap(),
        std::fs::read(CUSTOM).unwrap()
    );
    // No --catalogue from here on.
    ok(
        ws,
        &[
            "soa",
            "set",
            "IA-2(1)",
            "--applicability",
            "applicable",
            "--reason",
            "contractual",
            "--justification",
            "Customers ask for it.",
        ],
    );
    let soa = ok(ws, &["soa", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&soa).unwrap();
    let text = json.to_string();
    assert!(text.contains("IA-2(1)") && text.contains("Customers ask for it."));
    let show = ok(ws, &["show", "IA-2(1)"]);
    assert!(show.contains("Multi-factor Authentication"), "{show}");
    assert!(
        show.lines().nth(1) == Some("Identification and Authentication"),
        "its own group, not ISO's theme: {show}"
    );
    assert!(show.contains("Customers ask for it."), "{show}");
    let check = isms(ws, &["check"]);
    assert!(
        !stderr(&check).contains("unknown control"),
        "{}",
        stderr(&check)
    );
    // The same catalogue given again is welcome.
    ok(ws, &["--catalogue", &fixture(CUSTOM), "soa"]);
}

#[test]
fn another_catalogue_is_refused_saying_which_is_which() {
    let dir = custom_workspace();
    let before = std::fs::read(dir.path().join("soa.ron")).unwrap();
    let output = isms(
        dir.path(),
        &[
            "--catalogue",
            &fixture("catalogue/iso27002-2022.ron"),
            "soa",
            "set",
            "5.1",
            "--status",
            "planned",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("workspace.ron:")
            && message.contains("follows the catalogue \"Example SP 800-53 selection\"")
            && message.contains("not the catalogue \"ISO/IEC 27002:2022\""),
        "{message}"
    );
    assert_eq!(std::fs::read(dir.path().join("soa.ron")).unwrap(), before);

    let iso = tempfile::tempdir().unwrap();
    ok(iso.path(), &["init"]);
    let output = isms(iso.path(), &["--catalogue", &fixture(CUSTOM), "soa"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("follows the built-in catalogue \"ISO/IEC 27002:2022\"")
            && message.contains("not the catalogue \"Example SP 800-53 selection\""),
        "{message}"
    );
}

#[test]
fn a_missing_copy_is_named_and_a_foreign_copy_refused() {
    let dir = custom_workspace();
    let copy = dir.path().join("catalogue.ron");
    std::fs::rename(&copy, dir.path().join("moved.ron")).unwrap();
    let output = isms(dir.path(), &["soa"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("follows the catalogue \"Example SP 800-53 selection\"")
            && message.contains("catalogue.ron"),
        "{message}"
    );
    std::fs::copy("tests/fixtures/small_catalogue.ron", &copy).unwrap();
    let output = isms(dir.path(), &["soa"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is the catalogue \"Example in-house controls\""),
        "{}",
        stderr(&output)
    );
}

#[test]
fn init_never_writes_over_another_catalogue_copy() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("catalogue.ron"), "mine").unwrap();
    let output = isms(dir.path(), &["--catalogue", &fixture(CUSTOM), "init"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("catalogue.ron already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("catalogue.ron")).unwrap(),
        "mine"
    );
    assert!(!dir.path().join("workspace.ron").exists());
}

#[test]
fn tables_fit_the_longest_id() {
    let dir = custom_workspace();
    let ws = dir.path();
    let soa = ok(ws, &["soa"]);
    let catalogue = ok(ws, &["catalogue"]);
    let search = ok(ws, &["search", "account"]);
    for (what, table, ids) in [
        ("soa", &soa, vec!["AC-1", "AC-2(1)", "IA-2(1)"]),
        ("catalogue", &catalogue, vec!["AC-1", "AC-2(1)", "IA-2(1)"]),
        ("search", &search, vec!["AC-2", "AC-2(1)"]),
    ] {
        let columns: Vec<usize> = ids.iter().map(|id| column_after_id(table, id)).collect();
        assert!(
            columns.windows(2).all(|w| w[0] == w[1]) && columns[0] > "AC-2(1)".len(),
            "{what}: the text after the ids starts at {columns:?}\n{table}"
        );
        assert!(
            table.lines().all(|l| l.chars().count() <= 80),
            "{what} is wider than 80 columns\n{table}"
        );
    }
    let show = ok(ws, &["show", "AC-2"]);
    assert!(
        show.contains("  AC-1    Policy and Procedures")
            && show.contains("  AC-2(1) Automated System"),
        "{show}"
    );
}

const OSCAL_CATALOG: &str =
    "tests/reference/oscal/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json";

/// A workspace made with NIST's SP 800-53 low baseline (an OSCAL catalog) as its catalogue,
/// `IA-2(1)` applicable, exported as OSCAL into `out/`.
fn oscal_catalogue_export() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    let said = ok(ws, &["--catalogue", &fixture(OSCAL_CATALOG), "init"]);
    assert!(said.contains("catalogue.json"), "{said}");
    ok(
        ws,
        &[
            "soa",
            "set",
            "IA-2(1)",
            "--applicability",
            "applicable",
            "--reason",
            "contractual",
            "--justification",
            "Administrators sign in with a second factor.",
        ],
    );
    let out = ws.join("out");
    ok(
        ws,
        &["soa", "--format", "oscal", "-o", out.to_str().unwrap()],
    );
    dir
}

#[test]
fn an_oscal_catalog_serves_as_the_catalogue_and_its_export_keeps_its_own_ids() {
    let dir = oscal_catalogue_export();
    let out = dir.path().join("out");
    let catalog = std::fs::read_to_string(out.join("isms-catalog.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&catalog).unwrap();
    let groups = json["catalog"]["groups"].as_array().unwrap();
    assert_eq!(groups[0]["title"], "Access Control");
    let controls: Vec<&serde_json::Value> = groups
        .iter()
        .flat_map(|g| g["controls"].as_array().unwrap())
        .collect();
    let mfa = controls.iter().find(|c| c["id"] == "IA-2.1").unwrap();
    assert!(
        mfa["props"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!({"name": "label", "value": "IA-2(1)"}))
    );
    for file in ["isms-catalog.json", "isms-profile.json", "isms-ssp.json"] {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        assert!(
            !text.contains("ISO/IEC") && !text.contains("Annex A"),
            "{file} claims ISO"
        );
    }
    let ssp = std::fs::read_to_string(out.join("isms-ssp.json")).unwrap();
    assert!(ssp.contains("\"control-id\": \"IA-2.1\""));
}

/// The export of a workspace whose catalogue is an OSCAL catalog passes NIST's schema, the
/// constraint checks and trestle, like the ISO one (tests/oscal_export.rs).
#[test]
#[ignore = "needs the OSCAL validators (check-jsonschema, oscal-validate, trestle); .ci/run installs them"]
fn the_export_of_an_oscal_catalogue_workspace_passes_the_official_schema() {
    let validator = std::env::var_os("ISMS_OSCAL_VALIDATOR")
        .expect("ISMS_OSCAL_VALIDATOR names the validator script (.ci/run sets it)");
    let dir = oscal_catalogue_export();
    for kind in ["catalog", "profile", "ssp"] {
        let path = dir.path().join("out").join(format!("isms-{kind}.json"));
        let output = std::process::Command::new(&validator)
            .arg(kind)
            .arg(&path)
            .output()
            .expect("the validator runs");
        assert!(
            output.status.success(),
            "{kind} failed validation:\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
