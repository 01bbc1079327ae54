//! The catalogue list: the search line, a column header, and one row per control shown (id,
//! title with the query's matched characters highlighted, theme, this workspace's SoA state).
//! Only the visible rows are built, so a 10 000-control catalogue draws as fast as 93.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::detail::fit;
use crate::app::layout::CatalogueAreas;
use crate::app::{App, Focus};
use crate::domain::attributes::Theme as ControlTheme;
use crate::domain::search::{Query, highlight};
use crate::domain::text::sanitize_line;
use crate::theme::Theme;
use crate::ui::widgets;

const ID_WIDTH: usize = 6;
const TAIL_WIDTH: usize = 9;

pub fn render(frame: &mut Frame, areas: &CatalogueAreas, app: &App, theme: &Theme) {
    let pane = &app.catalogue_pane;
    let total = app.catalogue.len();
    let title = if let Some(csf) = &pane.csf {
        super::catalogue_csf::title(csf, pane.results.len())
    } else if pane.has_filter() {
        format!(" Catalogue · {} of {total} ", pane.results.len())
    } else {
        format!(" Catalogue · {total} ")
    };
    let focused = pane.focus == Focus::List || app.search_box().is_some();
    let mut block = widgets::pane(title, focused, theme);
    if let Some(csf) = &pane.csf {
        // Which letter is which source, on the bottom border.
        let legend = fit(
            &super::catalogue_csf::legend(csf),
            usize::from(areas.list.width.saturating_sub(4)),
        );
        block = block.title_bottom(Span::styled(format!(" {legend} "), theme.pane_title));
    }
    frame.render_widget(block, areas.list);
    search_line(frame, areas.search, app, theme);

    let width = usize::from(areas.rows.width);
    let title_width = width.saturating_sub(ID_WIDTH + TAIL_WIDTH);
    let header = Line::from(vec![
        Span::raw(format!("{:<ID_WIDTH$}", "Id")),
        Span::raw(format!("{:<title_width$}", "Title")),
        Span::raw(if pane.csf.is_some() {
            " Src SoA "
        } else {
            " Thm SoA "
        }),
    ])
    .style(theme.header);
    frame
        .buffer_mut()
        .set_line(areas.header.x, areas.header.y, &header, areas.header.width);

    let words = pane.query.words().next().is_some();
    let visible = pane.results.iter().enumerate().skip(pane.cursor.offset);
    for (row, (index, &position)) in visible.take(usize::from(areas.rows.height)).enumerate() {
        let control = &app.catalogue.controls()[position];
        let selected = index == pane.cursor.selected;
        let row_style = match (selected, focused) {
            (true, true) => theme.selection,
            (true, false) => theme.selection_unfocused,
            (false, _) => theme.text,
        };
        let match_style = if selected {
            Style::default().add_modifier(theme.match_highlight.add_modifier)
        } else {
            theme.match_highlight
        };
        let query = words.then_some(&pane.query);
        let mut spans = marked(&sanitize_line(&control.id), ID_WIDTH, query, match_style);
        // The short title when the full one does not fit, so no two rows read the same.
        spans.extend(marked(
            &sanitize_line(control.title_for_width(title_width)),
            title_width,
            query,
            match_style,
        ));
        let column = match &pane.csf {
            Some(csf) => super::catalogue_csf::sources_column(csf, index),
            None => theme_code(control.theme).to_string(),
        };
        spans.push(Span::styled(format!(" {column} "), theme.dim));
        let state = widgets::soa_state(app.soa_entry(&control.id), theme);
        spans.push(Span::styled(format!("{:<4}", state.content), state.style));
        let y = areas.rows.y + row as u16;
        let rect = Rect {
            y,
            height: 1,
            ..areas.rows
        };
        let buffer = frame.buffer_mut();
        buffer.set_style(rect, row_style);
        let line = Line::from(spans);
        buffer.set_line(rect.x, y, &line, rect.width);
        if selected {
            // The selection's colours win over the columns' own, keeping the highlight's bold and underline.
            buffer.set_style(rect, row_style);
        }
    }
}

/// Text cut or padded to `width` columns, with matched characters in `match_style`.
fn marked(
    text: &str,
    width: usize,
    query: Option<&Query>,
    match_style: Style,
) -> Vec<Span<'static>> {
    let shown = format!("{:<width$}", fit(text, width.saturating_sub(1)));
    let Some(query) = query else {
        return vec![Span::raw(shown)];
    };
    let hits = highlight(text, query);
    if hits.is_empty() {
        return vec![Span::raw(shown)];
    }
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    for (i, c) in shown.chars().enumerate() {
        let is_marked = hits.binary_search(&i).is_ok() && i < text.chars().count();
        if is_marked != run_marked && !run.is_empty() {
            spans.push(styled(std::mem::take(&mut run), run_marked, match_style));
        }
        run_marked = is_marked;
        run.push(c);
    }
    spans.push(styled(run, run_marked, match_style));
    spans
}

fn styled(text: String, marked: bool, style: Style) -> Span<'static> {
    if marked {
        Span::styled(text, style)
    } else {
        Span::raw(text)
    }
}

fn theme_code(theme: ControlTheme) -> &'static str {
    match theme {
        ControlTheme::Organizational => "Org",
        ControlTheme::People => "Ppl",
        ControlTheme::Physical => "Phy",
        ControlTheme::Technological => "Tec",
    }
}

fn search_line(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let pane = &app.catalogue_pane;
    let search = app.search_box();
    let searching = search.is_some();
    let width = usize::from(area.width);
    let mut spans = vec![Span::styled("/ ", theme.search_prompt)];
    if pane.query_text.is_empty() && !searching {
        spans.push(Span::styled(
            fit(
                "search: 8.9, backup, #detective, theme:people",
                width.saturating_sub(2),
            ),
            theme.dim,
        ));
    } else {
        let query = fit(&sanitize_line(&pane.query_text), width.saturating_sub(3));
        let used = query.chars().count() + 2;
        spans.push(Span::styled(query, theme.search_text));
        if let Some(search) = search {
            let x = area.x + 2 + widgets::cursor_column(&search.input) as u16;
            frame.set_cursor_position(Position::new(x.min(area.right().saturating_sub(1)), area.y));
        }
        if let Some(error) = &pane.error {
            spans.push(Span::styled(
                fit(&format!("  {error}"), width.saturating_sub(used + 1)),
                theme.search_error,
            ));
        } else if let Some(note) = pane
            .csf
            .as_ref()
            .and_then(super::catalogue_csf::clauses_note)
        {
            spans.push(Span::styled(
                fit(&format!("  {note}"), width.saturating_sub(used + 1)),
                theme.dim,
            ));
        } else if pane.results.is_empty() {
            spans.push(Span::styled("  no match", theme.search_error));
        }
    }
    frame
        .buffer_mut()
        .set_line(area.x, area.y, &Line::from(spans), area.width);
}
