//! The `isms` binary: parse the command line and hand over to the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    isms::cli::run(isms::cli::Cli::parse())
}
