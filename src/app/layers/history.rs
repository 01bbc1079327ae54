//! The history of one record (a control's SoA entry or a risk) from git, beside the field diff of
//! the selected version. The edge reads it off the event loop and hands it in when ready, so the
//! workbench never waits on git for a keystroke.

use super::Outcome;
use crate::app::widgets::cursor::Cursor;
use crate::app::{Action, App, Effect};
use crate::domain::merge_fields::FieldChange;

/// One commit that changed the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub commit: String,
    pub date: String,
    pub author: String,
    pub message: String,
    /// `created`, `changed` or `removed`.
    pub what: String,
    pub changes: Vec<FieldChange>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Versions {
    Loading,
    /// Newest first.
    Loaded(Vec<Version>),
    /// Why there is no history (no git, not committed).
    Failed(String),
}

#[derive(Debug, Clone)]
pub struct HistoryView {
    /// The record's id: a control id or a risk id.
    pub record: String,
    pub versions: Versions,
    pub cursor: Cursor,
}

/// Versions the list shows at most.
pub const HISTORY_ROWS: usize = 8;

impl HistoryView {
    pub fn new(record: String) -> HistoryView {
        HistoryView {
            record,
            versions: Versions::Loading,
            cursor: Cursor::default(),
        }
    }

    /// The version under the cursor.
    pub fn selected(&self) -> Option<&Version> {
        match &self.versions {
            Versions::Loaded(versions) => versions.get(self.cursor.selected),
            _ => None,
        }
    }
}

impl App {
    /// `h`: the history of the selected record, asked of the edge.
    pub fn show_history(&mut self) -> Effect {
        let record = match self.tab {
            crate::app::Tab::Catalogue => self
                .catalogue_pane
                .selected()
                .map(|p| self.catalogue.controls()[p].id.clone()),
            crate::app::Tab::Soa => self.selected_soa_entry().map(|e| e.control.clone()),
            crate::app::Tab::Risks => self.selected_risk_id(),
            // The management system's files are kept whole: no history per record yet.
            crate::app::Tab::Dashboard | crate::app::Tab::Isms | crate::app::Tab::Audit => None,
        };
        let Some(record) = record else {
            return Effect::None;
        };
        self.layers
            .push(super::Layer::History(Box::new(HistoryView::new(
                record.clone(),
            ))));
        Effect::LoadHistory(record)
    }

    /// The edge read a record's history: it goes to the view waiting for it, if still open.
    pub fn history_loaded(&mut self, record: &str, versions: Result<Vec<Version>, String>) {
        for layer in &mut self.layers {
            if let super::Layer::History(view) = layer
                && view.record == record
            {
                view.versions = match &versions {
                    Ok(list) if list.is_empty() => Versions::Failed(format!(
                        "no commit changed {record} yet (is the workspace in git and committed?)"
                    )),
                    Ok(list) => Versions::Loaded(list.iter().rev().cloned().collect()),
                    Err(reason) => Versions::Failed(reason.clone()),
                };
            }
        }
    }
}

pub(super) fn update(_app: &mut App, view: &mut HistoryView, action: Action) -> Outcome {
    let len = match &view.versions {
        Versions::Loaded(versions) => versions.len(),
        _ => 0,
    };
    match action {
        Action::MoveDown => view.cursor.move_by(1, len, HISTORY_ROWS),
        Action::MoveUp => view.cursor.move_by(-1, len, HISTORY_ROWS),
        Action::Close => return Outcome::Close(Effect::None),
        other => return Outcome::Pass(other),
    }
    Outcome::Keep(Effect::None)
}
