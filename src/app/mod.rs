//! The workbench as a state machine: `App` holds everything the screen shows, every event is an
//! [`Action`], and [`update`] turns state and action into new state plus an [`Effect`] for the
//! edge to carry out. No drawing and no I/O here: `ui` draws `&App`, `tui` runs the effects.
//!
//! `tabs/` holds the four panes, `layers/` what opens over them (help, search box, question,
//! form, picker, list), `widgets/` the pieces both use (the cursor, the one text input).

mod action;
mod clipboard;
mod git_conflicts;
mod history;
mod input;
mod jumps;
pub mod layers;
pub mod layout;
mod patch;
mod reload;
mod rescue;
mod save;
mod session;
pub mod tabs;
mod update;
pub mod widgets;

use std::collections::HashMap;

use ratatui::layout::Rect;

pub use action::{Action, Effect, Tab};
pub use git_conflicts::GitConflicts;
pub use history::History;
pub use input::{handle_key, press};
pub use jumps::{Place, View};
pub use layers::{Layer, LayerKind, Question};
pub use save::SaveOutcome;
pub use session::Session;
pub use tabs::audit::AuditPane;
pub use tabs::catalogue::{CataloguePane, Focus};
pub use tabs::dashboard::Dashboard;
pub use tabs::detail::{self as detail, Detail};
pub use tabs::isms::IsmsPane;
pub use tabs::risks::RisksPane;
pub use tabs::soa::SoaPane;
pub use update::update;
pub use widgets::cursor::Cursor;

use crate::domain::catalogue::Catalogue;
use crate::domain::soa::SoaEntry;
use crate::domain::workspace::Workspace;
use crate::keymap::{Context, Keymap};

/// A line for the status bar, shown until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub warning: bool,
}

pub struct App {
    pub catalogue: Catalogue,
    pub workspace: Workspace,
    /// Where the workspace lives, as the status bar shows it.
    pub location: String,
    /// Why edits cannot be saved, when they cannot (e.g. another session holds the lock).
    pub read_only: Option<String>,
    /// True when there are edits not yet saved.
    pub dirty: bool,
    pub keymap: Keymap,
    pub tab: Tab,
    /// What is open over the tab, top last; keys go to the top one first.
    pub layers: Vec<Layer>,
    pub catalogue_pane: CataloguePane,
    pub soa_cursor: Cursor,
    pub risks_cursor: Cursor,
    pub message: Option<Message>,
    /// The terminal size, as last reported.
    pub size: (u16, u16),
    /// The laid-out detail of the selected control, rebuilt when the selection or width changes.
    pub detail: Detail,
    /// Undo/redo stacks and the workspace as last saved.
    pub history: History,
    /// The SoA pane's filter and rows.
    pub soa_pane: SoaPane,
    /// Who makes the edits and when, as the edge found them.
    pub session: Session,
    /// The Risks pane: sort, filter and rows.
    pub risks_pane: RisksPane,
    pub dashboard: Dashboard,
    /// The export the dialog asked for, until the edge takes it (`Effect::Export`).
    pub pending_export: Option<layers::export::ExportRequest>,
    /// Text to copy, until the edge writes it to the terminal (`Effect::Clipboard`).
    pub clipboard: Option<String>,
    /// The ISMS pane: which view (clauses, context, …) and the cursor of each.
    pub isms_pane: IsmsPane,
    /// The Audit pane: which view (audits, findings, reviews) and the cursor of each.
    pub audit_pane: AuditPane,
    soa_index: HashMap<String, usize>,
    /// Where Ctrl-O goes back to and Ctrl-N forward to.
    pub jumps: jumps::Jumps,
    /// The conflicts file a git merge left, as this session handled it.
    pub git_conflicts: GitConflicts,
}

impl App {
    pub fn new(
        catalogue: Catalogue,
        workspace: Workspace,
        location: String,
        keymap: Keymap,
    ) -> App {
        let catalogue_pane = CataloguePane::new(&catalogue);
        let history = History::new(workspace.clone());
        let mut app = App {
            catalogue,
            workspace,
            location,
            read_only: None,
            dirty: false,
            keymap,
            tab: Tab::Catalogue,
            layers: Vec::new(),
            catalogue_pane,
            soa_cursor: Cursor::default(),
            risks_cursor: Cursor::default(),
            message: None,
            size: (80, 24),
            detail: Detail::default(),
            history,
            soa_pane: SoaPane::default(),
            session: Session::default(),
            risks_pane: RisksPane::new(Session::default().today, Session::default().user),
            dashboard: Dashboard::default(),
            pending_export: None,
            clipboard: None,
            isms_pane: IsmsPane::default(),
            audit_pane: AuditPane::default(),
            soa_index: HashMap::new(),
            jumps: jumps::Jumps::default(),
            git_conflicts: GitConflicts::default(),
        };
        app.workspace_changed();
        app
    }

    /// Takes the session the edge built (the user, today, the clock).
    pub fn set_session(&mut self, session: Session) {
        self.risks_pane.today = session.today;
        self.risks_pane.user = session.user.clone();
        self.session = session;
    }

    /// Call after the workspace was replaced or edited: rebuilds lookups and the detail.
    pub fn workspace_changed(&mut self) {
        self.soa_index = self
            .workspace
            .soa
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.control.clone(), i))
            .collect();
        self.detail = Detail::default();
        self.refresh_detail();
        self.refilter_soa();
        self.refresh_risks();
        self.refresh_dashboard();
    }

    /// This workspace's SoA entry for a control.
    pub fn soa_entry(&self, control: &str) -> Option<&SoaEntry> {
        self.soa_index
            .get(control)
            .map(|&i| &self.workspace.soa.entries[i])
    }

    /// Adds a message for the status bar.
    pub fn tell(&mut self, text: impl Into<String>, warning: bool) {
        self.message = Some(Message {
            text: text.into(),
            warning,
        });
    }

    /// True when the terminal is smaller than the panes can use: only the notice is drawn.
    pub fn too_small(&self) -> bool {
        layout::too_small(self.area())
    }

    /// True when quitting now would lose something: unsaved edits, or typing in an open form.
    pub fn has_unsaved(&self) -> bool {
        self.dirty
            || self
                .layers
                .iter()
                .any(|l| matches!(l, Layer::Form(form) if form.changed()))
    }

    /// The keymap contexts that take the next key, most specific first: the too-small screen's
    /// (with the question asked on it), else the top layer's, else the tab's and the global ones.
    pub fn contexts(&self) -> &'static [Context] {
        if self.too_small() {
            return match self.layers.last() {
                Some(Layer::Question(_)) => &[Context::Question, Context::TooSmall],
                _ => &[Context::TooSmall],
            };
        }
        if let Some(layer) = self.layers.last() {
            return layer.contexts();
        }
        self.tab_contexts()
    }

    /// The contexts of the current tab, as when no layer is open.
    pub fn tab_contexts(&self) -> &'static [Context] {
        match (self.tab, self.catalogue_pane.focus) {
            (Tab::Catalogue, Focus::List) => &[Context::List, Context::Global],
            (Tab::Catalogue, Focus::Detail) => &[Context::Detail, Context::Global],
            (Tab::Soa, _) => &[Context::Soa, Context::Table, Context::Global],
            (Tab::Risks, _) => &[Context::Risks, Context::Table, Context::Global],
            (Tab::Dashboard, _) if self.dashboard.csf.shown => &[Context::Csf, Context::Global],
            (Tab::Dashboard, _) => &[Context::Dashboard, Context::Global],
            (Tab::Isms, _) => &[Context::Isms, Context::Table, Context::Global],
            (Tab::Audit, _) => &[Context::Audit, Context::Table, Context::Global],
        }
    }

    /// The kind of the top layer; `None` when the tab has the keyboard.
    pub fn top(&self) -> Option<LayerKind> {
        self.layers.last().map(Layer::kind)
    }

    /// The question on top, if one waits for its answer.
    pub fn question(&self) -> Option<&Question> {
        match self.layers.last() {
            Some(Layer::Question(question)) => Some(question),
            _ => None,
        }
    }

    /// The open search box, if it is on top.
    pub fn search_box(&self) -> Option<&layers::Search> {
        match self.layers.last() {
            Some(Layer::Search(search)) => Some(search),
            _ => None,
        }
    }

    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    pub fn catalogue_areas(&self) -> layout::CatalogueAreas {
        layout::catalogue(layout::screen(self.area()).body)
    }

    /// Rows in the catalogue list.
    pub fn list_rows(&self) -> usize {
        usize::from(self.catalogue_areas().rows.height)
    }

    /// Rows of text in the detail.
    pub fn detail_rows(&self) -> usize {
        usize::from(self.catalogue_areas().detail_text.height)
    }

    /// Rows in the SoA and risk tables.
    pub fn table_rows(&self) -> usize {
        usize::from(layout::table_rows(layout::screen(self.area()).body).height)
    }

    /// Rebuilds the detail if the selected control or the detail's width changed.
    pub fn refresh_detail(&mut self) {
        let position = self.catalogue_pane.selected();
        let width = self.catalogue_areas().detail_text.width;
        let pane = &self.catalogue_pane;
        if self.detail.control == position
            && self.detail.width == width
            && self.detail.query == pane.query_text
            && position.is_some()
        {
            return;
        }
        let why = detail::Why::of(
            &self.catalogue,
            &pane.query_text,
            &pane.query,
            pane.selected_hit(),
        );
        self.detail = match position {
            Some(p) => detail::build(&self.catalogue, &self.workspace, p, width, why),
            None => Detail::default(),
        };
        let pane = &mut self.catalogue_pane;
        pane.link = pane.link.min(self.detail.links.len().saturating_sub(1));
    }
}
