//! Where an undone or redone management-system edit lives, to show it: the first record that
//! differs between the management system kept by the undo step and the one in the workspace,
//! with the pane and view that list it.

use super::audit::AuditView;
use super::isms::IsmsView;
use crate::app::{App, Tab};
use crate::domain::mgmt::Management;

/// The pane and view of a changed record, and its id (when it is there to select).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MgmtSpot {
    pub tab: Tab,
    pub isms: IsmsView,
    pub audit: AuditView,
    pub id: Option<String>,
}

/// The id of the first record that differs between two lists, from `shown` when it holds one
/// there (the list as it will be), else from `other`.
fn first_change<T: PartialEq>(
    shown: &[T],
    other: &[T],
    id: fn(&T) -> &str,
) -> Option<Option<String>> {
    let len = shown.len().max(other.len());
    let at = (0..len).find(|&i| shown.get(i) != other.get(i))?;
    Some(
        shown
            .get(at)
            .or(shown.get(at.saturating_sub(1)))
            .map(|r| id(r).to_string()),
    )
}

/// Where `shown` (the management system after the undo or redo) differs from `other`.
pub fn changed_record(shown: &Management, other: &Management) -> Option<MgmtSpot> {
    let isms = |view, id| MgmtSpot {
        tab: Tab::Isms,
        isms: view,
        audit: AuditView::Audits,
        id,
    };
    let audit = |view, id| MgmtSpot {
        tab: Tab::Audit,
        isms: IsmsView::Clauses,
        audit: view,
        id,
    };
    let (s, o) = (&shown.system, &other.system);
    if let Some(id) = first_change(&s.clauses, &o.clauses, |r| &r.clause) {
        return Some(isms(IsmsView::Clauses, id));
    }
    if let Some(id) = first_change(&s.issues, &o.issues, |r| &r.id) {
        return Some(isms(IsmsView::Context, id));
    }
    if let Some(id) = first_change(&s.parties, &o.parties, |r| &r.id) {
        return Some(isms(IsmsView::Parties, id));
    }
    if let Some(id) = first_change(&s.objectives, &o.objectives, |r| &r.id) {
        return Some(isms(IsmsView::Objectives, id));
    }
    if let Some(id) = first_change(&s.roles, &o.roles, |r| &r.id) {
        return Some(isms(IsmsView::Roles, id));
    }
    if s.climate != o.climate {
        return Some(isms(IsmsView::Context, None));
    }
    let (se, oe) = (&shown.evidence.items, &other.evidence.items);
    if let Some(id) = first_change(se, oe, |r| &r.id) {
        return Some(isms(IsmsView::Evidence, id));
    }
    let (sa, oa) = (&shown.audits, &other.audits);
    if let Some(id) = first_change(&sa.audits, &oa.audits, |r| &r.id) {
        return Some(audit(AuditView::Audits, id));
    }
    if let Some(id) = first_change(&sa.reviews, &oa.reviews, |r| &r.id) {
        return Some(audit(AuditView::Reviews, id));
    }
    let (sf, of) = (&shown.findings.items, &other.findings.items);
    if let Some(id) = first_change(sf, of, |r| &r.id) {
        return Some(audit(AuditView::Findings, id));
    }
    (sa.programme != oa.programme).then(|| audit(AuditView::Coverage, None))
}

impl App {
    /// Shows the pane, view and record an undo or redo changed.
    pub fn show_mgmt_spot(&mut self, spot: MgmtSpot) {
        if let Some(id) = &spot.id
            && self.show_mgmt_record(spot.tab, id)
        {
            return;
        }
        self.layers.clear();
        self.tab = spot.tab;
        match spot.tab {
            Tab::Audit => self.audit_pane.view = spot.audit,
            _ => self.isms_pane.view = spot.isms,
        }
    }
}
