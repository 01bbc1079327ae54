//! The SoA pane, read-only for now: one row per control with its decision, status, owner and
//! justification. Only the visible rows are built.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Row, Table};

use super::widgets;
use crate::app::App;
use crate::domain::soa::Applicability;
use crate::domain::text::sanitize_line;
use crate::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let entries = &app.workspace.soa.entries;
    let decided = entries
        .iter()
        .filter(|e| e.applicability != Applicability::Undecided)
        .count();
    let title = format!(
        " Statement of Applicability · {decided} of {} decided ",
        entries.len()
    );
    let rows_shown = app.table_rows();
    let cursor = app.soa_cursor;
    let rows = entries
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(rows_shown)
        .map(|(index, entry)| {
            let control_title = app
                .catalogue
                .get(&entry.control)
                .map(|c| sanitize_line(&c.title))
                .unwrap_or_else(|| "(not in the catalogue)".to_string());
            let status = if entry.applicability == Applicability::Applicable {
                Span::styled(entry.status.label(), widgets::status(entry.status, theme))
            } else {
                Span::raw("")
            };
            let row = Row::new(vec![
                Line::raw(sanitize_line(&entry.control)),
                Line::raw(control_title),
                Line::from(Span::styled(
                    entry.applicability.name(),
                    widgets::applicability(entry.applicability, theme),
                )),
                Line::from(status),
                Line::raw(sanitize_line(&entry.owner)),
                Line::raw(sanitize_line(&entry.justification)),
            ]);
            if index == cursor.selected {
                row.style(theme.selection)
            } else {
                row
            }
        });
    let header = Row::new([
        "Id",
        "Control",
        "Decision",
        "Status",
        "Owner",
        "Justification",
    ])
    .style(theme.header);
    let widths = [
        Constraint::Length(5),
        Constraint::Fill(3),
        Constraint::Length(10),
        Constraint::Length(11),
        Constraint::Fill(2),
        Constraint::Fill(4),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .block(widgets::pane(title, true, theme));
    frame.render_widget(table, area);
}
