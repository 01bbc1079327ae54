//! The Audit pane's coverage grid: clauses 4–10 and the Annex A themes down, the years of the
//! programme's current cycle across, each cell audited, planned or never (in the styles of the
//! SoA's implemented, planned and not started); below, the audits behind the selected row.

use chrono::NaiveDate;
use ratatui::layout::Constraint;
use ratatui::text::{Line, Span};
use ratatui::widgets::Row;

use super::audit::Named;
use super::mgmt_table::{cell, field, warning};
use crate::app::tabs::coverage::{self, Cell, ROWS};
use crate::domain::workspace::Workspace;
use crate::theme::Theme;

fn styled<'a>(value: Cell, theme: &Theme) -> Line<'a> {
    let style = match value {
        Cell::Audited => theme.implemented,
        Cell::Planned => theme.planned,
        Cell::Never => theme.not_started,
    };
    Line::from(Span::styled(value.name(), style))
}

pub(super) fn grid<'a>(
    ws: &Workspace,
    selected: usize,
    today: NaiveDate,
    theme: &Theme,
) -> Named<'a> {
    let years = coverage::cycle_years(ws, today);
    let rows = ROWS
        .iter()
        .map(|row| {
            let mut cells = vec![cell(row.id), cell(row.title)];
            cells.extend(
                years
                    .iter()
                    .map(|&y| styled(coverage::cell(ws, row, y), theme)),
            );
            Row::new(cells)
        })
        .collect();
    let detail = ROWS.get(selected).map(|row| {
        let mut lines = Vec::new();
        for &year in &years {
            for (audit, value) in coverage::audits_of(ws, row, year) {
                let tested: Vec<&str> = audit
                    .items
                    .iter()
                    .filter(|i| i.reference.starts_with(row.prefix))
                    .map(|i| i.reference.as_str())
                    .collect();
                let what = if tested.is_empty() {
                    format!("{} · scope: {}", audit.title, audit.scope)
                } else {
                    format!("{} · tested {}", audit.title, tested.join(", "))
                };
                lines.push(field(
                    &format!("{year} {} {}", audit.id, value.name()),
                    &what,
                    theme,
                ));
            }
        }
        if lines.is_empty() {
            lines.push(warning("never audited in this cycle".into(), theme));
        }
        (format!(" {} {} ", row.id, row.title), lines)
    });
    let mut header = vec!["Ref".to_string(), "Clause or Annex A theme".to_string()];
    header.extend(years.iter().map(|y| y.to_string()));
    let mut widths = vec![Constraint::Length(4), Constraint::Fill(1)];
    widths.extend(years.iter().map(|_| Constraint::Length(7)));
    (header, widths, rows, detail)
}
