//! `update`: the one place state changes. An action goes to the top layer; what the layer passes
//! on goes to the tab, then to the global commands.

use super::layers::{self, Help, Layer, Outcome, Question};
use super::tabs::catalogue::scroll_detail;
use super::{Action, App, Effect, Focus, Tab};

/// Applies one action and says what the edge must do next.
pub fn update(app: &mut App, action: Action) -> Effect {
    let effect = match action {
        Action::Resize { width, height } => {
            app.size = (width, height);
            keep_cursors_visible(app);
            Effect::None
        }
        // Arrive from the edge whatever is on top.
        Action::HistoryLoaded { record, versions } => {
            app.history_loaded(&record, versions);
            Effect::None
        }
        Action::ApprovedSoa { tag, text } => {
            app.approved_soa_loaded(&tag, &text);
            Effect::None
        }
        Action::Warn(text) => {
            app.tell(text, true);
            Effect::None
        }
        // Behind the "too small" notice only quitting and the question asked there act: the
        // user could not see anything else.
        Action::Quit if app.too_small() && !app.has_unsaved() => Effect::Quit,
        Action::Quit if app.too_small() => {
            if !matches!(app.layers.last(), Some(Layer::Question(Question::Quit))) {
                app.ask(Question::Quit);
            }
            Effect::None
        }
        Action::Yes | Action::No if app.too_small() => pass_to_layers(app, action),
        _ if app.too_small() => Effect::None,
        action => pass_to_layers(app, action),
    };
    app.refresh_detail();
    app.refresh_views();
    effect
}

fn pass_to_layers(app: &mut App, action: Action) -> Effect {
    match layers::update(app, action) {
        Outcome::Keep(effect) | Outcome::Close(effect) => effect,
        Outcome::Pass(action) => match action {
            Action::MoveDown => move_by(app, 1),
            Action::MoveUp => move_by(app, -1),
            Action::PageDown => move_by(app, page(app)),
            Action::PageUp => move_by(app, -page(app)),
            Action::MoveTop => move_by(app, isize::MIN / 2),
            Action::MoveBottom => move_by(app, isize::MAX / 2),
            // The form over a control screen takes the whole screen or shares it.
            Action::Zoom => {
                app.zoom_form();
                Effect::None
            }
            // F1 over a layer that types or lists: the help, with that layer's keys first.
            Action::ToggleHelp if !app.layers.is_empty() => {
                app.layers.push(Layer::Help(Help::default()));
                Effect::None
            }
            // Everything else is for the tabs and the global commands, with no layer open.
            _ if !app.layers.is_empty() => Effect::None,
            action => global(app, action),
        },
    }
}

/// The commands that work in every tab when no layer is open.
fn global(app: &mut App, action: Action) -> Effect {
    match action {
        Action::Quit if app.has_unsaved() => {
            app.ask(Question::Quit);
            Effect::None
        }
        Action::Quit => Effect::Quit,
        Action::Suspend => Effect::Suspend,
        Action::Undo => {
            app.undo();
            Effect::None
        }
        Action::Redo => {
            app.redo();
            Effect::None
        }
        Action::Redraw => Effect::Redraw,
        Action::Save => app.request_save(),
        Action::ToggleHelp => {
            app.layers.push(Layer::Help(Help::default()));
            Effect::None
        }
        Action::JumpBack => {
            app.jump_back();
            Effect::None
        }
        Action::JumpForward => {
            app.jump_forward();
            Effect::None
        }
        Action::ShowTab(tab) => show_tab(app, tab),
        Action::ShowHistory => app.show_history(),
        Action::NextTab => show_tab(app, Tab::ALL[(app.tab.index() + 1) % Tab::ALL.len()]),
        Action::PrevTab => show_tab(
            app,
            Tab::ALL[(app.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()],
        ),
        Action::WheelDown { column, row } => wheel(app, column, row, 3),
        Action::WheelUp { column, row } => wheel(app, column, row, -3),
        Action::Click { column, row } => click(app, column, row),
        Action::OpenExport => {
            app.open_export();
            Effect::None
        }
        Action::OpenSettings => {
            app.open_settings();
            Effect::None
        }
        Action::Copy => app.copy_selected_id(),
        Action::ShowRisks if app.tab == Tab::Catalogue => {
            if let Some(p) = app.catalogue_pane.selected() {
                let id = app.catalogue.controls()[p].id.clone();
                super::tabs::soa::show_risks(app, &id);
            }
            Effect::None
        }
        other => super::tabs::update(app, other),
    }
}

fn show_tab(app: &mut App, tab: Tab) -> Effect {
    let from = app.tab;
    app.tab = tab;
    app.follow_selection(from);
    Effect::None
}

fn page(app: &App) -> isize {
    let rows = match app.tab {
        Tab::Catalogue => app.list_rows(),
        Tab::Isms | Tab::Audit => app.mgmt_rows(),
        _ => app.table_rows(),
    };
    rows.saturating_sub(1).max(1) as isize
}

/// Moves the selection of the current tab's list.
fn move_by(app: &mut App, delta: isize) -> Effect {
    match app.tab {
        Tab::Catalogue => {
            let rows = app.list_rows();
            let pane = &mut app.catalogue_pane;
            let before = pane.selected();
            pane.cursor.move_by(delta, pane.results.len(), rows);
            if pane.selected() != before {
                pane.reset_detail();
            }
        }
        Tab::Soa => {
            let (len, rows) = (app.soa_pane.rows.len(), app.table_rows());
            let before = app.soa_cursor.selected;
            app.soa_cursor.move_by(delta, len, rows);
            if app.soa_cursor.selected != before {
                app.release_kept_soa_row();
            }
        }
        Tab::Risks => {
            let (len, rows) = (app.risks_pane.rows.len(), app.table_rows());
            app.risks_cursor.move_by(delta, len, rows);
        }
        Tab::Dashboard => {}
        Tab::Isms => app.move_isms(delta),
        Tab::Audit => app.move_audit(delta),
    }
    Effect::None
}

fn keep_cursors_visible(app: &mut App) {
    let (list, table) = (app.list_rows(), app.table_rows());
    let pane = &mut app.catalogue_pane;
    pane.cursor.keep_visible(pane.results.len(), list);
    app.soa_cursor.keep_visible(app.soa_pane.rows.len(), table);
    app.risks_cursor
        .keep_visible(app.risks_pane.rows.len(), table);
    app.move_isms(0);
    app.move_audit(0);
}

fn wheel(app: &mut App, column: u16, row: u16, delta: isize) -> Effect {
    let areas = app.catalogue_areas();
    let over_detail = areas.detail.contains((column, row).into());
    if app.tab == Tab::Catalogue && over_detail {
        scroll_detail(app, delta);
        return Effect::None;
    }
    move_by(app, delta.signum())
}

fn click(app: &mut App, column: u16, row: u16) -> Effect {
    let tabs = super::layout::screen(app.area()).tabs;
    if tabs.contains((column, row).into()) {
        return match super::layout::tab_at(column - tabs.x) {
            Some(tab) => show_tab(app, tab),
            None => Effect::None,
        };
    }
    if app.tab != Tab::Catalogue {
        return Effect::None;
    }
    let areas = app.catalogue_areas();
    if areas.rows.contains((column, row).into()) {
        let index = app.catalogue_pane.cursor.offset + usize::from(row - areas.rows.y);
        if index < app.catalogue_pane.results.len() {
            let rows = app.list_rows();
            let pane = &mut app.catalogue_pane;
            pane.cursor.select(index, pane.results.len(), rows);
            pane.focus = Focus::List;
            pane.reset_detail();
        }
    } else if areas.detail.contains((column, row).into()) {
        app.catalogue_pane.focus = Focus::Detail;
    }
    Effect::None
}
