//! The Catalogue and the SoA pane follow each other: switching from one to the other selects the
//! control that was selected, when the other pane shows it (a filter that hides it wins: the
//! selection there stays as it was).

use crate::app::{App, Tab};

impl App {
    /// Called after the tab changed from `from` to `self.tab`.
    pub fn follow_selection(&mut self, from: Tab) {
        match (from, self.tab) {
            (Tab::Catalogue, Tab::Soa) => {
                let Some(position) = self.catalogue_pane.selected() else {
                    return;
                };
                let control = self.catalogue.controls()[position].id.clone();
                let shown = |app: &App| {
                    let entries = &app.workspace.soa.entries;
                    let rows = &app.soa_pane.rows;
                    rows.iter().position(|&i| entries[i].control == control)
                };
                let selected = self.selected_soa_entry().map(|e| e.control.as_str());
                if selected == Some(control.as_str()) || shown(self).is_none() {
                    return;
                }
                // The row kept after an edit is let go, as when the cursor leaves it.
                self.release_kept_soa_row();
                if let Some(row) = shown(self) {
                    let (len, rows) = (self.soa_pane.rows.len(), self.table_rows());
                    self.soa_cursor.select(row, len, rows);
                }
            }
            (Tab::Soa, Tab::Catalogue) => {
                let Some(control) = self.selected_soa_entry().map(|e| e.control.clone()) else {
                    return;
                };
                let Some(position) = self.catalogue.position(&control) else {
                    return;
                };
                let pane = &self.catalogue_pane;
                if pane.selected() == Some(position) || !pane.results.contains(&position) {
                    return;
                }
                let rows = self.list_rows();
                self.catalogue_pane
                    .select_position(&self.catalogue, position, rows);
            }
            _ => {}
        }
    }
}
