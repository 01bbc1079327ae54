//! What the Risks pane does: sorting, the filter, opening the form for a new or an existing risk,
//! deleting after a question, and jumping to a risk's controls. Keys typed into the filter, the
//! form, the picker and the popups are taken here before the keymap sees them.

use super::risk_form::RiskForm;
use super::risk_form_keys::form_key;
use super::risk_popup::{ListPopup, Target};
use super::risks_pane::RiskOverlay;
use super::{Action, App, Effect, Focus, Mode, Tab};
use crate::domain::edit;
use crate::domain::text::sanitize_line;
use crate::domain::workspace::Workspace;
use crate::keymap::{Key, KeyCode};

/// The Risks pane's own commands (the rest reuse Open, StartSearch and ClearFilter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RiskCommand {
    New,
    Delete,
    SortNext,
    SortReverse,
    Controls,
}

impl App {
    /// Rebuilds the table's rows, keeping the selected risk selected.
    pub fn refresh_risks(&mut self) {
        let selected = self.selected_risk_id();
        self.risks_pane.refresh(&self.workspace);
        let (len, rows) = (self.risks_pane.rows.len(), self.table_rows());
        match selected.and_then(|id| self.risks_pane.row_of(&self.workspace, &id)) {
            Some(row) => self.risks_cursor.select(row, len, rows),
            None => self.risks_cursor.keep_visible(len, rows),
        }
    }

    /// The id of the risk selected in the table.
    pub fn selected_risk_id(&self) -> Option<String> {
        let index = *self.risks_pane.rows.get(self.risks_cursor.selected)?;
        self.workspace.risks.risks.get(index).map(|r| r.id.clone())
    }

    /// Selects a risk in the table, clearing the filter when it hides the risk.
    pub fn select_risk(&mut self, id: &str) -> bool {
        if self.risks_pane.row_of(&self.workspace, id).is_none()
            && !self.risks_pane.filter.is_empty()
        {
            self.risks_pane.filter.clear();
            self.risks_pane.refresh(&self.workspace);
        }
        let Some(row) = self.risks_pane.row_of(&self.workspace, id) else {
            return false;
        };
        let (len, rows) = (self.risks_pane.rows.len(), self.table_rows());
        self.risks_cursor.select(row, len, rows);
        true
    }

    /// Shows the Risks pane with a risk selected.
    pub fn go_to_risk(&mut self, id: &str) {
        self.tab = Tab::Risks;
        self.mode = Mode::Normal;
        self.select_risk(id);
    }

    /// Shows the catalogue with a control selected.
    pub fn go_to_control(&mut self, id: &str) {
        let Some(position) = self.catalogue.position(id) else {
            return;
        };
        self.tab = Tab::Catalogue;
        self.mode = Mode::Normal;
        let rows = self.list_rows();
        self.catalogue_pane.focus = Focus::List;
        self.catalogue_pane
            .select_position(&self.catalogue, position, rows);
    }

    /// Goes where a popup item leads.
    pub fn go_to(&mut self, target: &Target) {
        match target {
            Target::Control(id) => self.go_to_control(id),
            Target::Risk(id) => self.go_to_risk(id),
        }
    }
}

/// The actions bound in the Risks pane.
pub(super) fn action(app: &mut App, action: Action) -> Effect {
    let pane = &mut app.risks_pane;
    match action {
        Action::Risk(RiskCommand::SortNext) => pane.cycle_sort(),
        Action::Risk(RiskCommand::SortReverse) => pane.descending = !pane.descending,
        Action::StartSearch => pane.searching = true,
        Action::ClearFilter => pane.filter.clear(),
        Action::Risk(RiskCommand::New | RiskCommand::Delete) if app.read_only.is_some() => {
            app.refuse_read_only();
        }
        Action::Risk(RiskCommand::New) => {
            let form = RiskForm::new_risk(&app.workspace.settings.risk_method);
            pane.overlay = Some(RiskOverlay::Form(Box::new(form)));
        }
        Action::Open => {
            if let Some(id) = app.selected_risk_id()
                && let Some(risk) = app.workspace.risks.get(&id)
            {
                let form = RiskForm::edit(risk);
                app.risks_pane.overlay = Some(RiskOverlay::Form(Box::new(form)));
            }
        }
        Action::Risk(RiskCommand::Delete) => {
            if let Some(id) = app.selected_risk_id() {
                app.risks_pane.overlay = Some(RiskOverlay::ConfirmDelete(id));
            }
        }
        Action::Risk(RiskCommand::Controls) => show_controls(app),
        Action::Paste(text) => {
            paste(app, &text);
        }
        _ => {}
    }
    app.refresh_risks();
    Effect::None
}

/// `c`: one control is jumped to at once; several are listed to pick from.
fn show_controls(app: &mut App) {
    let Some(risk) = app
        .selected_risk_id()
        .and_then(|id| app.workspace.risks.get(&id))
    else {
        return;
    };
    let items: Vec<(String, Target)> = risk
        .controls
        .iter()
        .map(|id| {
            let title = app.catalogue.get(id).map_or("", |c| c.title.as_str());
            (
                sanitize_line(&format!("{id:<5} {title}")),
                Target::Control(id.clone()),
            )
        })
        .collect();
    match items.len() {
        0 => {
            let text = format!("{} has no treating controls yet", risk.id);
            app.tell(text, false);
        }
        1 => app.go_to(&items[0].1),
        _ => {
            let title = format!(" Controls of {} ", risk.id);
            app.risks_pane.overlay = Some(RiskOverlay::List(ListPopup::new(title, items)));
        }
    }
}

/// Takes the key when the filter, the form or a popup of the Risks pane is open.
pub fn intercept(app: &mut App, key: Key) -> Option<Effect> {
    if app.tab != Tab::Risks || app.mode != Mode::Normal {
        return None;
    }
    if app.risks_pane.searching {
        filter_key(app, key);
        return Some(Effect::None);
    }
    let overlay = app.risks_pane.overlay.take()?;
    app.risks_pane.overlay = match overlay {
        RiskOverlay::ConfirmDelete(id) => confirm_delete_key(app, key, id),
        RiskOverlay::List(popup) => list_key(app, key, popup).map(RiskOverlay::List),
        RiskOverlay::Form(form) => form_key(app, key, form),
    };
    app.refresh_risks();
    Some(Effect::None)
}

fn filter_key(app: &mut App, key: Key) {
    let pane = &mut app.risks_pane;
    match key.code {
        KeyCode::Enter => pane.searching = false,
        KeyCode::Esc => {
            pane.searching = false;
            pane.filter.clear();
        }
        KeyCode::Down | KeyCode::Up => {
            let delta = if key.code == KeyCode::Down { 1 } else { -1 };
            let (len, rows) = (pane.rows.len(), app.table_rows());
            app.risks_cursor.move_by(delta, len, rows);
            return;
        }
        _ => {
            let mut edit = super::risk_line_edit::LineEdit::new(&pane.filter);
            edit.key(key);
            pane.filter = edit.text();
            // The first hit is selected as the filter changes.
            pane.refresh(&app.workspace);
            app.risks_cursor = super::Cursor::default();
            return;
        }
    }
    app.refresh_risks();
}

fn confirm_delete_key(app: &mut App, key: Key, id: String) -> Option<RiskOverlay> {
    match key.code {
        KeyCode::Char('y') => {
            let remove = |ws: &mut Workspace| edit::remove_risk(ws, &id).map(|_| ());
            if app.edit(format!("delete {id}"), remove) {
                app.tell(format!("Deleted {id} (u undoes)"), false);
            }
            None
        }
        KeyCode::Char('n') | KeyCode::Esc => None,
        _ => Some(RiskOverlay::ConfirmDelete(id)),
    }
}

fn list_key(app: &mut App, key: Key, mut popup: ListPopup) -> Option<ListPopup> {
    match key.code {
        KeyCode::Esc | KeyCode::Char('q') => return None,
        KeyCode::Enter => {
            if let Some(target) = popup.selected().cloned() {
                app.go_to(&target);
            }
            return None;
        }
        KeyCode::Down | KeyCode::Char('j') => popup.move_by(1),
        KeyCode::Up | KeyCode::Char('k') => popup.move_by(-1),
        _ => {}
    }
    Some(popup)
}

/// Pasted text goes to the filter or the focused form field.
pub fn paste(app: &mut App, text: &str) -> bool {
    let pane = &mut app.risks_pane;
    if app.tab != Tab::Risks {
        return false;
    }
    if pane.searching {
        pane.filter.push_str(&sanitize_line(text));
        app.refresh_risks();
        return true;
    }
    match pane.overlay.as_mut() {
        Some(RiskOverlay::Form(_)) if app.read_only.is_some() => {
            app.refuse_read_only();
            true
        }
        Some(RiskOverlay::Form(form)) => {
            match form.picker.as_mut() {
                Some(picker) => {
                    picker.query.insert(&sanitize_line(text));
                    picker.refresh(&app.catalogue);
                }
                None => form.paste(&sanitize_line(text)),
            }
            true
        }
        _ => false,
    }
}
