//! The conflict chooser: one row per field changed on both sides, yours and theirs side by side,
//! the chosen value marked; a typed merged text shows as `edited: …`, and is typed in place.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::list::popup;
use crate::app::detail::fit;
use crate::app::layers::ConflictChooser;
use crate::app::layers::conflicts::CHOOSER_ROWS;
use crate::domain::text::sanitize_line;
use crate::theme::Theme;
use crate::ui::widgets::{centred, cursor_column};

/// What stands before a typed value on its row.
const EDITED: &str = "  edited: ";

pub fn render(frame: &mut Frame, body: Rect, chooser: &ConflictChooser, theme: &Theme) {
    let rows = chooser.conflicts.len().min(CHOOSER_ROWS) as u16;
    let area = centred(body, 100, rows * 2 + 3);
    let width = usize::from(area.width.saturating_sub(2));
    let half = width.saturating_sub(8) / 2;
    let intro = if chooser.from_git {
        "A git merge left these: pick each value; Enter applies and saves."
    } else {
        "Changed here and on disk. Pick each value; Enter applies."
    };
    let mut lines = vec![Line::styled(intro, theme.dim)];
    let cursor = chooser.cursor;
    for (i, conflict) in chooser
        .conflicts
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(CHOOSER_ROWS)
    {
        let selected = i == cursor.selected;
        let theirs = chooser.theirs_chosen[i];
        let note = if chooser.editable[i] {
            ""
        } else {
            "  (not text: pick a side)"
        };
        let heading = format!(
            "{} {} · {}{note}",
            conflict.kind, conflict.record, conflict.field
        );
        let style = if selected {
            theme.selection
        } else {
            theme.label
        };
        lines.push(Line::styled(fit(&sanitize_line(&heading), width), style));
        let side = |text: &str, chosen: bool| {
            let mark = if chosen { "[x] " } else { "[ ] " };
            let style = if chosen { theme.text } else { theme.dim };
            Span::styled(
                format!(
                    "{mark}{:<half$}",
                    fit(&sanitize_line(text), half.saturating_sub(4))
                ),
                style,
            )
        };
        if selected && let Some(input) = &chooser.editing {
            let room = width.saturating_sub(EDITED.len() + 1);
            let skip = cursor_column(input).saturating_sub(room);
            let shown: String = sanitize_line(&input.text()).chars().skip(skip).collect();
            let y = area.y + 1 + lines.len() as u16;
            let x = area.x + 1 + (EDITED.len() + cursor_column(input) - skip) as u16;
            frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(2)), y));
            lines.push(Line::from(vec![
                Span::styled(EDITED, theme.search_prompt),
                Span::styled(fit(&shown, room), theme.search_text),
            ]));
            continue;
        }
        if let Some(text) = &chooser.edited[i] {
            lines.push(Line::from(vec![
                Span::styled(EDITED, theme.label),
                Span::styled(
                    fit(&sanitize_line(text), width.saturating_sub(EDITED.len())),
                    theme.text,
                ),
            ]));
            continue;
        }
        lines.push(Line::from(vec![
            Span::raw("  yours "),
            side(&conflict.ours, !theirs),
            Span::raw(" theirs "),
            side(&conflict.theirs, theirs),
        ]));
    }
    let title = format!(" {} conflicts ", chooser.conflicts.len());
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(popup(title, theme)), area);
}
