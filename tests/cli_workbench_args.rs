//! `isms [DIR]` and the subcommands share one command line: a folder opens the workbench, a
//! command name runs the command, and options such as `--theme` work with either.

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
    assert!(cli.command.is_none() && cli.dir.is_none() && !cli.mouse);
}

#[test]
fn a_folder_opens_the_workbench_with_options() {
    let cli = parse(&["isms", "--theme", "mono", "--mouse", "work/isms"]);
    assert_eq!(cli.dir, Some(PathBuf::from("work/isms")));
    assert_eq!(cli.theme.as_deref(), Some("mono"));
    assert!(cli.mouse && cli.command.is_none());
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
    assert!(matches!(cli.command, Some(Command::Demo { keep: false })));
    assert_eq!(cli.theme.as_deref(), Some("light"));
    let cli = parse(&["isms", "demo", "--keep"]);
    assert!(matches!(cli.command, Some(Command::Demo { keep: true })));
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
