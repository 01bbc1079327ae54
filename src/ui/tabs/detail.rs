//! The detail of the selected control: pre-laid-out lines from `app.detail`, scrolled, with the
//! picked link marked when the detail has the focus and the search's words highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::layout::CatalogueAreas;
use crate::app::{App, Focus};
use crate::theme::Theme;
use crate::ui::widgets;

pub fn render(frame: &mut Frame, areas: &CatalogueAreas, app: &App, theme: &Theme) {
    let pane = &app.catalogue_pane;
    let detail = &app.detail;
    let focused = pane.focus == Focus::Detail && app.search_box().is_none();
    let rows = usize::from(areas.detail_text.height);
    let mut title = match detail.control {
        Some(position) => format!(" {} ", app.catalogue.controls()[position].id),
        None => " Detail ".to_string(),
    };
    if detail.lines.len() > rows {
        let last = (pane.scroll + rows).min(detail.lines.len());
        title.push_str(&format!(
            "· lines {}–{last} of {} ",
            pane.scroll + 1,
            detail.lines.len()
        ));
    }
    frame.render_widget(widgets::pane(title, focused, theme), areas.detail);
    if detail.control.is_none() {
        let line = Line::styled("No control matches the search.", theme.dim);
        let area = areas.detail_text;
        frame
            .buffer_mut()
            .set_line(area.x, area.y, &line, area.width);
        return;
    }
    let area = areas.detail_text;
    for (row, line) in detail.lines.iter().skip(pane.scroll).take(rows).enumerate() {
        let y = area.y + row as u16;
        let spans: Vec<Span> = line
            .spans
            .iter()
            .map(|(role, text)| Span::styled(text.as_str(), widgets::role(*role, theme)))
            .collect();
        let buffer = frame.buffer_mut();
        buffer.set_line(area.x, y, &Line::from(spans), area.width);
        // Where the search matched: its words, and the word it matched in the text.
        if !detail.marks.is_empty() {
            let text: String = line.spans.iter().map(|(_, text)| text.as_str()).collect();
            for word in &detail.marks {
                widgets::mark(buffer, (area.x, y), &text, word, theme.match_highlight);
            }
        }
        if focused && line.link == Some(pane.link) {
            let rect = Rect {
                y,
                height: 1,
                ..area
            };
            buffer.set_style(rect, theme.link_selected);
        }
    }
}
