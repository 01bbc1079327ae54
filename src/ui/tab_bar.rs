//! The tab bar: the four panes with their number keys, the current one marked, and the
//! workspace's name on the right.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Tab};
use crate::domain::text::sanitize_line;
use crate::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut spans = Vec::new();
    for tab in Tab::ALL {
        let style = if tab == app.tab {
            theme.tab_active
        } else {
            theme.tab
        };
        spans.push(Span::styled(crate::app::layout::tab_label(tab), style));
        spans.push(Span::raw(" "));
    }
    let used: usize = spans.iter().map(|s| s.width()).sum();
    let name = sanitize_line(&app.workspace.settings.name);
    let room = usize::from(area.width).saturating_sub(used + 1);
    if room > 4 {
        let name = crate::app::detail::fit(&name, room);
        let pad = room - unicode_width::UnicodeWidthStr::width(name.as_str());
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(name, theme.pane_title));
    }
    frame
        .buffer_mut()
        .set_line(area.x, area.y, &Line::from(spans), area.width);
}
