//! The layout the ISMS and Audit panes share: a table of records on top (its views named in the
//! bottom border, the current one marked) and the selected record's story below, wrapped. Marks
//! for what needs attention (overdue, missing) use one style.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, Wrap};

use crate::app::detail::fit;
use crate::app::{App, Cursor};
use crate::domain::mgmt::system::ClauseStatus;
use crate::domain::text::sanitize_line;
use crate::theme::Theme;
use crate::ui::widgets;

/// One pane's table: the rows are built by the pane (its lists are short), only the visible
/// ones drawn.
pub struct Listing<'a> {
    pub title: String,
    pub header: Vec<String>,
    pub widths: Vec<Constraint>,
    pub rows: Vec<Row<'a>>,
    pub cursor: Cursor,
    /// The view names, and which one is shown.
    pub views: Vec<&'static str>,
    pub view: usize,
    /// What to say when there are no rows.
    pub empty: &'static str,
    /// The rows that pass the filter (indices into `rows`), and the filter.
    pub visible: Vec<usize>,
    pub filter: String,
}

/// Draws the table and, below it, the detail of the selected row.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    listing: Listing,
    detail: (String, Vec<Line>),
    theme: &Theme,
) {
    let mut keep = vec![false; listing.rows.len()];
    for &i in &listing.visible {
        if let Some(k) = keep.get_mut(i) {
            *k = true;
        }
    }
    let passing: Vec<Row> = listing
        .rows
        .into_iter()
        .zip(keep)
        .filter_map(|(row, keep)| keep.then_some(row))
        .collect();
    let count = passing.len();
    let (table_area, detail_area) = app.mgmt_split(area, count);
    let shown = app.mgmt_rows_for(count);
    let mut title = listing.title;
    if !listing.filter.is_empty() {
        title = format!("{title}· /{} ", sanitize_line(&listing.filter));
    }
    let rows = passing
        .into_iter()
        .enumerate()
        .skip(listing.cursor.offset)
        .take(shown)
        .map(|(i, row)| {
            if i == listing.cursor.selected {
                row.style(theme.selection)
            } else {
                row
            }
        });
    let block = widgets::pane(title, true, theme).title_bottom(views_line(
        &listing.views,
        listing.view,
        theme,
    ));
    let table = Table::new(rows, listing.widths)
        .header(Row::new(listing.header).style(theme.header))
        .column_spacing(1)
        .block(block);
    frame.render_widget(table, table_area);
    if count == 0 {
        let inner = crate::app::layout::table_rows(table_area);
        let empty = if listing.filter.is_empty() {
            listing.empty
        } else {
            "No row matches the filter (Esc clears it)"
        };
        frame.render_widget(Line::styled(format!(" {empty}"), theme.dim), inner);
    }
    let (title, lines) = detail;
    let title = fit(&title, usize::from(detail_area.width.saturating_sub(4)));
    let block = widgets::pane(title, false, theme);
    let paragraph = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false });
    frame.render_widget(paragraph, detail_area);
}

/// `v` and the views, the current one in brackets.
fn views_line<'a>(views: &[&'static str], current: usize, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::styled(" v ", theme.search_prompt)];
    for (i, name) in views.iter().enumerate() {
        if i == current {
            spans.push(Span::styled(format!("[{name}]"), theme.pane_title));
        } else {
            spans.push(Span::styled(format!(" {name} "), theme.dim));
        }
    }
    spans.push(Span::raw(" "));
    Line::from(spans)
}

/// A cell of text from a file, cleaned for the terminal.
pub fn cell<'a>(text: &str) -> Line<'a> {
    Line::raw(sanitize_line(text))
}

/// A cell that needs attention (or not): marked with `!` in the warning style.
pub fn marked<'a>(text: &str, mark: bool, theme: &Theme) -> Line<'a> {
    if mark {
        Line::from(Span::styled(
            format!("{} !", sanitize_line(text)),
            theme.search_error,
        ))
    } else {
        cell(text)
    }
}

/// A label and a value on one detail line; an empty value shows as a dim dash.
pub fn field<'a>(label: &str, value: &str, theme: &Theme) -> Line<'a> {
    let value = if value.trim().is_empty() {
        Span::styled("—", theme.dim)
    } else {
        Span::styled(sanitize_line(value), theme.text)
    };
    Line::from(vec![Span::styled(format!("{label}: "), theme.label), value])
}

/// A line that needs attention.
pub fn warning<'a>(text: String, theme: &Theme) -> Line<'a> {
    Line::from(Span::styled(
        format!("! {}", sanitize_line(&text)),
        theme.search_error,
    ))
}

/// The style of a sub-clause's status, on the SoA's scale.
pub fn clause_status(status: ClauseStatus, theme: &Theme) -> Style {
    match status {
        ClauseStatus::NotStarted => theme.not_started,
        ClauseStatus::Planned => theme.planned,
        ClauseStatus::Partial => theme.partial,
        ClauseStatus::Met => theme.implemented,
    }
}

/// A date, or a dash.
pub fn day(date: Option<chrono::NaiveDate>) -> String {
    date.map_or_else(|| "—".to_string(), |d| d.to_string())
}
