//! `isms check`: findings in the SoA, the risk register and the management system. Exit 0
//! clean, 1 findings, 2 unreadable.

use std::path::Path;
use std::process::ExitCode;

use super::output::Style;
use super::{EXIT_FINDINGS, TextOrJson};
use crate::domain::catalogue::Catalogue;
use crate::domain::check::{Finding, Severity, check};
use crate::domain::mgmt::check::check_evidence_files;

pub fn run(dir: &Path, catalogue: &Catalogue, format: TextOrJson) -> anyhow::Result<ExitCode> {
    let workspace = super::workspace_io::read(dir, catalogue)?;
    let today = crate::store::today();
    let mut findings = check(&workspace, catalogue, today);
    findings.extend(crate::domain::mgmt::check::check(
        &workspace, catalogue, today,
    ));
    let observed = crate::store::evidence_files::observe(dir, &workspace.mgmt.evidence);
    findings.extend(check_evidence_files(&workspace.mgmt.evidence, &observed));
    super::git_setup::warn_if_missing(dir);
    match format {
        TextOrJson::Json => {
            #[derive(serde::Serialize)]
            struct Report<'a> {
                findings: &'a [Finding],
            }
            super::print::json_line(&serde_json::to_string_pretty(&Report {
                findings: &findings,
            })?);
        }
        TextOrJson::Text => out!("{}", text(&findings, Style::detect())),
    }
    Ok(if findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FINDINGS)
    })
}

fn text(findings: &[Finding], style: Style) -> String {
    if findings.is_empty() {
        return "No findings.\n".to_string();
    }
    let mut out = String::new();
    for finding in findings {
        let severity = match finding.severity {
            Severity::Error => style.accent("error  "),
            Severity::Warning => style.dim("warning"),
        };
        out.push_str(&format!(
            "{severity} {:<7} {}  [{}]\n",
            finding.subject, finding.message, finding.code
        ));
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
