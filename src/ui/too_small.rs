//! The notice shown instead of the panes when the terminal is smaller than they can use. Only
//! quit acts behind it (`Context::TooSmall`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::app::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let quit = app
        .keymap
        .binding("quit")
        .and_then(|b| b.keys.first())
        .map_or_else(|| "Ctrl-c".to_string(), ToString::to_string);
    let text = vec![
        Line::styled("Terminal too small", theme.heading),
        Line::styled(
            format!(
                "{}×{} now; isms needs {MIN_WIDTH}×{MIN_HEIGHT}.",
                area.width, area.height
            ),
            theme.text,
        ),
        Line::styled(
            format!("Enlarge the window, or press {quit} to quit."),
            theme.dim,
        ),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}
