//! Opening the one form from the ISMS and Audit panes: `n` a new record of the view shown, `m` a
//! measurement of the selected objective, `e` the selected record (read-only in a read-only
//! session); and Enter on the coverage grid, listing the audits behind a row.

use super::audit::{AuditRow, AuditView};
use super::coverage::{self, Cell};
use super::isms::IsmsView;
use crate::app::App;
use crate::app::layers::Layer;
use crate::app::layers::form::mgmt_record::{RecordKind, edit_record, new_record};
use crate::app::layers::form::{Form, Subject, clause};

pub(super) fn push(app: &mut App, mut form: Form) {
    form.read_only = app.read_only.is_some();
    if let Some(how) = how_to_write(&form) {
        app.tell(how, false);
    }
    app.layers.push(Layer::Form(Box::new(form)));
}

/// How to write the fields of a record that are lists in one text, said when its form opens.
fn how_to_write(form: &Form) -> Option<&'static str> {
    let Subject::Record { kind, .. } = &form.subject else {
        return None;
    };
    Some(match kind {
        RecordKind::Party => {
            "One requirement a line: what they need | what meets it (8.13 clause:6.1 R-001)"
        }
        RecordKind::Review => {
            "Inputs: one a line, topic=what was said (audit_results=…, objectives=…); attendees by commas"
        }
        RecordKind::Evidence(_) => {
            "Supports: 8.13 clause:9.2 R-001 F-001 …; a local file is hashed when applied"
        }
        RecordKind::Role => "Competence ev.: evidence ids; Ctrl-g picks from the register",
        _ => return None,
    })
}

/// The kind of record an ISMS view lists (none for the sub-clauses: they are seeded).
fn isms_kind(view: IsmsView) -> Option<RecordKind> {
    match view {
        IsmsView::Clauses => None,
        IsmsView::Context => Some(RecordKind::Issue),
        IsmsView::Parties => Some(RecordKind::Party),
        IsmsView::Objectives => Some(RecordKind::Objective),
        IsmsView::Roles => Some(RecordKind::Role),
        IsmsView::Evidence => Some(RecordKind::Evidence(None)),
    }
}

/// `n` in the ISMS pane.
pub(super) fn new_isms_record(app: &mut App) {
    match isms_kind(app.isms_pane.view) {
        Some(kind) => push(app, new_record(kind, app.session.today)),
        None => app.tell(
            "The sub-clauses 4.1 … 10.2 are all listed already: Enter edits one; v shows the records",
            false,
        ),
    }
}

/// `m` on an objective: a new measurement of it.
pub(super) fn new_measurement(app: &mut App) {
    let objective = (app.isms_pane.view == IsmsView::Objectives)
        .then(|| app.isms_selected())
        .flatten()
        .and_then(|i| app.workspace.mgmt.system.objectives.get(i))
        .map(|o| (o.id.clone(), o.title.clone()));
    let Some((id, title)) = objective else {
        app.tell("m measures an objective: v shows the objectives", false);
        return;
    };
    let mut form = new_record(RecordKind::Measurement(id.clone()), app.session.today);
    form.title = format!("New measurement of {id} {title}");
    push(app, form);
}

/// `e` in the ISMS pane (on a sub-clause: the clause form).
pub(super) fn edit_isms_record(app: &mut App) {
    let view = app.isms_pane.view;
    let Some(index) = app.isms_selected() else {
        return;
    };
    let rows = super::mgmt_rows::isms_rows(&app.workspace, view);
    let Some((id, _)) = rows.get(index) else {
        return;
    };
    if view == IsmsView::Clauses {
        if let Some(entry) = app.workspace.mgmt.system.clause(id) {
            let form = clause::open(entry);
            push(app, form);
        }
        return;
    }
    let form = isms_kind(view).and_then(|kind| edit_record(kind, id, &app.workspace));
    if let Some(form) = form {
        push(app, form);
    }
}

/// `n` in the Audit pane's audits, reviews and coverage views.
pub(super) fn new_audit_record(app: &mut App) {
    let kind = match app.audit_pane.view {
        AuditView::Reviews => RecordKind::Review,
        _ => RecordKind::Audit,
    };
    push(app, new_record(kind, app.session.today));
}

/// Enter on a row of the coverage grid: what the audits of the cycle did with it.
pub(super) fn coverage_audits(app: &mut App) {
    let Some(row) = app.audit_selected().and_then(|i| coverage::ROWS.get(i)) else {
        return;
    };
    let years = coverage::cycle_years(&app.workspace, app.session.today);
    let mut said = Vec::new();
    for year in years {
        for (audit, cell) in coverage::audits_of(&app.workspace, row, year) {
            let verb = if cell == Cell::Audited {
                "audited"
            } else {
                "plans"
            };
            said.push(format!("{} {verb} it ({year})", audit.id));
        }
    }
    if said.is_empty() {
        app.tell(
            format!(
                "{} {}: never audited in this cycle (n plans an audit)",
                row.id, row.title
            ),
            true,
        );
    } else {
        app.tell(
            format!("{} {}: {}", row.id, row.title, said.join(", ")),
            false,
        );
    }
}

/// `e` in the Audit pane's audits and reviews views: the audit or review selected.
pub(super) fn edit_audit_record(app: &mut App) {
    let book = &app.workspace.mgmt.audits;
    let picked = match (app.audit_pane.view, app.audit_selected()) {
        (AuditView::Audits, Some(_)) => match app.selected_audit_row() {
            Some(AuditRow::Audit(a)) => Some((RecordKind::Audit, book.audits[a].id.clone())),
            Some(AuditRow::Item(a, i)) => {
                let audit = &book.audits[a];
                Some((
                    RecordKind::Item(audit.id.clone()),
                    audit.items[i].id.clone(),
                ))
            }
            None => return,
        },
        (AuditView::Reviews, Some(r)) => book
            .reviews
            .get(r)
            .map(|r| (RecordKind::Review, r.id.clone())),
        (AuditView::Coverage, _) => {
            app.tell("e edits audits, findings and reviews: v shows them", false);
            return;
        }
        _ => None,
    };
    if let Some(form) = picked.and_then(|(kind, id)| edit_record(kind, &id, &app.workspace)) {
        push(app, form);
    }
}
