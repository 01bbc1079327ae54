//! One workspace file on its own, as git's merge driver sees it: read into a workspace that holds
//! only that file's part, written back in the canonical format, and the lists (conflict kinds)
//! that live in it. The conflict chooser uses the same to read theirs' version of a file.

use super::catalogue::Catalogue;
use super::mgmt::format::{AUDITS_FILE, EVIDENCE_FILE, FINDINGS_FILE, ISMS_FILE, render_part};
use super::mgmt::load::{parse_audits, parse_evidence, parse_findings, parse_system};
use super::workspace::{RiskMethod, ScalePoint, Workspace};
use super::workspace_format::{
    RISKS_FILE, SOA_FILE, WORKSPACE_FILE, render_risks, render_settings, render_soa,
};
use super::workspace_load::{parse_risks, parse_settings, parse_soa};

/// Every file a workspace is made of.
pub const PART_FILES: [&str; 7] = [
    WORKSPACE_FILE,
    SOA_FILE,
    RISKS_FILE,
    ISMS_FILE,
    EVIDENCE_FILE,
    AUDITS_FILE,
    FINDINGS_FILE,
];

/// One version of one workspace file as a workspace holding only that file's part. An empty
/// version (the file did not exist in the base) is an empty part.
pub fn parse_part(file: &str, text: &str, catalogue: &Catalogue) -> Result<Workspace, String> {
    let mut workspace = Workspace::default();
    if text.trim().is_empty() {
        return if PART_FILES.contains(&file) {
            Ok(workspace)
        } else {
            Err(format!("{file:?} is not a workspace file"))
        };
    }
    let error = |e: super::located_error::LocatedError| e.to_string();
    match file {
        WORKSPACE_FILE => workspace.settings = parse_settings(text, file).map_err(error)?,
        SOA_FILE => workspace.soa = parse_soa(text, file, catalogue).map_err(error)?.soa,
        RISKS_FILE => {
            workspace.risks = parse_risks(text, file, catalogue, &any_rating()).map_err(error)?
        }
        ISMS_FILE => {
            workspace.mgmt.system = parse_system(text, file, catalogue).map_err(error)?.system
        }
        EVIDENCE_FILE => {
            workspace.mgmt.evidence = parse_evidence(text, file, catalogue).map_err(error)?
        }
        AUDITS_FILE => {
            workspace.mgmt.audits = parse_audits(text, file, catalogue).map_err(error)?
        }
        FINDINGS_FILE => {
            workspace.mgmt.findings = parse_findings(text, file, catalogue).map_err(error)?
        }
        other => return Err(format!("{other:?} is not a workspace file")),
    }
    Ok(workspace)
}

/// The canonical text of `file`'s part of `workspace`; `None` for a name that is no workspace
/// file.
pub fn render_file(file: &str, workspace: &Workspace) -> Option<String> {
    Some(match file {
        WORKSPACE_FILE => render_settings(&workspace.settings),
        SOA_FILE => render_soa(&workspace.soa),
        RISKS_FILE => render_risks(&workspace.risks),
        ISMS_FILE => render_part(&workspace.mgmt, 0),
        EVIDENCE_FILE => render_part(&workspace.mgmt, 1),
        AUDITS_FILE => render_part(&workspace.mgmt, 2),
        FINDINGS_FILE => render_part(&workspace.mgmt, 3),
        _ => return None,
    })
}

/// `file`'s part of `workspace` replaced by that of `from`.
pub fn put_part(workspace: &mut Workspace, file: &str, from: Workspace) {
    match file {
        WORKSPACE_FILE => workspace.settings = from.settings,
        SOA_FILE => workspace.soa = from.soa,
        RISKS_FILE => workspace.risks = from.risks,
        ISMS_FILE => workspace.mgmt.system = from.mgmt.system,
        EVIDENCE_FILE => workspace.mgmt.evidence = from.mgmt.evidence,
        AUDITS_FILE => workspace.mgmt.audits = from.mgmt.audits,
        FINDINGS_FILE => workspace.mgmt.findings = from.mgmt.findings,
        _ => {}
    }
}

/// The conflict kinds (lists) that live in `file`.
pub fn kinds_in(file: &str) -> &'static [&'static str] {
    match file {
        WORKSPACE_FILE => &["workspace"],
        SOA_FILE => &["soa"],
        RISKS_FILE => &["risk"],
        ISMS_FILE => &[
            "clause",
            "issue",
            "party",
            "requirement",
            "climate",
            "objective",
            "measurement",
            "role",
        ],
        EVIDENCE_FILE => &["evidence"],
        AUDITS_FILE => &[
            "programme",
            "audit",
            "tested_item",
            "review",
            "review_input",
            "review_action",
        ],
        FINDINGS_FILE => &["finding"],
        _ => &[],
    }
}

/// A method that takes every rating: the scales live in workspace.ron, which a merge of
/// risks.ron alone does not see; opening the merged workspace checks the ratings against them.
fn any_rating() -> RiskMethod {
    let scale: Vec<ScalePoint> = (1..=u8::MAX)
        .map(|value| ScalePoint {
            value,
            label: String::new(),
        })
        .collect();
    RiskMethod {
        likelihood: scale.clone(),
        impact: scale,
        ..RiskMethod::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::demo_workspace;

    #[test]
    fn every_file_reads_back_into_its_part_and_writes_the_same_bytes() {
        let catalogue = Catalogue::builtin();
        let demo = demo_workspace(&catalogue);
        let mut rebuilt = Workspace::default();
        for file in PART_FILES {
            let text = render_file(file, &demo).unwrap();
            let part = parse_part(file, &text, &catalogue).unwrap();
            assert_eq!(render_file(file, &part), Some(text), "{file}");
            put_part(&mut rebuilt, file, part);
            assert!(!kinds_in(file).is_empty(), "{file}");
        }
        for file in PART_FILES {
            assert_eq!(
                render_file(file, &rebuilt),
                render_file(file, &demo),
                "{file}"
            );
        }
        assert!(parse_part("notes.ron", "", &catalogue).is_err());
    }
}
