//! The risk form popup: one line per field (label, then the value), scales and choices shown with
//! every option and the chosen one marked, dates checked as they are typed, and the live level.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::widgets::{self, centred};
use crate::app::risk_form::{Field, RiskForm};
use crate::app::risk_line_edit::LineEdit;
use crate::app::{App, detail::fit};
use crate::domain::risk::{RiskStatus, Treatment};
use crate::domain::text::sanitize_line;
use crate::domain::workspace::{RiskMethod, ScalePoint};
use crate::theme::Theme;

const LABEL_WIDTH: usize = 16;

pub fn render(frame: &mut Frame, body: Rect, app: &App, form: &RiskForm, theme: &Theme) {
    let area = centred(body, 100, Field::ALL.len() as u16 + 4);
    let method = &app.workspace.settings.risk_method;
    let title = match (&form.id, app.read_only.is_some()) {
        (Some(id), true) => format!(" {} [read-only] ", sanitize_line(id)),
        (Some(id), false) => format!(" Edit {} ", sanitize_line(id)),
        (None, _) => " New risk ".to_string(),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.popup_border)
        .title(Span::styled(title, theme.pane_title));
    let width = usize::from(area.width.saturating_sub(2));
    let room = width.saturating_sub(LABEL_WIDTH);
    let mut lines = vec![levels(form, method, theme)];
    // On a short terminal the fields scroll so the focused one stays in view.
    let room_rows = usize::from(area.height.saturating_sub(4)).max(1);
    let at = Field::ALL
        .iter()
        .position(|f| *f == form.focus)
        .unwrap_or(0);
    let first = (at + 1).saturating_sub(room_rows);
    for field in Field::ALL.into_iter().skip(first).take(room_rows) {
        let focused = field == form.focus;
        let label_style = if focused {
            theme.selection
        } else {
            theme.label
        };
        let mut spans = vec![Span::styled(
            format!("{:<w$}", field.label(), w = LABEL_WIDTH - 1),
            label_style,
        )];
        spans.push(Span::raw(" "));
        spans.extend(value(form, field, focused, method, room, theme));
        lines.push(Line::from(spans));
    }
    lines.push(footer(form, theme));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The inherent and residual level as the form stands.
fn levels<'a>(form: &RiskForm, method: &RiskMethod, theme: &Theme) -> Line<'a> {
    let score = u32::from(form.likelihood) * u32::from(form.impact);
    let level = method.level(score);
    let mut spans = vec![
        Span::styled("Inherent ", theme.label),
        Span::styled(
            format!("{} {score}", level.name()),
            widgets::level(level, theme),
        ),
        Span::styled("   Residual ", theme.label),
    ];
    match (form.residual_likelihood, form.residual_impact) {
        (Some(l), Some(i)) => {
            let score = u32::from(l) * u32::from(i);
            let level = method.level(score);
            spans.push(Span::styled(
                format!("{} {score}", level.name()),
                widgets::level(level, theme),
            ));
        }
        _ => spans.push(Span::styled("not rated", theme.dim)),
    }
    Line::from(spans)
}

fn footer<'a>(form: &RiskForm, theme: &Theme) -> Line<'a> {
    let pairs: &[(&str, &str)] = if form.confirm_discard {
        &[
            ("Discard the changes? ", ""),
            ("y", " discard  "),
            ("n", " keep editing"),
        ]
    } else {
        &[
            ("Tab/↓", " next  "),
            ("←→ 1-5", " pick  "),
            ("Enter", " on Controls: search  "),
            ("Ctrl-S", " apply  "),
            ("Esc", " cancel"),
        ]
    };
    Line::from(
        pairs
            .iter()
            .flat_map(|(k, w)| {
                [
                    Span::styled(*k, theme.status_key),
                    Span::styled(*w, theme.dim),
                ]
            })
            .collect::<Vec<_>>(),
    )
}

fn value<'a>(
    form: &RiskForm,
    field: Field,
    focused: bool,
    method: &RiskMethod,
    room: usize,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let chosen = if focused {
        theme.selection
    } else {
        theme.label
    };
    match field {
        Field::Likelihood => scale(
            &method.likelihood,
            Some(form.likelihood),
            chosen,
            room,
            theme,
        ),
        Field::Impact => scale(&method.impact, Some(form.impact), chosen, room, theme),
        Field::ResidualLikelihood => scale(
            &method.likelihood,
            form.residual_likelihood,
            chosen,
            room,
            theme,
        ),
        Field::ResidualImpact => scale(&method.impact, form.residual_impact, chosen, room, theme),
        Field::Treatment => choices(
            &Treatment::ALL.map(|t| t.name()),
            form.treatment.name(),
            chosen,
            theme,
        ),
        Field::Status => choices(
            &RiskStatus::ALL.map(|s| s.name()),
            form.status.name(),
            chosen,
            theme,
        ),
        Field::Controls => {
            let text = if form.controls.is_empty() {
                "none".to_string()
            } else {
                form.controls.join(" ")
            };
            let style = if focused { theme.selection } else { theme.text };
            let mut spans = vec![Span::styled(
                fit(&sanitize_line(&text), room.saturating_sub(18)),
                style,
            )];
            if focused {
                spans.push(Span::styled("  Enter: pick", theme.dim));
            }
            spans
        }
        _ => {
            let edit = form.text(field).cloned().unwrap_or_default();
            let mut spans = text(&edit, focused, room.saturating_sub(14), theme);
            if field.is_date() && !edit.is_empty() {
                spans.push(match form.date(field) {
                    Ok(_) => Span::styled(" ✓", theme.implemented),
                    Err(_) => Span::styled(" ✗ YYYY-MM-DD", theme.search_error),
                });
            } else if field.is_date() && focused {
                spans.push(Span::styled(" t: today", theme.dim));
            }
            spans
        }
    }
}

/// A scale's points with labels; the chosen one marked. Only the chosen one when it is too wide.
fn scale<'a>(
    points: &[ScalePoint],
    value: Option<u8>,
    chosen: Style,
    room: usize,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let all: Vec<String> = points
        .iter()
        .map(|p| format!("{} {}", p.value, sanitize_line(&p.label)))
        .collect();
    let total: usize = all.iter().map(|t| t.width() + 2).sum();
    let mut spans = Vec::new();
    if value.is_none() {
        spans.push(Span::styled("— ", chosen));
    }
    if total + 2 > room {
        let shown = points
            .iter()
            .zip(&all)
            .find(|(p, _)| Some(p.value) == value)
            .map_or("not rated".to_string(), |(_, t)| t.clone());
        spans.push(Span::styled(shown, chosen));
        spans.push(Span::styled(format!(" (1–{})", points.len()), theme.dim));
        return spans;
    }
    for (point, text) in points.iter().zip(all) {
        if Some(point.value) == value {
            spans.push(Span::styled(format!("[{text}]"), chosen));
        } else {
            spans.push(Span::styled(format!(" {text} "), theme.dim));
        }
    }
    spans
}

fn choices<'a>(names: &[&str], current: &str, chosen: Style, theme: &Theme) -> Vec<Span<'a>> {
    names
        .iter()
        .flat_map(|name| {
            let span = if *name == current {
                Span::styled(format!("[{name}]"), chosen)
            } else {
                Span::styled(format!(" {name} "), theme.dim)
            };
            [span, Span::raw(" ")]
        })
        .collect()
}

/// A text value cut to `room` columns around the cursor, the cursor shown reversed when focused.
pub fn text<'a>(edit: &LineEdit, focused: bool, room: usize, theme: &Theme) -> Vec<Span<'a>> {
    let shown: Vec<char> = edit
        .text()
        .chars()
        .map(|c| {
            if c == '\n' {
                '↵'
            } else if c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    if !focused {
        let text: String = shown.iter().collect();
        return vec![Span::styled(fit(&text, room.max(1)), theme.text)];
    }
    let cursor = edit.cursor().min(shown.len());
    // Start far enough right that the cursor is on screen.
    let mut start = 0;
    let width = |chars: &[char]| chars.iter().collect::<String>().width();
    while start < cursor && width(&shown[start..cursor]) + 1 > room.max(2) {
        start += 1;
    }
    let before: String = shown[start..cursor].iter().collect();
    let at = shown.get(cursor).map_or(" ".to_string(), |c| c.to_string());
    let after: String = shown
        .get(cursor + 1..)
        .map(|s| s.iter().collect())
        .unwrap_or_default();
    let after = fit(&after, room.saturating_sub(before.width() + at.width()));
    vec![
        Span::styled(before, theme.search_text),
        Span::styled(at, theme.selection),
        Span::styled(after, theme.search_text),
    ]
}
