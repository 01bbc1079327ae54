//! The catalogue pane's state: the search text and its hits, the selected control, whether the
//! list or the detail has the focus, the picked link and the detail's scroll (jumps are kept in
//! the app's one jump list).

use super::detail::Link;
use crate::app::widgets::cursor::Cursor;
use crate::app::{Action, App, Effect, Tab};
use crate::domain::catalogue::Catalogue;
use crate::domain::search::{Hit, Query, search};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
}

#[derive(Debug, Clone)]
pub struct CataloguePane {
    /// What was typed in the search box.
    pub query_text: String,
    pub query: Query,
    /// The controls shown, as catalogue positions, best hit first (all controls when no query).
    pub results: Vec<usize>,
    /// The hits behind `results`, one each, saying where each matched.
    pub hits: Vec<Hit>,
    /// Why the query cannot be answered; the last good hits stay on screen meanwhile.
    pub error: Option<String>,
    pub cursor: Cursor,
    pub focus: Focus,
    /// The picked link in the detail, an index into the detail's links.
    pub link: usize,
    /// The first detail line shown.
    pub scroll: usize,
    /// What a `csf:NODE` search found (the rows' sources), while one is shown.
    pub csf: Option<super::catalogue_csf::CsfHits>,
}

impl CataloguePane {
    pub fn new(catalogue: &Catalogue) -> CataloguePane {
        CataloguePane {
            query_text: String::new(),
            query: Query::default(),
            results: (0..catalogue.len()).collect(),
            hits: Vec::new(),
            error: None,
            cursor: Cursor::default(),
            focus: Focus::List,
            link: 0,
            scroll: 0,
            csf: None,
        }
    }

    /// The catalogue position of the selected control.
    pub fn selected(&self) -> Option<usize> {
        self.results.get(self.cursor.selected).copied()
    }

    /// The hit behind the selected row, when a search ranked the rows.
    pub fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.cursor.selected)
    }

    pub fn has_filter(&self) -> bool {
        !self.query_text.trim().is_empty()
    }

    /// Runs the search for new text; the first hit is selected.
    pub fn set_query(&mut self, catalogue: &Catalogue, text: String, rows: usize) {
        self.query_text = text;
        if let Some(found) = super::catalogue_csf::lookup(catalogue, &self.query_text) {
            self.show_csf(found, rows);
            return;
        }
        self.csf = None;
        let query = Query::parse(&self.query_text);
        // An empty query lists every control in catalogue order.
        match search(catalogue, &query) {
            Ok(hits) => {
                self.results = hits.iter().map(|h| h.position).collect();
                self.hits = hits;
                self.error = None;
            }
            Err(error) => self.error = Some(error.to_string()),
        }
        self.query = query;
        self.cursor = Cursor::default();
        self.cursor.keep_visible(self.results.len(), rows);
        self.reset_detail();
    }

    /// Clears the search; the control that was selected stays selected.
    pub fn clear_query(&mut self, catalogue: &Catalogue, rows: usize) {
        let keep = self.selected();
        self.set_query(catalogue, String::new(), rows);
        if let Some(position) = keep {
            self.select_position(catalogue, position, rows);
        }
    }

    /// Selects a control by catalogue position, clearing the filter if it hides that control.
    pub fn select_position(&mut self, catalogue: &Catalogue, position: usize, rows: usize) {
        if !self.results.contains(&position) {
            self.set_query(catalogue, String::new(), rows);
        }
        if let Some(index) = self.results.iter().position(|&p| p == position) {
            // Centre a jumped-to control when it was off screen, so its neighbours show too.
            let visible = self.cursor.offset..self.cursor.offset + rows;
            if !visible.contains(&index) {
                self.cursor.offset = index.saturating_sub(rows / 2);
            }
            self.cursor.select(index, self.results.len(), rows);
        }
        self.reset_detail();
    }

    /// A new control is shown: the detail starts at the top with the first link picked.
    pub fn reset_detail(&mut self) {
        self.link = 0;
        self.scroll = 0;
    }
}

/// The actions that belong to the catalogue pane.
pub(super) fn action(app: &mut App, action: Action) -> Effect {
    let rows = app.list_rows();
    let pane = &mut app.catalogue_pane;
    match action {
        Action::StartSearch => {
            pane.focus = Focus::List;
            app.start_search(Tab::Catalogue);
        }
        Action::ClearFilter if pane.has_filter() => pane.clear_query(&app.catalogue, rows),
        Action::Paste(text) => {
            pane.focus = Focus::List;
            app.start_search(Tab::Catalogue);
            return super::super::update(app, Action::Paste(text));
        }
        Action::Open => {
            if let Some(position) = pane.selected() {
                let id = app.catalogue.controls()[position].id.clone();
                app.open_control_screen(&id);
            }
        }
        Action::FocusDetail if pane.selected().is_some() => pane.focus = Focus::Detail,
        Action::LeaveDetail => pane.focus = Focus::List,
        Action::NextLink => pick_link(app, 1),
        Action::PrevLink => pick_link(app, -1),
        Action::FollowLink => follow_link(app),
        Action::ScrollDetailDown => scroll_detail(app, 1),
        Action::ScrollDetailUp => scroll_detail(app, -1),
        Action::DetailPageDown => {
            let page = app.detail_rows().saturating_sub(2).max(1) as isize;
            scroll_detail(app, page);
        }
        Action::DetailPageUp => {
            let page = app.detail_rows().saturating_sub(2).max(1) as isize;
            scroll_detail(app, -page);
        }
        _ => {}
    }
    Effect::None
}

/// Scrolls the detail, stopping when its last line reaches the bottom.
pub(crate) fn scroll_detail(app: &mut App, delta: isize) {
    let max = app.detail.lines.len().saturating_sub(app.detail_rows());
    let pane = &mut app.catalogue_pane;
    pane.scroll = pane.scroll.saturating_add_signed(delta).min(max);
}

/// Picks the next or previous link and scrolls the detail to show it.
fn pick_link(app: &mut App, delta: isize) {
    let count = app.detail.links.len();
    if count == 0 {
        return;
    }
    let pane = &mut app.catalogue_pane;
    pane.link = pane.link.saturating_add_signed(delta).min(count - 1);
    let line = app.detail.link_lines[pane.link];
    let rows = usize::from(app.catalogue_areas().detail_text.height).max(1);
    let pane = &mut app.catalogue_pane;
    if line < pane.scroll {
        pane.scroll = line;
    } else if line >= pane.scroll + rows {
        pane.scroll = line + 1 - rows;
    }
}

/// Follows the picked link: to another control (remembering this one) or to a risk.
fn follow_link(app: &mut App) {
    let Some(link) = app.detail.links.get(app.catalogue_pane.link).cloned() else {
        return;
    };
    match link {
        Link::Control(target) => {
            app.remember();
            let rows = app.list_rows();
            app.catalogue_pane
                .select_position(&app.catalogue, target, rows);
        }
        Link::Risk(id) => app.go_to_risk(&id),
    }
}
