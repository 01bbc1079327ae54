//! What the Risks pane does: sorting, the filter, opening the form for a new or an existing risk,
//! deleting after a question, and jumping to a risk's controls; and going to a risk or a control
//! from anywhere.

use super::catalogue::Focus;
use crate::app::layers::form::risk::new_risk;
use crate::app::layers::list::Target;
use crate::app::layers::{Layer, Question};
use crate::app::{Action, App, Effect, Tab};

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
        self.layers.clear();
        self.tab = Tab::Risks;
        self.select_risk(id);
    }

    /// Shows the catalogue with a control selected.
    pub fn go_to_control(&mut self, id: &str) {
        let Some(position) = self.catalogue.position(id) else {
            return;
        };
        self.layers.clear();
        self.tab = Tab::Catalogue;
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
            Target::Clause(id) => self.go_to_clause(id),
            Target::FindingCode(code) => self.filter_findings(code.clone()),
            Target::Evidence(id) => {
                self.show_mgmt_record(super::super::Tab::Isms, id);
            }
            Target::ControlScreen(id) => self.open_control_screen(id),
        }
    }
}

/// The actions bound in the Risks pane.
pub(super) fn action(app: &mut App, action: Action) -> Effect {
    let pane = &mut app.risks_pane;
    match action {
        Action::Risk(RiskCommand::SortNext) => pane.cycle_sort(),
        Action::Risk(RiskCommand::SortReverse) => pane.descending = !pane.descending,
        Action::StartSearch => app.start_search(Tab::Risks),
        Action::ClearFilter if pane.control.is_some() => {
            pane.control = None;
            pane.refresh(&app.workspace);
        }
        Action::ClearFilter => app.clear_filter(Tab::Risks),
        Action::Risk(RiskCommand::New | RiskCommand::Delete) if app.refuse_read_only() => {}
        Action::Risk(RiskCommand::New) => {
            let form = new_risk(&app.workspace.settings.risk_method);
            app.layers.push(Layer::Form(Box::new(form)));
        }
        Action::Open => {
            if let Some(id) = app.selected_risk_id() {
                app.open_risk_detail(&id);
            }
        }
        Action::Edit => {
            if let Some(id) = app.selected_risk_id() {
                app.open_risk_form(&id);
            }
        }
        Action::Risk(RiskCommand::Delete) => {
            if let Some(id) = app.selected_risk_id() {
                app.ask(Question::DeleteRisk { id });
            }
        }
        Action::Risk(RiskCommand::Controls) => {
            if let Some(id) = app.selected_risk_id() {
                app.show_controls_of(&id);
            }
        }
        _ => {}
    }
    app.refresh_risks();
    Effect::None
}
