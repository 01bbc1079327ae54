//! Drawing the layers over the tabs, bottom first, each over the pane body.

mod conflicts;
mod control;
mod export;
mod form;
mod help;
mod history;
mod list;
mod picker;
mod question;
mod risk_detail;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::{App, Layer};
use crate::theme::Theme;

/// Draws every open layer, the top one last. A search box is drawn by its tab.
pub fn render(frame: &mut Frame, body: Rect, app: &App, theme: &Theme) {
    for (i, layer) in app.layers.iter().enumerate() {
        let below = i.checked_sub(1).and_then(|j| app.layers.get(j));
        let editing = matches!(app.layers.get(i + 1), Some(Layer::Form(_)));
        match layer {
            // The form of a control screen's entry is drawn inside it, beside the guidance.
            Layer::Form(form) if matches!(below, Some(Layer::Control(_))) => {
                if let Some(Layer::Control(screen)) = below {
                    let area = control::form_area(body, screen);
                    form::render(frame, area, app, form, theme);
                }
            }
            Layer::Control(screen) => control::render(frame, body, app, screen, editing, theme),
            Layer::RiskDetail(detail) => risk_detail::render(frame, body, detail, theme),
            Layer::Help(help) => help::render(frame, body, app, help.scroll, theme),
            Layer::Search(_) => {}
            Layer::Question(question) => question::render(frame, body, app, question, theme),
            Layer::Form(form) => form::render(frame, body, app, form, theme),
            Layer::Picker(picker) => picker::render(frame, body, app, picker, theme),
            Layer::List(list) => list::render(frame, body, list, theme),
            Layer::Conflicts(chooser) => conflicts::render(frame, body, chooser, theme),
            Layer::History(view) => history::render(frame, body, view, theme),
            Layer::Export(dialog) => export::render(frame, body, app, dialog, theme),
        }
    }
}

/// The question on top, if any (the too-small screen shows it).
pub fn render_question(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if let Some(Layer::Question(question)) = app.layers.last() {
        question::render(frame, area, app, question, theme);
    }
}
