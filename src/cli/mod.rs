//! The command line: one file per subcommand, each printing plain text or JSON.
//!
//! Exit codes: 0 ok, 1 findings or not found, 2 bad input, 3 the workspace is locked by another
//! session. Everything is written through `print` (cleaned for the terminal; a closed pipe ends
//! the output quietly).

#[macro_use]
pub mod print;

mod approve;
mod bench;
mod bench_frameworks;
mod bench_git;
mod bench_import;
mod bench_tui;
mod bench_workspace;
mod catalogue;
mod check;
mod columns;
mod control_id;
mod coverage;
mod diff;
mod document_stamp;
pub mod export_files;
mod export_output;
mod framework;
mod framework_lookup;
mod git_setup;
pub(crate) mod history;
mod import;
mod init;
mod mapping;
mod merge_driver;
mod mgmt;
mod mgmt_edit;
mod mgmt_lists;
mod mgmt_report;
mod oscal_files;
mod output;
pub mod quick;
mod risk;
mod risks;
mod search;
mod show;
mod show_entry;
mod soa;
mod soa_set;
mod unlock;
mod workspace_io;
mod workspace_settings;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Exit code for "nothing found" or "findings".
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code for input isms cannot use.
pub const EXIT_BAD_INPUT: u8 = 2;
/// Exit code for "another session holds the workspace's lock".
pub const EXIT_LOCKED: u8 = 3;

/// Help headings: a command's own options come first, then these.
const GLOBAL: &str = "Workspace options (every command)";
const WORKBENCH: &str = "Workbench options (isms [DIR] and isms demo only)";

#[derive(Debug, Parser)]
#[command(
    name = "isms",
    version,
    about = "A keyboard-driven workbench for ISO/IEC 27001:2022 Annex A and ISO/IEC 27002:2022",
    after_help = "Exit status: 0 ok · 1 findings or not found · 2 bad input · 3 the workspace is locked by another session (see `isms unlock`)"
)]
pub struct Cli {
    /// The workspace folder the workbench opens (default: -w DIR, else the current directory).
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,

    #[command(flatten)]
    pub workbench: WorkbenchArgs,

    /// Load this catalogue file instead of the built-in ISO/IEC 27002:2022 catalogue; `init`
    /// keeps a copy in the new workspace, which later commands use without this option.
    #[arg(long, global = true, value_name = "FILE", help_heading = GLOBAL)]
    pub catalogue: Option<PathBuf>,

    /// The workspace directory (holding workspace.ron, soa.ron, risks.ron).
    #[arg(
        short = 'w',
        long = "workspace",
        global = true,
        value_name = "DIR",
        help_heading = GLOBAL,
        default_value = "."
    )]
    pub workspace: PathBuf,

    /// Commands that change the workspace wait this long for another session's lock (exit 3
    /// when it is still held).
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 5.0, help_heading = GLOBAL)]
    pub wait: f64,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The options that only the workbench reads: declared on `isms [DIR]` and on `isms demo`, not
/// global, so that no command's help lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct WorkbenchArgs {
    /// Workbench colours: default, light, high-contrast, mono, or NAME.ron in
    /// $XDG_CONFIG_HOME/isms/themes/ (NO_COLOR selects mono).
    #[arg(long, value_name = "NAME", help_heading = WORKBENCH)]
    pub theme: Option<String>,

    /// Let the mouse scroll and pick rows in the workbench (off by default).
    #[arg(long, help_heading = WORKBENCH)]
    pub mouse: bool,
}

impl WorkbenchArgs {
    /// These options with `later`'s (given after `demo`) taking precedence.
    pub fn and(&self, later: &WorkbenchArgs) -> WorkbenchArgs {
        WorkbenchArgs {
            theme: later.theme.clone().or_else(|| self.theme.clone()),
            mouse: self.mouse || later.mouse,
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == WorkbenchArgs::default()
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the workbench on built-in sample content, in a temporary folder removed on quit.
    Demo {
        /// Keep the temporary folder after quitting (a folder you saved in is always kept).
        #[arg(long)]
        keep: bool,
        #[command(flatten)]
        workbench: WorkbenchArgs,
    },
    /// Show one control: `8.9`, `A.8.9`, or a 2013 id such as `A.12.3.1`.
    Show {
        /// The control id.
        id: String,
        /// Show only the catalogue, not the workspace's decision for the control.
        #[arg(long)]
        no_workspace: bool,
        /// text for people, or json for scripts.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Search the controls by id, words and filters (`#preventive`, `theme:physical`), best first.
    Search {
        /// Words, ids and filters; all of them must match.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Show at most this many controls.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// text for people, or json for scripts.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// List every control with every field.
    Catalogue {
        /// table for people, csv or json.
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Print speed figures for search and start-up (build with --release first).
    Bench,
    /// Create a new workspace (workspace.ron, soa.ron, risks.ron) in DIR; never overwrites.
    Init {
        /// Defaults to the workspace directory (-w), else the current directory.
        dir: Option<PathBuf>,
    },
    /// Check the SoA and the risk register; exit 1 when there are findings.
    Check(check::CheckArgs),
    /// List or export the Statement of Applicability, or change an entry with `isms soa set`.
    Soa {
        #[command(subcommand)]
        action: Option<soa_set::SoaAction>,
        /// What to write (see the values below).
        #[arg(long, value_enum, default_value_t = export_output::SoaFormat::Table)]
        format: export_output::SoaFormat,
        /// Write to this file (atomically) instead of stdout; for oscal, a directory.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List or export the risk register.
    Risks {
        /// What to write (see the values below).
        #[arg(long, value_enum, default_value_t = export_output::RisksFormat::Table)]
        format: export_output::RisksFormat,
        /// Write to this file (atomically) instead of stdout.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Import an SoA or a risk register from a CSV or XLSX spreadsheet.
    Import {
        #[command(subcommand)]
        kind: import::ImportKind,
    },
    /// Add, change or remove a risk.
    Risk {
        #[command(subcommand)]
        action: risk::RiskAction,
    },
    /// Frameworks beside ISO: NIST CSF 2.0 built in, OSCAL catalogs added to the workspace.
    Framework {
        #[command(subcommand)]
        action: framework::FrameworkAction,
    },
    /// Add mappings from a framework's nodes to ISO/IEC 27001:2022.
    Mapping {
        #[command(subcommand)]
        action: mapping::MappingAction,
    },
    /// How far the SoA covers a framework (`csf2`), through each mapping source.
    Coverage {
        /// The framework id, e.g. csf2.
        framework: String,
        /// Only this mapping source (e.g. NIST-OLIR:Razilio); default: each source in turn.
        #[arg(long)]
        source: Option<String>,
        #[arg(long, value_enum, default_value_t = coverage::CoverageFormat::Table)]
        format: coverage::CoverageFormat,
    },
    /// Remove a workspace lock left by another host or a crashed session (asks first).
    Unlock {
        /// Remove it without asking.
        #[arg(long)]
        yes: bool,
    },
    /// Git's merge driver for the workspace files (`isms git setup` installs it): %O %A %B %P.
    MergeDriver {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        path: String,
    },
    /// Set git up for the workspace: record-aware merges and diffs that name the record.
    Git {
        #[command(subcommand)]
        action: git_setup::GitAction,
    },
    /// The commits that changed one record (a control id or a risk id), field by field.
    History {
        id: String,
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Who last changed each field of one record, and when.
    Blame {
        id: String,
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Record an approved SoA version (git tag soa-vN; the tagger is the approver).
    Approve {
        #[command(subcommand)]
        what: approve::ApproveWhat,
    },
    /// Every record changed since REV (default: the last approved SoA), field by field.
    Diff {
        rev: Option<String>,
        #[arg(long, value_enum, default_value_t = diff::DiffFormat::Text)]
        format: diff::DiffFormat,
    },
    /// Show or change the workspace's settings: organisation, scope, SoA version, risk method.
    Workspace {
        #[command(subcommand)]
        action: workspace_settings::WorkspaceAction,
    },
    #[command(flatten)]
    Mgmt(mgmt::MgmtCommand),
    /// Used by `isms bench` to measure a fresh process's peak memory.
    #[command(hide = true)]
    BenchWorkspaceChild { dir: PathBuf },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextOrJson {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Table,
    Csv,
    Json,
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let code = match dispatch(cli) {
        Ok(code) => code,
        Err(error) => {
            errln!("isms: {error:#}");
            let locked = error
                .downcast_ref::<crate::store::StoreError>()
                .is_some_and(crate::store::StoreError::is_locked);
            ExitCode::from(if locked { EXIT_LOCKED } else { EXIT_BAD_INPUT })
        }
    };
    if print::stdout_closed() {
        // The reader went away (`| head`): that is how it said it had enough.
        return ExitCode::SUCCESS;
    }
    code
}

fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    let Some(command) = cli.command else {
        anyhow::bail!("`isms [DIR]` opens the workbench; see `isms --help` for the commands");
    };
    if let Command::Bench = command {
        return bench::run();
    }
    if let Command::BenchWorkspaceChild { dir } = &command {
        return bench_workspace::child(dir);
    }
    if !(0.0..=86_400.0).contains(&cli.wait) {
        anyhow::bail!(
            "--wait {}: expected a number of seconds from 0 to 86400",
            cli.wait
        );
    }
    workspace_io::set_lock_wait(std::time::Duration::from_secs_f64(cli.wait));
    let dir = cli.workspace.as_path();
    let given = cli.catalogue.as_deref();
    let catalogue = match &command {
        // A new workspace follows the catalogue it is made with, never the one around it.
        Command::Init { .. } => crate::store::catalogue_file::load(given)?,
        _ => crate::store::catalogue_file::for_workspace(given, dir)?,
    };
    crate::store::remember_workspace(dir);
    match command {
        Command::Demo { .. } => {
            anyhow::bail!("`isms demo` opens the workbench on the sample workspace")
        }
        Command::Show { id, format, .. } if framework_lookup::split_node_ref(&id).is_some() => {
            framework_lookup::show(dir, &catalogue, &id, format)
        }
        Command::Show {
            id,
            format,
            no_workspace,
        } => {
            let workspace = match no_workspace {
                true => None,
                false => show_entry::workspace(dir, &catalogue),
            };
            show::run(&catalogue, &id, format, workspace.as_ref())
        }
        Command::Search {
            query,
            limit,
            format,
        } if framework_lookup::is_framework_query(&query.join(" ")) => {
            framework_lookup::search(dir, &catalogue, &query.join(" "), limit, format)
        }
        Command::Search {
            query,
            limit,
            format,
        } => search::run(&catalogue, &query.join(" "), limit, format),
        Command::Catalogue { format } => catalogue::run(&catalogue, format),
        Command::Bench | Command::BenchWorkspaceChild { .. } => unreachable!("handled above"),
        Command::Init { dir: target } => {
            init::run(target.as_deref().unwrap_or(dir), &catalogue, given)
        }
        Command::Check(args) => check::run(dir, &catalogue, args),
        Command::Soa {
            action: None,
            format,
            output,
        } => soa::run(dir, &catalogue, format, output.as_deref()),
        Command::Soa {
            action: Some(action),
            ..
        } => soa_set::run(dir, &catalogue, action),
        Command::Risks { format, output } => risks::run(dir, &catalogue, format, output.as_deref()),
        Command::Import { kind } => import::run(dir, &catalogue, kind),
        Command::Risk { action } => risk::run(dir, &catalogue, action),
        Command::Framework { action } => framework::run(dir, action),
        Command::Mapping { action } => mapping::run(dir, action),
        Command::Coverage {
            framework,
            source,
            format,
        } => coverage::run(dir, &catalogue, &framework, source.as_deref(), format),
        Command::Unlock { yes } => unlock::run(dir, yes),
        Command::Workspace { action } => workspace_settings::run(dir, &catalogue, action),
        Command::MergeDriver {
            base,
            ours,
            theirs,
            path,
        } => merge_driver::run(&catalogue, &base, &ours, &theirs, &path),
        Command::Git { action } => git_setup::run(dir, action),
        Command::History { id, format } => history::history(dir, &catalogue, &id, format),
        Command::Blame { id, format } => history::blame(dir, &catalogue, &id, format),
        Command::Approve { what } => approve::run(dir, &catalogue, what),
        Command::Diff { rev, format } => diff::run(dir, &catalogue, rev, format),
        Command::Mgmt(command) => mgmt::run(dir, &catalogue, command),
    }
}
