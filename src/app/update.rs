//! `update`: the one place state changes. Each action is handled for the current mode and pane.

use super::detail::Link;
use super::{Action, App, Effect, Focus, Mode, Tab};

/// Applies one action and says what the edge must do next.
pub fn update(app: &mut App, action: Action) -> Effect {
    let effect = match action {
        Action::Resize { width, height } => {
            app.size = (width, height);
            keep_cursors_visible(app);
            Effect::None
        }
        Action::Quit if app.has_unsaved() => {
            if app.mode != Mode::ConfirmQuit {
                app.mode_before_quit = app.mode;
            }
            app.mode = Mode::ConfirmQuit;
            Effect::None
        }
        Action::Quit | Action::ConfirmQuit => Effect::Quit,
        Action::CancelQuit => {
            app.mode = app.mode_before_quit;
            Effect::None
        }
        // Behind the "too small" notice nothing else acts: the user could not see it.
        _ if app.too_small() => Effect::None,
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
        Action::DialogYes => super::dialog::answer(app, true),
        Action::DialogNo => super::dialog::answer(app, false),
        _ if app.mode == Mode::Dialog => Effect::None,
        other if app.mode == Mode::Form => super::soa_form_keys::form_action(app, other),
        Action::Save => app.request_save(),
        Action::ToggleHelp if app.mode == Mode::Help => close_help(app),
        Action::ToggleHelp => {
            app.mode = Mode::Help;
            app.help_scroll = 0;
            Effect::None
        }
        Action::CloseHelp => close_help(app),
        Action::ShowTab(tab) => show_tab(app, tab),
        Action::NextTab => show_tab(app, Tab::ALL[(app.tab.index() + 1) % Tab::ALL.len()]),
        Action::PrevTab => show_tab(app, Tab::ALL[(app.tab.index() + 3) % Tab::ALL.len()]),
        Action::MoveDown => move_by(app, 1),
        Action::MoveUp => move_by(app, -1),
        Action::PageDown => move_by(app, page(app)),
        Action::PageUp => move_by(app, -page(app)),
        Action::MoveTop => move_by(app, isize::MIN / 2),
        Action::MoveBottom => move_by(app, isize::MAX / 2),
        Action::WheelDown { column, row } => wheel(app, column, row, 3),
        Action::WheelUp { column, row } => wheel(app, column, row, -3),
        Action::Click { column, row } => click(app, column, row),
        Action::ShowRisks if app.tab == Tab::Catalogue => {
            if let Some(p) = app.catalogue_pane.selected() {
                let id = app.catalogue.controls()[p].id.clone();
                super::soa_pane::show_risks(app, &id);
            }
            Effect::None
        }
        other => match app.tab {
            Tab::Soa => super::soa_pane::soa_action(app, other),
            Tab::Risks => super::risk_actions::action(app, other),
            Tab::Dashboard => super::dashboard::action(app, other),
            _ => super::input::catalogue_action(app, other),
        },
    };
    app.refresh_detail();
    effect
}

fn close_help(app: &mut App) -> Effect {
    app.mode = Mode::Normal;
    Effect::None
}

fn show_tab(app: &mut App, tab: Tab) -> Effect {
    app.tab = tab;
    app.mode = Mode::Normal;
    Effect::None
}

fn page(app: &App) -> isize {
    let rows = match app.tab {
        Tab::Catalogue => app.list_rows(),
        _ => app.table_rows(),
    };
    rows.saturating_sub(1).max(1) as isize
}

/// Moves the selection of the current list, or scrolls the help.
fn move_by(app: &mut App, delta: isize) -> Effect {
    if app.mode == Mode::Help {
        app.help_scroll = app.help_scroll.saturating_add_signed(delta).min(1000);
        return Effect::None;
    }
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
}

fn wheel(app: &mut App, column: u16, row: u16, delta: isize) -> Effect {
    let areas = app.catalogue_areas();
    let over_detail = areas.detail.contains((column, row).into());
    if app.mode == Mode::Normal && app.tab == Tab::Catalogue && over_detail {
        scroll_detail(app, delta);
        return Effect::None;
    }
    move_by(app, delta.signum())
}

fn click(app: &mut App, column: u16, row: u16) -> Effect {
    if app.mode != Mode::Normal || app.tab != Tab::Catalogue {
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

/// Scrolls the detail, stopping when its last line reaches the bottom.
pub(super) fn scroll_detail(app: &mut App, delta: isize) {
    let max = app.detail.lines.len().saturating_sub(app.detail_rows());
    let pane = &mut app.catalogue_pane;
    pane.scroll = pane.scroll.saturating_add_signed(delta).min(max);
}

/// Picks the next or previous link and scrolls the detail to show it.
pub(super) fn pick_link(app: &mut App, delta: isize) {
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
pub(super) fn follow_link(app: &mut App) {
    let Some(link) = app.detail.links.get(app.catalogue_pane.link).cloned() else {
        return;
    };
    match link {
        Link::Control(target) => {
            if let Some(current) = app.catalogue_pane.selected() {
                app.catalogue_pane.history.push(current);
            }
            let rows = app.list_rows();
            app.catalogue_pane
                .select_position(&app.catalogue, target, rows);
        }
        Link::Risk(id) => app.go_to_risk(&id),
    }
}
