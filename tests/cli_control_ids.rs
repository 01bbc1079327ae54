//! Control ids as a new user types them: 2013 ids through `soa set` and `risk add`, a 2013 id
//! split over several 2022 controls, and a word where an id was expected.

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

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn ids_from_2013_become_their_2022_control_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    assert!(isms(dir.path(), &["init"]).status.success());
    let output = isms(dir.path(), &["soa", "set", "A.12.3.1", "--owner", "Ops"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "Updated the SoA entry of 8.13.\n");
    assert_eq!(
        text(&output.stderr),
        "isms: note: A.12.3.1 (ISO/IEC 27002:2013) is 8.13 in the 2022 catalogue\n"
    );
    let output = isms(
        dir.path(),
        &[
            "risk",
            "add",
            "--title",
            "Lost data",
            "--likelihood",
            "2",
            "--impact",
            "3",
            "--control",
            "A.12.3.1",
        ],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let risks = std::fs::read_to_string(dir.path().join("risks.ron")).unwrap();
    assert!(risks.contains("\"8.13\""), "{risks}");

    let output = isms(dir.path(), &["soa", "set", "A.18.2.3", "--owner", "Ops"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with("isms: A.18.2.3 (ISO/IEC 27002:2013) was split over ")
            && stderr.ends_with("; give the one you mean\n"),
        "{stderr}"
    );
}

#[test]
fn a_word_where_an_id_was_expected_points_to_search() {
    let dir = tempfile::tempdir().unwrap();
    let output = isms(dir.path(), &["show", "backup"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with("isms: no control \"backup\"; try `isms search backup` (top hits: 8.13 Information backup"),
        "{stderr}"
    );
}

#[test]
fn comments_are_named_by_check_and_by_the_save_that_drops_them() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["workspace.ron", "soa.ron", "risks.ron"] {
        std::fs::copy(
            Path::new("tests/bad_workspaces/good").join(file),
            dir.path().join(file),
        )
        .unwrap();
    }
    let soa = std::fs::read_to_string(dir.path().join("soa.ron")).unwrap();
    let commented = soa.replacen(
        "    entries: [",
        "    // signed off by the board\n    entries: [",
        1,
    );
    std::fs::write(dir.path().join("soa.ron"), commented).unwrap();
    let warning =
        "isms: warning: soa.ron: the comment on line 3 is not kept when isms writes this file\n";
    let output = isms(dir.path(), &["check"]);
    assert!(
        text(&output.stderr).ends_with(warning),
        "{}",
        text(&output.stderr)
    );
    let output = isms(dir.path(), &["soa", "set", "5.1", "--owner", "Q"]);
    assert!(
        text(&output.stderr).ends_with(
            "isms: warning: soa.ron: the comment on line 3 was not kept when isms wrote this file\n"
        ),
        "{}",
        text(&output.stderr)
    );
    let output = isms(dir.path(), &["soa", "set", "5.1", "--owner", "R"]);
    assert!(!text(&output.stderr).contains("warning"));
}

#[test]
fn show_in_a_workspace_adds_the_decision_and_its_risks() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["workspace.ron", "soa.ron", "risks.ron"] {
        std::fs::copy(
            Path::new("tests/bad_workspaces/good").join(file),
            dir.path().join(file),
        )
        .unwrap();
    }
    let shown = text(&isms(dir.path(), &["show", "8.13"]).stdout);
    let section = shown
        .split("In this workspace\n")
        .nth(1)
        .expect("a workspace section");
    assert!(
        section.contains("  Decision      applicable\n"),
        "{section}"
    );
    assert!(section.contains("  Owner         IT\n"), "{section}");
    assert!(
        section.contains("    R-001    Ransomware on the file server\n"),
        "{section}"
    );
    assert!(shown.lines().all(|l| l.chars().count() <= 80));
    let plain = text(&isms(dir.path(), &["show", "8.13", "--no-workspace"]).stdout);
    assert!(!plain.contains("In this workspace"));
}
