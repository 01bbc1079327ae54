//! The workbench as a state machine: `App` holds everything the screen shows, every event is an
//! [`Action`], and [`update`] turns state and action into new state plus an [`Effect`] for the
//! edge to carry out. No drawing and no I/O here: `ui` draws `&App`, `tui` runs the effects.

mod action;
mod catalogue_pane;
mod cursor;
pub mod dashboard;
pub mod detail;
mod dialog;
mod history;
mod input;
pub mod layout;
pub mod risk_actions;
mod risk_apply;
pub mod risk_form;
mod risk_form_keys;
pub mod risk_line_edit;
pub mod risk_picker;
pub mod risk_popup;
pub mod risks_pane;
mod save;
mod session;
pub mod soa_form;
mod soa_form_keys;
mod soa_pane;
mod update;

use std::collections::HashMap;

use ratatui::layout::Rect;

pub use action::{Action, Effect, Tab};
pub use catalogue_pane::{CataloguePane, Focus};
pub use cursor::Cursor;
pub use dashboard::Dashboard;
pub use detail::Detail;
pub use dialog::Dialog;
pub use history::History;
pub use input::{handle_key, press};
pub use risks_pane::RisksPane;
pub use save::SaveOutcome;
pub use session::Session;
pub use soa_form::SoaForm;
pub use soa_pane::SoaPane;
pub use update::update;

use crate::domain::catalogue::Catalogue;
use crate::domain::soa::SoaEntry;
use crate::domain::workspace::Workspace;
use crate::keymap::{Context, Keymap};

/// What the keyboard is talking to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// Typing in the catalogue's search box.
    Search,
    Help,
    /// "Quit without saving?"
    ConfirmQuit,
    /// A question in `App::dialog` waits for its answer.
    Dialog,
    /// The SoA entry form (`App::form`) has the keyboard.
    Form,
}

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
    pub mode: Mode,
    pub catalogue_pane: CataloguePane,
    pub soa_cursor: Cursor,
    pub risks_cursor: Cursor,
    pub help_scroll: usize,
    pub message: Option<Message>,
    /// The terminal size, as last reported.
    pub size: (u16, u16),
    /// The laid-out detail of the selected control, rebuilt when the selection or width changes.
    pub detail: Detail,
    /// Undo/redo stacks and the workspace as last saved.
    pub history: History,
    /// The SoA pane's filter and rows.
    pub soa_pane: SoaPane,
    /// The SoA entry form, while open.
    pub form: Option<SoaForm>,
    /// The open question, while `mode` is `Mode::Dialog`.
    pub dialog: Option<Dialog>,
    /// The mode the quit question returns to when the user stays.
    pub mode_before_quit: Mode,
    /// Who makes the edits and when, as the edge found them.
    pub session: Session,
    /// The Risks pane: sort, filter, rows, and the form or popup open over it.
    pub risks_pane: RisksPane,
    pub dashboard: Dashboard,
    soa_index: HashMap<String, usize>,
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
            mode: Mode::Normal,
            catalogue_pane,
            soa_cursor: Cursor::default(),
            risks_cursor: Cursor::default(),
            help_scroll: 0,
            message: None,
            size: (80, 24),
            detail: Detail::default(),
            history,
            soa_pane: SoaPane::default(),
            form: None,
            dialog: None,
            mode_before_quit: Mode::Normal,
            session: Session::default(),
            risks_pane: RisksPane::new(Session::default().today, Session::default().user),
            dashboard: Dashboard::default(),
            soa_index: HashMap::new(),
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
        let risk_form_changed = matches!(
            &self.risks_pane.overlay,
            Some(risks_pane::RiskOverlay::Form(form)) if form.changed()
        );
        self.dirty || self.form.as_ref().is_some_and(SoaForm::changed) || risk_form_changed
    }

    /// The keymap contexts of the current mode, most specific first.
    pub fn contexts(&self) -> &'static [Context] {
        if self.too_small() && self.mode != Mode::ConfirmQuit {
            return &[Context::TooSmall];
        }
        match self.mode {
            Mode::Search => &[Context::Search],
            Mode::Help => &[Context::Help],
            Mode::ConfirmQuit => &[Context::Confirm],
            Mode::Dialog => &[Context::Dialog],
            Mode::Form => &[Context::Form],
            Mode::Normal => match (self.tab, self.catalogue_pane.focus) {
                (Tab::Catalogue, Focus::List) => &[Context::List, Context::Global],
                (Tab::Catalogue, Focus::Detail) => &[Context::Detail, Context::Global],
                (Tab::Soa, _) => &[Context::Table, Context::Global],
                (Tab::Risks, _) => &[Context::Risks, Context::Table, Context::Global],
                (Tab::Dashboard, _) => &[Context::Dashboard, Context::Global],
            },
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
        if self.detail.control == position && self.detail.width == width && position.is_some() {
            return;
        }
        self.detail = match position {
            Some(p) => detail::build(&self.catalogue, &self.workspace, p, width),
            None => Detail::default(),
        };
        let pane = &mut self.catalogue_pane;
        pane.link = pane.link.min(self.detail.links.len().saturating_sub(1));
    }
}
