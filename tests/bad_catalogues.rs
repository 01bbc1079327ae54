//! Each broken catalogue in `tests/bad_catalogues/` gives exactly the message in its `.expected`
//! file, on stderr, with exit code 2, and the file is left as it was.

use std::path::Path;
use std::process::Command;

#[test]
fn every_broken_catalogue_gives_its_expected_message() {
    let mut cases = 0;
    for entry in std::fs::read_dir("tests/bad_catalogues").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "ron") {
            continue;
        }
        cases += 1;
        let relative = Path::new("tests/bad_catalogues").join(path.file_name().unwrap());
        let expected = std::fs::read_to_string(relative.with_extension("expected"))
            .unwrap_or_else(|_| panic!("{} has no .expected file", relative.display()));
        let before = std::fs::read(&relative).unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_isms"))
            .args(["--catalogue", relative.to_str().unwrap(), "show", "5.1"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", relative.display());
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            expected,
            "{}",
            relative.display()
        );
        assert!(
            output.stdout.is_empty(),
            "{} printed to stdout",
            relative.display()
        );
        assert_eq!(
            std::fs::read(&relative).unwrap(),
            before,
            "{} was changed",
            relative.display()
        );
    }
    assert!(cases >= 15, "only {cases} broken catalogues found");
}

#[test]
fn a_valid_catalogue_file_replaces_the_built_in_one() {
    let output = Command::new(env!("CARGO_BIN_EXE_isms"))
        .args([
            "--catalogue",
            "tests/fixtures/small_catalogue.ron",
            "catalogue",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let csv = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        csv.lines()
            .filter(|l| l.starts_with("5.") || l.starts_with("6."))
            .count(),
        3
    );
}
