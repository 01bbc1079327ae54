//! The dashboard: where the SoA and the risk register stand, in counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::widgets;
use crate::app::App;
use crate::domain::soa::{Applicability, Status};
use crate::domain::workspace::Level;
use crate::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let workspace = &app.workspace;
    let entries = &workspace.soa.entries;
    let count = |a: Applicability| entries.iter().filter(|e| e.applicability == a).count();
    let mut lines = vec![
        Line::styled(
            format!("Statement of Applicability · {} controls", entries.len()),
            theme.header,
        ),
        Line::from(
            Applicability::ALL
                .into_iter()
                .flat_map(|a| {
                    [
                        Span::styled(format!("  {} ", a.name()), widgets::applicability(a, theme)),
                        Span::styled(count(a).to_string(), theme.label),
                    ]
                })
                .collect::<Vec<_>>(),
        ),
    ];
    let applicable: Vec<_> = entries
        .iter()
        .filter(|e| e.applicability == Applicability::Applicable)
        .collect();
    let mut by_status = vec![Span::raw("  applicable ones:")];
    for status in Status::ALL.into_iter().rev() {
        let n = applicable.iter().filter(|e| e.status == status).count();
        by_status.push(Span::styled(
            format!(" {} ", status.label()),
            widgets::status(status, theme),
        ));
        by_status.push(Span::styled(n.to_string(), theme.label));
    }
    lines.push(Line::from(by_status));
    let unjustified = entries
        .iter()
        .filter(|e| {
            e.applicability != Applicability::Undecided && e.justification.trim().is_empty()
        })
        .count();
    lines.push(Line::raw(format!(
        "  decided without a justification: {unjustified}"
    )));

    let risks = &workspace.risks.risks;
    let method = &workspace.settings.risk_method;
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("Risk register · {} risks", risks.len()),
        theme.header,
    ));
    let mut by_level = Vec::new();
    for level in [Level::Critical, Level::High, Level::Medium, Level::Low] {
        let n = risks
            .iter()
            .filter(|r| method.level(r.inherent_score()) == level)
            .count();
        by_level.push(Span::styled(
            format!("  {} ", level.name()),
            widgets::level(level, theme),
        ));
        by_level.push(Span::styled(n.to_string(), theme.label));
    }
    lines.push(Line::from(by_level));
    let untreated = risks
        .iter()
        .filter(|r| r.inherent_score() > method.acceptance_threshold && r.controls.is_empty())
        .count();
    lines.push(Line::raw(format!(
        "  above the acceptance threshold ({}) with no control: {untreated}",
        method.acceptance_threshold
    )));
    let open = risks
        .iter()
        .filter(|r| r.residual_score().is_none())
        .count();
    lines.push(Line::raw(format!(
        "  without a residual rating yet: {open}"
    )));
    let block = widgets::pane(" Dashboard ".to_string(), true, theme);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
