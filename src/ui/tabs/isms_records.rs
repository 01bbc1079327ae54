//! The ISMS pane's record views with the most to show: the objectives with their measurements
//! (one not measured within its cadence is marked) and the evidence register (out-of-date
//! evidence is marked), each as rows and the selected record's detail.

use chrono::NaiveDate;
use ratatui::layout::Constraint;
use ratatui::widgets::Row;

use super::isms::View;
use super::mgmt_table::{cell, day, field, marked, warning};
use crate::domain::text::sanitize_line;
use crate::domain::workspace::Workspace;
use crate::theme::Theme;

pub(super) fn objectives<'a>(
    ws: &Workspace,
    selected: usize,
    today: NaiveDate,
    theme: &Theme,
) -> View<'a> {
    let objectives = &ws.mgmt.system.objectives;
    let unmeasured = |o: &crate::domain::mgmt::system::Objective| {
        o.latest()
            .is_none_or(|m| (today - m.on).num_days() > o.cadence.days())
    };
    let rows = objectives
        .iter()
        .map(|o| {
            let latest = o.latest().map_or("none", |m| m.value.as_str());
            Row::new([
                cell(&o.id),
                cell(&o.title),
                marked(&o.target, o.target.trim().is_empty(), theme),
                cell(&o.cadence.name().replace('_', "-")),
                marked(latest, unmeasured(o), theme),
            ])
        })
        .collect();
    let detail = objectives.get(selected).map(|o| {
        let mut lines = vec![
            field("Target", &o.target, theme),
            field(
                "Owner",
                &format!(
                    "{} · due {} · measured {}",
                    o.owner,
                    day(o.due),
                    o.cadence.name()
                ),
                theme,
            ),
        ];
        if unmeasured(o) {
            lines.push(warning(
                format!("no measurement in the last {} days", o.cadence.days()),
                theme,
            ));
        }
        let mut measurements: Vec<_> = o.measurements.iter().collect();
        measurements.sort_by_key(|m| std::cmp::Reverse(m.on));
        for m in measurements {
            lines.push(field(
                &format!("{} {}", m.id, m.on),
                &format!("{} {}", m.value, m.note),
                theme,
            ));
        }
        (format!(" {} {} ", o.id, sanitize_line(&o.title)), lines)
    });
    (
        format!(
            " ISMS · objectives (6.2) and measurements (9.1) · {} ",
            objectives.len()
        ),
        vec!["Id", "Objective", "Target", "Cadence", "Latest"],
        vec![
            Constraint::Length(6),
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Length(9),
            Constraint::Fill(1),
        ],
        rows,
        detail,
    )
}

pub(super) fn evidence<'a>(
    ws: &Workspace,
    selected: usize,
    today: NaiveDate,
    theme: &Theme,
) -> View<'a> {
    let items = &ws.mgmt.evidence.items;
    let rows = items
        .iter()
        .map(|e| {
            Row::new([
                cell(&e.id),
                cell(e.kind.name()),
                cell(&e.title),
                marked(&day(e.review_by), !e.is_current(today), theme),
                cell(&e.supports.len().to_string()),
            ])
        })
        .collect();
    let detail = items.get(selected).map(|e| {
        let mut lines = vec![field("Location", &e.location, theme)];
        if let Some(hash) = &e.sha256 {
            lines.push(field("SHA-256", hash, theme));
        }
        let period = e
            .period
            .as_ref()
            .map(|p| format!(" · covers {} to {}", p.from, p.to))
            .unwrap_or_default();
        lines.push(field(
            "As of",
            &format!("{} · review by {}{period}", day(e.as_of), day(e.review_by)),
            theme,
        ));
        if !e.is_current(today) {
            lines.push(warning(
                format!("out of date since {}", day(e.review_by)),
                theme,
            ));
        }
        if let Some(a) = &e.approval {
            lines.push(field(
                "Version",
                &format!(
                    "{} approved by {} on {}",
                    a.version,
                    a.approved_by,
                    day(a.approved_on)
                ),
                theme,
            ));
        }
        lines.push(field("Owner", &e.owner, theme));
        lines.push(field("Supports", &e.supports.join(", "), theme));
        (format!(" {} {} ", e.id, sanitize_line(&e.title)), lines)
    });
    (
        format!(
            " ISMS · evidence register (7.5) · {} · Enter: what it supports ",
            items.len()
        ),
        vec!["Id", "Kind", "Title", "Review by", "Sup."],
        vec![
            Constraint::Length(6),
            Constraint::Length(8),
            Constraint::Fill(1),
            Constraint::Length(12),
            Constraint::Length(4),
        ],
        rows,
        detail,
    )
}
