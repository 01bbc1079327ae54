//! The help overlay: the keys of what is under it first, the filter syntax, then every command
//! and its keys, generated from the keymap (so a user's own keys show here too). Lines are
//! wrapped by `app::layers::help::rows`; this draws them and scrolls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::app::layers::Layer;
use crate::app::layers::help::{HELP_WIDTH, HelpRow, keys_width, rows, text_size};
use crate::theme::Theme;
use crate::ui::widgets::centred;

pub fn render(frame: &mut Frame, body: Rect, app: &App, scroll: usize, theme: &Theme) {
    let area = centred(body, HELP_WIDTH, body.height);
    let (width, height) = text_size(app);
    // The layer under the (topmost) help, if any.
    let under = app
        .layers
        .iter()
        .rev()
        .skip_while(|l| !matches!(l, Layer::Help(_)))
        .nth(1);
    let all = rows(app, under, width);
    let keys = keys_width(&all);
    let scroll = scroll.min(all.len().saturating_sub(height));
    let last = (scroll + height).min(all.len());
    let title = format!(
        " Help · lines {}–{last} of {} · j/k PgDn scroll ",
        scroll + 1,
        all.len()
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.popup_border)
        .title(Span::styled(
            crate::app::detail::fit(&title, width),
            theme.pane_title,
        ));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let text_area = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let shown: Vec<Line> = all
        .into_iter()
        .skip(scroll)
        .take(height)
        .map(|row| match row {
            HelpRow::Heading(title) => Line::styled(title, theme.header),
            HelpRow::Key { keys: k, text } => Line::from(vec![
                Span::styled(format!("{k:<keys$} "), theme.status_key),
                Span::styled(text, theme.text),
            ]),
            HelpRow::Text(text) => Line::styled(text, theme.text),
            HelpRow::Blank => Line::raw(""),
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), text_area);
}
