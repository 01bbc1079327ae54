//! The four tabs under the layers: each holds its pane's state and takes the actions the top
//! layer passed on. The filters of the catalogue, the SoA and the risks are set here, for the
//! search box to type into.

pub mod audit;
mod book_forms;
pub mod catalogue;
pub mod catalogue_csf;
pub mod coverage;
pub mod csf_view;
pub mod dashboard;
mod dashboard_filter;
pub mod detail;
mod follow;
pub mod isms;
mod mgmt_forms;
mod mgmt_links;
pub mod mgmt_rows;
pub mod mgmt_undo;
pub mod risk_actions;
pub mod risks;
pub mod soa;
pub mod soa_bulk;

use super::widgets::cursor::Cursor;
use super::{Action, App, Effect, Tab};

/// Hands an action to the current tab.
pub(super) fn update(app: &mut App, action: Action) -> Effect {
    match app.tab {
        Tab::Catalogue => catalogue::action(app, action),
        Tab::Soa => soa::action(app, action),
        Tab::Risks => risk_actions::action(app, action),
        Tab::Dashboard => dashboard::action(app, action),
        Tab::Isms => isms::action(app, action),
        Tab::Audit => audit::action(app, action),
    }
}

impl App {
    /// The filter text of a tab, as last applied.
    pub fn filter_text(&self, tab: Tab) -> &str {
        match tab {
            Tab::Catalogue => &self.catalogue_pane.query_text,
            Tab::Soa => &self.soa_pane.query_text,
            Tab::Risks => &self.risks_pane.filter,
            Tab::Isms => &self.isms_pane.filter,
            Tab::Audit => &self.audit_pane.filter,
            Tab::Dashboard => "",
        }
    }

    /// Filters a tab by new text (as it is typed); the first row that passes is selected.
    pub fn set_filter(&mut self, tab: Tab, text: String) {
        match tab {
            Tab::Catalogue => {
                let rows = self.list_rows();
                self.catalogue_pane.set_query(&self.catalogue, text, rows);
            }
            Tab::Soa => {
                self.soa_pane.query_text = text;
                self.soa_pane.kept = None;
                self.soa_cursor = Cursor::default();
                self.refilter_soa();
            }
            Tab::Risks => {
                self.risks_pane.filter = text;
                self.risks_pane.refresh(&self.workspace);
                self.risks_cursor = Cursor::default();
            }
            Tab::Isms | Tab::Audit => self.set_mgmt_filter(tab, text),
            Tab::Dashboard => {}
        }
    }

    /// Clears a tab's filter; in the catalogue the selected control stays selected.
    pub fn clear_filter(&mut self, tab: Tab) {
        if matches!(tab, Tab::Isms | Tab::Audit) {
            self.clear_mgmt_filter(tab);
        } else if tab == Tab::Catalogue {
            let rows = self.list_rows();
            self.catalogue_pane.clear_query(&self.catalogue, rows);
        } else {
            self.set_filter(tab, String::new());
        }
    }

    /// Enter in the search box: the filter stays and the first hit is selected.
    pub fn accept_filter(&mut self, tab: Tab) {
        match tab {
            Tab::Catalogue => {
                let rows = self.list_rows();
                let pane = &mut self.catalogue_pane;
                pane.cursor.select(0, pane.results.len(), rows);
                pane.reset_detail();
                // A control's id typed whole ("8.9") opens its screen: that is what was asked.
                let typed = pane.query_text.trim();
                let exact = self.catalogue.get(typed).map(|c| c.id.clone());
                if let Some(id) = exact {
                    self.open_control_screen(&id);
                }
            }
            Tab::Soa => self.soa_cursor = Cursor::default(),
            Tab::Risks | Tab::Dashboard | Tab::Isms | Tab::Audit => {}
        }
    }

    /// Opens the search box over a tab, holding its current filter.
    pub fn start_search(&mut self, tab: Tab) {
        let text = self.filter_text(tab).to_string();
        self.layers
            .push(super::layers::Layer::Search(super::layers::Search::new(
                tab, &text,
            )));
    }
}
