//! A popup list of places to go (a risk's controls, a heat-map cell's risks); its keys are in
//! the status bar.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::detail::fit;
use crate::app::layers::list::{ListPopup, POPUP_ROWS};
use crate::theme::Theme;
use crate::ui::widgets::centred;

pub(super) fn popup<'a>(title: String, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.popup_border)
        .title(Span::styled(title, theme.pane_title))
}

pub fn render(frame: &mut Frame, body: Rect, list: &ListPopup, theme: &Theme) {
    let rows = list.items.len().min(POPUP_ROWS) as u16;
    let area = centred(body, 70, rows + 2);
    let width = usize::from(area.width.saturating_sub(2));
    let lines: Vec<Line> = list
        .items
        .iter()
        .enumerate()
        .skip(list.cursor.offset)
        .take(POPUP_ROWS)
        .map(|(i, (text, _))| {
            let style = if i == list.cursor.selected {
                theme.selection
            } else {
                theme.text
            };
            Line::styled(fit(text, width), style)
        })
        .collect();
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(popup(list.title.clone(), theme)),
        area,
    );
}
