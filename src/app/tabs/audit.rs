//! The Audit pane's state: which view is shown (the audits with their tested items, the findings
//! register sorted by due date, the management reviews) with a cursor for each; Enter goes to
//! the clauses, controls and risks a row names; `n` adds a finding (from a tested item: with its
//! audit, reference and result filled in) and `e` edits one, both in the one form.

use super::mgmt_links;
use crate::app::layers::Layer;
use crate::app::layers::form::finding;
use crate::app::widgets::cursor::Cursor;
use crate::app::{Action, App, Effect};
use crate::domain::mgmt::audits::{AuditKind, ItemResult};
use crate::domain::mgmt::findings::FindingKind;
use crate::domain::workspace::Workspace;

/// The Audit pane's own commands (the rest reuse moving and Open).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditCommand {
    NextView,
    PrevView,
    NewFinding,
    EditFinding,
    /// `n`: a new record of the current view (audit, finding, management review).
    New,
    /// `t` on an audit or a tested item: a new tested item of that audit.
    NewItem,
    /// `p`: the audit programme (cycle length, note).
    Programme,
    /// `A` on a management review: a new action of it.
    NewAction,
}

/// What the Audit pane lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AuditView {
    #[default]
    Audits,
    Findings,
    Reviews,
    /// The programme's coverage grid: clauses and Annex A themes by cycle year.
    Coverage,
}

impl AuditView {
    pub const ALL: [AuditView; 4] = [
        AuditView::Audits,
        AuditView::Findings,
        AuditView::Reviews,
        AuditView::Coverage,
    ];

    pub fn title(self) -> &'static str {
        match self {
            AuditView::Audits => "Audits",
            AuditView::Findings => "Findings",
            AuditView::Reviews => "Reviews",
            AuditView::Coverage => "Coverage",
        }
    }

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    pub fn len(self, workspace: &Workspace) -> usize {
        match self {
            AuditView::Audits => audit_rows(workspace).len(),
            AuditView::Findings => workspace.mgmt.findings.items.len(),
            AuditView::Reviews => workspace.mgmt.audits.reviews.len(),
            AuditView::Coverage => super::coverage::ROWS.len(),
        }
    }
}

/// A row of the audits view: an audit, or one of its tested items (audit index, item index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditRow {
    Audit(usize),
    Item(usize, usize),
}

/// Each audit followed by its tested items.
pub fn audit_rows(workspace: &Workspace) -> Vec<AuditRow> {
    let mut rows = Vec::new();
    for (a, audit) in workspace.mgmt.audits.audits.iter().enumerate() {
        rows.push(AuditRow::Audit(a));
        rows.extend((0..audit.items.len()).map(|i| AuditRow::Item(a, i)));
    }
    rows
}

/// The findings in register order for the pane: open ones by due date (none last), then the
/// closed ones; ties by id.
pub fn findings_order(workspace: &Workspace) -> Vec<usize> {
    let items = &workspace.mgmt.findings.items;
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| {
        let f = &items[i];
        (!f.is_open(), f.due.is_none(), f.due, f.id.clone())
    });
    order
}

#[derive(Debug, Clone, Default)]
pub struct AuditPane {
    pub view: AuditView,
    pub cursors: [Cursor; 4],
    /// The filter typed after `/`, over the rows of the current view.
    pub filter: String,
}

impl AuditPane {
    pub fn cursor(&self) -> Cursor {
        self.cursors[self.view.index()]
    }
}

impl App {
    /// Moves the Audit pane's cursor in its current view (0 only keeps it in range).
    pub fn move_audit(&mut self, delta: isize) {
        let len = self.audit_visible().len();
        let rows = self.mgmt_rows_for(len);
        let view = self.audit_pane.view.index();
        self.audit_pane.cursors[view].move_by(delta, len, rows);
    }

    /// The row selected in the audits view.
    pub fn selected_audit_row(&self) -> Option<AuditRow> {
        if self.audit_pane.view != AuditView::Audits {
            return None;
        }
        audit_rows(&self.workspace)
            .get(self.audit_selected()?)
            .copied()
    }

    /// The id of the finding selected in the findings view.
    pub fn selected_finding_id(&self) -> Option<String> {
        if self.audit_pane.view != AuditView::Findings {
            return None;
        }
        let index = *findings_order(&self.workspace).get(self.audit_selected()?)?;
        Some(self.workspace.mgmt.findings.items[index].id.clone())
    }

    /// Shows the findings view with one finding selected.
    pub fn select_finding(&mut self, id: &str) {
        let tab = self.tab;
        let layers = std::mem::take(&mut self.layers);
        self.show_mgmt_record(crate::app::Tab::Audit, id);
        (self.tab, self.layers) = (tab, layers);
    }
}

/// The Audit pane's actions.
pub(super) fn action(app: &mut App, action: Action) -> Effect {
    let view = app.audit_pane.view;
    let count = AuditView::ALL.len();
    match action {
        Action::Audit(AuditCommand::NextView) => {
            let next = AuditView::ALL[(view.index() + 1) % count];
            switch_view(app, next);
        }
        Action::Audit(AuditCommand::PrevView) => {
            let previous = AuditView::ALL[(view.index() + count - 1) % count];
            switch_view(app, previous);
        }
        Action::StartSearch => app.start_search(crate::app::Tab::Audit),
        Action::ClearFilter => app.clear_filter(crate::app::Tab::Audit),
        Action::Audit(AuditCommand::New) if app.refuse_read_only() => {}
        Action::Audit(AuditCommand::New) if view == AuditView::Findings => new_finding(app),
        Action::Audit(AuditCommand::New) => super::mgmt_forms::new_audit_record(app),
        Action::Open => go_to(app),
        Action::Audit(AuditCommand::NewFinding) if app.refuse_read_only() => {}
        Action::Audit(AuditCommand::NewFinding) => new_finding(app),
        Action::Audit(AuditCommand::EditFinding) => edit_finding(app),
        Action::Audit(
            AuditCommand::NewItem | AuditCommand::Programme | AuditCommand::NewAction,
        ) if app.refuse_read_only() => {}
        Action::Audit(AuditCommand::NewItem) => super::book_forms::new_item(app),
        Action::Audit(AuditCommand::Programme) => super::book_forms::programme(app),
        Action::Audit(AuditCommand::NewAction) => super::book_forms::new_action(app),
        _ => {}
    }
    app.move_audit(0);
    Effect::None
}

/// Enter: the clauses, controls and risks the selected row names.
fn go_to(app: &mut App) {
    let mgmt = &app.workspace.mgmt;
    let (from, refs) = match app.audit_pane.view {
        AuditView::Audits => match app.selected_audit_row() {
            Some(AuditRow::Audit(a)) => {
                let audit = &mgmt.audits.audits[a];
                let refs = audit.items.iter().map(|i| i.reference.clone()).collect();
                (audit.id.clone(), refs)
            }
            Some(AuditRow::Item(a, i)) => {
                let item = &mgmt.audits.audits[a].items[i];
                (item.id.clone(), vec![item.reference.clone()])
            }
            None => return,
        },
        AuditView::Findings => match app
            .selected_finding_id()
            .and_then(|id| mgmt.findings.get(&id))
        {
            Some(f) => (f.id.clone(), f.refs.clone()),
            None => return,
        },
        AuditView::Reviews => {
            app.tell(
                "A management review names no clause, control or risk",
                false,
            );
            return;
        }
        AuditView::Coverage => {
            super::mgmt_forms::coverage_audits(app);
            return;
        }
    };
    mgmt_links::go_or_list(app, &from, &refs);
}

/// `n`: a new finding; from a tested item or an audit, its source (and reference and result)
/// are filled in.
fn new_finding(app: &mut App) {
    let audits = &app.workspace.mgmt.audits.audits;
    let from_audit = match (app.audit_pane.view, app.selected_audit_row()) {
        (AuditView::Audits, Some(AuditRow::Audit(a))) => Some((&audits[a], None)),
        (AuditView::Audits, Some(AuditRow::Item(a, i))) => {
            Some((&audits[a], Some(&audits[a].items[i])))
        }
        _ => None,
    };
    let mut seed = finding::Seed {
        source: "self_identified".to_string(),
        ..finding::Seed::default()
    };
    if let Some((audit, item)) = from_audit {
        let kind = match audit.kind {
            AuditKind::Internal => "internal_audit",
            _ => "external_audit",
        };
        seed.source = format!("{kind}:{}", audit.id);
        if let Some(item) = item {
            seed.refs = vec![item.reference.clone()];
            seed.kind = match item.result {
                ItemResult::MajorNc => FindingKind::MajorNc,
                ItemResult::MinorNc => FindingKind::MinorNc,
                ItemResult::Opportunity => FindingKind::Opportunity,
                ItemResult::Conformity | ItemResult::Observation => FindingKind::Observation,
            };
        }
    }
    let form = finding::new_finding(&seed, app.session.today);
    app.layers.push(Layer::Form(Box::new(form)));
}

/// `e`: the form on the selected finding (read-only in a read-only session).
fn edit_finding(app: &mut App) {
    if app.audit_pane.view != AuditView::Findings {
        super::mgmt_forms::edit_audit_record(app);
        return;
    }
    let Some(record) = app
        .selected_finding_id()
        .and_then(|id| app.workspace.mgmt.findings.get(&id))
    else {
        return;
    };
    let mut form = finding::edit_finding(record);
    form.read_only = app.read_only.is_some();
    app.layers.push(Layer::Form(Box::new(form)));
}

/// Shows another view; a filter typed over this one is cleared first (keeping its row).
fn switch_view(app: &mut App, view: AuditView) {
    if !app.audit_pane.filter.is_empty() {
        app.clear_mgmt_filter(crate::app::Tab::Audit);
    }
    app.audit_pane.view = view;
}
