//! Text from files is data: workspace files and a catalogue carrying terminal payloads (OSC 52
//! clipboard write, BEL, C1 CSI, a bidi override, a zero-width space; see `tests/hostile/`) go
//! through every output path, and no ESC, BEL or C1 character reaches stdout or stderr. Text for
//! people also shows the bidi and zero-width characters instead of obeying them. And every
//! command, run into a closed pipe, exits 0 without a word.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// What the fixtures carry, also used for the catalogue and command-line arguments here.
const PAYLOAD: &str = "\u{1b}]52;c;ZXZpbA==\u{7}\u{7}\u{9b}2J\u{202e}evil\u{200b}";

fn hostile_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in ["workspace.ron", "soa.ron", "risks.ron"] {
        std::fs::copy(Path::new("tests/hostile").join(file), dir.path().join(file)).unwrap();
    }
    let catalogue = std::fs::read_to_string("catalogue/iso27002-2022.ron")
        .unwrap()
        .replace(
            "\"Policies for information security\"",
            &format!("\"Policies{PAYLOAD} for information security\""),
        )
        .replace("Build a two-tier", &format!("Build{PAYLOAD} a two-tier"));
    std::fs::write(dir.path().join("catalogue.ron"), catalogue).unwrap();
    let sheet = format!("Control,Applicability,Justification\r\n5.1{PAYLOAD},applicable,x\r\n");
    std::fs::write(dir.path().join("sheet.csv"), sheet).unwrap();
    dir
}

fn run<S: AsRef<std::ffi::OsStr>>(dir: &Path, args: &[S], stdout: Stdio) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

/// Every output path: argument lists, and whether the output is text for people.
fn paths() -> Vec<(Vec<String>, bool)> {
    let cat = ["--catalogue", "catalogue.ron"];
    let risk_id = format!("R-0{PAYLOAD}");
    let mut paths: Vec<(Vec<&str>, bool)> = vec![
        (vec!["show", "5.1"], true),
        (vec!["show", "5.1", "--format", "json"], false),
        (vec!["search", "policies"], true),
        (vec!["search", "policies", "--format", "json"], false),
        (vec!["catalogue"], true),
        (vec!["catalogue", "--format", "csv"], false),
        (vec!["catalogue", "--format", "json"], false),
        (vec!["check"], true),
        (vec!["check", "--format", "json"], false),
        (vec!["soa"], true),
        (vec!["soa", "--format", "json"], false),
        (vec!["soa", "--format", "md"], false),
        (vec!["soa", "--format", "csv"], false),
        (vec!["soa", "--format", "html"], false),
        (vec!["risks"], true),
        (vec!["risks", "--format", "json"], false),
        (vec!["risks", "--format", "md"], false),
        (vec!["risks", "--format", "csv"], false),
        (vec!["show", PAYLOAD], true),
        (vec!["risk", "set", "R-9", "--control", PAYLOAD], true),
        (vec!["risk", "rm", &risk_id], true),
        (vec!["import", "soa", "sheet.csv", "--dry-run"], true),
    ];
    for (args, _) in &mut paths {
        args.extend(cat);
    }
    paths
        .into_iter()
        .map(|(args, human)| (args.into_iter().map(String::from).collect(), human))
        .collect()
}

fn assert_clean(what: &str, text: &str, human: bool) {
    let bad = text
        .chars()
        .find(|&c| matches!(c, '\u{1b}' | '\u{7}' | '\u{80}'..='\u{9f}'));
    assert_eq!(bad, None, "{what}: {text:.400}");
    if human {
        assert!(
            !text.contains(['\u{202e}', '\u{200b}']),
            "{what}: {text:.400}"
        );
    }
}

#[test]
fn no_escape_sequence_reaches_the_terminal_from_any_output_path() {
    let dir = hostile_workspace();
    for (args, human) in paths() {
        let output = run(dir.path(), &args, Stdio::piped());
        let what = format!("isms {args:?}");
        assert!(output.status.code().is_some_and(|c| c < 100), "{what}");
        assert_clean(&what, &String::from_utf8_lossy(&output.stdout), human);
        assert_clean(&what, &String::from_utf8_lossy(&output.stderr), true);
    }
    // The lock holder's host name, quoted in the refusal.
    let lock = format!("pid 1\nhost far{PAYLOAD}\nuser ann{PAYLOAD}\n");
    std::fs::write(dir.path().join(".isms.lock"), lock).unwrap();
    let output = run(
        dir.path(),
        &["soa", "set", "5.1", "--owner", "x", "--wait", "0"],
        Stdio::piped(),
    );
    assert_eq!(output.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_clean("lock holder", &stderr, true);
    assert!(
        stderr.contains("on host far]52;c;ZXZpbA==2J<U+202E>evil<U+200B>"),
        "{stderr}"
    );
}

#[test]
fn json_keeps_the_data_that_text_for_people_shows_safely() {
    let dir = hostile_workspace();
    let output = run(dir.path(), &["risks", "--format", "json"], Stdio::piped());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let text = json.to_string();
    assert!(
        text.contains("Ransom\\u001b]52;c;ZXZpbA==\\u0007\\u0007"),
        "{text:.300}"
    );
    let title = json.pointer("/risks/0/title").and_then(|t| t.as_str());
    assert_eq!(title, Some(format!("Ransom{PAYLOAD}").as_str()));
}

#[test]
fn every_command_into_a_closed_pipe_exits_0_quietly() {
    let dir = hostile_workspace();
    std::fs::remove_file(dir.path().join(".isms.lock")).ok();
    let mut commands: Vec<Vec<String>> = paths().into_iter().map(|(args, _)| args).collect();
    for extra in [
        &["--help"][..],
        &["--version"],
        &["soa", "set", "5.1", "--owner", "IT"],
        &[
            "risk",
            "add",
            "--title",
            "Flood",
            "--likelihood",
            "2",
            "--impact",
            "3",
        ],
        &["init", "fresh"],
        &["unlock", "--yes"],
        &["import", "risks", "sheet.csv", "--dry-run"],
    ] {
        commands.push(extra.iter().map(|a| a.to_string()).collect());
    }
    for args in commands {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = run(dir.path(), &args, Stdio::from(writer));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "isms {args:?}: {stderr}");
        if output.status.code() != Some(0) {
            // Only a refusal said on stderr may end otherwise (an unknown id, say).
            assert!(
                stderr
                    .lines()
                    .any(|l| l.starts_with("isms: ") && !l.starts_with("isms: note")),
                "isms {args:?} exited {:?} into a closed pipe: {stderr}",
                output.status
            );
        }
    }
}
