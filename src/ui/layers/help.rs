//! The help overlay: every command and its keys, grouped by where it works, generated from the
//! keymap (so a user's own keys show here too). Scrolls when it does not fit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::app::detail::fit;
use crate::theme::Theme;
use crate::ui::widgets::centred;

const KEYS_WIDTH_MAX: usize = 22;

pub fn render(frame: &mut Frame, body: Rect, app: &App, scroll: usize, theme: &Theme) {
    let area = centred(body, 86, body.height);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.popup_border)
        .title(Span::styled(
            " Help · keys from your keymap ",
            theme.pane_title,
        ));
    let inner = block.inner(area);
    let sections = app.keymap.help_sections();
    let keys_width = sections
        .iter()
        .flat_map(|(_, entries)| entries.iter().map(|e| e.keys.chars().count()))
        .max()
        .unwrap_or(0)
        .min(KEYS_WIDTH_MAX);
    let text_width = usize::from(inner.width).saturating_sub(2);
    let help_width = text_width.saturating_sub(keys_width + 1);

    let mut lines = Vec::new();
    for (title, entries) in sections {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(title, theme.header));
        for entry in entries {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{:<keys_width$} ", fit(&entry.keys, keys_width)),
                    theme.status_key,
                ),
                Span::styled(fit(entry.help, help_width), theme.text),
            ]));
        }
    }
    let rows = usize::from(inner.height);
    let scroll = scroll.min(lines.len().saturating_sub(rows));
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let text_area = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(rows).collect();
    frame.render_widget(Paragraph::new(shown), text_area);
}
