//! The SoA pane: one row per control that passes the filter, with its decision, status, owner and
//! the first line of its justification; the filter sits in the bottom border. Only the visible
//! rows are built.

use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Row, Table};

use crate::app::App;
use crate::app::detail::fit;
use crate::app::tabs::soa_bulk::SoaSort;
use crate::domain::soa::Applicability;
use crate::domain::text::sanitize_line;
use crate::theme::Theme;
use crate::ui::widgets;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let entries = &app.workspace.soa.entries;
    let pane = &app.soa_pane;
    let decided = entries
        .iter()
        .filter(|e| e.applicability != Applicability::Undecided)
        .count();
    let shown = if pane.rows.len() == entries.len() {
        String::new()
    } else {
        format!(" · {} shown", pane.rows.len())
    };
    let marked = if pane.marked.is_empty() {
        String::new()
    } else {
        format!(" · {} marked", pane.marked.len())
    };
    let order = if pane.sort == SoaSort::Natural && !pane.descending {
        String::new()
    } else {
        let arrow = if pane.descending { "↓" } else { "↑" };
        format!(" · by {} {arrow}", pane.sort.name())
    };
    // `c` on a risk: a breadcrumb says which risk's controls are shown.
    let title = match &pane.risk {
        Some((risk, _)) => format!(
            " SoA · controls of {} · Esc clears{shown}{marked}{order} ",
            sanitize_line(risk)
        ),
        None => format!(
            " Statement of Applicability · {decided} of {} decided{shown}{marked}{order} ",
            entries.len()
        ),
    };
    let rows_shown = app.table_rows();
    let marking = !pane.marked.is_empty();
    let cursor = app.soa_cursor;
    let widths = column_widths(area.width, marking);
    let title_width = widths[1];
    let rows = pane
        .rows
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(rows_shown)
        .map(|(row_index, &entry_index)| {
            let entry = &entries[entry_index];
            let control_title = app
                .catalogue
                .get(&entry.control)
                .map(|c| sanitize_line(c.title_for_width(usize::from(title_width))))
                .unwrap_or_else(|| "(not in the catalogue)".to_string());
            let status = if entry.applicability == Applicability::Applicable {
                Span::styled(entry.status.label(), widgets::status(entry.status, theme))
            } else {
                Span::raw("")
            };
            let first_line = entry.justification.lines().next().unwrap_or("");
            // A row kept after an edit although the filter no longer takes it is marked.
            let id = if app.soa_row_is_kept(entry_index) {
                format!("{}•", sanitize_line(&entry.control))
            } else {
                sanitize_line(&entry.control)
            };
            let mark = if pane.marked.contains(&entry.control) {
                Line::styled("✓", theme.tag)
            } else {
                Line::raw("")
            };
            let mut cells = vec![
                Line::raw(id),
                Line::raw(control_title),
                Line::from(Span::styled(
                    entry.applicability.name(),
                    widgets::applicability(entry.applicability, theme),
                )),
                Line::from(status),
                // Cut text ends in `…`, so a cut owner never reads as a whole one.
                Line::raw(fit(&sanitize_line(&entry.owner), usize::from(widths[4]))),
                Line::raw(fit(&sanitize_line(first_line), usize::from(widths[5]))),
            ];
            // The mark column is there only while rows are marked.
            if marking {
                cells.insert(0, mark);
            }
            let row = Row::new(cells);
            if row_index == cursor.selected {
                row.style(theme.selection)
            } else {
                row
            }
        });
    let mut header = vec![
        "Id",
        "Control",
        "Decision",
        "Status",
        "Owner",
        "Justification",
    ];
    if marking {
        header.insert(0, "");
    }
    let header = Row::new(header).style(theme.header);
    let mut widths: Vec<Constraint> = widths.iter().map(|&w| Constraint::Length(w)).collect();
    if marking {
        widths.insert(0, Constraint::Length(1));
    }
    let block = widgets::pane(title, true, theme).title_bottom(filter_line(app, area, theme));
    let table = Table::new(rows, widths).header(header).block(block);
    frame.render_widget(table, area);
    if let Some(search) = app.search_box() {
        let used = 3 + widgets::cursor_column(&search.input) as u16;
        let x = (area.x + used).min(area.right().saturating_sub(2));
        frame.set_cursor_position(Position::new(x, area.bottom().saturating_sub(1)));
    }
}

/// The filter as typed (or how to start one), and why it fails or that nothing matches.
fn filter_line<'a>(app: &App, area: Rect, theme: &Theme) -> Line<'a> {
    let pane = &app.soa_pane;
    let width = usize::from(area.width.saturating_sub(4));
    let searching = app.search_box().is_some();
    let mut spans = vec![Span::styled(" / ", theme.search_prompt)];
    if pane.query_text.is_empty() && !searching {
        spans.push(Span::styled(
            fit(
                "filter: undecided, status:planned, owner:NAME, backup ",
                width.saturating_sub(3),
            ),
            theme.dim,
        ));
        return Line::from(spans);
    }
    let text = fit(&sanitize_line(&pane.query_text), width.saturating_sub(4));
    let used = text.chars().count() + 3;
    spans.push(Span::styled(format!("{text} "), theme.search_text));
    if let Some(error) = &pane.error {
        spans.push(Span::styled(
            fit(&format!(" {error} "), width.saturating_sub(used + 1)),
            theme.search_error,
        ));
    } else if pane.rows.is_empty() {
        spans.push(Span::styled(" no match ", theme.search_error));
    }
    Line::from(spans)
}

/// The widths of id, control, decision, status, owner and justification in a table `width`
/// wide: ids and the decision never cut; the control title gets the room of a short title (24)
/// and more on wide screens; the justification takes what is left.
fn column_widths(width: u16, marking: bool) -> [u16; 6] {
    let columns = if marking { 7 } else { 6 };
    // Borders, the spaces between columns and the mark column.
    let fixed = 2 + (columns - 1) + u16::from(marking) + 5 + 10 + 11;
    let spare = width.saturating_sub(fixed);
    let owner = (spare / 6).clamp(6, 16);
    let control = (spare.saturating_sub(owner) / 2).clamp(24.min(spare / 2), 50);
    let justification = spare.saturating_sub(owner + control);
    [5, control, 10, 11, owner, justification]
}
