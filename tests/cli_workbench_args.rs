//! `isms [DIR]` and the subcommands share one command line: a folder opens the workbench, a
//! command name runs the command. The workbench options (`--theme`, `--mouse`) belong to the
//! workbench only: `isms [DIR]` and `isms demo` take them, no command's help lists them.

use std::path::PathBuf;
use std::process::Command as Process;

use clap::Parser;
use isms::cli::{Cli, Command};

fn parse(args: &[&str]) -> Cli {
    Cli::try_parse_from(args).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

#[test]
fn no_arguments_open_the_current_directory() {
    let cli = parse(&["isms"]);
    assert!(cli.command.is_none() && cli.dir.is_none() && !cli.workbench.mouse);
}

#[test]
fn a_folder_opens_the_workbench_with_options() {
    let cli = parse(&["isms", "--theme", "mono", "--mouse", "work/isms"]);
    assert_eq!(cli.dir, Some(PathBuf::from("work/isms")));
    assert_eq!(cli.workbench.theme.as_deref(), Some("mono"));
    assert!(cli.workbench.mouse && cli.command.is_none());
    let cli = parse(&["isms", "./show"]);
    assert_eq!(cli.dir, Some(PathBuf::from("./show")));
}

#[test]
fn subcommands_still_win_over_the_folder() {
    let cli = parse(&["isms", "show", "8.9"]);
    assert!(matches!(cli.command, Some(Command::Show { ref id, .. }) if id == "8.9"));
    assert!(cli.dir.is_none());
    let cli = parse(&["isms", "--catalogue", "c.ron", "search", "backup"]);
    assert!(matches!(cli.command, Some(Command::Search { .. })));
    let cli = parse(&["isms", "demo", "--theme", "light"]);
    let Some(Command::Demo {
        workbench: demo, ..
    }) = cli.command
    else {
        panic!("expected demo: {:?}", cli.command);
    };
    assert_eq!(demo.theme.as_deref(), Some("light"));
    let cli = parse(&["isms", "demo", "--keep"]);
    assert!(matches!(
        cli.command,
        Some(Command::Demo { keep: true, .. })
    ));
    // Before or after `demo`, the options reach the workbench; the later one wins.
    let cli = parse(&[
        "isms", "--mouse", "--theme", "mono", "demo", "--theme", "light",
    ]);
    let Some(Command::Demo {
        workbench: demo, ..
    }) = &cli.command
    else {
        panic!("expected demo: {:?}", cli.command);
    };
    let merged = cli.workbench.and(demo);
    assert_eq!(merged.theme.as_deref(), Some("light"));
    assert!(merged.mouse);
}

fn help(args: &[&str]) -> String {
    let output = Process::new(env!("CARGO_BIN_EXE_isms"))
        .args(args)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{args:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn only_the_workbench_help_lists_the_workbench_options() {
    for args in [["--help"].as_slice(), &["demo", "--help"]] {
        let text = help(args);
        assert!(
            text.contains("--theme") && text.contains("--mouse"),
            "{args:?}: {text}"
        );
    }
    for args in [
        ["check", "--help"].as_slice(),
        &["soa", "--help"],
        &["soa", "set", "--help"],
        &["risk", "add", "--help"],
        &["import", "risks", "--help"],
        &["show", "--help"],
    ] {
        let text = help(args);
        assert!(text.contains("--workspace"), "{args:?}: {text}");
        assert!(
            !text.contains("--theme") && !text.contains("--mouse") && !text.contains("Workbench"),
            "{args:?}: {text}"
        );
    }
}

#[test]
fn workbench_options_before_a_command_are_refused() {
    let output = Process::new(env!("CARGO_BIN_EXE_isms"))
        .args(["--theme", "mono", "catalogue"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("are for the workbench"));
    let output = Process::new(env!("CARGO_BIN_EXE_isms"))
        .args(["check", "--mouse"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_folder_before_a_command_is_refused() {
    let output = Process::new(env!("CARGO_BIN_EXE_isms"))
        .args(["some-dir", "show", "5.1"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot go before a command"));
}

#[test]
fn the_workbench_without_a_terminal_says_what_to_use_instead() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [&["demo"][..], &["demo", "--keep"]] {
        let output = Process::new(env!("CARGO_BIN_EXE_isms"))
            .args(args)
            .env("TMPDIR", tmp.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&output.stderr).contains("needs a terminal"));
        // The demo's folder was made before the terminal was found missing; it is gone again.
        let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert!(left.is_empty(), "{args:?} left {left:?}");
    }
    let output = Process::new(env!("CARGO_BIN_EXE_isms"))
        .arg("/no/such/folder")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/no/such/folder"));
}
