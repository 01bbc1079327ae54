//! The management-system commands: `isms clauses`, `clause set`, `evidence [add|verify]`,
//! `audits`, `audit add|item`, `findings`, `finding add|set`, `reviews`, `review add`, `report`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;

use super::TextOrJson;
use super::mgmt_edit::{AuditAction, ClauseAction, EvidenceAction, FindingAction, ReviewAction};
use crate::domain::catalogue::Catalogue;

#[derive(Debug, Subcommand)]
pub enum MgmtCommand {
    /// List the sub-clauses 4.1 … 10.2 with status, owner, evidence and review date.
    Clauses {
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Change a sub-clause: `isms clause set 9.2.2 --status met --owner CISO`.
    Clause {
        #[command(subcommand)]
        action: ClauseAction,
    },
    /// List the evidence register, add evidence, or verify local files against their hashes.
    Evidence {
        #[command(subcommand)]
        action: Option<EvidenceAction>,
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// List the audit programme and the audits with their tested items.
    Audits {
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Add an audit, or a tested item to one.
    Audit {
        #[command(subcommand)]
        action: AuditAction,
    },
    /// List the findings register.
    Findings {
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Add or change a finding.
    Finding {
        #[command(subcommand)]
        action: FindingAction,
    },
    /// List the management reviews.
    Reviews {
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Add a management review.
    Review {
        #[command(subcommand)]
        action: ReviewAction,
    },
    /// A readiness report for a stage 1 audit, in Markdown or self-contained HTML.
    Report {
        #[arg(long, value_enum, default_value_t = super::mgmt_report::ReportFormat::Md)]
        format: super::mgmt_report::ReportFormat,
        /// Write to this file (atomically) instead of stdout.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

pub fn run(dir: &Path, catalogue: &Catalogue, command: MgmtCommand) -> anyhow::Result<ExitCode> {
    use super::mgmt_edit as edit;
    use super::mgmt_lists as lists;
    match command {
        MgmtCommand::Clauses { format } => lists::clauses(dir, catalogue, format),
        MgmtCommand::Clause { action } => edit::clause(dir, catalogue, action),
        MgmtCommand::Evidence {
            action: None,
            format,
        } => lists::evidence(dir, catalogue, format),
        MgmtCommand::Evidence {
            action: Some(action),
            ..
        } => edit::evidence(dir, catalogue, action),
        MgmtCommand::Audits { format } => lists::audits(dir, catalogue, format),
        MgmtCommand::Audit { action } => edit::audit(dir, catalogue, action),
        MgmtCommand::Findings { format } => lists::findings(dir, catalogue, format),
        MgmtCommand::Finding { action } => edit::finding(dir, catalogue, action),
        MgmtCommand::Reviews { format } => lists::reviews(dir, catalogue, format),
        MgmtCommand::Review { action } => edit::review(dir, catalogue, action),
        MgmtCommand::Report { format, output } => {
            super::mgmt_report::run(dir, catalogue, format, output.as_deref())
        }
    }
}
