//! A record's history: the versions (date, author, message; newest first) and, below, what the
//! selected version changed, field by field.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::list::popup;
use crate::app::detail::fit;
use crate::app::layers::HistoryView;
use crate::app::layers::history::{HISTORY_ROWS, Versions};
use crate::domain::text::sanitize_line;
use crate::theme::Theme;
use crate::ui::widgets::centred;

pub fn render(frame: &mut Frame, body: Rect, view: &HistoryView, theme: &Theme) {
    let area = centred(body, 100, body.height);
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines = Vec::new();
    match &view.versions {
        Versions::Loading => lines.push(Line::styled("Reading the history from git…", theme.dim)),
        Versions::Failed(reason) => {
            lines.push(Line::styled(sanitize_line(reason), theme.search_error));
        }
        Versions::Loaded(versions) => {
            let cursor = view.cursor;
            for (i, version) in versions
                .iter()
                .enumerate()
                .skip(cursor.offset)
                .take(HISTORY_ROWS)
            {
                let text = format!(
                    "{}  {}  {}  {}",
                    version.date, version.commit, version.author, version.message
                );
                let style = if i == cursor.selected {
                    theme.selection
                } else {
                    theme.text
                };
                lines.push(Line::styled(fit(&sanitize_line(&text), width), style));
            }
            lines.push(Line::raw(""));
            if let Some(version) = view.selected() {
                lines.push(Line::styled(
                    format!("{} in {}:", version.what, version.commit),
                    theme.header,
                ));
                if version.what == "changed" && version.changes.is_empty() {
                    lines.push(Line::styled("  only the stamp", theme.dim));
                }
                for change in &version.changes {
                    lines.push(Line::from(vec![
                        Span::styled(format!("  {}: ", change.field), theme.label),
                        Span::styled(sanitize_line(&change.before), theme.dim),
                        Span::styled(" → ", theme.text),
                        Span::styled(sanitize_line(&change.after), theme.text),
                    ]));
                }
            }
        }
    }
    let title = format!(" History of {} ", sanitize_line(&view.record));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(popup(title, theme))
            .wrap(Wrap { trim: false }),
        area,
    );
}
