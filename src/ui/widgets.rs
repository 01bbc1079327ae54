//! Small drawing helpers shared by the panes: bordered blocks, styles for SoA and risk values,
//! centred popups.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Borders};

use unicode_width::UnicodeWidthStr;

use crate::app::detail::Role;
use crate::domain::soa::{Applicability, SoaEntry, Status};
use crate::domain::workspace::Level;
use crate::theme::Theme;

/// A pane's bordered block; the focused pane's border stands out.
pub fn pane<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Plain)
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(Span::styled(title, theme.pane_title))
}

pub fn applicability(a: Applicability, theme: &Theme) -> Style {
    match a {
        Applicability::Undecided => theme.undecided,
        Applicability::Applicable => theme.applicable,
        Applicability::Excluded => theme.excluded,
    }
}

pub fn status(s: Status, theme: &Theme) -> Style {
    match s {
        Status::NotStarted => theme.not_started,
        Status::Planned => theme.planned,
        Status::Partial => theme.partial,
        Status::Implemented => theme.implemented,
    }
}

pub fn level(l: Level, theme: &Theme) -> Style {
    match l {
        Level::Low => theme.level_low,
        Level::Medium => theme.level_medium,
        Level::High => theme.level_high,
        Level::Critical => theme.level_critical,
    }
}

/// The four-letter SoA state of the list: `done`, `part`, `plan`, `todo`, `excl`, or `·`.
pub fn soa_state(entry: Option<&SoaEntry>, theme: &Theme) -> Span<'static> {
    let Some(entry) = entry else {
        return Span::styled("·", theme.undecided);
    };
    match entry.applicability {
        Applicability::Undecided => Span::styled("·", theme.undecided),
        Applicability::Excluded => Span::styled("excl", theme.excluded),
        Applicability::Applicable => {
            let text = match entry.status {
                Status::NotStarted => "todo",
                Status::Planned => "plan",
                Status::Partial => "part",
                Status::Implemented => "done",
            };
            Span::styled(text, status(entry.status, theme))
        }
    }
}

pub fn role(role: Role, theme: &Theme) -> Style {
    match role {
        Role::Text => theme.text,
        Role::Dim => theme.dim,
        Role::Title => theme.heading,
        Role::Heading => theme.header,
        Role::Label => theme.label,
        Role::Tag => theme.tag,
        Role::Link => theme.link,
        Role::Applicability(a) => applicability(a, theme),
        Role::Status(s) => status(s, theme),
        Role::Level(l) => level(l, theme),
    }
}

/// A rectangle of at most `width` × `height`, centred in `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The screen column of a one-line input's cursor, counted from the start of its text.
pub fn cursor_column(input: &crate::app::widgets::text_input::TextInput) -> usize {
    let (_, column) = input.cursor();
    let text = input.text();
    let before: String = text.chars().take(column).collect();
    unicode_width::UnicodeWidthStr::width(before.as_str())
}

/// Marks each occurrence of `word` (lower case) in a line drawn at `at`, ignoring case.
pub fn mark(buffer: &mut Buffer, at: (u16, u16), line: &str, word: &str, style: Style) {
    let lower = line.to_lowercase();
    // Lower-casing changed byte lengths: mark nothing rather than the wrong columns.
    if lower.len() != line.len() || word.is_empty() {
        return;
    }
    let (x, y) = at;
    let mut from = 0;
    while let Some(found) = lower[from..].find(word) {
        let start = from + found;
        let column = line[..start].width() as u16;
        let width = line[start..start + word.len()].width() as u16;
        let rect = Rect::new(x.saturating_add(column), y, width, 1).intersection(buffer.area);
        buffer.set_style(rect, style);
        from = start + word.len();
    }
}
