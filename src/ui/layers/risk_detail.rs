//! The risk detail over the pane body: every field of one risk, wrapped, then its controls with
//! each one's SoA decision; the picked control is marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use crate::app::layers::RiskDetail;
use crate::theme::Theme;
use crate::ui::widgets;

pub fn render(frame: &mut Frame, body: Rect, detail: &RiskDetail, theme: &Theme) {
    frame.render_widget(Clear, body);
    let mut title = format!(" {} · risk detail ", detail.id);
    if detail.lines.len() > detail.rows {
        let last = (detail.scroll + detail.rows).min(detail.lines.len());
        title.push_str(&format!(
            "· {}–{last} of {} ",
            detail.scroll + 1,
            detail.lines.len()
        ));
    }
    frame.render_widget(widgets::pane(title, true, theme), body);
    let area = RiskDetail::text_area(body);
    let picked = detail.control_lines.get(detail.picked).copied();
    for (row, (index, line)) in detail
        .lines
        .iter()
        .enumerate()
        .skip(detail.scroll)
        .take(usize::from(area.height))
        .enumerate()
    {
        let y = area.y + row as u16;
        let spans: Vec<Span> = line
            .spans
            .iter()
            .map(|(role, text)| Span::styled(text.as_str(), widgets::role(*role, theme)))
            .collect();
        let buffer = frame.buffer_mut();
        buffer.set_line(area.x, y, &Line::from(spans), area.width);
        if picked == Some(index) {
            buffer.set_style(Rect::new(area.x, y, area.width, 1), theme.selection);
        }
    }
}
