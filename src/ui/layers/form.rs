//! The one form, drawn from its fields: a label column and the values, text fields drawn by
//! ratatui-textarea (only the focused one shows a cursor), choices and ratings with every option
//! and the chosen one marked, dates checked as they are typed. On a short terminal the fields
//! scroll so the focused one stays in view. The risk form adds the live levels on top.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::detail::fit;
use crate::app::layers::form::risk::rating_of;
use crate::app::layers::form::{Field, Form, Kind, Subject, Value};
use crate::app::widgets::text_input::TextInput;
use crate::domain::text::sanitize_line;
use crate::theme::Theme;
use crate::ui::widgets;

const LABEL: u16 = 16;

pub fn render(frame: &mut Frame, body: Rect, app: &App, form: &Form, theme: &Theme) {
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.popup_border)
        .title(Span::styled(heading(app, form, body), theme.pane_title));
    if matches!(form.subject, Subject::Settings)
        && let Some(hint) = crate::app::layers::form::settings::hint(form.focused().spec.name)
    {
        let room = usize::from(body.width.saturating_sub(4));
        block = block.title_bottom(Span::styled(
            format!(" {} ", fit(hint, room.saturating_sub(2))),
            theme.dim,
        ));
    }
    frame.render_widget(Clear, body);
    let mut inner = block.inner(body);
    frame.render_widget(block, body);
    if matches!(form.subject, Subject::Risk { .. }) && inner.height > 2 {
        let line = levels(app, form, theme);
        frame.render_widget(Paragraph::new(line), Rect { height: 1, ..inner });
        inner.y += 1;
        inner.height -= 1;
    }
    let heights = heights(form, inner.height);
    let (first, last) = window(&heights, form.focus, inner.height);
    let mut y = inner.y;
    for (i, field) in form.fields.iter().enumerate().take(last).skip(first) {
        let row = Rect {
            y,
            height: heights[i],
            ..inner
        };
        draw_field(frame, row, app, field, i == form.focus, theme);
        y += heights[i];
    }
}

fn heading(app: &App, form: &Form, body: Rect) -> String {
    let title = match &form.subject {
        Subject::Soa { .. } if !form.bulk.is_empty() => format!(
            "{} marked · what you change goes into all of them",
            crate::app::tabs::soa_bulk::range_label(&form.bulk)
        ),
        Subject::Soa { control } => app
            .catalogue
            .get(control)
            .map(|c| format!("{control} {}", sanitize_line(&c.title)))
            .unwrap_or_else(|| control.clone()),
        Subject::Risk { .. }
        | Subject::Settings
        | Subject::Clause { .. }
        | Subject::Finding { .. }
        | Subject::Record { .. } => sanitize_line(&form.title),
    };
    let state = if form.read_only {
        " [read-only]"
    } else if form.changed() {
        " [changed]"
    } else {
        ""
    };
    fit(
        &format!(" {title}{state} "),
        usize::from(body.width.saturating_sub(4)),
    )
}

/// Rows for each field: one for a line, what a text asks for, then the room left shared among
/// the texts; when that does not fit, every field gets one and the focused text the rest.
fn heights(form: &Form, room: u16) -> Vec<u16> {
    let asked = |f: &Field| match f.spec.kind {
        Kind::Text { rows } => rows,
        _ => 1,
    };
    let total: u16 = form.fields.iter().map(asked).sum();
    let texts = form
        .fields
        .iter()
        .filter(|f| matches!(f.spec.kind, Kind::Text { .. }))
        .count() as u16;
    if total > room || texts == 0 {
        // What one row each leaves goes to the focused text (the justification being written).
        let mut heights: Vec<u16> = form.fields.iter().map(|_| 1).collect();
        let ones = heights.len() as u16;
        if room > ones && matches!(form.focused().spec.kind, Kind::Text { .. }) {
            heights[form.focus] += room - ones;
        }
        return heights;
    }
    let spare = room - total;
    let share = spare / texts;
    // The first text (the justification, the description) also takes what does not divide.
    let mut remainder = spare - share * texts;
    form.fields
        .iter()
        .map(|f| match f.spec.kind {
            Kind::Text { rows } => rows + share + std::mem::take(&mut remainder),
            _ => 1,
        })
        .collect()
}

/// The fields shown: from `first` to before `last`, the focused one always among them.
fn window(heights: &[u16], focus: usize, room: u16) -> (usize, usize) {
    let mut first = 0;
    loop {
        let mut used = 0;
        let mut last = first;
        while last < heights.len() && used + heights[last] <= room {
            used += heights[last];
            last += 1;
        }
        if focus < last || first >= focus {
            return (first, last.max(first + 1).min(heights.len()));
        }
        first += 1;
    }
}

fn draw_field(
    frame: &mut Frame,
    row: Rect,
    app: &App,
    field: &Field,
    focused: bool,
    theme: &Theme,
) {
    let label_style = if focused {
        theme.selection
    } else {
        theme.label
    };
    let label = Rect {
        width: LABEL.min(row.width),
        height: 1,
        ..row
    };
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!("{:<w$}", field.spec.label, w = usize::from(LABEL - 1)),
            label_style,
        )),
        label,
    );
    let value = Rect {
        x: row.x + LABEL.min(row.width),
        width: row.width.saturating_sub(LABEL),
        ..row
    };
    let room = usize::from(value.width);
    let chosen = if focused {
        theme.selection
    } else {
        theme.label
    };
    match &field.value {
        Value::Text(input) if field.spec.kind == Kind::Date => {
            let width = 12.min(value.width);
            text(frame, Rect { width, ..value }, input, focused, theme);
            let after = Rect {
                x: value.x + width + 1,
                width: value.width.saturating_sub(width + 1),
                ..value
            };
            let note = match field.date(app.session.today) {
                Err(_) => Span::styled("✗ YYYY-MM-DD, today, +90d, +3m", theme.search_error),
                // The date a word or span stands for, so the user sees what will be written.
                Ok(Some(date)) if date.to_string() != field.text() => {
                    Span::styled(format!("✓ {date}"), theme.implemented)
                }
                Ok(Some(_)) => Span::styled("✓", theme.implemented),
                Ok(None) if focused => Span::styled("YYYY-MM-DD · today · +90d · +3m", theme.dim),
                Ok(None) => Span::raw(""),
            };
            frame.render_widget(Paragraph::new(Line::from(note)), after);
        }
        Value::Text(input) => text(frame, value, input, focused, theme),
        Value::Choice { options, index } => {
            let spans = options
                .iter()
                .enumerate()
                .flat_map(|(i, name)| {
                    let span = if i == *index {
                        Span::styled(format!("[{name}]"), chosen)
                    } else {
                        Span::styled(format!(" {name} "), theme.dim)
                    };
                    [span, Span::raw(" ")]
                })
                .collect::<Vec<_>>();
            frame.render_widget(Paragraph::new(Line::from(spans)), value);
        }
        Value::Rating {
            labels,
            value: rating,
        } => {
            let line = Line::from(scale(labels, *rating, chosen, room, theme));
            frame.render_widget(Paragraph::new(line), value);
        }
        Value::Flags { flags, at } => {
            let mut spans = Vec::new();
            for (i, flag) in flags.iter().enumerate() {
                let mark = if flag.on { "[x] " } else { "[ ] " };
                let style = if flag.fixed {
                    theme.dim
                } else if focused && i == *at {
                    theme.selection
                } else {
                    theme.text
                };
                spans.push(Span::styled(format!("{mark}{}", flag.label), style));
                spans.push(Span::raw("  "));
            }
            frame.render_widget(Paragraph::new(Line::from(spans)), value);
        }
        Value::Controls(ids) => {
            let text = if ids.is_empty() {
                "none".to_string()
            } else {
                ids.join(" ")
            };
            let style = if focused { theme.selection } else { theme.text };
            let line = Span::styled(fit(&sanitize_line(&text), room), style);
            frame.render_widget(Paragraph::new(Line::from(line)), value);
        }
    }
}

/// A text value: the editor with its cursor when focused, else the text (wrapped when the field
/// has several rows).
fn text(frame: &mut Frame, area: Rect, input: &TextInput, focused: bool, theme: &Theme) {
    if focused {
        let mut shown = input.area().clone();
        shown.set_style(theme.text);
        shown.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
        frame.render_widget(&shown, area);
        return;
    }
    let room = usize::from(area.width).max(1);
    if area.height > 1 {
        let text = crate::domain::text::sanitize(&input.text());
        let paragraph = Paragraph::new(text)
            .style(theme.text)
            .wrap(Wrap { trim: false });
        frame.render_widget(paragraph, area);
    } else {
        let line = sanitize_line(&input.text().replace('\n', " ↵ "));
        frame.render_widget(
            Paragraph::new(Span::styled(fit(&line, room), theme.text)),
            area,
        );
    }
}

/// A scale's points with labels; the chosen one marked. Only the chosen one when it is too wide.
fn scale<'a>(
    labels: &[String],
    value: Option<u8>,
    chosen: Style,
    room: usize,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let all: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| format!("{} {}", i + 1, sanitize_line(label)))
        .collect();
    let total: usize = all.iter().map(|t| t.width() + 2).sum();
    let mut spans = Vec::new();
    if value.is_none() {
        spans.push(Span::styled("— ", chosen));
    }
    if total + 2 > room {
        let shown = value
            .and_then(|v| all.get(usize::from(v).wrapping_sub(1)))
            .cloned()
            .unwrap_or_else(|| "not rated".to_string());
        spans.push(Span::styled(shown, chosen));
        spans.push(Span::styled(format!(" (1–{})", labels.len()), theme.dim));
        return spans;
    }
    for (i, text) in all.into_iter().enumerate() {
        if value == Some(i as u8 + 1) {
            spans.push(Span::styled(format!("[{text}]"), chosen));
        } else {
            spans.push(Span::styled(format!(" {text} "), theme.dim));
        }
    }
    spans
}

/// The inherent and residual level as the risk form stands.
fn levels<'a>(app: &App, form: &Form, theme: &Theme) -> Line<'a> {
    let method = &app.workspace.settings.risk_method;
    let score = |l: Option<u8>, i: Option<u8>| Some(u32::from(l?) * u32::from(i?));
    let mut spans = vec![Span::styled("Inherent ", theme.label)];
    let rated = |spans: &mut Vec<Span<'a>>, score: Option<u32>| match score {
        Some(score) => {
            let level = method.level(score);
            spans.push(Span::styled(
                format!("{} {score}", level.name()),
                widgets::level(level, theme),
            ));
        }
        None => spans.push(Span::styled("not rated", theme.dim)),
    };
    rated(
        &mut spans,
        score(rating_of(form, "likelihood"), rating_of(form, "impact")),
    );
    spans.push(Span::styled("   Residual ", theme.label));
    rated(
        &mut spans,
        score(
            rating_of(form, "residual_likelihood"),
            rating_of(form, "residual_impact"),
        ),
    );
    Line::from(spans)
}
