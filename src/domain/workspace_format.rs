//! The three workspace files as text: file names, the format version, and how the model is
//! written — pretty, stable RON (`\n` line endings, trailing newline, one value per line, fields
//! in declaration order) so that saving an unchanged workspace gives byte-identical files.

use ron::ser::PrettyConfig;
use serde::Serialize;

use super::located_error::{LocatedError, line_and_column};
use super::risk::{Risk, RiskRegister, risk_number};
use super::soa::{Reason, Soa, SoaEntry};
use super::workspace::{RiskMethod, Settings, Workspace};

/// The format version this build reads and writes in every workspace file.
pub const WORKSPACE_FORMAT: u32 = 1;
pub const WORKSPACE_FILE: &str = "workspace.ron";
pub const SOA_FILE: &str = "soa.ron";
pub const RISKS_FILE: &str = "risks.ron";

/// The text of the three files, as they are (or would be) on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedFiles {
    pub workspace: String,
    pub soa: String,
    pub risks: String,
}

#[derive(Serialize)]
struct SettingsOut<'a> {
    format: u32,
    name: &'a str,
    organisation: &'a str,
    scope: &'a str,
    soa_version: &'a str,
    catalogue: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    auto_commit: bool,
    risk_method: &'a RiskMethod,
}

#[derive(Serialize)]
struct SoaOut<'a> {
    format: u32,
    entries: &'a [SoaEntry],
}

#[derive(Serialize)]
struct RisksOut<'a> {
    format: u32,
    risks: &'a [Risk],
}

/// Renders all three files.
pub fn render(workspace: &Workspace) -> RenderedFiles {
    RenderedFiles {
        workspace: render_settings(&workspace.settings),
        soa: render_soa(&workspace.soa),
        risks: render_risks(&workspace.risks),
    }
}

pub fn render_soa(soa: &Soa) -> String {
    to_pretty(&SoaOut {
        format: WORKSPACE_FORMAT,
        entries: &soa.entries,
    })
}

pub fn render_settings(settings: &Settings) -> String {
    to_pretty(&SettingsOut {
        format: WORKSPACE_FORMAT,
        name: &settings.name,
        organisation: &settings.organisation,
        scope: &settings.scope,
        soa_version: &settings.soa_version,
        catalogue: &settings.catalogue,
        auto_commit: settings.auto_commit,
        risk_method: &settings.risk_method,
    })
}

/// The register sorted by id, whatever order the risks are in memory.
pub fn render_risks(register: &RiskRegister) -> String {
    let sorted = register.risks.is_sorted_by_key(|r| {
        (
            risk_number(&r.id).is_none(),
            risk_number(&r.id),
            r.id.clone(),
        )
    });
    if sorted {
        return to_pretty(&RisksOut {
            format: WORKSPACE_FORMAT,
            risks: &register.risks,
        });
    }
    let mut copy = register.clone();
    copy.sort();
    to_pretty(&RisksOut {
        format: WORKSPACE_FORMAT,
        risks: &copy.risks,
    })
}

/// The pretty configuration every workspace file is written with.
pub fn pretty_config() -> PrettyConfig {
    PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .separator(" ")
        .struct_names(false)
        .compact_arrays(false)
        .compact_structs(false)
}

pub(crate) fn to_pretty<T: Serialize>(value: &T) -> String {
    // Plain structs, strings, numbers and enums always serialize; no maps with odd keys.
    let mut text = ron::ser::to_string_pretty(value, pretty_config())
        .expect("workspace data is plain data that RON can always write");
    text.push('\n');
    text
}

/// Serializes SoA reasons as stored: sorted, without repeats and without `risk_treatment`, which
/// is derived from the risks.
pub(crate) fn stored_reasons<S: serde::Serializer>(
    reasons: &[Reason],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut kept: Vec<Reason> = reasons
        .iter()
        .copied()
        .filter(|r| *r != Reason::RiskTreatment)
        .collect();
    kept.sort();
    kept.dedup();
    kept.serialize(serializer)
}

/// Refuses a file written by a newer isms. Called when a file failed to parse, so that the user
/// hears "upgrade isms" rather than a complaint about a field this build does not know.
pub(crate) fn newer_format(text: &str, file: &str) -> Option<LocatedError> {
    let at = super::ron_places::field_in(text, "format", 0, text.len())?;
    let after = text[at + "format".len()..].trim_start().strip_prefix(':')?;
    let digits: String = after
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let version: u64 = digits.parse().ok()?;
    (version > u64::from(WORKSPACE_FORMAT)).then(|| newer_format_error(text, file, at, version))
}

pub(crate) fn newer_format_error(text: &str, file: &str, at: usize, version: u64) -> LocatedError {
    LocatedError::at(
        file,
        Some(line_and_column(text, at)),
        format!(
            "format {version} is newer than this isms reads ({WORKSPACE_FORMAT}); upgrade isms to open it"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Catalogue;

    #[test]
    fn files_end_with_one_newline_and_hold_the_format() {
        let workspace = Workspace::new(Settings::default(), &Catalogue::builtin());
        let files = render(&workspace);
        for text in [&files.workspace, &files.soa, &files.risks] {
            assert!(text.starts_with("(\n    format: 1,\n"), "{text}");
            assert!(text.ends_with(")\n") && !text.ends_with("\n\n"));
            assert!(!text.contains('\r'));
        }
        assert!(files.soa.contains("        control: \"5.1\",\n"));
    }

    #[test]
    fn risk_treatment_is_never_written() {
        let mut workspace = Workspace::new(Settings::default(), &Catalogue::builtin());
        workspace.soa.entries[0].reasons = vec![Reason::Business, Reason::RiskTreatment];
        let soa = render(&workspace).soa;
        assert!(!soa.contains("risk_treatment"));
        assert!(soa.contains("business"));
    }

    #[test]
    fn a_newer_format_is_recognised_in_broken_text() {
        let error = newer_format("(\n  format: 7,\n  future_field: 1)", "soa.ron").unwrap();
        assert_eq!(error.position, Some((2, 3)));
        assert!(newer_format("(format: 1, x: 1)", "soa.ron").is_none());
    }
}
