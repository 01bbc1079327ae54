//! The small popups of the Risks pane and the dashboard: "delete this risk?", the control
//! picker of the risk form, and a list of controls or risks to go to.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::widgets::centred;
use crate::app::App;
use crate::app::detail::fit;
use crate::app::risk_picker::{ControlPicker, PICKER_ROWS};
use crate::app::risk_popup::{ListPopup, POPUP_ROWS};
use crate::domain::text::sanitize_line;
use crate::theme::Theme;

fn popup<'a>(title: String, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.popup_border)
        .title(Span::styled(title, theme.pane_title))
}

fn keys<'a>(pairs: &[(&'static str, &'static str)], theme: &Theme) -> Line<'a> {
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

pub fn confirm_delete(frame: &mut Frame, body: Rect, app: &App, id: &str, theme: &Theme) {
    let area = centred(body, 56, 6);
    let title = app.workspace.risks.get(id).map_or("", |r| r.title.as_str());
    let width = usize::from(area.width.saturating_sub(2));
    let text = vec![
        Line::styled(format!("Delete {}?", sanitize_line(id)), theme.text),
        Line::styled(fit(&sanitize_line(title), width), theme.dim),
        Line::raw(""),
        keys(&[("y", " delete   "), ("n/Esc", " keep it")], theme),
    ];
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(text).block(popup(" Delete risk ".into(), theme)),
        area,
    );
}

pub fn list(frame: &mut Frame, body: Rect, list: &ListPopup, theme: &Theme) {
    let rows = list.items.len().min(POPUP_ROWS) as u16;
    let area = centred(body, 70, rows + 3);
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines: Vec<Line> = list
        .items
        .iter()
        .enumerate()
        .skip(list.cursor.offset)
        .take(POPUP_ROWS)
        .map(|(i, (text, _))| {
            let style = if i == list.cursor.selected {
                theme.selection
            } else {
                theme.text
            };
            Line::styled(fit(text, width), style)
        })
        .collect();
    lines.push(keys(
        &[
            ("Enter", " go to   "),
            ("j/k", " move   "),
            ("Esc", " close"),
        ],
        theme,
    ));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(popup(list.title.clone(), theme)),
        area,
    );
}

pub fn picker(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    picker: &ControlPicker,
    picked: &[String],
    theme: &Theme,
) {
    let area = centred(body, 100, PICKER_ROWS as u16 + 4);
    let width = usize::from(area.width.saturating_sub(2));
    let rows = usize::from(area.height.saturating_sub(4));
    let mut lines = vec![Line::from(
        [Span::styled("Search ", theme.search_prompt)]
            .into_iter()
            .chain(super::risk_form::text(
                &picker.query,
                true,
                width.saturating_sub(8),
                theme,
            ))
            .collect::<Vec<_>>(),
    )];
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
        let text = format!("{mark} {:<5} {}", control.id, sanitize_line(&control.title));
        let style = if i == picker.cursor.selected {
            theme.selection
        } else {
            theme.text
        };
        lines.push(Line::styled(fit(&text, width), style));
    }
    lines.truncate(rows + 1);
    while lines.len() < rows + 1 {
        lines.push(Line::raw(""));
    }
    lines.push(keys(
        &[
            ("Enter", " add/remove   "),
            ("↑↓", " move   "),
            ("Esc", " done"),
        ],
        theme,
    ));
    let title = format!(" Treating controls · {} picked ", picked.len());
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(popup(title, theme)), area);
}
