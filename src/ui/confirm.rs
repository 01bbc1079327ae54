//! The question asked before quitting with unsaved edits; its keys come from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::widgets::centred;
use crate::app::App;
use crate::theme::Theme;

pub fn render(frame: &mut Frame, body: Rect, app: &App, theme: &Theme) {
    let area = centred(body, 48, 5);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.popup_border)
        .title(Span::styled(" Unsaved edits ", theme.pane_title));
    let mut hints = Vec::new();
    for (keys, word) in app.keymap.hints(crate::keymap::Context::Confirm) {
        hints.push(Span::styled(keys, theme.status_key));
        hints.push(Span::styled(format!(" {word}   "), theme.text));
    }
    let text = vec![
        Line::styled("Quit and lose the edits not yet saved?", theme.text),
        Line::raw(""),
        Line::from(hints),
    ];
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(text).block(block), area);
}
