//! The export dialog: the documents and formats to choose from, the file name (typed in the one
//! text input) and the folder it goes to.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::app::App;
use crate::app::detail::fit;
use crate::app::layers::export::{ExportDialog, visible_rows};
use crate::domain::text::sanitize_line;
use crate::theme::Theme;
use crate::ui::widgets::{centred, cursor_column};

pub fn render(frame: &mut Frame, body: Rect, app: &App, dialog: &ExportDialog, theme: &Theme) {
    let rows = visible_rows(app).min(dialog.choices.len());
    let area = centred(body, 64, rows as u16 + 5);
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines: Vec<Line> = dialog
        .choices
        .iter()
        .enumerate()
        .skip(dialog.cursor.offset)
        .take(rows)
        .map(|(i, choice)| {
            let style = if i == dialog.cursor.selected {
                theme.selection
            } else {
                theme.text
            };
            Line::styled(
                fit(&format!(" {}", ExportDialog::label(*choice)), width),
                style,
            )
        })
        .collect();
    lines.push(Line::raw(""));
    let name = sanitize_line(&dialog.name.text());
    lines.push(Line::from(vec![
        Span::styled(" File  ", theme.label),
        Span::styled(fit(&name, width.saturating_sub(7)), theme.search_text),
    ]));
    let folder = format!(" in    {}", sanitize_line(&app.location));
    lines.push(Line::styled(fit(&folder, width), theme.dim));
    frame.render_widget(Clear, area);
    let block = super::list::popup(" Export ".to_string(), theme);
    frame.render_widget(Paragraph::new(lines).block(block), area);
    if app
        .layers
        .last()
        .is_some_and(|l| matches!(l, crate::app::Layer::Export(_)))
    {
        let x = area.x + 8 + cursor_column(&dialog.name) as u16;
        let y = area.y + 1 + rows as u16 + 1;
        frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(2)), y));
    }
}
