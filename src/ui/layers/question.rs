//! The open question and what its yes and no keys (from the keymap) mean here.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::App;
use crate::app::layers::Question;
use crate::theme::Theme;
use crate::ui::widgets::centred;

pub fn render(frame: &mut Frame, body: Rect, app: &App, dialog: &Question, theme: &Theme) {
    let lines = dialog.lines();
    let width = 60.min(body.width);
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let wrapped: usize = lines
        .iter()
        .map(|l| l.chars().count().div_ceil(inner).max(1))
        .sum();
    let area = centred(body, width, wrapped as u16 + 4);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.popup_border)
        .title(Span::styled(dialog.title(), theme.pane_title));
    let (yes, no) = dialog.answers();
    let key = |name: &str| {
        app.keymap
            .binding(name)
            .and_then(|b| b.keys.first())
            .map(ToString::to_string)
            .unwrap_or_else(|| "(unbound)".to_string())
    };
    let mut text: Vec<Line> = lines
        .into_iter()
        .map(|l| Line::styled(l, theme.text))
        .collect();
    text.push(Line::raw(""));
    let mut answers = vec![
        Span::styled(key("yes"), theme.status_key),
        Span::styled(format!(" {yes}   "), theme.text),
    ];
    if let Some(third) = dialog.third_answer() {
        answers.push(Span::styled(key("save_quit"), theme.status_key));
        answers.push(Span::styled(format!(" {third}   "), theme.text));
    }
    answers.push(Span::styled(key("no"), theme.status_key));
    answers.push(Span::styled(format!(" {no}"), theme.text));
    text.push(Line::from(answers));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: false }),
        area,
    );
}
