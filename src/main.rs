//! The `isms` binary: parse the command line, then open the workbench (`isms [DIR]`, `isms demo`)
//! or run a command.

use std::process::ExitCode;

use clap::Parser;
use isms::cli::{Cli, Command, EXIT_BAD_INPUT};
use isms::tui::{Options, Target};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(cli) = isms::cli::quick::search(&args) {
        return isms::cli::run(cli);
    }
    let cli = Cli::parse_from(args);
    let (target, workbench) = match (&cli.command, &cli.dir) {
        (None, dir) => (
            Target::Dir(dir.clone().unwrap_or_else(|| cli.workspace.clone())),
            cli.workbench.clone(),
        ),
        (Some(Command::Demo { keep, workbench }), _) => {
            (Target::Demo { keep: *keep }, cli.workbench.and(workbench))
        }
        (Some(_), Some(dir)) => {
            isms::cli::print::error(&format!(
                "isms: {} opens the workbench and cannot go before a command; \
                 run the command without it\n",
                dir.display()
            ));
            return ExitCode::from(EXIT_BAD_INPUT);
        }
        (Some(_), None) if !cli.workbench.is_empty() => {
            isms::cli::print::error(
                "isms: --theme and --mouse are for the workbench (isms [DIR], isms demo); \
                 run the command without them\n",
            );
            return ExitCode::from(EXIT_BAD_INPUT);
        }
        (Some(_), None) => return isms::cli::run(cli),
    };
    let options = Options {
        target,
        catalogue: cli.catalogue,
        theme: workbench.theme,
        mouse: workbench.mouse,
    };
    match isms::tui::run(options) {
        Ok(code) => code,
        Err(error) => {
            isms::cli::print::error(&format!("isms: {error:#}\n"));
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}
