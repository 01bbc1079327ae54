//! Reading workspace text into the model: RON syntax first, then the rules each file must keep,
//! each problem reported at file:line:column. Pure: the store reads the bytes, this judges them.

use std::collections::HashMap;

use serde::Deserialize;

use super::catalogue::Catalogue;
use super::located_error::{LocatedError, line_and_column};
use super::ron_places::{RecordPlaces, field_in, field_offsets, text_in};
use super::soa::{Reason, Soa, SoaEntry};
use super::workspace::{RiskMethod, Settings};
use super::workspace_format::{WORKSPACE_FORMAT, newer_format, newer_format_error};

pub use super::risk_load::parse_risks;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Workspace")]
struct SettingsFile {
    format: u32,
    name: String,
    organisation: String,
    scope: String,
    soa_version: String,
    catalogue: String,
    #[serde(default)]
    auto_commit: bool,
    risk_method: RiskMethod,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SoaFile {
    format: u32,
    entries: Vec<SoaEntry>,
}

/// Parses `text` as RON, checking the format version; `example` shows the expected shape.
pub(crate) fn parse_file<'a, T: Deserialize<'a>>(
    text: &'a str,
    file: &str,
    example: &str,
    format_of: impl Fn(&T) -> u32,
) -> Result<T, LocatedError> {
    if text.trim().is_empty() {
        return Err(LocatedError::at(
            file,
            None,
            format!("the file is empty; expected {example}"),
        ));
    }
    let parsed: T = ron::from_str(text).map_err(|e| {
        newer_format(text, file)
            .unwrap_or_else(|| with_hints(text, LocatedError::from_ron(file, &e)))
    })?;
    let format = format_of(&parsed);
    let at = || field_in(text, "format", 0, text.len()).unwrap_or(0);
    if format > WORKSPACE_FORMAT {
        return Err(newer_format_error(text, file, at(), u64::from(format)));
    }
    if format == 0 {
        return Err(LocatedError::at(
            file,
            Some(line_and_column(text, at())),
            format!("format 0 is not a workspace format; expected `format: {WORKSPACE_FORMAT}`"),
        ));
    }
    Ok(parsed)
}

/// Says what a date must look like (chrono only says "input is out of range"), and that the
/// file may be cut short when the error is at its very end.
fn with_hints(text: &str, mut error: LocatedError) -> LocatedError {
    let end = line_and_column(text, text.trim_end().len());
    let at_end = error.position.is_some_and(|(line, _)| line >= end.0);
    if at_end && !error.message.contains("cut short") {
        error.message.push_str(" (is the file cut short?)");
    }
    let chrono_words = [
        "input is out of range",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is not enough for unique date and time",
    ];
    if chrono_words.iter().any(|w| error.message.contains(w)) {
        error.message = format!(
            "{}: expected a real date written YYYY-MM-DD (or a UTC time such as 2026-01-31T09:30:00Z)",
            error.message
        );
    }
    error
}

/// Reads `workspace.ron`: the settings and the risk method.
pub fn parse_settings(text: &str, file: &str) -> Result<Settings, LocatedError> {
    let parsed: SettingsFile = parse_file(
        text,
        file,
        "`(format: 1, name: …, organisation: …, scope: …, soa_version: …, catalogue: …, risk_method: (…))`",
        |f: &SettingsFile| f.format,
    )?;
    let method = &parsed.risk_method;
    let place = |field: &str| {
        field_offsets(text, field)
            .into_iter()
            .next()
            .map(|at| line_and_column(text, at))
    };
    for (field, scale) in [
        ("likelihood", &method.likelihood),
        ("impact", &method.impact),
    ] {
        let mut values: Vec<u8> = scale.iter().map(|p| p.value).collect();
        values.sort_unstable();
        values.dedup();
        if scale.is_empty() || values.len() != scale.len() || values[0] == 0 {
            return Err(LocatedError::at(
                file,
                place(field),
                format!(
                    "the {field} scale needs at least one point, with distinct values from 1 up"
                ),
            ));
        }
    }
    let ascending = method.bands.windows(2).all(|w| w[0].from < w[1].from);
    if method.bands.is_empty() || !ascending {
        return Err(LocatedError::at(
            file,
            place("bands"),
            "the level bands must not be empty and must start at ascending scores",
        ));
    }
    Ok(Settings {
        name: parsed.name,
        organisation: parsed.organisation,
        scope: parsed.scope,
        soa_version: parsed.soa_version,
        catalogue: parsed.catalogue,
        auto_commit: parsed.auto_commit,
        risk_method: parsed.risk_method,
    })
}

/// The SoA as loaded, with notes on what was repaired in memory (never on disk until a save).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedSoa {
    pub soa: Soa,
    pub notes: Vec<String>,
}

/// Reads `soa.ron`: one entry per catalogue control. Entries come back in catalogue order;
/// controls without an entry are added as undecided (and said so in the notes).
pub fn parse_soa(text: &str, file: &str, catalogue: &Catalogue) -> Result<LoadedSoa, LocatedError> {
    let parsed: SoaFile = parse_file(
        text,
        file,
        "`(format: 1, entries: [ … ])`",
        |f: &SoaFile| f.format,
    )?;
    // Located only when a problem is found: the happy path does not scan the text.
    let places = RecordPlaces::new(text, "control", parsed.entries.len());
    let place = |i: usize, typed: &str| places.offset(i, typed).map(|at| line_and_column(text, at));

    let mut slots: Vec<Option<SoaEntry>> = vec![None; catalogue.len()];
    // The entry first seen for each control, and its id as written (for locating it).
    let mut first_seen: HashMap<usize, (usize, String)> = HashMap::new();
    let mut dropped_derived = 0;
    for (i, mut entry) in parsed.entries.into_iter().enumerate() {
        let Some(position) = catalogue.position(&entry.control) else {
            let nearest = catalogue.nearest_ids(&entry.control, 3).join(", ");
            return Err(LocatedError::at(
                file,
                place(i, &entry.control),
                format!(
                    "unknown control id {}; expected a control of the catalogue (nearest: {nearest})",
                    crate::domain::text::quoted(&entry.control)
                ),
            ));
        };
        if let Some((first, typed)) = first_seen.insert(position, (i, entry.control.clone())) {
            let first_line = place(first, &typed).map_or(String::new(), |(line, _)| {
                format!(" (first at line {line})")
            });
            return Err(LocatedError::at(
                file,
                place(i, &entry.control),
                format!("duplicate entry for control {}{first_line}", entry.control),
            ));
        }
        entry.control = catalogue.controls()[position].id.clone();
        // Kept in memory so that `isms check` can point at it; never written back.
        if entry.reasons.contains(&Reason::RiskTreatment) {
            dropped_derived += 1;
        }
        entry.reasons.sort();
        entry.reasons.dedup();
        slots[position] = Some(entry);
    }
    let mut notes = Vec::new();
    let missing: Vec<&str> = slots
        .iter()
        .zip(catalogue.controls())
        .filter(|(slot, _)| slot.is_none())
        .map(|(_, control)| control.id.as_str())
        .collect();
    if !missing.is_empty() {
        let shown: Vec<&str> = missing.iter().copied().take(5).collect();
        let more = if missing.len() > 5 { ", …" } else { "" };
        notes.push(format!(
            "{file}: {} control(s) had no entry ({}{more}); added as undecided",
            missing.len(),
            shown.join(", ")
        ));
    }
    if dropped_derived > 0 {
        notes.push(format!(
            "{file}: {dropped_derived} entr(y/ies) list `risk_treatment`, which comes from the \
             risks that name a control and is dropped from the file on the next save"
        ));
    }
    let entries = slots
        .into_iter()
        .zip(catalogue.controls())
        .map(|(slot, control)| slot.unwrap_or_else(|| SoaEntry::undecided(&control.id)))
        .collect();
    Ok(LoadedSoa {
        soa: Soa { entries },
        notes,
    })
}

/// The place of `needle` inside the value of `field` within `start..end`, else of the field.
pub(crate) fn place_in(
    text: &str,
    field: &str,
    needle: Option<&str>,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let field_at = field_in(text, field, start, end)?;
    let at = needle
        .and_then(|n| text_in(text, n, field_at, end))
        .unwrap_or(field_at);
    Some(line_and_column(text, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> Catalogue {
        Catalogue::builtin()
    }

    #[test]
    fn missing_controls_are_added_in_catalogue_order() {
        let text = "(format: 1, entries: [(control: \"8.9\", applicability: applicable, \
            reasons: [business, risk_treatment], justification: \"\", status: planned, note: \"\", \
            owner: \"\", evidence: [], reviewed: None, updated: None)])";
        let loaded = parse_soa(text, "soa.ron", &catalogue()).unwrap();
        assert_eq!(loaded.soa.entries.len(), 93);
        assert_eq!(loaded.soa.entries[0].control, "5.1");
        let entry = loaded.soa.entry("8.9").unwrap();
        assert_eq!(entry.reasons, [Reason::RiskTreatment, Reason::Business]);
        assert_eq!(loaded.notes.len(), 2);
    }

    #[test]
    fn unknown_and_duplicate_controls_are_located() {
        let entry = |id: &str| {
            format!(
                "(control: \"{id}\", applicability: undecided, reasons: [], justification: \"\", \
                 status: not_started, note: \"\", owner: \"\", evidence: [], reviewed: None, updated: None)"
            )
        };
        let text = format!(
            "(format: 1, entries: [\n{},\n{}])",
            entry("5.1"),
            entry("9.9")
        );
        let error = parse_soa(&text, "soa.ron", &catalogue()).unwrap_err();
        assert_eq!(error.position, Some((3, 2)));
        assert!(error.message.starts_with("unknown control id \"9.9\""));
        let text = format!(
            "(format: 1, entries: [\n{},\n{}])",
            entry("5.1"),
            entry("A.5.1")
        );
        let error = parse_soa(&text, "soa.ron", &catalogue()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "soa.ron:3:2: duplicate entry for control A.5.1 (first at line 2)"
        );
    }

    #[test]
    fn newer_and_empty_files_are_refused() {
        let error = parse_soa(
            "(format: 2, entries: [], extra: 1)",
            "soa.ron",
            &catalogue(),
        );
        assert!(error.unwrap_err().message.contains("upgrade isms"));
        let error = parse_settings("  \n", "workspace.ron").unwrap_err();
        assert!(error.message.starts_with("the file is empty"));
    }
}
