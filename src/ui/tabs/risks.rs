//! The risk register pane: the risks that pass the filter, in the chosen sort, with inherent and
//! residual levels styled by band (bold or reversed in the mono theme), treatment, status and
//! next review. The block title shows the sort and the filter.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Row, Table};

use crate::app::App;
use crate::app::detail::fit;
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
    let (shown, title_width) = shown_columns(app, area.width, wide, arrow);
    let owner_width = usize::from(if wide { COLUMNS[2].3 } else { COLUMNS[2].2 });
    let fits = (usize::from(title_width), owner_width);
    let rows = pane
        .rows
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(app.table_rows())
        .map(|(row, &index)| {
            let mut cells = risk_row(&risks[index], method, wide, fits, theme);
            let line = Row::new(
                shown
                    .iter()
                    .map(|&(column, _)| std::mem::take(&mut cells[column])),
            );
            if row == cursor.selected {
                line.style(theme.selection)
            } else {
                line
            }
        });
    let header = Row::new(shown.iter().map(|&(column, _)| {
        let name = COLUMNS[column].0;
        if COLUMNS[column].1 == pane.sort {
            format!("{name}{arrow}")
        } else {
            name.to_string()
        }
    }))
    .style(theme.header);
    let widths: Vec<Constraint> = shown.iter().map(|&(_, width)| width).collect();
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
/// `fits`: the widths of the title and owner columns, cut with an ellipsis.
fn risk_row<'a>(
    risk: &Risk,
    method: &RiskMethod,
    wide: bool,
    (title, owner): (usize, usize),
    theme: &Theme,
) -> Vec<Line<'a>> {
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
    vec![
        Line::raw(sanitize_line(&risk.id)),
        Line::raw(fit(&sanitize_line(&risk.title), title)),
        Line::raw(fit(&sanitize_line(&risk.owner), owner)),
        level(Some(risk.inherent_score())),
        level(risk.residual_score()),
        Line::raw(risk.treatment.name()),
        Line::raw(risk.status.name()),
        Line::raw(review),
    ]
}

/// The columns dropped first when the risk title would get less than `TITLE_MIN` columns.
const DROP_ORDER: [SortColumn; 4] = [
    SortColumn::Treatment,
    SortColumn::NextReview,
    SortColumn::Status,
    SortColumn::Owner,
];
const TITLE_MIN: u16 = 14;

/// The columns shown (indices into `COLUMNS`) and their widths: the id column fits the longest
/// id in the register, the title takes what is left, and on a narrow pane the least needed
/// columns go until the title has `TITLE_MIN` columns.
/// Also the title column's width.
fn shown_columns(
    app: &App,
    width: u16,
    wide: bool,
    arrow: &str,
) -> (Vec<(usize, Constraint)>, u16) {
    let id_width = app
        .workspace
        .risks
        .risks
        .iter()
        .map(|r| sanitize_line(&r.id).chars().count())
        .chain([format!("{}{arrow}", COLUMNS[0].0).chars().count()])
        .max()
        .unwrap_or(2) as u16;
    let width_of = |column: usize| match COLUMNS[column].1 {
        SortColumn::Id => id_width,
        SortColumn::Title => 0,
        _ if wide => COLUMNS[column].3,
        _ => COLUMNS[column].2,
    };
    let mut shown: Vec<usize> = (0..COLUMNS.len()).collect();
    // Borders, then one column of spacing between columns.
    let room = width.saturating_sub(2);
    let title = |shown: &[usize]| {
        let used: u16 = shown.iter().map(|&c| width_of(c)).sum();
        let spacing = shown.len() as u16 - 1;
        room.saturating_sub(used + spacing)
    };
    for dropped in DROP_ORDER {
        if title(&shown) >= TITLE_MIN {
            break;
        }
        shown.retain(|&c| COLUMNS[c].1 != dropped);
    }
    let title_width = title(&shown);
    let shown = shown
        .into_iter()
        .map(|c| match COLUMNS[c].1 {
            SortColumn::Title => (c, Constraint::Fill(1)),
            _ => (c, Constraint::Length(width_of(c))),
        })
        .collect();
    (shown, title_width)
}
