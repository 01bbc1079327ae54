//! The Audit pane: the audit programme in the title; the audits with their tested items (what,
//! the population and the sample, the result), the findings register sorted by due date (an
//! open finding past its due date, or a nonconformity lacking root cause, action, owner or due
//! date, is marked), and the management reviews; below, the selected row's story.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::Row;

use super::mgmt_table::{Listing, cell, day, field, marked, warning};
use crate::app::App;
use crate::app::tabs::audit::{AuditRow, AuditView, audit_rows, findings_order};
use crate::domain::mgmt::audits::ItemResult;
use crate::domain::mgmt::findings::FindingRecord;
use crate::domain::text::sanitize_line;
use crate::domain::workspace::Workspace;
use crate::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let pane = &app.audit_pane;
    let ws = &app.workspace;
    let today = app.session.today;
    let selected = app.audit_selected().unwrap_or(usize::MAX);
    let (header, widths, rows, detail) = match pane.view {
        AuditView::Audits => named(audits(ws, selected, theme)),
        AuditView::Findings => named(findings(ws, selected, today, theme)),
        AuditView::Reviews => named(reviews(ws, selected, today, theme)),
        AuditView::Coverage => super::audit_coverage::grid(ws, selected, today, theme),
    };
    let listing = Listing {
        title: title(ws, today),
        header,
        widths,
        rows,
        cursor: pane.cursor(),
        views: AuditView::ALL.iter().map(|v| v.title()).collect(),
        view: pane.view.index(),
        empty: "Nothing recorded yet (n adds one)",
        visible: app.audit_visible(),
        filter: pane.filter.clone(),
    };
    let detail = detail.unwrap_or_else(|| (" Detail ".to_string(), Vec::new()));
    super::mgmt_table::render(frame, area, app, listing, detail, theme);
}

/// A view with its header as owned text (the coverage grid's years are worked out).
pub(super) type Named<'a> = (
    Vec<String>,
    Vec<Constraint>,
    Vec<Row<'a>>,
    Option<(String, Vec<Line<'a>>)>,
);

fn named(view: View<'_>) -> Named<'_> {
    let (header, widths, rows, detail) = view;
    (
        header.into_iter().map(String::from).collect(),
        widths,
        rows,
        detail,
    )
}

type View<'a> = (
    Vec<&'static str>,
    Vec<Constraint>,
    Vec<Row<'a>>,
    Option<(String, Vec<Line<'a>>)>,
);

fn title(ws: &Workspace, today: NaiveDate) -> String {
    let book = &ws.mgmt.audits;
    let findings = &ws.mgmt.findings.items;
    let open = findings.iter().filter(|f| f.is_open()).count();
    let late = findings.iter().filter(|f| is_late(f, today)).count();
    let mut title = format!(
        " Audit · {}-year programme · {} audits · {open} open findings",
        book.programme.cycle_years,
        book.audits.len()
    );
    if late > 0 {
        title.push_str(&format!(" · {late} overdue"));
    }
    title.push(' ');
    title
}

fn is_late(finding: &FindingRecord, today: NaiveDate) -> bool {
    finding.is_open() && finding.due.is_some_and(|d| d < today)
}

/// What a nonconformity still lacks: root cause, action, owner, due date.
fn gaps(finding: &FindingRecord) -> Vec<&'static str> {
    if !finding.kind.is_nonconformity() {
        return Vec::new();
    }
    [
        (finding.root_cause.trim().is_empty(), "root cause"),
        (finding.action.trim().is_empty(), "action"),
        (finding.owner.trim().is_empty(), "owner"),
        (finding.due.is_none(), "due date"),
    ]
    .into_iter()
    .filter_map(|(missing, what)| missing.then_some(what))
    .collect()
}

fn audits<'a>(ws: &Workspace, selected: usize, theme: &Theme) -> View<'a> {
    let book = &ws.mgmt.audits;
    let rows = audit_rows(ws);
    let table = rows
        .iter()
        .map(|row| match *row {
            AuditRow::Audit(a) => {
                let audit = &book.audits[a];
                Row::new([
                    cell(&audit.id),
                    cell(&format!("{} · {}", audit.title, audit.auditor)),
                    cell(audit.kind.name()),
                    cell(&audit.status.name().replace('_', " ")),
                    cell(&day(audit.day())),
                ])
                .style(theme.heading)
            }
            AuditRow::Item(a, i) => {
                let item = &book.audits[a].items[i];
                let unsampled = item.population.trim().is_empty() || item.sample.trim().is_empty();
                let result = item.result.name().replace('_', " ");
                let failed = matches!(item.result, ItemResult::MinorNc | ItemResult::MajorNc);
                Row::new([
                    cell(&format!(" {}", item.id)),
                    marked(&item.tested, unsampled, theme),
                    cell(&short_ref(&item.reference)),
                    marked(&result, failed, theme),
                    cell(""),
                ])
            }
        })
        .collect();
    let detail = rows.get(selected).map(|row| match *row {
        AuditRow::Audit(a) => {
            let audit = &book.audits[a];
            let lines = vec![
                field("Scope", &audit.scope, theme),
                field("Criteria", &audit.criteria, theme),
                field("Auditor", &audit.auditor, theme),
                field("Independence", &audit.independence, theme),
                field(
                    "Dates",
                    &format!(
                        "planned {} · started {} · finished {}",
                        day(audit.planned),
                        day(audit.started),
                        day(audit.finished)
                    ),
                    theme,
                ),
                field("Conclusion", &audit.conclusion, theme),
                field(
                    "Programme",
                    &format!(
                        "{}-year cycle. {}",
                        book.programme.cycle_years, book.programme.note
                    ),
                    theme,
                ),
            ];
            let title = format!(
                " {} {} ({}) ",
                audit.id,
                sanitize_line(&audit.title),
                audit.kind.name()
            );
            (title, lines)
        }
        AuditRow::Item(a, i) => {
            let audit = &book.audits[a];
            let item = &audit.items[i];
            let mut lines = vec![
                field("Tested", &item.tested, theme),
                field("Population", &item.population, theme),
                field("Sample", &item.sample, theme),
                field("Result", item.result.name(), theme),
                field("Evidence", &item.evidence.join(", "), theme),
            ];
            if item.population.trim().is_empty() || item.sample.trim().is_empty() {
                lines.push(warning("no population or sample recorded".into(), theme));
            }
            if !item.note.trim().is_empty() {
                lines.push(field("Note", &item.note, theme));
            }
            for f in ws.mgmt.findings.items.iter().filter(|f| {
                f.source.id.eq_ignore_ascii_case(&audit.id) && f.refs.contains(&item.reference)
            }) {
                lines.push(field(
                    &format!("Finding {}", f.id),
                    &format!("{} · {}", f.status.name(), f.statement),
                    theme,
                ));
            }
            let title = format!(
                " {} {} · Enter goes there · n raises a finding ",
                item.id, item.reference
            );
            (title, lines)
        }
    });
    (
        vec!["Id", "Audit / item tested", "Kind / ref", "Status", "Date"],
        vec![
            Constraint::Length(8),
            Constraint::Fill(1),
            Constraint::Length(13),
            Constraint::Length(12),
            Constraint::Length(10),
        ],
        table,
        detail,
    )
}

/// `control:8.32` as `8.32`, `clause:9.2.2` as `cl. 9.2.2`; others as written.
fn short_ref(reference: &str) -> String {
    if let Some(id) = reference.strip_prefix("control:") {
        id.to_string()
    } else if let Some(id) = reference.strip_prefix("clause:") {
        format!("cl. {id}")
    } else if let Some(id) = reference.strip_prefix("risk:") {
        id.to_string()
    } else {
        reference.to_string()
    }
}

fn findings<'a>(ws: &Workspace, selected: usize, today: NaiveDate, theme: &Theme) -> View<'a> {
    let items = &ws.mgmt.findings.items;
    let order = findings_order(ws);
    // The ids a finding is about are never cut: the column fits the longest list.
    let mut about_width = "About".len();
    let rows = order
        .iter()
        .map(|&i| {
            let f = &items[i];
            let about: Vec<String> = f.refs.iter().map(|r| short_ref(r)).collect();
            about_width = about_width.max(about.join(" ").chars().count());
            Row::new([
                marked(&f.id, !gaps(f).is_empty(), theme),
                cell(&f.kind.name().replace('_', " ")),
                cell(&about.join(" ")),
                cell(&f.owner),
                marked(&day(f.due), is_late(f, today), theme),
                cell(&f.status.name().replace('_', " ")),
            ])
        })
        .collect();
    let detail = order.get(selected).map(|&i| {
        let f = &items[i];
        let mut lines = vec![
            field("Statement", &f.statement, theme),
            field("Source", &f.source.label(), theme),
            field("About", &f.refs.join(", "), theme),
        ];
        let missing = gaps(f);
        if !missing.is_empty() {
            lines.push(warning(format!("no {} yet", missing.join(", ")), theme));
        }
        if is_late(f, today) {
            lines.push(warning(format!("overdue since {}", day(f.due)), theme));
        }
        lines.extend([
            field("Correction", &f.correction, theme),
            field("Root cause", &f.root_cause, theme),
            field("Action", &f.action, theme),
            field(
                "Owner",
                &format!("{} · raised {} · due {}", f.owner, f.raised, day(f.due)),
                theme,
            ),
        ]);
        match &f.effectiveness {
            Some(c) => lines.push(field(
                "Effectiveness",
                &format!("{} by {} on {} {}", c.result.name(), c.by, c.on, c.note),
                theme,
            )),
            None if f.kind.is_nonconformity() && !f.is_open() => {
                lines.push(warning(
                    "closed without an effectiveness check".into(),
                    theme,
                ));
            }
            None => lines.push(field("Effectiveness", "", theme)),
        }
        if let Some(closed) = f.closed {
            lines.push(field("Closed", &closed.to_string(), theme));
        }
        let title = format!(
            " {} {} · e edits · Enter goes to what it is about ",
            f.id,
            f.kind.name()
        );
        (title, lines)
    });
    (
        vec!["Id", "Kind", "About", "Owner", "Due", "Status"],
        vec![
            Constraint::Length(7),
            Constraint::Length(11),
            Constraint::Length(about_width as u16),
            Constraint::Fill(1),
            Constraint::Length(12),
            Constraint::Length(14),
        ],
        rows,
        detail,
    )
}

fn reviews<'a>(ws: &Workspace, selected: usize, today: NaiveDate, theme: &Theme) -> View<'a> {
    let reviews = &ws.mgmt.audits.reviews;
    let rows = reviews
        .iter()
        .map(|r| {
            let missing = r.undiscussed().len();
            let open = r
                .actions
                .iter()
                .filter(|a| a.status == crate::domain::mgmt::reviews::ActionStatus::Open)
                .count();
            Row::new([
                cell(&r.id),
                cell(&r.date.to_string()),
                cell(&r.chair),
                marked(&format!("{} not discussed", missing), missing > 0, theme),
                cell(&format!("{open} open")),
            ])
        })
        .collect();
    let detail = reviews.get(selected).map(|r| {
        // Actions and decisions first: the inputs discussed are the long part.
        let mut lines = vec![field("Attendees", &r.attendees.join(", "), theme)];
        for a in &r.actions {
            let text = format!(
                "{} · {} · due {} · {}",
                a.text,
                a.owner,
                day(a.due),
                a.status.name()
            );
            let open = a.status == crate::domain::mgmt::reviews::ActionStatus::Open;
            if open && a.due.is_some_and(|d| d < today) {
                lines.push(warning(format!("overdue action {}: {text}", a.id), theme));
            } else {
                lines.push(field(&format!("Action {}", a.id), &text, theme));
            }
        }
        for decision in &r.decisions {
            lines.push(field("Decision", decision, theme));
        }
        for change in &r.changes {
            lines.push(field("Change", change, theme));
        }
        if !r.followed_up.is_empty() {
            lines.push(field("Followed up", &r.followed_up.join(", "), theme));
        }
        let missing: Vec<&str> = r.undiscussed().iter().map(|t| t.name()).collect();
        if !missing.is_empty() {
            lines.push(warning(
                format!("not discussed: {}", missing.join(", ")),
                theme,
            ));
        }
        for input in &r.inputs {
            lines.push(field(input.topic.name(), &input.discussion, theme));
        }
        (format!(" {} management review {} ", r.id, r.date), lines)
    });
    (
        vec!["Id", "Date", "Chair", "Inputs", "Actions"],
        vec![
            Constraint::Length(7),
            Constraint::Length(11),
            Constraint::Fill(1),
            Constraint::Length(16),
            Constraint::Length(8),
        ],
        rows,
        detail,
    )
}
