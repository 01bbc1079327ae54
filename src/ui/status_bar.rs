//! The status bar: a message when there is one, else the keys of the current mode (generated from
//! the keymap); on the right, where the workspace is, whether it has unsaved edits, read-only.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::app::detail::fit;
use crate::domain::text::sanitize_line;
use crate::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width);
    let location = fit_tail(&sanitize_line(&app.location), (width / 4).max(12));
    let mut right = vec![Span::styled(location, theme.status_bar)];
    if app.dirty {
        right.push(Span::styled(" [+]", theme.dirty));
    }
    if app.read_only.is_some() {
        right.push(Span::styled(" read-only", theme.read_only));
    }
    right.push(Span::raw(" "));
    let right_width: usize = right.iter().map(|s| s.width()).sum();
    let room = width.saturating_sub(right_width + 1);

    let mut left = vec![Span::raw(" ")];
    match &app.message {
        Some(message) => {
            let style = if message.warning {
                theme.status_warning
            } else {
                theme.status_message
            };
            left.push(Span::styled(
                fit(&sanitize_line(&message.text), room.saturating_sub(1)),
                style,
            ));
        }
        None => {
            let mut used = 1;
            for (keys, word) in hints(app) {
                let needed = keys.width() + word.width() + 3;
                if used + needed > room {
                    break;
                }
                left.push(Span::styled(keys, theme.status_key));
                left.push(Span::styled(format!(" {word}  "), theme.status_bar));
                used += needed;
            }
        }
    }
    let left_width: usize = left.iter().map(|s| s.width()).sum();
    let mut spans = left;
    spans.push(Span::styled(
        " ".repeat(width.saturating_sub(left_width + right_width)),
        theme.status_bar,
    ));
    if right_width <= width.saturating_sub(left_width) {
        spans.extend(right);
    }
    frame
        .buffer_mut()
        .set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// Keeps the end of a long text (the interesting part of a path), starting with `…`.
fn fit_tail(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// The hints of the contexts that take the next key: all of a layer's (a form field's own keys,
/// then the form's), but only the first of a tab's (its hints already name the global keys).
fn hints(app: &App) -> Vec<(String, &'static str)> {
    let contexts = app.contexts();
    let shown = if app.layers.is_empty() || app.too_small() {
        &contexts[..1]
    } else {
        contexts
    };
    let mut hints: Vec<(String, &'static str)> = Vec::new();
    for context in shown {
        for hint in app.keymap.hints(*context) {
            if !hints.iter().any(|(keys, _)| *keys == hint.0) {
                hints.push(hint);
            }
        }
    }
    hints
}
