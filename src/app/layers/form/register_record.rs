//! The field tables of new evidence, a new audit and a new management review, and the form read
//! back through the domain's `add_evidence`, `add_audit` and `add_review` (the same edits as
//! `isms evidence add`, `isms audit add` and `isms review add`). A local file's SHA-256 comes from
//! the edge before the form is applied (see `mgmt_record::file_to_hash`).

use chrono::NaiveDate;

use super::mgmt_record::{
    RecordKind, Written, choice, chosen, date, date_of, line, lines, text_lines, words,
};
use super::{Form, Kind, Spec, Value, spec};
use crate::domain::catalogue::Catalogue;
use crate::domain::mgmt::audits::{AuditKind, AuditStatus};
use crate::domain::mgmt::edit::{
    AuditChange, EvidenceChange, ReviewChange, add_audit, add_evidence, add_review,
};
use crate::domain::mgmt::edit_audit::{put_audit, put_review};
use crate::domain::mgmt::edit_evidence::put_evidence;
use crate::domain::mgmt::evidence::EvidenceKind;
use crate::domain::stamp::Stamp;
use crate::domain::workspace::Workspace;

pub const EVIDENCE: &[Spec] = &[
    spec("title", "Title", Kind::Line),
    spec("kind", "Kind", Kind::Choice),
    spec("location", "Location", Kind::Line),
    spec("supports", "Supports", Kind::Line),
    spec("as_of", "As of", Kind::Date),
    spec("review_by", "Review by", Kind::Date),
    spec("owner", "Owner", Kind::Line),
    spec("version", "Version", Kind::Line),
    spec("approved_by", "Approved by", Kind::Line),
];

pub const AUDIT: &[Spec] = &[
    spec("title", "Title", Kind::Line),
    spec("kind", "Kind", Kind::Choice),
    spec("scope", "Scope", Kind::Line),
    spec("criteria", "Criteria", Kind::Line),
    spec("auditor", "Auditor", Kind::Line),
    spec("independence", "Independence", Kind::Line),
    spec("planned", "Planned", Kind::Date),
    spec("started", "Started", Kind::Date),
    spec("finished", "Finished", Kind::Date),
    spec("status", "Status", Kind::Choice),
    spec("conclusion", "Conclusion", Kind::Text { rows: 2 }),
];

pub const REVIEW: &[Spec] = &[
    spec("date", "Held on", Kind::Date),
    spec("chair", "Chair", Kind::Line),
    spec("attendees", "Attendees", Kind::Line),
    spec("inputs", "Inputs", Kind::Text { rows: 4 }),
    spec("decisions", "Decisions", Kind::Text { rows: 3 }),
    spec("followed_up", "Followed up", Kind::Line),
];

/// The value a new record's field starts with.
pub(super) fn blank(kind: &RecordKind, spec: &Spec, today: NaiveDate) -> Value {
    match spec.name {
        "kind" if matches!(kind, RecordKind::Evidence(_)) => choice(
            EvidenceKind::ALL,
            EvidenceKind::name,
            EvidenceKind::Document,
        ),
        "kind" => choice(AuditKind::ALL, AuditKind::name, AuditKind::Internal),
        "status" => choice(AuditStatus::ALL, AuditStatus::name, AuditStatus::Planned),
        "date" | "as_of" => date(Some(today)),
        _ if matches!(spec.kind, Kind::Text { .. }) => lines(""),
        _ => line(""),
    }
}

/// The values of evidence, audit or review `id`, in the order of its table.
pub(super) fn values(kind: &RecordKind, id: &str, workspace: &Workspace) -> Option<Vec<Value>> {
    let book = &workspace.mgmt.audits;
    Some(match kind {
        RecordKind::Evidence(_) => {
            let e = workspace.mgmt.evidence.items.iter().find(|e| e.id == id)?;
            let approval = e.approval.as_ref();
            vec![
                line(&e.title),
                choice(EvidenceKind::ALL, EvidenceKind::name, e.kind),
                line(&e.location),
                line(&e.supports.join(" ")),
                date(e.as_of),
                date(e.review_by),
                line(&e.owner),
                line(approval.map_or("", |a| a.version.as_str())),
                line(approval.map_or("", |a| a.approved_by.as_str())),
            ]
        }
        RecordKind::Audit => {
            let a = book.audits.iter().find(|a| a.id == id)?;
            vec![
                line(&a.title),
                choice(AuditKind::ALL, AuditKind::name, a.kind),
                line(&a.scope),
                line(&a.criteria),
                line(&a.auditor),
                line(&a.independence),
                date(a.planned),
                date(a.started),
                date(a.finished),
                choice(AuditStatus::ALL, AuditStatus::name, a.status),
                lines(&a.conclusion),
            ]
        }
        RecordKind::Review => {
            let r = book.reviews.iter().find(|r| r.id == id)?;
            let inputs: Vec<String> = r
                .inputs
                .iter()
                .map(|i| format!("{}={}", i.topic.name(), i.discussion))
                .collect();
            vec![
                date(Some(r.date)),
                line(&r.chair),
                line(&r.attendees.join(", ")),
                lines(&inputs.join("\n")),
                lines(&r.decisions.join("\n")),
                line(&r.followed_up.join(" ")),
            ]
        }
        _ => return None,
    })
}

/// The form's values added (or, with `id`, put in place) through the domain; the record's id.
pub(super) fn write(
    workspace: &mut Workspace,
    catalogue: &Catalogue,
    kind: &RecordKind,
    id: Option<&str>,
    form: &Form,
    today: NaiveDate,
    stamp: Stamp,
) -> Written {
    let text = |name: &str| Some(form.field(name).text()).filter(|t| !t.is_empty());
    let need = |name: &'static str, what: &str| {
        if form.text_of(name).trim().is_empty() {
            Err((Some(name), format!("A new {} needs {what}", kind.name())))
        } else {
            Ok(())
        }
    };
    let refused = |e: crate::domain::edit::EditError| (None, e.to_string());
    match kind {
        RecordKind::Evidence(hashed) => {
            let location = form.field("location").text();
            let sha256 = hashed
                .as_ref()
                .filter(|(path, _)| *path == location)
                .map(|(_, sha256)| sha256.clone());
            need("title", "a title")?;
            need("location", "a location (a path in the workspace or a URL)")?;
            let change = EvidenceChange {
                title: text("title"),
                kind: Some(chosen(form, "kind", EvidenceKind::ALL)),
                location: text("location"),
                sha256,
                as_of: date_of(form, "as_of", today)?,
                review_by: date_of(form, "review_by", today)?,
                version: text("version"),
                approved_by: text("approved_by"),
                owner: text("owner"),
                supports: words(form, "supports"),
            };
            let refused = |e: crate::domain::edit::EditError| (Some("supports"), e.to_string());
            match id {
                None => add_evidence(workspace, catalogue, change, stamp).map_err(refused),
                Some(id) => put_evidence(workspace, catalogue, id, change, stamp)
                    .map(|_| id.to_string())
                    .map_err(refused),
            }
        }
        RecordKind::Audit => {
            need("title", "a title")?;
            let change = AuditChange {
                kind: Some(chosen(form, "kind", AuditKind::ALL)),
                title: text("title"),
                scope: text("scope"),
                criteria: text("criteria"),
                auditor: text("auditor"),
                independence: text("independence"),
                planned: date_of(form, "planned", today)?,
                started: date_of(form, "started", today)?,
                finished: date_of(form, "finished", today)?,
                status: Some(chosen(form, "status", AuditStatus::ALL)),
                conclusion: Some(form.text_of("conclusion")),
            };
            match id {
                None => add_audit(workspace, change).map_err(refused),
                Some(id) => put_audit(workspace, id, change)
                    .map(|_| id.to_string())
                    .map_err(refused),
            }
        }
        RecordKind::Review => {
            let Some(date) = date_of(form, "date", today)? else {
                return Err((Some("date"), "A management review needs its date".into()));
            };
            let change = ReviewChange {
                date: Some(date),
                chair: text("chair"),
                attendees: form
                    .field("attendees")
                    .text()
                    .split(',')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_string)
                    .collect(),
                inputs: text_lines(form, "inputs"),
                decisions: text_lines(form, "decisions"),
                followed_up: words(form, "followed_up"),
            };
            let refused = |e: crate::domain::edit::EditError| (Some("inputs"), e.to_string());
            match id {
                None => add_review(workspace, change).map_err(refused),
                Some(id) => put_review(workspace, id, change)
                    .map(|_| id.to_string())
                    .map_err(refused),
            }
        }
        _ => Err((None, "not a record of the Audit pane".into())),
    }
}
