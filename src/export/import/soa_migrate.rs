//! Migrating a 2013-keyed SoA through the 2013→2022 correspondence. A 2022 control fed by one
//! 2013 row takes its values; one fed by several (a merge) gets their justifications combined,
//! the most cautious status and applicability, and a line marking it for review. Controls new in
//! 2022 have no 2013 row and stay undecided.

use std::collections::BTreeMap;

use super::soa_row::Imported;
use crate::domain::catalogue::Catalogue;
use crate::domain::soa::Applicability;

/// One 2013 row's values, feeding a 2022 control.
#[derive(Debug, Clone)]
pub struct Source {
    /// `A.12.3.1`
    pub old_id: String,
    pub imported: Imported,
}

/// The first line of a merged control's justification: the marker people search for.
pub const REVIEW_MARK: &str = "[review after migration]";

fn combined(sources: &[Source], field: impl Fn(&Imported) -> Option<&String>) -> Option<String> {
    let present: Vec<(&str, &String)> = sources
        .iter()
        .filter_map(|s| field(&s.imported).map(|t| (s.old_id.as_str(), t)))
        .collect();
    if present.is_empty() {
        return None;
    }
    let parts: Vec<String> = present
        .iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(old, text)| format!("{old}: {}", text.trim()))
        .collect();
    Some(parts.join("\n\n"))
}

/// The values of several 2013 rows folded into one 2022 entry.
pub fn merge_sources(sources: &[Source]) -> Imported {
    if let [only] = sources {
        return only.imported.clone();
    }
    let all = |f: &dyn Fn(&Imported) -> bool| sources.iter().all(|s| f(&s.imported));
    let any = |f: &dyn Fn(&Imported) -> bool| sources.iter().any(|s| f(&s.imported));
    let applicability = if any(&|i| i.applicability == Some(Applicability::Applicable)) {
        Some(Applicability::Applicable)
    } else if all(&|i| i.applicability == Some(Applicability::Excluded)) {
        Some(Applicability::Excluded)
    } else {
        sources
            .iter()
            .find_map(|s| s.imported.applicability)
            .map(|_| Applicability::Undecided)
    };
    let old_ids: Vec<&str> = sources.iter().map(|s| s.old_id.as_str()).collect();
    let mark = format!(
        "{REVIEW_MARK} merged from the 2013 controls {}; check this justification covers the 2022 control.",
        old_ids.join(", ")
    );
    let justification = Some(match combined(sources, |i| i.justification.as_ref()) {
        Some(text) if !text.is_empty() => format!("{mark}\n\n{text}"),
        _ => mark,
    });
    let mut reasons: Vec<_> = sources
        .iter()
        .filter_map(|s| s.imported.reasons.clone())
        .flatten()
        .collect();
    reasons.sort();
    reasons.dedup();
    let mut owners: Vec<String> = sources
        .iter()
        .filter_map(|s| s.imported.owner.clone())
        .filter(|o| !o.is_empty())
        .collect();
    owners.dedup();
    let mut evidence: Vec<String> = Vec::new();
    for item in sources
        .iter()
        .filter_map(|s| s.imported.evidence.clone())
        .flatten()
    {
        if !evidence.contains(&item) {
            evidence.push(item);
        }
    }
    let has = |f: &dyn Fn(&Imported) -> bool| any(f).then_some(());
    Imported {
        row: sources[0].imported.row,
        applicability,
        reasons: has(&|i| i.reasons.is_some()).map(|_| reasons),
        justification,
        status: sources.iter().filter_map(|s| s.imported.status).min(),
        note: combined(sources, |i| i.note.as_ref()),
        owner: has(&|i| i.owner.is_some()).map(|_| owners.join(", ")),
        evidence: has(&|i| i.evidence.is_some()).map(|_| evidence),
        // A merged control has not been reviewed as a 2022 control yet.
        reviewed: has(&|i| i.reviewed.is_some()).map(|_| None),
    }
}

/// Report lines for a 2013-keyed import: merged controls to review, new controls left undecided.
pub fn migration_notes(catalogue: &Catalogue, proposed: &BTreeMap<usize, Imported>) -> Vec<String> {
    let mut notes = Vec::new();
    let merged: Vec<&str> = proposed
        .iter()
        .filter(|(_, imported)| {
            imported
                .justification
                .as_deref()
                .is_some_and(|j| j.starts_with(REVIEW_MARK))
        })
        .map(|(i, _)| catalogue.controls()[*i].id.as_str())
        .collect();
    if !merged.is_empty() {
        notes.push(format!(
            "2013 ids were migrated to 2022; these controls merge several 2013 controls and are marked \"{REVIEW_MARK}\": {}",
            merged.join(", ")
        ));
    }
    let new: Vec<&str> = catalogue
        .controls()
        .iter()
        .enumerate()
        .filter(|(i, c)| c.new_in_2022 && !proposed.contains_key(i))
        .map(|(_, c)| c.id.as_str())
        .collect();
    if !new.is_empty() {
        notes.push(format!(
            "{} controls are new in 2022 and have no 2013 row; they stay undecided: {}",
            new.len(),
            new.join(", ")
        ));
    }
    notes
}

/// A report line when a 2022 control merges 2013 controls the file gives only some of.
pub fn coverage_notes(catalogue: &Catalogue, control: usize, sources: &[Source]) -> Vec<String> {
    let merged = &catalogue.controls()[control];
    let given: Vec<String> = sources
        .iter()
        .map(|s| crate::domain::control::normalize_id(&s.old_id))
        .collect();
    let missing: Vec<String> = merged
        .iso27002_2013
        .iter()
        .filter(|old| !given.contains(&crate::domain::control::normalize_id(old)))
        .map(|old| format!("A.{}", crate::domain::control::normalize_id(old)))
        .collect();
    if missing.is_empty() || merged.iso27002_2013.len() < 2 {
        return Vec::new();
    }
    vec![format!(
        "{} merges several 2013 controls but the file decides only {}, not {}: review it",
        merged.id,
        sources
            .iter()
            .map(|s| s.old_id.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        missing.join(", ")
    )]
}
