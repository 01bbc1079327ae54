//! The `isms` binary: parse the command line, then open the workbench (`isms [DIR]`, `isms demo`)
//! or run a command.

use std::process::ExitCode;

use clap::Parser;
use isms::cli::{Cli, Command, EXIT_BAD_INPUT};
use isms::tui::{Options, Target};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let target = match (&cli.command, &cli.dir) {
        (None, dir) => Target::Dir(dir.clone().unwrap_or_else(|| cli.workspace.clone())),
        (Some(Command::Demo { keep }), _) => Target::Demo { keep: *keep },
        (Some(_), Some(dir)) => {
            isms::cli::print::error(&format!(
                "isms: {} opens the workbench and cannot go before a command; \
                 run the command without it\n",
                dir.display()
            ));
            return ExitCode::from(EXIT_BAD_INPUT);
        }
        (Some(_), None) => return isms::cli::run(cli),
    };
    let options = Options {
        target,
        catalogue: cli.catalogue,
        theme: cli.theme,
        mouse: cli.mouse,
    };
    match isms::tui::run(options) {
        Ok(code) => code,
        Err(error) => {
            isms::cli::print::error(&format!("isms: {error:#}\n"));
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}
