//! The ISMS pane's state: which view is shown (the sub-clauses 4.1 … 10.2, the context issues,
//! the interested parties, the objectives, the roles, the evidence register) with a cursor for
//! each, `s` cycling a sub-clause's status in place as one undoable edit, Enter opening the
//! clause form (on evidence: going to what it supports), and going to a clause from elsewhere.

use chrono::NaiveDate;
use ratatui::layout::Rect;

use super::mgmt_links;
use crate::app::layers::Layer;
use crate::app::patch::Patch;
use crate::app::widgets::cursor::Cursor;
use crate::app::{Action, App, Effect, Tab, layout};
use crate::domain::mgmt::check::documents_needed;
use crate::domain::mgmt::edit::{ClauseChange, set_clause};
use crate::domain::mgmt::system::{ClauseEntry, ClauseStatus};
use crate::domain::workspace::Workspace;

/// The ISMS pane's own commands (the rest reuse moving, Open and CycleStatus).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IsmsCommand {
    NextView,
    PrevView,
    /// `n`: a new record of the current view.
    New,
    /// `m`: a new measurement of the selected objective.
    Measure,
    /// `c`: the climate-change decision (4.1/4.2).
    Climate,
}

/// What the ISMS pane lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IsmsView {
    #[default]
    Clauses,
    Context,
    Parties,
    Objectives,
    Roles,
    Evidence,
}

impl IsmsView {
    pub const ALL: [IsmsView; 6] = [
        IsmsView::Clauses,
        IsmsView::Context,
        IsmsView::Parties,
        IsmsView::Objectives,
        IsmsView::Roles,
        IsmsView::Evidence,
    ];

    pub fn title(self) -> &'static str {
        match self {
            IsmsView::Clauses => "Clauses",
            IsmsView::Context => "Context",
            IsmsView::Parties => "Parties",
            IsmsView::Objectives => "Objectives",
            IsmsView::Roles => "Roles",
            IsmsView::Evidence => "Evidence",
        }
    }

    pub fn index(self) -> usize {
        Self::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    /// The records this view lists.
    pub fn len(self, workspace: &Workspace) -> usize {
        let mgmt = &workspace.mgmt;
        match self {
            IsmsView::Clauses => mgmt.system.clauses.len(),
            IsmsView::Context => mgmt.system.issues.len(),
            IsmsView::Parties => mgmt.system.parties.len(),
            IsmsView::Objectives => mgmt.system.objectives.len(),
            IsmsView::Roles => mgmt.system.roles.len(),
            IsmsView::Evidence => mgmt.evidence.items.len(),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct IsmsPane {
    pub view: IsmsView,
    /// One cursor per view, so that switching views keeps each place.
    pub cursors: [Cursor; 6],
    /// The filter typed after `/`, over the rows of the current view.
    pub filter: String,
}

impl IsmsPane {
    pub fn cursor(&self) -> Cursor {
        self.cursors[self.view.index()]
    }
}

/// The ISMS and Audit panes: the list of `len` records on top (no taller than it needs), the
/// selected record's story below (a third to a half of the body, at most 12 rows).
pub fn split(body: Rect, len: usize) -> (Rect, Rect) {
    let detail = (body.height * 9 / 20).clamp(6.min(body.height), 12);
    let needed = u16::try_from(len).unwrap_or(u16::MAX).saturating_add(3);
    let room = body.height.saturating_sub(detail);
    let height = needed.min(room).max(5.min(body.height));
    let table = Rect { height, ..body };
    let detail = Rect {
        y: body.y + height,
        height: body.height - height,
        ..body
    };
    (table, detail)
}

/// The coverage grid's split: every row of the grid shown, the story below in what is left (at
/// least five rows).
pub fn split_grid(body: Rect, len: usize) -> (Rect, Rect) {
    let needed = u16::try_from(len).unwrap_or(u16::MAX).saturating_add(3);
    let height = needed.min(body.height.saturating_sub(5));
    let table = Rect { height, ..body };
    let detail = Rect {
        y: body.y + height,
        height: body.height - height,
        ..body
    };
    (table, detail)
}

/// Whether a sub-clause lacks the documented information it asks for: the reason, shortly.
pub fn evidence_gap(
    workspace: &Workspace,
    entry: &ClauseEntry,
    today: NaiveDate,
) -> Option<String> {
    let kind = documents_needed(&entry.clause)?;
    let cited: Vec<_> = entry
        .evidence
        .iter()
        .filter_map(|e| workspace.mgmt.evidence.get(e))
        .filter(|e| e.kind == kind)
        .collect();
    if cited.iter().any(|e| e.is_current(today)) {
        return None;
    }
    Some(if cited.is_empty() {
        format!("no {} cited", kind.name())
    } else {
        format!("{} out of date", kind.name())
    })
}

/// Whether a review date has passed.
pub fn overdue(next_review: Option<NaiveDate>, today: NaiveDate) -> bool {
    next_review.is_some_and(|day| day < today)
}

impl App {
    /// Rows in the current ISMS or Audit list.
    pub fn mgmt_rows(&self) -> usize {
        let len = match self.tab {
            Tab::Audit => self.audit_visible().len(),
            _ => self.isms_visible().len(),
        };
        self.mgmt_rows_for(len)
    }

    /// Rows an ISMS or Audit list of `len` records gets.
    pub fn mgmt_rows_for(&self, len: usize) -> usize {
        let (table, _) = self.mgmt_split(layout::screen(self.area()).body, len);
        usize::from(layout::table_rows(table).height)
    }

    /// The split of the ISMS or Audit pane shown: the coverage grid keeps all its rows.
    pub fn mgmt_split(&self, body: Rect, len: usize) -> (Rect, Rect) {
        let grid =
            self.tab == Tab::Audit && self.audit_pane.view == super::audit::AuditView::Coverage;
        if grid {
            split_grid(body, len)
        } else {
            split(body, len)
        }
    }

    /// Moves the ISMS pane's cursor in its current view (0 only keeps it in range).
    pub fn move_isms(&mut self, delta: isize) {
        let len = self.isms_visible().len();
        let rows = self.mgmt_rows_for(len);
        let view = self.isms_pane.view.index();
        self.isms_pane.cursors[view].move_by(delta, len, rows);
    }

    /// The sub-clause selected in the clauses view.
    pub fn selected_clause(&self) -> Option<&ClauseEntry> {
        if self.isms_pane.view != IsmsView::Clauses {
            let cursor = self.isms_pane.cursors[IsmsView::Clauses.index()];
            return self.workspace.mgmt.system.clauses.get(cursor.selected);
        }
        let index = self.isms_selected()?;
        self.workspace.mgmt.system.clauses.get(index)
    }

    /// Shows the ISMS pane's clauses with one selected.
    pub fn go_to_clause(&mut self, id: &str) {
        self.show_mgmt_record(Tab::Isms, id);
    }

    /// Changes one sub-clause through the domain's `set_clause`, in place, as one undoable edit
    /// (the management system before it is kept for undo; nothing else is copied).
    pub fn change_clause(&mut self, id: &str, label: String, change: ClauseChange) -> bool {
        if self.refuse_read_only() {
            return false;
        }
        let before = self.workspace.mgmt.clone();
        let stamp = self.stamp();
        match set_clause(&mut self.workspace, id, change, stamp) {
            Err(error) => {
                self.workspace.mgmt = before;
                self.tell(error.to_string(), true);
                false
            }
            Ok(false) => false,
            Ok(true) => {
                self.record(label, Patch::management(before));
                true
            }
        }
    }

    /// Enter on a sub-clause: the clause form, read-only in a read-only session.
    pub fn open_clause_form(&mut self) {
        let Some(entry) = self.selected_clause() else {
            return;
        };
        let mut form = crate::app::layers::form::clause::open(entry);
        form.read_only = self.read_only.is_some();
        self.layers.push(Layer::Form(Box::new(form)));
    }
}

/// The ISMS pane's actions.
pub(super) fn action(app: &mut App, action: Action) -> Effect {
    let view = app.isms_pane.view;
    let count = IsmsView::ALL.len();
    match action {
        Action::Isms(IsmsCommand::NextView) => {
            let next = IsmsView::ALL[(view.index() + 1) % count];
            switch_view(app, next);
        }
        Action::Isms(IsmsCommand::PrevView) => {
            let previous = IsmsView::ALL[(view.index() + count - 1) % count];
            switch_view(app, previous);
        }
        Action::CycleStatus if view == IsmsView::Clauses => cycle_status(app),
        Action::Open if view == IsmsView::Clauses => app.open_clause_form(),
        Action::Open if view == IsmsView::Evidence => {
            let selected = app.isms_selected().unwrap_or(usize::MAX);
            if let Some(item) = app.workspace.mgmt.evidence.items.get(selected) {
                let (id, supports) = (item.id.clone(), item.supports.clone());
                mgmt_links::go_or_list(app, &id, &supports);
            }
        }
        Action::StartSearch => app.start_search(Tab::Isms),
        Action::ClearFilter => app.clear_filter(Tab::Isms),
        Action::Isms(IsmsCommand::New) if app.refuse_read_only() => {}
        Action::Isms(IsmsCommand::New) => super::mgmt_forms::new_isms_record(app),
        Action::Isms(IsmsCommand::Measure) if app.refuse_read_only() => {}
        Action::Isms(IsmsCommand::Measure) => super::mgmt_forms::new_measurement(app),
        Action::Isms(IsmsCommand::Climate) if app.refuse_read_only() => {}
        Action::Isms(IsmsCommand::Climate) => super::book_forms::climate(app),
        Action::Edit if view == IsmsView::Clauses => app.open_clause_form(),
        Action::Edit => super::mgmt_forms::edit_isms_record(app),
        // On an issue, a party, an objective or a role: its form.
        Action::Open => super::mgmt_forms::edit_isms_record(app),
        Action::CycleStatus => {
            let text = "s moves a sub-clause's status on (v back to the clauses view)";
            app.tell(text, false);
        }
        _ => {}
    }
    app.move_isms(0);
    Effect::None
}

/// `s`: the selected sub-clause's next status, in place.
fn cycle_status(app: &mut App) {
    let Some(entry) = app.selected_clause() else {
        return;
    };
    let id = entry.clause.clone();
    let all = ClauseStatus::ALL;
    let at = all.iter().position(|s| *s == entry.status).unwrap_or(0);
    let next = all[(at + 1) % all.len()];
    let label = format!("{id} {}", next.name());
    let change = ClauseChange {
        status: Some(next),
        ..ClauseChange::default()
    };
    if app.change_clause(&id, label.clone(), change) {
        app.tell(format!("{label} (u undoes)"), false);
    }
}

/// Shows another view; a filter typed over this one is cleared first (keeping its row).
fn switch_view(app: &mut App, view: IsmsView) {
    if !app.isms_pane.filter.is_empty() {
        app.clear_mgmt_filter(Tab::Isms);
    }
    app.isms_pane.view = view;
}
