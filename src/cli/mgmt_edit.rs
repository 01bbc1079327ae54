//! The management-system edits: each opens the workspace under the lock, applies one change
//! through `domain::mgmt::edit`, and saves atomically. New records print their id.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::soa_set::parse_date;
use super::workspace_io::{edit, read, refused};
use crate::domain::catalogue::Catalogue;
use crate::domain::check::Severity;
use crate::domain::mgmt::audits::{AuditKind, AuditStatus, ItemResult};
use crate::domain::mgmt::check::check_evidence_files;
use crate::domain::mgmt::edit::{self as mgmt_edit, ClauseChange};
use crate::domain::mgmt::evidence::EvidenceKind;
use crate::domain::mgmt::findings::{CheckResult, FindingKind, FindingStatus};
use crate::domain::mgmt::system::ClauseStatus;
use crate::store;

macro_rules! enum_parser {
    ($name:ident, $type:ty) => {
        fn $name(text: &str) -> Result<$type, String> {
            <$type>::from_name(text).ok_or_else(|| format!("expected {}", <$type>::choices()))
        }
    };
}
enum_parser!(parse_clause_status, ClauseStatus);
enum_parser!(parse_evidence_kind, EvidenceKind);
enum_parser!(parse_audit_kind, AuditKind);
enum_parser!(parse_audit_status, AuditStatus);
enum_parser!(parse_item_result, ItemResult);
enum_parser!(parse_finding_kind, FindingKind);
enum_parser!(parse_finding_status, FindingStatus);
enum_parser!(parse_check_result, CheckResult);

#[derive(Debug, Subcommand)]
pub enum ClauseAction {
    /// Change a sub-clause; only the given fields change.
    Set {
        /// The sub-clause, 4.1 … 10.2.
        id: String,
        /// not_started, planned, partial or met.
        #[arg(long, value_parser = parse_clause_status)]
        status: Option<ClauseStatus>,
        #[arg(long)]
        owner: Option<String>,
        /// How we meet it, in our own words.
        #[arg(long)]
        statement: Option<String>,
        /// An evidence id (repeatable; replaces the list).
        #[arg(long = "evidence", value_name = "ID")]
        evidence: Vec<String>,
        /// YYYY-MM-DD or `today`.
        #[arg(long, value_parser = parse_date)]
        reviewed: Option<NaiveDate>,
        #[arg(long, value_parser = parse_date)]
        next_review: Option<NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
pub enum EvidenceAction {
    /// Add evidence; prints its new id. Local files are hashed (SHA-256).
    Add {
        #[arg(long)]
        title: String,
        /// document or record.
        #[arg(long, value_parser = parse_evidence_kind)]
        kind: EvidenceKind,
        /// A path relative to the workspace, or a URL.
        #[arg(long)]
        location: String,
        /// What it supports: 8.13, clause:9.2.2, R-001, F-001, A-001, MR-001 (repeatable).
        #[arg(long = "supports", value_name = "REF")]
        supports: Vec<String>,
        /// The day it stops being current: YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        expires: Option<NaiveDate>,
        /// The day the evidence reflects.
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        #[arg(long)]
        owner: Option<String>,
        /// For documents.
        #[arg(long)]
        version: Option<String>,
        #[arg(long)]
        approved_by: Option<String>,
    },
    /// Re-hash every local evidence file; exit 1 when one changed or vanished.
    Verify,
}

#[derive(Debug, Subcommand)]
pub enum AuditAction {
    /// Add an audit; prints its new id.
    Add(AuditFields),
    /// Add a tested item to an audit; prints its id.
    Item {
        /// The audit id, e.g. A-001.
        audit: String,
        /// What was tested: clause:9.2.2 or a control id.
        #[arg(long = "ref")]
        reference: String,
        #[arg(long)]
        tested: String,
        /// What the sample was drawn from.
        #[arg(long)]
        population: Option<String>,
        /// What was taken.
        #[arg(long)]
        sample: Option<String>,
        /// conformity, minor_nc, major_nc, observation or opportunity.
        #[arg(long, value_parser = parse_item_result)]
        result: Option<ItemResult>,
        #[arg(long = "evidence", value_name = "ID")]
        evidence: Vec<String>,
    },
}

#[derive(Debug, Args)]
pub struct AuditFields {
    #[arg(long)]
    title: String,
    /// internal, external, surveillance or certification.
    #[arg(long, value_parser = parse_audit_kind)]
    kind: Option<AuditKind>,
    #[arg(long)]
    scope: Option<String>,
    #[arg(long)]
    criteria: Option<String>,
    #[arg(long)]
    auditor: Option<String>,
    /// Why the auditor is independent of what they audit.
    #[arg(long)]
    independence: Option<String>,
    #[arg(long, value_parser = parse_date)]
    planned: Option<NaiveDate>,
    #[arg(long, value_parser = parse_date)]
    started: Option<NaiveDate>,
    #[arg(long, value_parser = parse_date)]
    finished: Option<NaiveDate>,
    /// planned, in_progress, complete or cancelled.
    #[arg(long, value_parser = parse_audit_status)]
    status: Option<AuditStatus>,
    #[arg(long)]
    conclusion: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum FindingAction {
    /// Add a finding; prints its new id.
    Add(FindingFields),
    /// Change a finding; only the given fields change.
    Set {
        /// The finding id, e.g. F-001.
        id: String,
        #[command(flatten)]
        fields: FindingFields,
    },
}

#[derive(Debug, Args)]
pub struct FindingFields {
    /// major_nc, minor_nc, observation or opportunity.
    #[arg(long, value_parser = parse_finding_kind)]
    kind: Option<FindingKind>,
    /// internal_audit:A-001, external_audit:A-002, management_review:MR-001, incident:ID,
    /// monitoring or self_identified.
    #[arg(long)]
    source: Option<String>,
    /// What it is about: a control id, clause:9.2.2, R-001 (repeatable; replaces the list).
    #[arg(long = "ref", value_name = "REF")]
    refs: Vec<String>,
    #[arg(long)]
    statement: Option<String>,
    #[arg(long)]
    correction: Option<String>,
    #[arg(long)]
    root_cause: Option<String>,
    /// The corrective action.
    #[arg(long)]
    action: Option<String>,
    #[arg(long)]
    owner: Option<String>,
    #[arg(long, value_parser = parse_date)]
    raised: Option<NaiveDate>,
    #[arg(long, value_parser = parse_date)]
    due: Option<NaiveDate>,
    /// open, action_planned, awaiting_check or closed.
    #[arg(long, value_parser = parse_finding_status)]
    status: Option<FindingStatus>,
    /// Who checked that the action worked.
    #[arg(long)]
    checked_by: Option<String>,
    #[arg(long, value_parser = parse_date)]
    checked_on: Option<NaiveDate>,
    /// effective or not_effective.
    #[arg(long, value_parser = parse_check_result)]
    check_result: Option<CheckResult>,
    /// Closes the finding on this day.
    #[arg(long, value_parser = parse_date)]
    closed: Option<NaiveDate>,
}

impl FindingFields {
    fn into_change(self) -> mgmt_edit::FindingChange {
        mgmt_edit::FindingChange {
            kind: self.kind,
            source: self.source,
            refs: self.refs,
            statement: self.statement,
            correction: self.correction,
            root_cause: self.root_cause,
            action: self.action,
            owner: self.owner,
            raised: self.raised,
            due: self.due,
            status: self.status,
            checked_by: self.checked_by,
            checked_on: self.checked_on,
            check_result: self.check_result,
            closed: self.closed,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum ReviewAction {
    /// Add a management review; prints its new id.
    Add {
        #[arg(long, value_parser = parse_date)]
        date: NaiveDate,
        #[arg(long)]
        chair: Option<String>,
        /// Repeatable.
        #[arg(long = "attendee")]
        attendees: Vec<String>,
        /// TOPIC=what was said (repeatable), e.g. audit_results="Two minor NCs".
        #[arg(long = "input", value_name = "TOPIC=TEXT")]
        inputs: Vec<String>,
        /// Repeatable.
        #[arg(long = "decision")]
        decisions: Vec<String>,
        /// An earlier review's action this review followed up (repeatable).
        #[arg(long = "followed-up", value_name = "ID")]
        followed_up: Vec<String>,
    },
}

fn print_outcome<T: std::fmt::Display>(
    outcome: Result<T, crate::domain::edit::EditError>,
) -> anyhow::Result<ExitCode> {
    match outcome {
        Ok(text) => {
            outln!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => Ok(refused(&error)),
    }
}

pub fn clause(dir: &Path, catalogue: &Catalogue, action: ClauseAction) -> anyhow::Result<ExitCode> {
    let ClauseAction::Set {
        id,
        status,
        owner,
        statement,
        evidence,
        reviewed,
        next_review,
    } = action;
    let change = ClauseChange {
        status,
        owner,
        statement,
        evidence: (!evidence.is_empty()).then_some(evidence),
        reviewed,
        next_review,
    };
    let stamp = store::stamp_now();
    print_outcome(edit(dir, catalogue, |workspace| {
        let changed = mgmt_edit::set_clause(workspace, &id, change, stamp)?;
        Ok(if changed {
            format!("Updated clause {}.", id.trim())
        } else {
            format!("Clause {} already had these values.", id.trim())
        })
    })?)
}

pub fn evidence(
    dir: &Path,
    catalogue: &Catalogue,
    action: EvidenceAction,
) -> anyhow::Result<ExitCode> {
    let EvidenceAction::Add {
        title,
        kind,
        location,
        supports,
        expires,
        as_of,
        owner,
        version,
        approved_by,
    } = action
    else {
        return verify(dir, catalogue);
    };
    let is_url = location.contains("://") || location.starts_with("mailto:");
    let sha256 = if is_url {
        None
    } else {
        let path = dir.join(location.trim());
        Some(store::evidence_files::sha256_file(&path).map_err(|e| {
            anyhow::anyhow!(
                "{}: cannot read: {}",
                path.display(),
                store::read::io_reason(&e)
            )
        })?)
    };
    let change = mgmt_edit::EvidenceChange {
        title: Some(title),
        kind: Some(kind),
        location: Some(location),
        sha256,
        as_of,
        review_by: expires,
        version,
        approved_by,
        owner,
        supports,
    };
    let stamp = store::stamp_now();
    print_outcome(edit(dir, catalogue, |workspace| {
        mgmt_edit::add_evidence(workspace, catalogue, change, stamp)
    })?)
}

fn verify(dir: &Path, catalogue: &Catalogue) -> anyhow::Result<ExitCode> {
    let workspace = read(dir, catalogue)?;
    let register = &workspace.mgmt.evidence;
    let observed = store::evidence_files::observe(dir, register);
    let problems = check_evidence_files(register, &observed);
    for problem in &problems {
        let severity = match problem.severity {
            Severity::Error => "error  ",
            Severity::Warning => "warning",
        };
        outln!(
            "{severity} {:<7} {}  [{}]",
            problem.subject,
            problem.message,
            problem.code
        );
    }
    outln!(
        "{} local file(s) checked, {} changed or missing.",
        observed.len(),
        problems.len()
    );
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_FINDINGS)
    })
}

pub fn audit(dir: &Path, catalogue: &Catalogue, action: AuditAction) -> anyhow::Result<ExitCode> {
    match action {
        AuditAction::Add(f) => {
            let change = mgmt_edit::AuditChange {
                kind: f.kind,
                title: Some(f.title),
                scope: f.scope,
                criteria: f.criteria,
                auditor: f.auditor,
                independence: f.independence,
                planned: f.planned,
                started: f.started,
                finished: f.finished,
                status: f.status,
                conclusion: f.conclusion,
            };
            print_outcome(edit(dir, catalogue, |workspace| {
                mgmt_edit::add_audit(workspace, change)
            })?)
        }
        AuditAction::Item {
            audit,
            reference,
            tested,
            population,
            sample,
            result,
            evidence,
        } => {
            let change = mgmt_edit::ItemChange {
                reference: Some(reference),
                tested: Some(tested),
                population,
                sample,
                result,
                evidence,
            };
            print_outcome(edit(dir, catalogue, |workspace| {
                mgmt_edit::add_audit_item(workspace, catalogue, &audit, change)
            })?)
        }
    }
}

pub fn finding(
    dir: &Path,
    catalogue: &Catalogue,
    action: FindingAction,
) -> anyhow::Result<ExitCode> {
    let stamp = store::stamp_now();
    match action {
        FindingAction::Add(fields) => print_outcome(edit(dir, catalogue, |workspace| {
            mgmt_edit::add_finding(
                workspace,
                catalogue,
                fields.into_change(),
                store::today(),
                stamp,
            )
        })?),
        FindingAction::Set { id, fields } => print_outcome(edit(dir, catalogue, |workspace| {
            let changed =
                mgmt_edit::set_finding(workspace, catalogue, &id, fields.into_change(), stamp)?;
            Ok(if changed {
                format!("Updated finding {}.", id.trim())
            } else {
                format!("Finding {} already had these values.", id.trim())
            })
        })?),
    }
}

pub fn review(dir: &Path, catalogue: &Catalogue, action: ReviewAction) -> anyhow::Result<ExitCode> {
    let ReviewAction::Add {
        date,
        chair,
        attendees,
        inputs,
        decisions,
        followed_up,
    } = action;
    let change = mgmt_edit::ReviewChange {
        date: Some(date),
        chair,
        attendees,
        inputs,
        decisions,
        followed_up,
    };
    print_outcome(edit(dir, catalogue, |workspace| {
        mgmt_edit::add_review(workspace, change)
    })?)
}
