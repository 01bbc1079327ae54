//! The command line as clap would parse it, for the one shape that must answer fastest:
//! `isms search WORD…` with plain words (no option, nothing starting with `-`). Building clap's
//! parser for every command costs about as much as the search itself, and the question "what
//! does 5.23 ask?" is asked in meetings. Anything else goes to clap; a test checks that both
//! give the same result.

use std::ffi::OsString;
use std::path::PathBuf;

use super::{Cli, Command, TextOrJson, WorkbenchArgs};

/// The parsed command line for `isms search WORD…`, or `None` to let clap parse it.
pub fn search(args: &[OsString]) -> Option<Cli> {
    let [_, command, words @ ..] = args else {
        return None;
    };
    if command != "search" || words.is_empty() {
        return None;
    }
    let query = words
        .iter()
        .map(|word| {
            word.to_str()
                .filter(|w| !w.starts_with('-'))
                .map(String::from)
        })
        .collect::<Option<Vec<String>>>()?;
    Some(Cli {
        dir: None,
        workbench: WorkbenchArgs::default(),
        catalogue: None,
        workspace: PathBuf::from("."),
        wait: 5.0,
        command: Some(Command::Search {
            query,
            limit: 10,
            format: TextOrJson::Text,
        }),
    })
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    fn args(line: &[&str]) -> Vec<OsString> {
        line.iter().map(OsString::from).collect()
    }

    #[test]
    fn plain_searches_parse_as_clap_parses_them() {
        for line in [
            &["isms", "search", "backup"][..],
            &["isms", "search", "threat", "intel"],
            &["isms", "search", "#preventive", "theme:people", "8.9"],
            &["isms", "search", "fw:csf2", "supply chain"],
        ] {
            let quick = search(&args(line)).expect("a plain search");
            let clap = Cli::try_parse_from(line).expect("clap parses it");
            assert_eq!(format!("{quick:?}"), format!("{clap:?}"), "{line:?}");
        }
    }

    #[test]
    fn anything_else_is_left_to_clap() {
        for line in [
            &["isms"][..],
            &["isms", "search"],
            &["isms", "search", "--limit", "3", "backup"],
            &["isms", "search", "backup", "--format", "json"],
            &["isms", "search", "-h"],
            &["isms", "show", "8.9"],
            &["isms", "-w", "x", "search", "backup"],
        ] {
            assert!(search(&args(line)).is_none(), "{line:?}");
        }
    }
}
