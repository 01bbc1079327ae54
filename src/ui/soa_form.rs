//! The SoA entry form over the SoA pane: a label column and one row per field, the text fields
//! drawn by ratatui-textarea; the focused field's label stands out and only it shows a cursor.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui_textarea::TextArea;

use super::widgets;
use crate::app::App;
use crate::app::detail::fit;
use crate::app::soa_form::{Field, SoaForm};
use crate::domain::soa::Reason;
use crate::domain::text::sanitize_line;
use crate::theme::Theme;

const LABEL: u16 = 15;

pub fn render(frame: &mut Frame, body: Rect, app: &App, theme: &Theme) {
    let Some(form) = &app.form else {
        return;
    };
    let title = app
        .catalogue
        .get(&form.control)
        .map(|c| sanitize_line(&c.title))
        .unwrap_or_default();
    let changed = if app.read_only.is_some() {
        " [read-only]"
    } else if form.changed() {
        " [changed]"
    } else {
        ""
    };
    let heading = fit(
        &format!(" {} {title}{changed} ", form.control),
        usize::from(body.width.saturating_sub(4)),
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.popup_border)
        .title(Span::styled(heading, theme.pane_title));
    frame.render_widget(Clear, body);
    let inner = block.inner(body);
    frame.render_widget(block, body);

    let small = inner.height < 20;
    let box_rows = if small { 2 } else { 4 };
    let rows = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(2),
        Constraint::Length(1),
        Constraint::Length(box_rows),
        Constraint::Length(1),
        Constraint::Length(box_rows),
        Constraint::Length(1),
    ])
    .split(inner);

    let label = |frame: &mut Frame, row: Rect, text: &str, focused: bool| {
        let style = if focused {
            theme.selection
        } else {
            theme.label
        };
        let area = Rect {
            width: LABEL.min(row.width),
            ..row
        };
        frame.render_widget(
            Paragraph::new(Span::styled(format!("{text:<14}"), style)),
            area,
        );
    };
    let value_area = |row: Rect| Rect {
        x: row.x + LABEL.min(row.width),
        width: row.width.saturating_sub(LABEL),
        ..row
    };
    let focused = |field: Field| form.field == field;

    label(
        frame,
        rows[0],
        "Applicability",
        focused(Field::Applicability),
    );
    let choice = Span::styled(
        format!("‹ {} ›", form.applicability.name()),
        widgets::applicability(form.applicability, theme),
    );
    frame.render_widget(Paragraph::new(Line::from(choice)), value_area(rows[0]));

    let reason_focused = form.field.reason().is_some();
    label(frame, rows[1], "Reasons", reason_focused);
    frame.render_widget(
        Paragraph::new(reasons_line(form, theme)),
        value_area(rows[1]),
    );

    text_field(
        frame,
        rows[2],
        "Justification",
        &form.justification,
        focused(Field::Justification),
        theme,
        &label,
    );

    label(frame, rows[3], "Status", focused(Field::Status));
    let status = Span::styled(
        format!("‹ {} ›", form.status.label()),
        widgets::status(form.status, theme),
    );
    frame.render_widget(Paragraph::new(Line::from(status)), value_area(rows[3]));

    text_field(
        frame,
        rows[4],
        "Note",
        &form.note,
        focused(Field::Note),
        theme,
        &label,
    );
    text_field(
        frame,
        rows[5],
        "Owner",
        &form.owner,
        focused(Field::Owner),
        theme,
        &label,
    );
    text_field(
        frame,
        rows[6],
        "Evidence",
        &form.evidence,
        focused(Field::Evidence),
        theme,
        &label,
    );

    let reviewed_row = rows[7];
    let date_width = 12.min(reviewed_row.width.saturating_sub(LABEL));
    let date_row = Rect {
        width: LABEL + date_width,
        ..reviewed_row
    };
    text_field(
        frame,
        date_row,
        "Reviewed",
        &form.reviewed,
        focused(Field::Reviewed),
        theme,
        &label,
    );
    let after = Rect {
        x: date_row.right() + 1,
        width: reviewed_row.right().saturating_sub(date_row.right() + 1),
        ..reviewed_row
    };
    let note = match form.date_error() {
        Some(error) => Span::styled(fit(&error, usize::from(after.width)), theme.search_error),
        None if focused(Field::Reviewed) => Span::styled("YYYY-MM-DD · t today", theme.dim),
        None => Span::raw(""),
    };
    frame.render_widget(Paragraph::new(Line::from(note)), after);
}

fn reasons_line<'a>(form: &SoaForm, theme: &Theme) -> Line<'a> {
    let mut spans = Vec::new();
    for field in [Field::LegalRegulatory, Field::Contractual, Field::Business] {
        let reason = field.reason().expect("reason fields");
        let mark = if form.reasons.contains(&reason) {
            "[x] "
        } else {
            "[ ] "
        };
        let style = if form.field == field {
            theme.selection
        } else {
            theme.text
        };
        let name = match reason {
            Reason::Business => "business",
            other => other.label(),
        };
        spans.push(Span::styled(format!("{mark}{name}"), style));
        spans.push(Span::raw("  "));
    }
    let risk = if form.risk_treatment {
        "[x] risks"
    } else {
        "[ ] risks"
    };
    spans.push(Span::styled(risk, theme.dim));
    Line::from(spans)
}

fn text_field(
    frame: &mut Frame,
    row: Rect,
    name: &str,
    area: &TextArea<'static>,
    focused: bool,
    theme: &Theme,
    label: &dyn Fn(&mut Frame, Rect, &str, bool),
) {
    label(frame, Rect { height: 1, ..row }, name, focused);
    let mut shown = area.clone();
    shown.set_style(theme.text);
    shown.set_cursor_style(if focused {
        Style::default().add_modifier(Modifier::REVERSED)
    } else {
        theme.text
    });
    let value = Rect {
        x: row.x + LABEL.min(row.width),
        width: row.width.saturating_sub(LABEL),
        ..row
    };
    frame.render_widget(&shown, value);
}
