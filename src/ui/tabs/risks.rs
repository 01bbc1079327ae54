//! The risk register pane: the risks that pass the filter, in the chosen sort, with inherent and
//! residual levels styled by band (bold or reversed in the mono theme), treatment, status and
//! next review. The block title shows the sort and the filter.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Row, Table};

use crate::app::App;
use crate::app::tabs::risks::SortColumn;
use crate::domain::risk::Risk;
use crate::domain::text::sanitize_line;
use crate::domain::workspace::RiskMethod;
use crate::theme::Theme;
use crate::ui::widgets;

/// The columns, the sort each one shows, and its width (narrow and wide terminals).
const COLUMNS: [(&str, SortColumn, u16, u16); 8] = [
    ("Id", SortColumn::Id, 5, 6),
    ("Risk", SortColumn::Title, 0, 0),
    ("Owner", SortColumn::Owner, 9, 18),
    ("Inher.", SortColumn::Inherent, 8, 12),
    ("Resid.", SortColumn::Residual, 8, 12),
    ("Treat", SortColumn::Treatment, 6, 9),
    ("Status", SortColumn::Status, 8, 9),
    ("Review", SortColumn::NextReview, 10, 11),
];

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let pane = &app.risks_pane;
    let risks = &app.workspace.risks.risks;
    let method = &app.workspace.settings.risk_method;
    let wide = area.width >= 110;
    let arrow = if pane.descending { "↓" } else { "↑" };
    // `r` on a control: a breadcrumb says which control the rows are filtered to.
    let what = match &pane.control {
        Some(control) => format!("Risks treating {} · Esc clears", sanitize_line(control)),
        None => "Risks".to_string(),
    };
    let mut title = format!(
        " {what} · {} of {} · sort {} {arrow} ",
        pane.rows.len(),
        risks.len(),
        pane.sort.name()
    );
    let searching = app.search_box().is_some();
    if searching || !pane.filter.is_empty() {
        let caret = if searching { "▏" } else { "" };
        title.push_str(&format!("· /{}{caret} ", sanitize_line(&pane.filter)));
    }
    let cursor = app.risks_cursor;
    let rows = pane
        .rows
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(app.table_rows())
        .map(|(row, &index)| {
            let line = risk_row(&risks[index], method, wide, theme);
            if row == cursor.selected {
                line.style(theme.selection)
            } else {
                line
            }
        });
    let header = Row::new(COLUMNS.map(|(name, column, _, _)| {
        if column == pane.sort {
            format!("{name}{arrow}")
        } else {
            name.to_string()
        }
    }))
    .style(theme.header);
    let widths = COLUMNS.map(|(_, column, narrow, broad)| match column {
        SortColumn::Title => Constraint::Fill(1),
        _ if wide => Constraint::Length(broad),
        _ => Constraint::Length(narrow),
    });
    let mut table = Table::new(rows, widths)
        .header(header)
        .block(widgets::pane(title, true, theme));
    if !wide {
        table = table.column_spacing(1);
    }
    frame.render_widget(table, area);
    if pane.rows.is_empty() {
        let text = if risks.is_empty() {
            "No risks yet: n adds one"
        } else {
            "No risk matches the filter: Esc clears it"
        };
        let inner = crate::app::layout::table_rows(area);
        frame.render_widget(Line::styled(format!(" {text}"), theme.dim), inner);
    }
}

/// One risk's row; levels show as `high 12` on wide terminals and `high` on narrow ones.
fn risk_row<'a>(risk: &Risk, method: &RiskMethod, wide: bool, theme: &Theme) -> Row<'a> {
    let level = |score: Option<u32>| match score {
        None => Line::styled("—", theme.dim),
        Some(score) => {
            let level = method.level(score);
            let text = if wide {
                format!("{} {score}", level.name())
            } else {
                level.name().to_string()
            };
            Line::from(Span::styled(text, widgets::level(level, theme)))
        }
    };
    let review = risk
        .next_review
        .map_or_else(|| "—".to_string(), |d| d.to_string());
    Row::new(vec![
        Line::raw(sanitize_line(&risk.id)),
        Line::raw(sanitize_line(&risk.title)),
        Line::raw(sanitize_line(&risk.owner)),
        level(Some(risk.inherent_score())),
        level(risk.residual_score()),
        Line::raw(risk.treatment.name()),
        Line::raw(risk.status.name()),
        Line::raw(review),
    ])
}
