//! The SoA pane's state and its in-place edits: the filter typed after `/` (the catalogue's search
//! plus `undecided`, `applicable`, `excluded`, `status:NAME` and `owner:NAME`), the rows it lets
//! through, `a` and `s` cycling the selected entry, and the jump to the risks of a control.

use crate::app::patch::Patch;
use crate::app::{Action, App, Effect, Tab};
use crate::domain::edit::{SoaChange, set_soa};
use crate::domain::search::{Query, search};
use crate::domain::soa::{Applicability, SoaEntry, Status};
use crate::domain::stamp::Stamp;
use crate::domain::workspace::Workspace;

/// What the SoA pane shows: the filter text and the entries it lets through.
#[derive(Debug, Clone, Default)]
pub struct SoaPane {
    pub query_text: String,
    /// Indices into `workspace.soa.entries`, in the order shown.
    pub rows: Vec<usize>,
    /// Why the filter cannot be applied; the last good rows stay meanwhile.
    pub error: Option<String>,
    /// The entry just edited on the selected row: it stays in the list, even when the filter no
    /// longer lets it through, until the cursor leaves it (so the next key acts on it again).
    pub kept: Option<usize>,
    /// True when the filter would drop the kept entry: the table marks its row.
    pub kept_hidden: bool,
    /// The controls marked with Space: `a`, `s` and the form change all of them.
    pub marked: std::collections::BTreeSet<String>,
    /// The column the table is ordered by, and the direction.
    pub sort: super::soa_bulk::SoaSort,
    pub descending: bool,
    /// `c` on a risk: only that risk's controls are shown (the risk id and its controls).
    pub risk: Option<(String, Vec<String>)>,
}

impl App {
    /// The SoA entry on the selected row.
    pub fn selected_soa_entry(&self) -> Option<&SoaEntry> {
        let index = *self.soa_pane.rows.get(self.soa_cursor.selected)?;
        self.workspace.soa.entries.get(index)
    }

    /// Runs the SoA filter again (after typing or an edit), keeping the selected control selected
    /// when it still passes, else the same row.
    pub fn refilter_soa(&mut self) {
        let keep = self.selected_soa_entry().map(|e| e.control.clone());
        let kept = self.soa_pane.kept;
        match filter(
            &self.workspace,
            &self.catalogue,
            &self.soa_pane.query_text,
            kept,
        ) {
            Ok(mut rows) => {
                let pane = &self.soa_pane;
                let entries = &self.workspace.soa.entries;
                super::soa_bulk::sort_rows(
                    &mut rows,
                    entries,
                    &self.catalogue,
                    pane.sort,
                    pane.descending,
                );
                if let Some((_, controls)) = &self.soa_pane.risk {
                    let entries = &self.workspace.soa.entries;
                    rows.retain(|&i| kept == Some(i) || controls.contains(&entries[i].control));
                }
                self.soa_pane.rows = rows;
                self.soa_pane.error = None;
            }
            Err(error) => self.soa_pane.error = Some(error),
        }
        self.soa_pane.kept_hidden = kept.is_some_and(|index| {
            filter(
                &self.workspace,
                &self.catalogue,
                &self.soa_pane.query_text,
                None,
            )
            .is_ok_and(|rows| !rows.contains(&index))
        });
        let entries = &self.workspace.soa.entries;
        if let Some(index) = keep.and_then(|control| {
            self.soa_pane
                .rows
                .iter()
                .position(|&i| entries[i].control == control)
        }) {
            self.soa_cursor.selected = index;
        }
        let (len, rows) = (self.soa_pane.rows.len(), self.table_rows());
        self.soa_cursor.keep_visible(len, rows);
    }

    /// A stamp for an edit made now by this session's user.
    pub fn stamp(&self) -> Stamp {
        self.session.stamp()
    }

    /// Selects a control's row in the SoA table; when the filter hides it, it is kept in the
    /// list (marked) until the cursor leaves it.
    pub fn select_soa_control(&mut self, control: &str) {
        let Some(&index) = self.soa_index.get(control) else {
            return;
        };
        if !self.soa_pane.rows.contains(&index) {
            self.soa_pane.kept = Some(index);
            self.refilter_soa();
        }
        if let Some(row) = self.soa_pane.rows.iter().position(|&i| i == index) {
            let (len, rows) = (self.soa_pane.rows.len(), self.table_rows());
            self.soa_cursor.select(row, len, rows);
        }
    }

    /// Keeps the selected row in the list while the cursor stays on it (an edit is about to
    /// change it, perhaps so that the filter drops it).
    pub fn keep_selected_soa_row(&mut self) {
        self.soa_pane.kept = self.soa_pane.rows.get(self.soa_cursor.selected).copied();
    }

    /// The cursor left the kept row: the filter applies to it again.
    pub fn release_kept_soa_row(&mut self) {
        if self.soa_pane.kept.take().is_some() {
            self.refilter_soa();
        }
    }

    /// True when the entry on this table row is shown only because it was just edited.
    pub fn soa_row_is_kept(&self, entry_index: usize) -> bool {
        self.soa_pane.kept == Some(entry_index) && self.soa_pane.kept_hidden
    }

    /// Changes one SoA entry through the domain's `set_soa`, as one undoable edit. The edit is
    /// made in place and only that entry is kept for undo: `a` and `s` copy nothing else.
    pub fn change_soa(&mut self, control: &str, label: String, change: SoaChange) -> bool {
        if self.refuse_read_only() {
            return false;
        }
        let Some(&index) = self.soa_index.get(control) else {
            return false;
        };
        let before = self.workspace.soa.entries[index].clone();
        let stamp = self.stamp();
        match set_soa(&mut self.workspace, &self.catalogue, control, change, stamp) {
            Err(error) => {
                self.tell(error.to_string(), true);
                false
            }
            Ok(false) => false,
            Ok(true) => {
                self.record(label, Patch::soa_entry(index, before));
                true
            }
        }
    }
}

/// The entries that pass the filter text, in catalogue order or by rank when words are given;
/// `kept` is shown in its place whatever its decision, status and owner.
pub fn filter(
    workspace: &Workspace,
    catalogue: &crate::domain::catalogue::Catalogue,
    text: &str,
    kept: Option<usize>,
) -> Result<Vec<usize>, String> {
    let mut query = Query::parse(text);
    let decisions: Vec<Applicability> = query
        .take_words(|w| Applicability::from_name(w).is_some())
        .iter()
        .filter_map(|w| Applicability::from_name(w))
        .collect();
    let mut statuses = Vec::new();
    let mut owners = Vec::new();
    for (key, value) in query.take_filters(|k| k == "status" || k == "owner") {
        if key == "owner" {
            owners.push(value);
        } else {
            statuses.push(Status::from_name(&value).ok_or_else(|| {
                format!(
                    "unknown status {value:?}; one of not_started, planned, partial, implemented"
                )
            })?);
        }
    }
    let order: Vec<usize> = if query.is_empty() {
        (0..workspace.soa.entries.len()).collect()
    } else {
        let hits = search(catalogue, &query).map_err(|e| e.to_string())?;
        let position_of: std::collections::HashMap<&str, usize> = workspace
            .soa
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.control.as_str(), i))
            .collect();
        hits.iter()
            .filter_map(|hit| {
                let id = &catalogue.controls()[hit.position].id;
                position_of.get(id.as_str()).copied()
            })
            .collect()
    };
    let passes = |entry: &SoaEntry| {
        (decisions.is_empty() || decisions.contains(&entry.applicability))
            && (statuses.is_empty() || statuses.contains(&entry.status))
            && owners
                .iter()
                .all(|o| entry.owner.to_lowercase().contains(o.as_str()))
    };
    Ok(order
        .into_iter()
        .filter(|&i| kept == Some(i) || passes(&workspace.soa.entries[i]))
        .collect())
}

/// The SoA pane's own actions (in-place edits, the form, the filter).
pub(super) fn action(app: &mut App, action: Action) -> Effect {
    match action {
        Action::StartSearch => app.start_search(Tab::Soa),
        Action::ClearFilter if app.soa_pane.risk.is_some() => app.set_soa_risk_filter(None),
        Action::ClearFilter => app.clear_filter(Tab::Soa),
        Action::CycleApplicability => cycle(app, true),
        Action::CycleStatus => cycle(app, false),
        Action::ShowRisks => {
            if let Some(control) = app.selected_soa_entry().map(|e| e.control.clone()) {
                show_risks(app, &control);
            }
        }
        // With rows marked, Enter opens the form over all of them; else the control screen.
        Action::Open if !app.soa_pane.marked.is_empty() => app.open_soa_form(),
        Action::Open => {
            if let Some(control) = app.selected_soa_entry().map(|e| e.control.clone()) {
                app.open_control_screen(&control);
            }
        }
        Action::Edit => app.open_soa_form(),
        Action::Soa(command) => return super::soa_bulk::command(app, command),
        _ => {}
    }
    Effect::None
}

impl App {
    /// Enter on an SoA row: the form, with the cursor in the justification. A read-only session
    /// opens it read-only.
    pub fn open_soa_form(&mut self) {
        let marked = self.marked_controls();
        let selected = self.selected_soa_entry().map(|e| e.control.clone());
        // Over marked rows the form opens on the selected row when it is marked, else on the
        // first marked one; what is changed in it goes into every marked entry.
        let template = match selected {
            Some(c) if marked.is_empty() || marked.contains(&c) => c,
            _ => match marked.first() {
                Some(first) => first.clone(),
                None => return,
            },
        };
        let Some(entry) = self.soa_entry(&template) else {
            return;
        };
        let derived = self
            .workspace
            .reasons(&entry.control)
            .contains(&crate::domain::soa::Reason::RiskTreatment);
        let mut form = crate::app::layers::form::soa::open(entry, derived);
        form.read_only = self.read_only.is_some();
        form.bulk = marked;
        self.layers
            .push(crate::app::layers::Layer::Form(Box::new(form)));
    }
}

fn cycle(app: &mut App, applicability: bool) {
    if !app.soa_pane.marked.is_empty() {
        return cycle_marked(app, applicability);
    }
    app.keep_selected_soa_row();
    let Some(entry) = app.selected_soa_entry() else {
        return;
    };
    let control = entry.control.clone();
    let (change, label) = if applicability {
        let next = entry.applicability.next();
        let change = SoaChange {
            applicability: Some(next),
            ..SoaChange::default()
        };
        (change, format!("{control} {}", next.name()))
    } else {
        let next = entry.status.next();
        let change = SoaChange {
            status: Some(next),
            ..SoaChange::default()
        };
        (change, format!("{control} {}", next.label()))
    };
    if app.change_soa(&control, label.clone(), change) {
        app.tell(label, false);
    }
}

/// `a` or `s` with rows marked: every marked entry takes the value after the first marked one's.
fn cycle_marked(app: &mut App, applicability: bool) {
    let marked = app.marked_controls();
    let Some(first) = marked.first().and_then(|c| app.soa_entry(c)) else {
        return;
    };
    let (change, what) = if applicability {
        let next = first.applicability.next();
        let change = SoaChange {
            applicability: Some(next),
            ..SoaChange::default()
        };
        (change, next.name())
    } else {
        let next = first.status.next();
        let change = SoaChange {
            status: Some(next),
            ..SoaChange::default()
        };
        (change, next.label())
    };
    app.keep_selected_soa_row();
    app.change_marked(what, change);
}

/// `r` on a control: the Risks pane filtered to the risks that name it (a jump: Ctrl-O returns).
pub fn show_risks(app: &mut App, control: &str) {
    let count = app.workspace.risks_for_control(control).len();
    app.remember();
    app.layers.clear();
    app.tab = Tab::Risks;
    app.risks_pane.control = Some(control.to_string());
    app.risks_pane.refresh(&app.workspace);
    app.risks_cursor = crate::app::Cursor::default();
    if count == 0 {
        app.tell(
            format!("No risk names {control} as a treating control"),
            false,
        );
    }
}

impl App {
    /// Shows only a risk's controls in the SoA (`None` shows every entry again).
    pub fn set_soa_risk_filter(&mut self, risk: Option<&str>) {
        self.soa_pane.risk = risk.and_then(|id| {
            let risk = self.workspace.risks.get(id)?;
            Some((risk.id.clone(), risk.controls.clone()))
        });
        self.soa_pane.kept = None;
        self.soa_cursor = crate::app::Cursor::default();
        self.refilter_soa();
    }

    /// `c` on a risk: the SoA filtered to the risk's controls (a jump: Ctrl-O returns).
    pub fn show_controls_of(&mut self, id: &str) {
        let Some(risk) = self.workspace.risks.get(id) else {
            return;
        };
        if risk.controls.is_empty() {
            let text = format!("{} has no treating controls yet", risk.id);
            self.tell(text, false);
            return;
        }
        self.remember();
        self.layers.clear();
        self.tab = Tab::Soa;
        self.set_soa_risk_filter(Some(id));
    }
}
