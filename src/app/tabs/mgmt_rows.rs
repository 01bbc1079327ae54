//! The rows of the ISMS and Audit panes' views as ids and searchable text: the filter typed after
//! `/` (every word must appear in a row, case ignored) keeps some of them, the cursor moves over
//! those, and a record can be shown by its id (after an add, an undo, a jump).

use super::audit::{AuditRow, AuditView, audit_rows, findings_order};
use super::coverage;
use super::isms::IsmsView;
use crate::app::widgets::cursor::Cursor;
use crate::app::{App, Tab};
use crate::domain::mgmt::clauses::clause;
use crate::domain::workspace::Workspace;

/// Each row of an ISMS view: the record's id and the text the filter searches.
pub fn isms_rows(ws: &Workspace, view: IsmsView) -> Vec<(String, String)> {
    let system = &ws.mgmt.system;
    match view {
        IsmsView::Clauses => system
            .clauses
            .iter()
            .map(|c| {
                let title = clause(&c.clause).map_or("", |c| c.title);
                let text = format!(
                    "{} {title} {} {} {}",
                    c.clause,
                    c.status.name(),
                    c.owner,
                    c.evidence.join(" ")
                );
                (c.clause.clone(), text)
            })
            .collect(),
        IsmsView::Context => system
            .issues
            .iter()
            .map(|i| {
                let text = format!("{} {} {} {}", i.id, i.side.name(), i.description, i.effect);
                (i.id.clone(), text)
            })
            .collect(),
        IsmsView::Parties => system
            .parties
            .iter()
            .map(|p| {
                let requirements: Vec<&str> =
                    p.requirements.iter().map(|r| r.text.as_str()).collect();
                let text = format!("{} {} {}", p.id, p.name, requirements.join(" "));
                (p.id.clone(), text)
            })
            .collect(),
        IsmsView::Objectives => system
            .objectives
            .iter()
            .map(|o| {
                let text = format!("{} {} {} {}", o.id, o.title, o.target, o.owner);
                (o.id.clone(), text)
            })
            .collect(),
        IsmsView::Roles => system
            .roles
            .iter()
            .map(|r| (r.id.clone(), format!("{} {} {}", r.id, r.name, r.holder)))
            .collect(),
        IsmsView::Evidence => ws
            .mgmt
            .evidence
            .items
            .iter()
            .map(|e| {
                let text = format!(
                    "{} {} {} {} {} {}",
                    e.id,
                    e.title,
                    e.kind.name(),
                    e.location,
                    e.owner,
                    e.supports.join(" ")
                );
                (e.id.clone(), text)
            })
            .collect(),
    }
}

/// Each row of an Audit view: an id and the text the filter searches.
pub fn audit_view_rows(ws: &Workspace, view: AuditView) -> Vec<(String, String)> {
    let book = &ws.mgmt.audits;
    match view {
        AuditView::Audits => audit_rows(ws)
            .into_iter()
            .map(|row| match row {
                AuditRow::Audit(a) => {
                    let a = &book.audits[a];
                    let text = format!(
                        "{} {} {} {} {}",
                        a.id,
                        a.title,
                        a.kind.name(),
                        a.status.name(),
                        a.auditor
                    );
                    (a.id.clone(), text)
                }
                AuditRow::Item(a, i) => {
                    let audit = &book.audits[a];
                    let item = &audit.items[i];
                    // An item passes with its audit's words too, so `A-001` keeps the items.
                    let text = format!(
                        "{} {} {} {} {}",
                        item.id,
                        audit.title,
                        item.reference,
                        item.tested,
                        item.result.name()
                    );
                    (item.id.clone(), text)
                }
            })
            .collect(),
        AuditView::Findings => findings_order(ws)
            .into_iter()
            .map(|i| {
                let f = &ws.mgmt.findings.items[i];
                let text = format!(
                    "{} {} {} {} {} {} {}",
                    f.id,
                    f.kind.name(),
                    f.status.name(),
                    f.source.label(),
                    f.refs.join(" "),
                    f.owner,
                    f.statement
                );
                (f.id.clone(), text)
            })
            .collect(),
        AuditView::Reviews => book
            .reviews
            .iter()
            .map(|r| {
                let text = format!("{} {} {} {}", r.id, r.date, r.chair, r.decisions.join(" "));
                (r.id.clone(), text)
            })
            .collect(),
        AuditView::Coverage => coverage::ROWS
            .iter()
            .map(|row| (row.id.to_string(), format!("{} {}", row.id, row.title)))
            .collect(),
    }
}

/// Whether every word of `filter` appears in `text`, case ignored.
pub fn passes(filter: &str, text: &str) -> bool {
    let text = text.to_lowercase();
    filter
        .split_whitespace()
        .all(|word| text.contains(&word.to_lowercase()))
}

/// The indices of the rows that pass `filter`.
fn visible(rows: &[(String, String)], filter: &str) -> Vec<usize> {
    (0..rows.len())
        .filter(|&i| passes(filter, &rows[i].1))
        .collect()
}

impl App {
    /// The rows of the ISMS pane's current view that pass its filter, as indices into the view.
    pub fn isms_visible(&self) -> Vec<usize> {
        let rows = isms_rows(&self.workspace, self.isms_pane.view);
        visible(&rows, &self.isms_pane.filter)
    }

    /// The rows of the Audit pane's current view that pass its filter.
    pub fn audit_visible(&self) -> Vec<usize> {
        let rows = audit_view_rows(&self.workspace, self.audit_pane.view);
        visible(&rows, &self.audit_pane.filter)
    }

    /// The ISMS pane's selected row, as an index into its view's records.
    pub fn isms_selected(&self) -> Option<usize> {
        self.isms_visible()
            .get(self.isms_pane.cursor().selected)
            .copied()
    }

    /// The Audit pane's selected row, as an index into its view's rows.
    pub fn audit_selected(&self) -> Option<usize> {
        self.audit_visible()
            .get(self.audit_pane.cursor().selected)
            .copied()
    }

    /// Filters the ISMS or Audit pane's rows by `text` (as typed); the first row is selected.
    pub fn set_mgmt_filter(&mut self, tab: Tab, text: String) {
        match tab {
            Tab::Audit => {
                self.audit_pane.filter = text;
                self.audit_pane.cursors = Default::default();
            }
            _ => {
                self.isms_pane.filter = text;
                self.isms_pane.cursors = Default::default();
            }
        }
    }

    /// Shows the record `id` in `tab`: the view that lists it, the filter cleared when it hides
    /// the record. False when no view lists it.
    pub fn show_mgmt_record(&mut self, tab: Tab, id: &str) -> bool {
        self.layers.clear();
        self.tab = tab;
        match tab {
            Tab::Audit => {
                for view in AuditView::ALL {
                    let rows = audit_view_rows(&self.workspace, view);
                    if let Some(index) = rows.iter().position(|(rid, _)| rid == id) {
                        self.audit_pane.view = view;
                        if !passes(&self.audit_pane.filter, &rows[index].1) {
                            self.audit_pane.filter.clear();
                        }
                        let shown = self.audit_visible();
                        let at = shown.iter().position(|&i| i == index).unwrap_or(0);
                        let rows = self.mgmt_rows_for(shown.len());
                        let cursor = &mut self.audit_pane.cursors[view.index()];
                        select(cursor, at, shown.len(), rows);
                        return true;
                    }
                }
            }
            _ => {
                for view in IsmsView::ALL {
                    let rows = isms_rows(&self.workspace, view);
                    if let Some(index) = rows.iter().position(|(rid, _)| rid == id) {
                        self.isms_pane.view = view;
                        if !passes(&self.isms_pane.filter, &rows[index].1) {
                            self.isms_pane.filter.clear();
                        }
                        let shown = self.isms_visible();
                        let at = shown.iter().position(|&i| i == index).unwrap_or(0);
                        let rows = self.mgmt_rows_for(shown.len());
                        let cursor = &mut self.isms_pane.cursors[view.index()];
                        select(cursor, at, shown.len(), rows);
                        return true;
                    }
                }
            }
        }
        false
    }
}

fn select(cursor: &mut Cursor, at: usize, len: usize, rows: usize) {
    cursor.select(at, len, rows);
}

impl App {
    /// Clears the ISMS or Audit pane's filter, keeping the selected row selected.
    pub fn clear_mgmt_filter(&mut self, tab: Tab) {
        let (selected, view) = match tab {
            Tab::Audit => (self.audit_selected(), self.audit_pane.view.index()),
            _ => (self.isms_selected(), self.isms_pane.view.index()),
        };
        self.set_mgmt_filter(tab, String::new());
        let len = match tab {
            Tab::Audit => self.audit_visible().len(),
            _ => self.isms_visible().len(),
        };
        let rows = self.mgmt_rows_for(len);
        let cursor = match tab {
            Tab::Audit => &mut self.audit_pane.cursors[view],
            _ => &mut self.isms_pane.cursors[view],
        };
        select(cursor, selected.unwrap_or(0), len, rows);
    }
}
