//! A heat map of the risk register: likelihood up, impact across (both axes labelled), the number of risks in each
//! cell, each cell styled by the level its score falls in, and the cell cursor when focused.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::tabs::dashboard::cell_risks;
use crate::theme::Theme;
use crate::ui::widgets;

/// Columns of one cell.
const CELL: usize = 5;

/// The width and height a map needs, border included.
pub fn size(app: &App) -> (u16, u16) {
    let method = &app.workspace.settings.risk_method;
    let columns = usize::from(method.max_impact());
    (
        (3 + columns * CELL + 2) as u16,
        u16::from(method.max_likelihood()) + 3,
    )
}

pub fn render(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    residual: bool,
    focused: bool,
    theme: &Theme,
) {
    let method = &app.workspace.settings.risk_method;
    let (max_l, max_i) = (method.max_likelihood(), method.max_impact());
    let mut lines = Vec::new();
    for l in (1..=max_l).rev() {
        let mut spans = vec![Span::styled(format!("{l:>2} "), theme.label)];
        for i in 1..=max_i {
            let count = cell_risks(&app.workspace, residual, (l, i)).len();
            let level = method.level(u32::from(l) * u32::from(i));
            let text = if count == 0 {
                format!("{:^CELL$}", "·")
            } else {
                format!("{count:^CELL$}")
            };
            let style = if focused && app.dashboard.cell == (l, i) {
                theme.selection
            } else if count == 0 {
                theme.dim
            } else {
                widgets::level(level, theme)
            };
            spans.push(Span::styled(text, style));
        }
        lines.push(Line::from(spans));
    }
    let mut axis = String::from("   ");
    for i in 1..=max_i {
        axis.push_str(&format!("{i:^CELL$}"));
    }
    lines.push(Line::styled(axis, theme.label));
    let rated = app
        .workspace
        .risks
        .risks
        .iter()
        .filter(|r| !residual || r.residual_score().is_some())
        .count();
    let title = if residual {
        format!(" Residual · {rated} ")
    } else {
        format!(" Inherent · {rated} ")
    };
    // The axes: likelihood up the rows, impact across the columns.
    let block = widgets::pane(title, focused, theme)
        .title(Line::styled(" likelihood ↑ ", theme.label).right_aligned())
        .title_bottom(Line::styled(" impact → ", theme.label).right_aligned());
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
