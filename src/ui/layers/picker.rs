//! The control picker over the risk form: a search line, the hits with the picked ones ticked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::list::popup;
use crate::app::detail::fit;
use crate::app::layers::picker::{ControlPicker, PICKER_ROWS};
use crate::app::{App, Layer};
use crate::domain::text::sanitize_line;
use crate::theme::Theme;
use crate::ui::widgets::{self, centred};

pub fn render(frame: &mut Frame, body: Rect, app: &App, picker: &ControlPicker, theme: &Theme) {
    let picked = app
        .layers
        .iter()
        .rev()
        .find_map(|l| match l {
            Layer::Form(form) => Some(form.controls()),
            _ => None,
        })
        .unwrap_or_default();
    let area = centred(body, 100, PICKER_ROWS as u16 + 3);
    let width = usize::from(area.width.saturating_sub(2));
    let rows = usize::from(area.height.saturating_sub(3));
    let query = sanitize_line(&picker.query.text());
    let mut lines = vec![Line::from(vec![
        Span::styled("Search ", theme.search_prompt),
        Span::styled(fit(&query, width.saturating_sub(9)), theme.search_text),
        Span::styled("▏", theme.search_text),
    ])];
    if let Some(error) = &picker.error {
        lines.push(Line::styled(
            fit(&sanitize_line(error), width),
            theme.search_error,
        ));
    }
    let controls = app.catalogue.controls();
    let mut offset = picker.cursor.offset;
    if picker.cursor.selected >= offset + rows {
        offset = picker.cursor.selected + 1 - rows;
    }
    for (i, &position) in picker.results.iter().enumerate().skip(offset).take(rows) {
        let control = &controls[position];
        let mark = if picked.contains(&control.id) {
            "[x]"
        } else {
            "[ ]"
        };
        // Each control's SoA decision, so a risk is not linked to an excluded control unseen.
        let state = widgets::soa_state(app.soa_entry(&control.id), theme);
        let head = format!("{mark} {:<5} ", control.id);
        let title = fit(
            &sanitize_line(&control.title),
            width.saturating_sub(head.chars().count() + 6),
        );
        let selected = i == picker.cursor.selected;
        let mut line = Line::from(vec![
            Span::raw(head),
            Span::styled(format!("{:<5}", state.content), state.style),
            Span::raw(title),
        ]);
        if selected {
            line = line.style(theme.selection);
            for span in &mut line.spans {
                span.style = span.style.patch(theme.selection);
            }
        } else {
            line = line.style(theme.text);
        }
        lines.push(line);
    }
    lines.truncate(rows + 1);
    while lines.len() < rows + 1 {
        lines.push(Line::raw(""));
    }
    let title = format!(" Treating controls · {} picked ", picked.len());
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(popup(title, theme)), area);
}
