//! Adding evidence, audits and their tested items, findings and management reviews, and changing
//! a finding: new records get the next free id and keep the register's order.

use chrono::NaiveDate;

use super::audits::{Audit, AuditKind, AuditStatus, ItemResult, TestedItem};
use super::edit::{cite_from_supported, evidence_id, references};
use super::evidence::{Approval, Evidence, EvidenceKind};
use super::findings::{
    CheckResult, EffectivenessCheck, FindingKind, FindingRecord, FindingSource, FindingStatus,
};
use super::ids::{next_child_id, next_id};
use super::reviews::{ManagementReview, ReviewInput, ReviewTopic};
use crate::domain::catalogue::Catalogue;
use crate::domain::edit::EditError;
use crate::domain::stamp::Stamp;
use crate::domain::text::{sanitize, sanitize_line};
use crate::domain::workspace::Workspace;

fn line(text: Option<String>) -> String {
    text.map(|t| sanitize_line(t.trim())).unwrap_or_default()
}

fn required(text: Option<String>, what: &str) -> Result<String, EditError> {
    let text = line(text);
    if text.is_empty() {
        return Err(EditError::Invalid(format!("{what} is required")));
    }
    Ok(text)
}

/// A new evidence item.
#[derive(Debug, Clone, Default)]
pub struct EvidenceChange {
    pub title: Option<String>,
    pub kind: Option<EvidenceKind>,
    pub location: Option<String>,
    /// Worked out by the store for local files.
    pub sha256: Option<String>,
    pub as_of: Option<NaiveDate>,
    pub review_by: Option<NaiveDate>,
    pub version: Option<String>,
    pub approved_by: Option<String>,
    pub owner: Option<String>,
    pub supports: Vec<String>,
}

/// Adds evidence and returns its id; the clauses and SoA entries it supports cite it back.
pub fn add_evidence(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    change: EvidenceChange,
    stamp: Stamp,
) -> Result<String, EditError> {
    let title = required(change.title, "--title")?;
    let location = required(change.location, "--location")?;
    let kind = change
        .kind
        .ok_or_else(|| EditError::Invalid("--kind is required".into()))?;
    let supports = references(&change.supports, catalogue)?;
    let id = next_id(
        "E-",
        workspace.mgmt.evidence.items.iter().map(|e| e.id.as_str()),
    );
    let approval = (kind == EvidenceKind::Document
        && (change.version.is_some() || change.approved_by.is_some()))
    .then(|| Approval {
        version: line(change.version),
        approved_by: line(change.approved_by),
        approved_on: None,
    });
    workspace.mgmt.evidence.items.push(Evidence {
        id: id.clone(),
        title,
        kind,
        location,
        sha256: change.sha256,
        as_of: change.as_of,
        period: None,
        review_by: change.review_by,
        approval,
        owner: line(change.owner),
        supports: supports.clone(),
        recorded: Some(stamp),
    });
    cite_from_supported(workspace, &id, &supports);
    Ok(id)
}

/// A new audit.
#[derive(Debug, Clone, Default)]
pub struct AuditChange {
    pub kind: Option<AuditKind>,
    pub title: Option<String>,
    pub scope: Option<String>,
    pub criteria: Option<String>,
    pub auditor: Option<String>,
    pub independence: Option<String>,
    pub planned: Option<NaiveDate>,
    pub started: Option<NaiveDate>,
    pub finished: Option<NaiveDate>,
    pub status: Option<AuditStatus>,
    pub conclusion: Option<String>,
}

/// Adds an audit and returns its id.
pub fn add_audit(workspace: &mut Workspace, change: AuditChange) -> Result<String, EditError> {
    let title = required(change.title, "--title")?;
    let id = next_id(
        "A-",
        workspace.mgmt.audits.audits.iter().map(|a| a.id.as_str()),
    );
    workspace.mgmt.audits.audits.push(Audit {
        id: id.clone(),
        kind: change.kind.unwrap_or(AuditKind::Internal),
        title,
        scope: line(change.scope),
        criteria: line(change.criteria),
        auditor: line(change.auditor),
        independence: line(change.independence),
        planned: change.planned,
        started: change.started,
        finished: change.finished,
        status: change.status.unwrap_or(AuditStatus::Planned),
        conclusion: change
            .conclusion
            .map(|c| sanitize(c.trim()))
            .unwrap_or_default(),
        items: Vec::new(),
    });
    Ok(id)
}

/// A tested item to add to an audit.
#[derive(Debug, Clone, Default)]
pub struct ItemChange {
    pub reference: Option<String>,
    pub tested: Option<String>,
    pub population: Option<String>,
    pub sample: Option<String>,
    pub result: Option<ItemResult>,
    pub evidence: Vec<String>,
}

/// Adds a tested item to audit `audit` and returns its id.
pub fn add_audit_item(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    audit: &str,
    change: ItemChange,
) -> Result<String, EditError> {
    let reference = required(change.reference, "--ref")?;
    let reference = references(&[reference], catalogue)?.remove(0);
    let evidence = change
        .evidence
        .iter()
        .map(|e| evidence_id(workspace, e))
        .collect::<Result<Vec<_>, _>>()?;
    let Some(target) = workspace
        .mgmt
        .audits
        .audits
        .iter_mut()
        .find(|a| a.id.eq_ignore_ascii_case(audit.trim()))
    else {
        return Err(EditError::NotFound(format!(
            "no audit {:?} (see `isms audits`)",
            audit.trim()
        )));
    };
    let id = next_child_id(&target.id, target.items.iter().map(|i| i.id.as_str()));
    target.items.push(TestedItem {
        id: id.clone(),
        reference,
        tested: required(change.tested, "--tested")?,
        population: line(change.population),
        sample: line(change.sample),
        result: change.result.unwrap_or(ItemResult::Conformity),
        evidence,
        note: String::new(),
    });
    Ok(id)
}

/// The fields of a finding to set; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct FindingChange {
    pub kind: Option<FindingKind>,
    /// `internal_audit:A-001`, `incident:INC-42`, `monitoring`…
    pub source: Option<String>,
    /// Replaces the references when not empty.
    pub refs: Vec<String>,
    pub statement: Option<String>,
    pub correction: Option<String>,
    pub root_cause: Option<String>,
    pub action: Option<String>,
    pub owner: Option<String>,
    pub raised: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub status: Option<FindingStatus>,
    pub checked_by: Option<String>,
    pub checked_on: Option<NaiveDate>,
    pub check_result: Option<CheckResult>,
    pub closed: Option<NaiveDate>,
}

/// Adds a finding (raised `today` unless said otherwise) and returns its id.
pub fn add_finding(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    change: FindingChange,
    today: NaiveDate,
    stamp: Stamp,
) -> Result<String, EditError> {
    let kind = change
        .kind
        .ok_or_else(|| EditError::Invalid("--kind is required".into()))?;
    let source = change
        .source
        .clone()
        .ok_or_else(|| EditError::Invalid("--source is required".into()))?;
    required(change.statement.clone(), "--statement")?;
    let id = next_id(
        "F-",
        workspace.mgmt.findings.items.iter().map(|f| f.id.as_str()),
    );
    let record = FindingRecord {
        id: id.clone(),
        kind,
        source: parse_source(&source)?,
        refs: Vec::new(),
        statement: String::new(),
        correction: String::new(),
        root_cause: String::new(),
        action: String::new(),
        owner: String::new(),
        raised: change.raised.unwrap_or(today),
        due: None,
        status: FindingStatus::Open,
        effectiveness: None,
        closed: None,
        updated: None,
    };
    workspace.mgmt.findings.items.push(record);
    set_finding(workspace, catalogue, &id, change, stamp)?;
    Ok(id)
}

fn parse_source(text: &str) -> Result<FindingSource, EditError> {
    FindingSource::parse(text).ok_or_else(|| {
        EditError::Invalid(format!(
            "{text:?} is not a source; write KIND or KIND:ID with KIND one of {}",
            super::findings::SourceKind::choices()
        ))
    })
}

/// Changes finding `id`; returns whether anything changed.
pub fn set_finding(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    id: &str,
    change: FindingChange,
    stamp: Stamp,
) -> Result<bool, EditError> {
    let refs = references(&change.refs, catalogue)?;
    let source = change.source.as_deref().map(parse_source).transpose()?;
    let Some(record) = workspace
        .mgmt
        .findings
        .items
        .iter_mut()
        .find(|f| f.id.eq_ignore_ascii_case(id.trim()))
    else {
        return Err(EditError::NotFound(format!(
            "no finding {:?} (see `isms findings`)",
            id.trim()
        )));
    };
    let before = record.clone();
    let text = |value: Option<String>, field: &mut String| {
        if let Some(value) = value {
            *field = sanitize(value.trim());
        }
    };
    if let Some(kind) = change.kind {
        record.kind = kind;
    }
    if let Some(source) = source {
        record.source = source;
    }
    if !refs.is_empty() {
        record.refs = refs;
    }
    text(change.statement, &mut record.statement);
    text(change.correction, &mut record.correction);
    text(change.root_cause, &mut record.root_cause);
    text(change.action, &mut record.action);
    if let Some(owner) = change.owner {
        record.owner = sanitize_line(owner.trim());
    }
    if let Some(raised) = change.raised {
        record.raised = raised;
    }
    if change.due.is_some() {
        record.due = change.due;
    }
    if let Some(status) = change.status {
        record.status = status;
    }
    if change.checked_by.is_some() || change.checked_on.is_some() || change.check_result.is_some() {
        let (Some(by), Some(on)) = (change.checked_by, change.checked_on) else {
            return Err(EditError::Invalid(
                "an effectiveness check needs --checked-by and --checked-on".into(),
            ));
        };
        record.effectiveness = Some(EffectivenessCheck {
            by: sanitize_line(by.trim()),
            on,
            result: change.check_result.unwrap_or(CheckResult::Effective),
            note: String::new(),
        });
    }
    if change.closed.is_some() {
        record.closed = change.closed;
        record.status = FindingStatus::Closed;
    }
    let changed = *record != before;
    if changed {
        record.updated = Some(stamp);
    }
    Ok(changed)
}

/// A new management review.
#[derive(Debug, Clone, Default)]
pub struct ReviewChange {
    pub date: Option<NaiveDate>,
    pub chair: Option<String>,
    pub attendees: Vec<String>,
    /// `TOPIC=what was said`, one per input discussed.
    pub inputs: Vec<String>,
    pub decisions: Vec<String>,
    pub followed_up: Vec<String>,
}

/// Adds a management review and returns its id.
pub fn add_review(workspace: &mut Workspace, change: ReviewChange) -> Result<String, EditError> {
    let date = change
        .date
        .ok_or_else(|| EditError::Invalid("--date is required".into()))?;
    let inputs = change
        .inputs
        .iter()
        .map(|text| {
            let (topic, discussion) = text.split_once('=').unwrap_or((text, ""));
            let topic = ReviewTopic::from_name(topic).ok_or_else(|| {
                EditError::Invalid(format!(
                    "{topic:?} is not a review input; expected {}",
                    ReviewTopic::choices()
                ))
            })?;
            Ok(ReviewInput {
                topic,
                discussion: sanitize(discussion.trim()),
            })
        })
        .collect::<Result<Vec<_>, EditError>>()?;
    let id = next_id(
        "MR-",
        workspace.mgmt.audits.reviews.iter().map(|r| r.id.as_str()),
    );
    let lines = |v: Vec<String>| v.into_iter().map(|t| sanitize_line(t.trim())).collect();
    workspace.mgmt.audits.reviews.push(ManagementReview {
        id: id.clone(),
        date,
        chair: line(change.chair),
        attendees: lines(change.attendees),
        inputs,
        decisions: lines(change.decisions),
        changes: Vec::new(),
        actions: Vec::new(),
        followed_up: lines(change.followed_up),
    });
    Ok(id)
}
