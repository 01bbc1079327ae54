//! `isms check`: findings in the SoA, the risk register and the management system, at most
//! 80 columns wide, repeated findings grouped, filtered by `--severity`, `--code` and `--skip`.
//! Exit 0 clean, 1 findings, 2 unreadable.

use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::output::{Style, WIDTH};
use super::{EXIT_FINDINGS, TextOrJson};
use crate::domain::catalogue::Catalogue;
use crate::domain::check::{Finding, Severity, check};
use crate::domain::mgmt::check::check_evidence_files;

/// More findings of one code than this are shown as one line listing their subjects.
const GROUP_OVER: usize = 3;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// text or json.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    format: TextOrJson,
    /// Show only findings this severe or worse: error, or warning (everything).
    #[arg(long, value_enum, default_value_t = MinSeverity::Warning)]
    severity: MinSeverity,
    /// Show only findings with this code, e.g. undecided (repeatable; lists every one).
    #[arg(long = "code", value_name = "CODE")]
    codes: Vec<String>,
    /// Leave out findings with this code, e.g. undecided (repeatable).
    #[arg(long = "skip", value_name = "CODE")]
    skip: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinSeverity {
    Error,
    Warning,
}

pub fn run(dir: &Path, catalogue: &Catalogue, args: CheckArgs) -> anyhow::Result<ExitCode> {
    let workspace = super::workspace_io::read_noting_comments(dir, catalogue)?;
    let today = crate::store::today();
    let mut all = check(&workspace, catalogue, today);
    all.extend(crate::domain::mgmt::check::check(
        &workspace, catalogue, today,
    ));
    let observed = crate::store::evidence_files::observe(dir, &workspace.mgmt.evidence);
    all.extend(check_evidence_files(&workspace.mgmt.evidence, &observed));
    super::git_setup::warn_if_missing(dir);
    let findings: Vec<Finding> = all
        .into_iter()
        .filter(|f| args.severity == MinSeverity::Warning || f.severity == Severity::Error)
        .filter(|f| args.codes.is_empty() || args.codes.iter().any(|c| c == f.code))
        .filter(|f| !args.skip.iter().any(|c| c == f.code))
        .collect();
    match args.format {
        TextOrJson::Json => {
            #[derive(serde::Serialize)]
            struct Report<'a> {
                findings: &'a [Finding],
            }
            super::print::json_line(&serde_json::to_string_pretty(&Report {
                findings: &findings,
            })?);
        }
        TextOrJson::Text => out!(
            "{}",
            text(&findings, args.codes.is_empty(), Style::detect())
        ),
    }
    Ok(if findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FINDINGS)
    })
}

fn text(findings: &[Finding], group: bool, style: Style) -> String {
    if findings.is_empty() {
        return "No findings.\n".to_string();
    }
    let mut out = String::new();
    let mut done: Vec<&str> = Vec::new();
    for finding in findings {
        if done.contains(&finding.code) {
            continue;
        }
        let same: Vec<&Finding> = findings.iter().filter(|f| f.code == finding.code).collect();
        if group && same.len() > GROUP_OVER {
            done.push(finding.code);
            let mut subjects: Vec<&str> = same.iter().take(6).map(|f| f.subject.as_str()).collect();
            if same.len() > 6 {
                subjects.push("…");
            }
            let line = format!(
                "{} findings [{}]: {} (`isms check --code {}` lists each)",
                same.len(),
                finding.code,
                subjects.join(", "),
                finding.code
            );
            out.push_str(&row(style, finding.severity, "", &line));
            continue;
        }
        let line = format!("{}  [{}]", finding.message, finding.code);
        out.push_str(&row(style, finding.severity, &finding.subject, &line));
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    out.push_str(&format!(
        "{} finding(s): {errors} error(s), {} warning(s).\n",
        findings.len(),
        findings.len() - errors
    ));
    out
}

/// One finding wrapped to 80 columns, continuation lines under the message.
fn row(style: Style, severity: Severity, subject: &str, message: &str) -> String {
    let prefix = format!("{:<7} {:<7} ", "", subject);
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(&prefix)
        .subsequent_indent("                ");
    let mut wrapped = textwrap::fill(&crate::domain::text::sanitize_line(message), &options);
    let label = match severity {
        Severity::Error => style.accent("error  "),
        Severity::Warning => style.dim("warning"),
    };
    wrapped.replace_range(..7, &label);
    wrapped.push('\n');
    wrapped
}
