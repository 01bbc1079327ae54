//! The risk register pane, read-only for now: each risk with its inherent and residual rating
//! (likelihood × impact = score, and the level on this workspace's method), treatment, status and
//! the controls that treat it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Row, Table};

use super::widgets;
use crate::app::App;
use crate::domain::text::sanitize_line;
use crate::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let risks = &app.workspace.risks.risks;
    let method = &app.workspace.settings.risk_method;
    let title = format!(" Risk register · {} risks ", risks.len());
    let cursor = app.risks_cursor;
    let rows = risks
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(app.table_rows())
        .map(|(index, risk)| {
            let score = risk.inherent_score();
            let level = method.level(score);
            let residual = match (
                risk.residual_score(),
                risk.residual_likelihood,
                risk.residual_impact,
            ) {
                (Some(score), Some(l), Some(i)) => format!("{l}×{i}={score}"),
                _ => "—".to_string(),
            };
            let row = Row::new(vec![
                Line::raw(sanitize_line(&risk.id)),
                Line::raw(sanitize_line(&risk.title)),
                Line::from(vec![
                    Span::raw(format!("{}×{}={score:<3}", risk.likelihood, risk.impact)),
                    Span::styled(level.name(), widgets::level(level, theme)),
                ]),
                Line::raw(residual),
                Line::raw(risk.treatment.name()),
                Line::raw(risk.status.name()),
                Line::raw(sanitize_line(&risk.controls.join(" "))),
            ]);
            if index == cursor.selected {
                row.style(theme.selection)
            } else {
                row
            }
        });
    let header = Row::new([
        "Id", "Risk", "Rating", "Residual", "Treat", "Status", "Controls",
    ])
    .style(theme.header);
    let widths = [
        Constraint::Length(5),
        Constraint::Fill(3),
        Constraint::Length(15),
        Constraint::Length(8),
        Constraint::Length(6),
        Constraint::Length(8),
        Constraint::Fill(1),
    ];
    let table = Table::new(rows, widths)
        .header(header)
        .block(widgets::pane(title, true, theme));
    frame.render_widget(table, area);
}
