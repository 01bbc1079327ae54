//! Reading the management-system files into the model: RON syntax first (with the shared
//! format-version and date messages), then unique ids, known clauses and controls, and
//! well-formed references, each problem at file:line:column. Pure: the store reads the bytes.

use serde::Deserialize;

use super::audits::{Audit, AuditBook, Programme};
use super::clauses::{assessable, clause, has_children, nearest};
use super::evidence::{Evidence, EvidenceRegister};
use super::findings::{FindingRecord, FindingsRegister};
use super::load_places::Places;
use super::refs::canonical;
use super::reviews::ManagementReview;
use super::system::{
    ClauseEntry, ClimateDecision, ContextIssue, InterestedParty, ManagementSystem, Objective, Role,
};
use crate::domain::catalogue::Catalogue;
use crate::domain::located_error::LocatedError;
use crate::domain::workspace_load::parse_file;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SystemFile {
    format: u32,
    clauses: Vec<ClauseEntry>,
    issues: Vec<ContextIssue>,
    parties: Vec<InterestedParty>,
    climate: Option<ClimateDecision>,
    objectives: Vec<Objective>,
    roles: Vec<Role>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EvidenceFile {
    format: u32,
    evidence: Vec<Evidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuditsFile {
    format: u32,
    programme: Programme,
    audits: Vec<Audit>,
    reviews: Vec<ManagementReview>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FindingsFile {
    format: u32,
    findings: Vec<FindingRecord>,
}

/// The management system as loaded, with notes on what was repaired in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedSystem {
    pub system: ManagementSystem,
    pub notes: Vec<String>,
}

/// Reads `isms.ron`. Clause entries come back in the standard's order; sub-clauses without an
/// entry are added as not started (and said so in the notes).
pub fn parse_system(
    text: &str,
    file: &str,
    catalogue: &Catalogue,
) -> Result<LoadedSystem, LocatedError> {
    let parsed: SystemFile = parse_file(
        text,
        file,
        "`(format: 1, clauses: [ … ], issues: [ … ], parties: [ … ], climate: None, objectives: [ … ], roles: [ … ])`",
        |f: &SystemFile| f.format,
    )?;
    let places = Places { text, file };
    let mut slots: Vec<Option<ClauseEntry>> = assessable().map(|_| None).collect();
    for entry in parsed.clauses {
        let Some(index) = assessable().position(|c| c.id == entry.clause.trim()) else {
            let why = if clause(&entry.clause).is_some_and(|c| has_children(c.id)) {
                "it is assessed through its sub-clauses".to_string()
            } else {
                format!(
                    "expected a sub-clause 4.1 … 10.2 (nearest: {})",
                    nearest(&entry.clause, 3).join(", ")
                )
            };
            return Err(places.error(
                places.field_value("clause", &entry.clause, 0),
                format!("unknown clause {:?}; {why}", entry.clause),
            ));
        };
        if slots[index].is_some() {
            return Err(places.error(
                places.field_value("clause", &entry.clause, 1),
                format!("duplicate entry for clause {}", entry.clause),
            ));
        }
        slots[index] = Some(entry);
    }
    let mut notes = Vec::new();
    let missing: Vec<&str> = slots
        .iter()
        .zip(assessable())
        .filter(|(slot, _)| slot.is_none())
        .map(|(_, c)| c.id)
        .collect();
    if !missing.is_empty() {
        notes.push(format!(
            "{file}: {} sub-clause(s) had no entry ({}); added as not started",
            missing.len(),
            missing.join(", ")
        ));
    }
    let clauses = slots
        .into_iter()
        .zip(assessable())
        .map(|(slot, c)| slot.unwrap_or_else(|| ClauseEntry::not_started(c.id)))
        .collect();
    places.unique_ids("issue", parsed.issues.iter().map(|i| i.id.as_str()))?;
    places.unique_ids("party", parsed.parties.iter().map(|p| p.id.as_str()))?;
    places.unique_ids(
        "requirement",
        parsed
            .parties
            .iter()
            .flat_map(|p| &p.requirements)
            .map(|r| r.id.as_str()),
    )?;
    places.unique_ids("objective", parsed.objectives.iter().map(|o| o.id.as_str()))?;
    places.unique_ids(
        "measurement",
        parsed
            .objectives
            .iter()
            .flat_map(|o| &o.measurements)
            .map(|m| m.id.as_str()),
    )?;
    places.unique_ids("role", parsed.roles.iter().map(|r| r.id.as_str()))?;
    let mut parties = parsed.parties;
    for requirement in parties.iter_mut().flat_map(|p| &mut p.requirements) {
        canonical_refs(&places, &mut requirement.addressed_by, catalogue)?;
    }
    Ok(LoadedSystem {
        system: ManagementSystem {
            clauses,
            issues: parsed.issues,
            parties,
            climate: parsed.climate,
            objectives: parsed.objectives,
            roles: parsed.roles,
        },
        notes,
    })
}

/// Reads `evidence.ron`.
pub fn parse_evidence(
    text: &str,
    file: &str,
    catalogue: &Catalogue,
) -> Result<EvidenceRegister, LocatedError> {
    let parsed: EvidenceFile = parse_file(
        text,
        file,
        "`(format: 1, evidence: [ … ])`",
        |f: &EvidenceFile| f.format,
    )?;
    let places = Places { text, file };
    places.unique_ids("evidence", parsed.evidence.iter().map(|e| e.id.as_str()))?;
    let mut items = parsed.evidence;
    for item in &mut items {
        if let Some(hash) = &item.sha256
            && (hash.len() != 64 || !hash.chars().all(|c| c.is_ascii_hexdigit()))
        {
            return Err(places.error(
                places
                    .field_value("sha256", hash, 0)
                    .or(places.quoted(hash)),
                format!("evidence {}: sha256 must be 64 hexadecimal digits", item.id),
            ));
        }
        if let Some(period) = &item.period
            && period.from > period.to
        {
            return Err(places.error(
                places.field_value("from", &period.from.to_string(), 0),
                format!(
                    "evidence {}: its period ends ({}) before it starts ({})",
                    item.id, period.to, period.from
                ),
            ));
        }
        canonical_refs(&places, &mut item.supports, catalogue)?;
    }
    Ok(EvidenceRegister { items })
}

/// Reads `audits.ron`: the programme, the audits and the management reviews.
pub fn parse_audits(
    text: &str,
    file: &str,
    catalogue: &Catalogue,
) -> Result<AuditBook, LocatedError> {
    let parsed: AuditsFile = parse_file(
        text,
        file,
        "`(format: 1, programme: (cycle_years: 3, note: \"\"), audits: [ … ], reviews: [ … ])`",
        |f: &AuditsFile| f.format,
    )?;
    let places = Places { text, file };
    if parsed.programme.cycle_years == 0 {
        return Err(places.error(
            places.quoted("cycle_years").or_else(|| {
                crate::domain::ron_places::field_in(text, "cycle_years", 0, text.len())
                    .map(|at| crate::domain::located_error::line_and_column(text, at))
            }),
            "the audit cycle must last at least one year".to_string(),
        ));
    }
    places.unique_ids("audit", parsed.audits.iter().map(|a| a.id.as_str()))?;
    places.unique_ids(
        "tested item",
        parsed
            .audits
            .iter()
            .flat_map(|a| &a.items)
            .map(|i| i.id.as_str()),
    )?;
    places.unique_ids("review", parsed.reviews.iter().map(|r| r.id.as_str()))?;
    places.unique_ids(
        "review action",
        parsed
            .reviews
            .iter()
            .flat_map(|r| &r.actions)
            .map(|a| a.id.as_str()),
    )?;
    let mut audits = parsed.audits;
    for item in audits.iter_mut().flat_map(|a| &mut a.items) {
        let mut one = vec![item.reference.clone()];
        canonical_refs(&places, &mut one, catalogue)?;
        item.reference = one.remove(0);
    }
    Ok(AuditBook {
        programme: parsed.programme,
        audits,
        reviews: parsed.reviews,
    })
}

/// Reads `findings.ron`.
pub fn parse_findings(
    text: &str,
    file: &str,
    catalogue: &Catalogue,
) -> Result<FindingsRegister, LocatedError> {
    let parsed: FindingsFile = parse_file(
        text,
        file,
        "`(format: 1, findings: [ … ])`",
        |f: &FindingsFile| f.format,
    )?;
    let places = Places { text, file };
    places.unique_ids("finding", parsed.findings.iter().map(|f| f.id.as_str()))?;
    let mut items = parsed.findings;
    for item in &mut items {
        canonical_refs(&places, &mut item.refs, catalogue)?;
    }
    Ok(FindingsRegister { items })
}

/// Puts each reference in its stored form; refuses one whose kind cannot be told, an unknown
/// clause, or an unknown control.
fn canonical_refs(
    places: &Places,
    refs: &mut [String],
    catalogue: &Catalogue,
) -> Result<(), LocatedError> {
    for reference in refs {
        match canonical(reference, catalogue) {
            Ok(text) => *reference = text,
            Err(message) => return Err(places.error(places.quoted(reference), message)),
        }
    }
    Ok(())
}
