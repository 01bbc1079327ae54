//! The dashboard: SoA progress per theme (decided, applicable, implemented, with bars), the
//! inherent and residual heat maps with a summary of levels beside them, and the findings of
//! `isms check`. Stacked so it fits 80×24; the findings get the rest of the height.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table};

use super::heat_map;
use crate::app::App;
use crate::app::detail::fit;
use crate::app::tabs::dashboard::{FindingRow, Panel, group_text};
use crate::domain::attributes::Theme as ControlTheme;
use crate::domain::check::Severity;
use crate::domain::soa::{Applicability, Status};
use crate::domain::text::sanitize_line;
use crate::domain::workspace::Level;
use crate::theme::Theme;
use crate::ui::widgets;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if app.dashboard.csf.shown {
        return super::csf_view::render(frame, area, app, theme);
    }
    let themes = ControlTheme::ALL.len() as u16;
    let soa = Rect {
        height: (themes + 4).min(area.height),
        ..area
    };
    let (map_width, map_height) = heat_map::size(app);
    let maps_y = soa.bottom();
    // On a short screen the findings, when they have the focus, take the heat maps' place
    // rather than get no rows at all.
    const FINDINGS_MIN: u16 = 5;
    let short = area.height < soa.height + map_height + FINDINGS_MIN;
    let findings_first = short && app.dashboard.panel == Panel::Findings;
    let maps_height = if findings_first {
        0
    } else {
        map_height.min(area.bottom().saturating_sub(maps_y))
    };
    let inherent = Rect::new(area.x, maps_y, map_width.min(area.width), maps_height);
    let residual = Rect::new(
        inherent.right(),
        maps_y,
        map_width.min(area.width.saturating_sub(inherent.width)),
        maps_height,
    );
    let summary = Rect::new(
        residual.right(),
        maps_y,
        area.width.saturating_sub(residual.right() - area.x),
        maps_height,
    );
    let findings_y = maps_y + maps_height;
    let findings = Rect::new(
        area.x,
        findings_y,
        area.width,
        area.bottom().saturating_sub(findings_y),
    );

    soa_progress(frame, soa, app, theme);
    let panel = app.dashboard.panel;
    if maps_height > 0 {
        heat_map::render(frame, inherent, app, false, panel == Panel::Inherent, theme);
        heat_map::render(frame, residual, app, true, panel == Panel::Residual, theme);
        level_summary(frame, summary, app, theme);
    }
    findings_list(frame, findings, app, theme);
}

fn bar(part: usize, whole: usize, width: usize) -> String {
    let filled = (part * width + whole / 2).checked_div(whole).unwrap_or(0);
    format!(
        "{}{}",
        "█".repeat(filled.min(width)),
        "░".repeat(width - filled.min(width))
    )
}

fn soa_progress(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let bar_width = if area.width >= 110 { 24 } else { 10 };
    let mut totals = [0usize; 4];
    let mut rows: Vec<Row> = ControlTheme::ALL
        .iter()
        .map(|control_theme| {
            let entries: Vec<_> = app
                .catalogue
                .controls()
                .iter()
                .filter(|c| c.theme == *control_theme)
                .filter_map(|c| app.soa_entry(&c.id))
                .collect();
            let count = |f: &dyn Fn(&&crate::domain::soa::SoaEntry) -> bool| {
                entries.iter().filter(|e| f(e)).count()
            };
            let all = entries.len();
            let decided = count(&|e| e.applicability != Applicability::Undecided);
            let applicable = count(&|e| e.applicability == Applicability::Applicable);
            let done = count(&|e| {
                e.applicability == Applicability::Applicable && e.status == Status::Implemented
            });
            for (t, n) in totals.iter_mut().zip([all, decided, applicable, done]) {
                *t += n;
            }
            progress_row(
                control_theme.name(),
                [all, decided, applicable, done],
                bar_width,
                theme,
            )
        })
        .collect();
    rows.push(progress_row("All", totals, bar_width, theme).style(theme.label));
    let header =
        Row::new(["Theme", "Decided", "", "Applicable", "Implemented", ""]).style(theme.header);
    let bw = bar_width as u16;
    let widths = [
        Constraint::Length(14),
        Constraint::Length(7),
        Constraint::Length(bw),
        Constraint::Length(10),
        Constraint::Length(11),
        Constraint::Length(bw),
    ];
    let mut title = format!(" SoA progress · {} controls ", totals[0]);
    if let (Some((tag, _)), Some(changed)) = (
        &app.dashboard.approved,
        app.dashboard.changed_since_approval,
    ) {
        title.push_str(&format!(
            "· {changed} changed since {} ",
            sanitize_line(tag)
        ));
    }
    let table = Table::new(rows, widths)
        .header(header)
        .block(widgets::pane(title, false, theme));
    frame.render_widget(table, area);
}

fn progress_row<'a>(
    name: &str,
    [all, decided, applicable, done]: [usize; 4],
    bar_width: usize,
    theme: &Theme,
) -> Row<'a> {
    Row::new(vec![
        Line::raw(name.to_string()),
        Line::raw(format!("{decided:>3}/{all:<3}")),
        Line::styled(bar(decided, all, bar_width), theme.applicable),
        Line::raw(format!("{applicable:>6}")),
        Line::raw(format!("{done:>6}/{applicable:<4}")),
        Line::styled(bar(done, applicable, bar_width), theme.implemented),
    ])
}

fn level_summary(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if area.width < 12 {
        return;
    }
    let risks = &app.workspace.risks.risks;
    let method = &app.workspace.settings.risk_method;
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{:<8}", "level"), theme.header),
        Span::styled(" inh res", theme.header),
    ])];
    for level in [Level::Critical, Level::High, Level::Medium, Level::Low] {
        let inherent = risks
            .iter()
            .filter(|r| method.level(r.inherent_score()) == level)
            .count();
        let residual = risks
            .iter()
            .filter(|r| r.residual_score().map(|s| method.level(s)) == Some(level))
            .count();
        lines.push(Line::from(vec![
            Span::styled(format!("{:<8}", level.name()), widgets::level(level, theme)),
            Span::raw(format!(" {inherent:>3} {residual:>3}")),
        ]));
    }
    let unrated = risks
        .iter()
        .filter(|r| r.residual_score().is_none())
        .count();
    lines.push(Line::styled(
        format!("{:<8} {:>3} {unrated:>3}", "unrated", ""),
        theme.dim,
    ));
    let block = widgets::pane(format!(" Risks · {} ", risks.len()), false, theme);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn findings_list(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let dash = &app.dashboard;
    let errors = dash
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let filter = dash.filter_text();
    let title = if filter.is_empty() {
        format!(
            " Findings · {errors} errors · {} warnings · Enter opens or goes to the fix ",
            dash.findings.len() - errors
        )
    } else {
        let shown = dash.findings.iter().filter(|f| dash.shows(f)).count();
        format!(
            " Findings · {filter} · {shown} of {} · s/c change ",
            dash.findings.len()
        )
    };
    let focused = dash.panel == Panel::Findings;
    let rows = usize::from(area.height.saturating_sub(2));
    let width = usize::from(area.width.saturating_sub(2));
    let cursor = dash.findings_cursor;
    let mut offset = cursor.offset.min(cursor.selected);
    if rows > 0 && cursor.selected >= offset + rows {
        offset = cursor.selected + 1 - rows;
    }
    let all = app.dashboard_rows();
    let mut lines: Vec<Line> = all
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, row)| {
            let (severity, subject, message, indent) = match *row {
                FindingRow::Group { code, count, first } => {
                    let open = dash.expanded.contains(&code);
                    let mark = if open { "▾ " } else { "▸ " };
                    let text = format!("{mark}{}", group_text(code, count));
                    (dash.findings[first].severity, String::new(), text, "")
                }
                FindingRow::Item { index, grouped } => {
                    let finding = &dash.findings[index];
                    let subject = format!("{:<7}", sanitize_line(&finding.subject));
                    let indent = if grouped { "  " } else { "" };
                    (
                        finding.severity,
                        subject,
                        sanitize_line(&finding.message),
                        indent,
                    )
                }
            };
            let severity = match severity {
                Severity::Error => Span::styled("error ", theme.status_warning),
                Severity::Warning => Span::styled("warn  ", theme.label),
            };
            let used = 6 + indent.len() + subject.chars().count();
            let line = Line::from(vec![
                severity,
                Span::raw(indent),
                Span::styled(subject, theme.link),
                Span::raw(fit(&message, width.saturating_sub(used))),
            ]);
            if focused && i == cursor.selected {
                // The selection's colours win over the spans' own (a cyan id on a cyan
                // selection would vanish).
                let mut line = line.style(theme.selection);
                for span in &mut line.spans {
                    span.style = span.style.patch(theme.selection);
                }
                line
            } else {
                line
            }
        })
        .collect();
    if all.is_empty() && !dash.findings.is_empty() {
        lines.push(Line::styled(
            "No finding passes the filter: s and c change it",
            theme.dim,
        ));
    }
    if dash.findings.is_empty() {
        lines.push(Line::styled(
            "Nothing to flag: the SoA and the register pass every check",
            theme.dim,
        ));
    }
    let title = fit(&title, width.saturating_sub(2));
    frame.render_widget(
        Paragraph::new(lines).block(widgets::pane(title, focused, theme)),
        area,
    );
}
