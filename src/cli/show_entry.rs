//! What `isms show ID` adds inside a workspace: the control's SoA entry (decision, reasons,
//! justification, status, owner) and the risks it treats, after the guidance.

use std::path::Path;

use super::output::{Style, WIDTH, truncate, wrap_paragraphs};
use crate::domain::catalogue::Catalogue;
use crate::domain::text::sanitize_line;
use crate::domain::workspace::Workspace;
use crate::store::{self, Access};

/// The workspace in `dir`, when there is one that reads; a broken one is left to `isms check`.
pub fn workspace(dir: &Path, catalogue: &Catalogue) -> Option<Workspace> {
    let file = dir.join(crate::domain::workspace_format::WORKSPACE_FILE);
    if std::fs::symlink_metadata(file).is_err() {
        return None;
    }
    match store::open(dir, catalogue, Access::ReadOnly) {
        Ok(opened) => Some(opened.workspace),
        Err(error) => {
            errln!("isms: note: the workspace's decision is not shown: {error}");
            None
        }
    }
}

/// The "In this workspace" section for control `id`.
pub fn section(workspace: &Workspace, id: &str, style: Style) -> String {
    let Some(entry) = workspace.soa.entry(id) else {
        return String::new();
    };
    let risks: Vec<_> = workspace.risks.treated_by(id).collect();
    let mut reasons: Vec<&str> = entry.reasons.iter().map(|r| r.label()).collect();
    if !risks.is_empty() {
        reasons.insert(0, "risk treatment");
    }
    let field = |name: &str, value: &str| {
        let value = if value.trim().is_empty() {
            "—"
        } else {
            value
        };
        format!("  {:<14}{}\n", name, sanitize_line(value))
    };
    let mut out = format!("\n{}\n", style.heading("In this workspace"));
    out.push_str(&field("Decision", entry.applicability.name()));
    out.push_str(&field("Reasons", &reasons.join(", ")));
    out.push_str(&field("Status", entry.status.label()));
    out.push_str(&field("Owner", &entry.owner));
    if entry.justification.trim().is_empty() {
        out.push_str(&field("Justification", ""));
    } else {
        out.push_str("  Justification\n");
        out.push_str(&wrap_paragraphs(
            &crate::domain::text::sanitize(&entry.justification),
            "    ",
        ));
        out.push('\n');
    }
    if risks.is_empty() {
        out.push_str(&field("Risks", ""));
    } else {
        out.push_str("  Risks\n");
        for risk in risks {
            let line = format!(
                "    {:<8} {}",
                sanitize_line(&risk.id),
                sanitize_line(&risk.title)
            );
            out.push_str(&truncate(&line, WIDTH));
            out.push('\n');
        }
    }
    out
}
