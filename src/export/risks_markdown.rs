//! The risk register as a Markdown document: the document-control block and summary, an
//! overview table, then each risk in full.

use chrono::{DateTime, Utc};

use super::document_control::DocumentControl;
use super::risk_rows::{inherent_text, rating_text, residual_text, sorted_risks};
use super::risk_summary::{
    ACCEPTED_HEADINGS, AcceptedRisk, HANDLING_HEADINGS, LEVEL_HEADINGS, RiskSummary,
};
use super::risks_html::RISKS_TITLE;
use super::soa_markdown::{document_control_markdown, escape_md, markdown_table, quote_block};
use crate::domain::risk::Risk;
use crate::domain::text::sanitize_line;
use crate::domain::workspace::{RiskMethod, Workspace};

fn line(text: &str) -> String {
    let clean = sanitize_line(text);
    if clean.trim().is_empty() {
        "—".to_string()
    } else {
        escape_md(clean.trim())
    }
}

fn write_risk(out: &mut String, method: &RiskMethod, risk: &Risk) {
    out.push_str(&format!("### {} {}\n\n", line(&risk.id), line(&risk.title)));
    let residual = match (risk.residual_likelihood, risk.residual_impact) {
        (Some(l), Some(i)) => format!(
            "likelihood {}, impact {}, score {}",
            rating_text(l, method.likelihood_label(l)),
            rating_text(i, method.impact_label(i)),
            residual_text(method, risk)
        ),
        _ => String::new(),
    };
    let acceptance = risk
        .acceptance
        .as_ref()
        .map(|a| {
            let until = a.until.map(|u| format!(" until {u}")).unwrap_or_default();
            format!("by {} on {}{until}", sanitize_line(&a.by), a.on)
        })
        .unwrap_or_default();
    let fields = [
        ("Asset", line(&risk.asset)),
        ("Threat", line(&risk.threat)),
        ("Vulnerability", line(&risk.vulnerability)),
        ("Owner", line(&risk.owner)),
        (
            "Inherent",
            format!(
                "likelihood {}, impact {}, score {}",
                rating_text(risk.likelihood, method.likelihood_label(risk.likelihood)),
                rating_text(risk.impact, method.impact_label(risk.impact)),
                inherent_text(method, risk)
            ),
        ),
        ("Treatment", risk.treatment.name().to_string()),
        ("Controls", line(&risk.controls.join(", "))),
        ("Residual", line(&residual)),
        ("Status", risk.status.name().to_string()),
        ("Accepted", line(&acceptance)),
        (
            "Next review",
            line(&risk.next_review.map(|d| d.to_string()).unwrap_or_default()),
        ),
        ("Created", risk.created.to_string()),
    ];
    for (name, value) in fields {
        out.push_str(&format!("- **{name}:** {value}\n"));
    }
    out.push_str("\n**Description**\n\n");
    out.push_str(&quote_block(&risk.description));
    out.push('\n');
}

/// The whole register as Markdown.
pub fn risks_markdown(workspace: &Workspace, generated: DateTime<Utc>) -> String {
    let control = DocumentControl::from_workspace(RISKS_TITLE, workspace, generated);
    risks_markdown_with(&control, workspace)
}

/// The register as Markdown under a given document-control block.
pub fn risks_markdown_with(control: &DocumentControl, workspace: &Workspace) -> String {
    let settings = &workspace.settings;
    let method = &settings.risk_method;
    let risks = sorted_risks(workspace);
    let summary = RiskSummary::of(workspace);
    let mut out = format!("# {RISKS_TITLE} — {}\n\n", line(&settings.name));
    out.push_str(&document_control_markdown(control));
    out.push_str(&format!(
        "## Summary\n\n{} risk(s); scores above {} need treatment.\n\n",
        risks.len(),
        method.acceptance_threshold
    ));
    out.push_str(&markdown_table(
        &LEVEL_HEADINGS,
        &summary
            .levels
            .iter()
            .map(|r| r.to_vec())
            .collect::<Vec<_>>(),
        1,
    ));
    out.push('\n');
    out.push_str(&markdown_table(
        &HANDLING_HEADINGS,
        &summary
            .handling
            .iter()
            .map(|r| r.to_vec())
            .collect::<Vec<_>>(),
        1,
    ));
    out.push_str("\n## Accepted risks\n\n");
    if summary.accepted.is_empty() {
        out.push_str("No risk has been accepted.\n\n");
    } else {
        let accepted = summary
            .accepted
            .iter()
            .map(AcceptedRisk::cells)
            .collect::<Vec<_>>();
        out.push_str(&markdown_table(
            &ACCEPTED_HEADINGS,
            &accepted,
            ACCEPTED_HEADINGS.len(),
        ));
        out.push('\n');
    }
    out.push_str("## Register\n\n");
    if risks.is_empty() {
        out.push_str("The register holds no risks.\n");
        return out;
    }
    out.push_str("| Risk | Title | Inherent | Treatment | Residual | Status | Owner |\n");
    out.push_str("|---|---|---|---|---|---|---|\n");
    for risk in &risks {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            line(&risk.id),
            line(&risk.title),
            inherent_text(method, risk),
            risk.treatment.name(),
            line(&residual_text(method, risk)),
            risk.status.name(),
            line(&risk.owner)
        ));
    }
    out.push_str("\n## Risks\n\n");
    for risk in &risks {
        write_risk(&mut out, method, risk);
    }
    out
}
