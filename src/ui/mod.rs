//! Drawing: `render(frame, &App, &Theme)` is a pure function of state. One file per pane and popup;
//! each reads the app and writes cells, and none of them changes anything.

mod catalogue_list;
mod confirm;
mod dashboard;
mod detail;
mod dialog;
mod heat_map;
mod help;
mod risk_form;
mod risk_popups;
mod risks_table;
mod soa_form;
mod soa_table;
mod status_bar;
mod tabs;
mod too_small;
mod widgets;

use ratatui::Frame;

use crate::app::{App, Mode, Tab, layout};
use crate::theme::Theme;

/// Draws the whole screen for the app's current state.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if layout::too_small(area) {
        too_small::render(frame, area, app, theme);
        // Quit with something unsaved asks on this screen, where the user can see it.
        if app.mode == Mode::ConfirmQuit {
            confirm::render(frame, area, app, theme);
        }
        return;
    }
    let screen = layout::screen(area);
    tabs::render(frame, screen.tabs, app, theme);
    match app.tab {
        Tab::Catalogue => {
            let areas = layout::catalogue(screen.body);
            catalogue_list::render(frame, &areas, app, theme);
            detail::render(frame, &areas, app, theme);
        }
        Tab::Soa => soa_table::render(frame, screen.body, app, theme),
        Tab::Risks => risks_table::render(frame, screen.body, app, theme),
        Tab::Dashboard => dashboard::render(frame, screen.body, app, theme),
    }
    status_bar::render(frame, screen.status, app, theme);
    if app.form.is_some() {
        soa_form::render(frame, screen.body, app, theme);
    }
    if app.tab == Tab::Risks {
        risk_overlay(frame, screen.body, app, theme);
    }
    match app.mode {
        Mode::Help => help::render(frame, screen.body, app, theme),
        Mode::ConfirmQuit => confirm::render(frame, screen.body, app, theme),
        Mode::Dialog => dialog::render(frame, screen.body, app, theme),
        Mode::Normal | Mode::Search | Mode::Form => {}
    }
    crate::screen_text::clean_buffer(frame.buffer_mut());
}

/// The form or popup open over the Risks pane.
fn risk_overlay(frame: &mut Frame, body: ratatui::layout::Rect, app: &App, theme: &Theme) {
    use crate::app::risks_pane::RiskOverlay;
    match &app.risks_pane.overlay {
        None => {}
        Some(RiskOverlay::ConfirmDelete(id)) => {
            risk_popups::confirm_delete(frame, body, app, id, theme)
        }
        Some(RiskOverlay::List(list)) => risk_popups::list(frame, body, list, theme),
        Some(RiskOverlay::Form(form)) => {
            risk_form::render(frame, body, app, form, theme);
            if let Some(picker) = &form.picker {
                risk_popups::picker(frame, body, app, picker, &form.controls, theme);
            }
        }
    }
}
