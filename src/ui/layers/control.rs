//! The control screen over the pane body: the guidance (scrolled, search hits marked, the search
//! line in its bottom border), the SoA entry (compact when stacked; the form is drawn in its
//! place while editing, by `layers/mod.rs`), and the risks naming the control.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::detail::fit;
use crate::app::layers::control::{ControlScreen, Part};
use crate::app::layout;
use crate::domain::soa::Applicability;
use crate::domain::text::{sanitize, sanitize_line};
use crate::theme::Theme;
use crate::ui::widgets;

pub fn render(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    screen: &ControlScreen,
    editing: bool,
    theme: &Theme,
) {
    frame.render_widget(Clear, body);
    let areas = screen.areas(body, editing);
    let focus = |part| !editing && screen.part == part;
    if let Some(area) = areas.guidance {
        guidance(frame, area, screen, focus(Part::Guidance), theme);
    }
    if let Some(area) = areas.entry
        && !editing
    {
        entry(frame, area, app, screen, focus(Part::Entry), theme);
    }
    if let Some(area) = areas.risks {
        risks(frame, area, app, screen, focus(Part::Risks), theme);
    }
}

/// Where the form goes while the entry is edited.
pub fn form_area(body: Rect, screen: &ControlScreen) -> Rect {
    screen.areas(body, true).entry.unwrap_or(body)
}

fn guidance(frame: &mut Frame, area: Rect, screen: &ControlScreen, focused: bool, theme: &Theme) {
    let detail = &screen.detail;
    let rows = screen.rows;
    let mut title = format!(" {} · guidance ", screen.control);
    if detail.lines.len() > rows {
        let last = (screen.scroll + rows).min(detail.lines.len());
        title.push_str(&format!(
            "· {}–{last} of {} ",
            screen.scroll + 1,
            detail.lines.len()
        ));
    }
    let mut block = widgets::pane(title, focused, theme);
    let search = search_line(screen, theme);
    if !search.spans.is_empty() {
        block = block.title_bottom(search);
    }
    frame.render_widget(block, area);
    let text = inner_text(area);
    for (row, (index, line)) in detail
        .lines
        .iter()
        .enumerate()
        .skip(screen.scroll)
        .take(rows)
        .enumerate()
    {
        let spans: Vec<Span> = line
            .spans
            .iter()
            .map(|(role, text)| Span::styled(text.as_str(), widgets::role(*role, theme)))
            .collect();
        let y = text.y + row as u16;
        let buffer = frame.buffer_mut();
        buffer.set_line(text.x, y, &Line::from(spans), text.width);
        if screen.hits.binary_search(&index).is_ok() {
            widgets::mark(
                buffer,
                (text.x, y),
                &screen.line_text(index),
                &screen.query,
                theme.match_highlight,
            );
        }
    }
    if let Some(input) = &screen.search {
        let x = area.x + 4 + widgets::cursor_column(input) as u16;
        frame.set_cursor_position(Position::new(
            x.min(area.right().saturating_sub(2)),
            area.bottom().saturating_sub(1),
        ));
    }
}

/// The guidance text area: inside the border, a column of padding each side.
fn inner_text(area: Rect) -> Rect {
    let inner = layout::inset(area);
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

fn search_line<'a>(screen: &ControlScreen, theme: &Theme) -> Line<'a> {
    let typed = screen.search.as_ref().map(|input| input.text());
    if typed.is_none() && screen.query.is_empty() {
        return Line::default();
    }
    let text = typed.unwrap_or_else(|| screen.query.clone());
    let count = if screen.hits.is_empty() {
        " no match ".to_string()
    } else {
        format!(" {} lines ", screen.hits.len())
    };
    Line::from(vec![
        Span::styled(" / ", theme.search_prompt),
        Span::styled(sanitize_line(&text), theme.search_text),
        Span::styled(count, theme.dim),
    ])
}

fn entry(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    screen: &ControlScreen,
    focused: bool,
    theme: &Theme,
) {
    let block = widgets::pane(" SoA entry · e edits ".to_string(), focused, theme);
    frame.render_widget(block, area);
    let text = inner_text(area);
    let width = usize::from(text.width).max(8);
    let mut lines: Vec<Line> = Vec::new();
    match app.soa_entry(&screen.control) {
        None => lines.push(Line::styled("No SoA entry for this control", theme.dim)),
        Some(entry) => {
            let mut head = vec![Span::styled(
                entry.applicability.name(),
                widgets::applicability(entry.applicability, theme),
            )];
            if entry.applicability == Applicability::Applicable {
                head.push(Span::styled(" · ", theme.dim));
                head.push(Span::styled(
                    entry.status.label(),
                    widgets::status(entry.status, theme),
                ));
            }
            if !entry.owner.is_empty() {
                head.push(Span::styled(
                    format!(" · owner {}", sanitize_line(&entry.owner)),
                    theme.dim,
                ));
            }
            let reasons: Vec<&str> = app
                .workspace
                .reasons(&entry.control)
                .iter()
                .map(|r| r.label())
                .collect();
            if !reasons.is_empty() {
                head.push(Span::styled(
                    format!(" · because {}", reasons.join(", ")),
                    theme.dim,
                ));
            }
            lines.push(fit_line(head, width));
            if entry.justification.trim().is_empty() {
                lines.push(Line::styled(
                    "No justification yet: e writes it beside the guidance",
                    theme.dim,
                ));
            }
            let mut texts = vec![("", entry.justification.as_str())];
            texts.push(("Note: ", entry.note.as_str()));
            let evidence = entry.evidence.join("; ");
            texts.push(("Evidence: ", evidence.as_str()));
            for (label, value) in texts {
                if value.trim().is_empty() {
                    continue;
                }
                let text = format!("{label}{}", sanitize(value));
                for line in textwrap::wrap(&text, width) {
                    lines.push(Line::styled(line.into_owned(), theme.text));
                }
            }
            if let Some(day) = entry.reviewed {
                lines.push(Line::styled(format!("Reviewed {day}"), theme.dim));
            }
        }
    }
    let rows = usize::from(text.height);
    if lines.len() > rows && rows > 0 {
        lines.truncate(rows);
        lines[rows - 1] = Line::styled("… z shows the whole entry", theme.dim);
    }
    draw_lines(frame, text, lines);
}

fn fit_line(spans: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let mut used = 0;
    let mut out = Vec::new();
    for span in spans {
        let w = span.content.width();
        if used + w > width {
            let room = width.saturating_sub(used);
            if room > 1 {
                out.push(Span::styled(fit(&span.content, room), span.style));
            }
            break;
        }
        used += w;
        out.push(span);
    }
    Line::from(out)
}

fn draw_lines(frame: &mut Frame, area: Rect, lines: Vec<Line>) {
    let buffer = frame.buffer_mut();
    for (row, line) in lines.iter().take(usize::from(area.height)).enumerate() {
        buffer.set_line(area.x, area.y + row as u16, line, area.width);
    }
}

fn risks(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    screen: &ControlScreen,
    focused: bool,
    theme: &Theme,
) {
    let title = format!(" Risks naming {} · {} ", screen.control, screen.risks.len());
    frame.render_widget(widgets::pane(title, focused, theme), area);
    let text = inner_text(area);
    let width = usize::from(text.width).max(8);
    let method = &app.workspace.settings.risk_method;
    let mut lines: Vec<(Line, bool)> = Vec::new();
    if screen.risks.is_empty() {
        lines.push((Line::styled("No risk names this control", theme.dim), false));
    }
    for (i, id) in screen.risks.iter().enumerate() {
        let Some(risk) = app.workspace.risks.get(id) else {
            continue;
        };
        let score = risk.inherent_score();
        let level = method.level(score);
        let head = format!(
            "{:<6} {:<8} ",
            sanitize_line(&risk.id),
            format!("{} {score}", level.name())
        );
        let indent = " ".repeat(head.width());
        let options = textwrap::Options::new(width)
            .initial_indent(&head)
            .subsequent_indent(&indent);
        let selected = focused && i == screen.risk;
        for (n, line) in textwrap::wrap(&sanitize_line(&risk.title), options)
            .into_iter()
            .enumerate()
        {
            let line = line.into_owned();
            let spans = if n == 0 {
                let (id_part, rest) = line.split_at(head.len().min(line.len()));
                let (id_text, level_text) = id_part.split_at(7.min(id_part.len()));
                vec![
                    Span::styled(id_text.to_string(), theme.link),
                    Span::styled(level_text.to_string(), widgets::level(level, theme)),
                    Span::styled(rest.to_string(), theme.text),
                ]
            } else {
                vec![Span::styled(line, theme.text)]
            };
            lines.push((Line::from(spans), selected));
        }
    }
    let rows = usize::from(text.height);
    // Keep the selected risk in view.
    let first_selected = lines.iter().position(|(_, s)| *s).unwrap_or(0);
    let skip = (first_selected + 1).saturating_sub(rows);
    let buffer = frame.buffer_mut();
    for (row, (line, selected)) in lines.iter().skip(skip).take(rows).enumerate() {
        let y = text.y + row as u16;
        buffer.set_line(text.x, y, line, text.width);
        if *selected {
            buffer.set_style(Rect::new(text.x, y, text.width, 1), selection(theme));
        }
    }
}

fn selection(theme: &Theme) -> Style {
    theme.selection
}
