//! Drawing: `render(frame, &App, &Theme)` is a pure function of state, laid out like `app`: `tabs/`
//! draws the panes, `layers/` what is open over them; none of them changes anything.

mod layers;
mod status_bar;
mod tab_bar;
mod tabs;
mod too_small;
mod widgets;

use ratatui::Frame;

use crate::app::{App, Tab, layout};
use crate::theme::Theme;

/// Draws the whole screen for the app's current state.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    if layout::too_small(area) {
        too_small::render(frame, area, app, theme);
        // Quit with something unsaved asks on this screen, where the user can see it.
        layers::render_question(frame, area, app, theme);
        return;
    }
    let screen = layout::screen(area);
    tab_bar::render(frame, screen.tabs, app, theme);
    match app.tab {
        Tab::Catalogue => {
            let areas = layout::catalogue(screen.body);
            tabs::catalogue::render(frame, &areas, app, theme);
            tabs::detail::render(frame, &areas, app, theme);
        }
        Tab::Soa => tabs::soa::render(frame, screen.body, app, theme),
        Tab::Risks => tabs::risks::render(frame, screen.body, app, theme),
        Tab::Dashboard => tabs::dashboard::render(frame, screen.body, app, theme),
        Tab::Isms => tabs::isms::render(frame, screen.body, app, theme),
        Tab::Audit => tabs::audit::render(frame, screen.body, app, theme),
    }
    status_bar::render(frame, screen.status, app, theme);
    layers::render(frame, screen.body, app, theme);
    crate::screen_text::clean_buffer(frame.buffer_mut());
}
