//! The ISMS pane: the sub-clauses 4.1 … 10.2 with status, owner, evidence and next review (a
//! sub-clause without the documented information it asks for, or past its review, is marked),
//! and the selected clause's story: our hint of what it asks to keep, how we meet it, its
//! evidence, the audit items and findings that name it. `v` switches to the context issues, the
//! interested parties, the objectives with their measurements, the roles and the evidence.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Row;

use super::isms_records;
use super::mgmt_table::{Listing, cell, clause_status, day, field, marked, warning};
use crate::app::App;
use crate::app::tabs::isms::{IsmsView, evidence_gap, overdue};
use crate::domain::mgmt::clauses::clause;
use crate::domain::mgmt::system::{ClauseEntry, ClauseStatus};
use crate::domain::text::sanitize_line;
use crate::domain::workspace::Workspace;
use crate::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let pane = &app.isms_pane;
    let today = app.session.today;
    let ws = &app.workspace;
    let selected = app.isms_selected().unwrap_or(usize::MAX);
    let wide = area.width >= 110;
    let (title, header, widths, rows, detail): (String, Vec<&'static str>, Vec<Constraint>, _, _) =
        match pane.view {
            IsmsView::Clauses => (
                clauses_title(ws, today),
                vec![
                    "Id",
                    "Sub-clause",
                    "Status",
                    "Owner",
                    if wide { "Evidence" } else { "Ev." },
                    "Next review",
                ],
                vec![
                    Constraint::Length(5),
                    Constraint::Fill(3),
                    Constraint::Length(11),
                    Constraint::Fill(1),
                    if wide {
                        Constraint::Length(14)
                    } else {
                        Constraint::Length(4)
                    },
                    Constraint::Length(12),
                ],
                ws.mgmt
                    .system
                    .clauses
                    .iter()
                    .map(|e| clause_row(ws, e, today, wide, theme))
                    .collect::<Vec<_>>(),
                ws.mgmt
                    .system
                    .clauses
                    .get(selected)
                    .map(|e| clause_detail(ws, e, today, theme)),
            ),
            IsmsView::Context => (
                format!(
                    " ISMS · context issues (4.1) · {} ",
                    ws.mgmt.system.issues.len()
                ),
                vec!["Id", "Side", "Issue"],
                vec![
                    Constraint::Length(6),
                    Constraint::Length(9),
                    Constraint::Fill(1),
                ],
                ws.mgmt
                    .system
                    .issues
                    .iter()
                    .map(|i| Row::new([cell(&i.id), cell(i.side.name()), cell(&i.description)]))
                    .collect(),
                ws.mgmt.system.issues.get(selected).map(|i| {
                    let mut lines = vec![
                        field("Issue", &i.description, theme),
                        field("Effect and response", &i.effect, theme),
                    ];
                    lines.extend(climate(ws, theme));
                    (format!(" {} ({}) ", i.id, i.side.name()), lines)
                }),
            ),
            IsmsView::Parties => (
                format!(
                    " ISMS · interested parties (4.2) · {} ",
                    ws.mgmt.system.parties.len()
                ),
                vec!["Id", "Party", "Requirements"],
                vec![
                    Constraint::Length(6),
                    Constraint::Fill(1),
                    Constraint::Length(12),
                ],
                ws.mgmt
                    .system
                    .parties
                    .iter()
                    .map(|p| {
                        let open = p.requirements.iter().any(|r| r.addressed_by.is_empty());
                        Row::new([
                            cell(&p.id),
                            cell(&p.name),
                            marked(&p.requirements.len().to_string(), open, theme),
                        ])
                    })
                    .collect(),
                ws.mgmt.system.parties.get(selected).map(|p| {
                    let mut lines = Vec::new();
                    for r in &p.requirements {
                        lines.push(field(&r.id, &r.text, theme));
                        if r.addressed_by.is_empty() {
                            lines.push(warning("  not addressed yet".into(), theme));
                        } else {
                            lines.push(field("  addressed by", &r.addressed_by.join(", "), theme));
                        }
                    }
                    (format!(" {} {} ", p.id, sanitize_line(&p.name)), lines)
                }),
            ),
            IsmsView::Objectives => isms_records::objectives(ws, selected, today, theme),
            IsmsView::Roles => (
                format!(
                    " ISMS · roles (5.3) and competence (7.2) · {} ",
                    ws.mgmt.system.roles.len()
                ),
                vec!["Id", "Role", "Holder", "Competence"],
                vec![
                    Constraint::Length(6),
                    Constraint::Fill(2),
                    Constraint::Fill(2),
                    Constraint::Fill(1),
                ],
                ws.mgmt
                    .system
                    .roles
                    .iter()
                    .map(|r| {
                        Row::new([
                            cell(&r.id),
                            cell(&r.name),
                            marked(&r.holder, r.holder.trim().is_empty(), theme),
                            marked(
                                &r.competence_evidence.join(" "),
                                r.competence_evidence.is_empty(),
                                theme,
                            ),
                        ])
                    })
                    .collect(),
                ws.mgmt.system.roles.get(selected).map(|r| {
                    let mut lines = vec![
                        field("Holder", &r.holder, theme),
                        field("Responsibilities", &r.responsibilities, theme),
                    ];
                    lines.extend(evidence_lines(ws, &r.competence_evidence, today, theme));
                    (format!(" {} {} ", r.id, sanitize_line(&r.name)), lines)
                }),
            ),
            IsmsView::Evidence => isms_records::evidence(ws, selected, today, theme),
        };
    let listing = Listing {
        title,
        header: header.into_iter().map(String::from).collect(),
        widths,
        rows,
        cursor: pane.cursor(),
        views: IsmsView::ALL.iter().map(|v| v.title()).collect(),
        view: pane.view.index(),
        empty: "Nothing recorded yet (n adds one)",
        visible: app.isms_visible(),
        filter: pane.filter.clone(),
    };
    let detail = detail.unwrap_or_else(|| (" Detail ".to_string(), Vec::new()));
    super::mgmt_table::render(frame, area, app, listing, detail, theme);
}

pub(super) type View<'a> = (
    String,
    Vec<&'static str>,
    Vec<Constraint>,
    Vec<Row<'a>>,
    Option<(String, Vec<Line<'a>>)>,
);

fn clauses_title(ws: &Workspace, today: NaiveDate) -> String {
    let clauses = &ws.mgmt.system.clauses;
    let met = clauses
        .iter()
        .filter(|c| c.status == ClauseStatus::Met)
        .count();
    let late = clauses
        .iter()
        .filter(|c| overdue(c.next_review, today))
        .count();
    let missing = clauses
        .iter()
        .filter(|c| evidence_gap(ws, c, today).is_some())
        .count();
    let mut title = format!(" ISMS · {met} of {} sub-clauses met", clauses.len());
    if late > 0 {
        title.push_str(&format!(" · {late} review overdue"));
    }
    if missing > 0 {
        title.push_str(&format!(" · {missing} missing evidence"));
    }
    title.push(' ');
    title
}

/// A sub-clause's row; the evidence shows as ids on wide terminals and as a count on narrow ones.
fn clause_row<'a>(
    ws: &Workspace,
    entry: &ClauseEntry,
    today: NaiveDate,
    wide: bool,
    theme: &Theme,
) -> Row<'a> {
    let title = clause(&entry.clause).map_or("", |c| c.title);
    let gap = evidence_gap(ws, entry, today).is_some();
    Row::new(vec![
        cell(&entry.clause),
        cell(title),
        Line::from(Span::styled(
            entry.status.name().replace('_', " "),
            clause_status(entry.status, theme),
        )),
        cell(&entry.owner),
        if wide {
            marked(&entry.evidence.join(" "), gap, theme)
        } else {
            marked(&entry.evidence.len().to_string(), gap, theme)
        },
        marked(
            &day(entry.next_review),
            overdue(entry.next_review, today),
            theme,
        ),
    ])
}

fn clause_detail<'a>(
    ws: &Workspace,
    entry: &ClauseEntry,
    today: NaiveDate,
    theme: &Theme,
) -> (String, Vec<Line<'a>>) {
    let id = &entry.clause;
    let facts = clause(id);
    let keep = facts.map_or("", |c| c.documented_information);
    let mut lines = vec![if keep.is_empty() {
        Line::styled("Keeps: no documented information of its own", theme.dim)
    } else {
        Line::from(vec![
            Span::styled("Keeps: ", theme.label),
            Span::styled(keep.to_string(), theme.tag),
        ])
    }];
    lines.push(Line::from(vec![
        Span::styled("Status: ", theme.label),
        Span::styled(
            entry.status.name().replace('_', " "),
            clause_status(entry.status, theme),
        ),
        Span::styled(" · owner: ", theme.label),
        Span::raw(sanitize_line(&entry.owner)),
        Span::styled(" · reviewed: ", theme.label),
        Span::raw(day(entry.reviewed)),
        Span::styled(" · next: ", theme.label),
        Span::raw(day(entry.next_review)),
    ]));
    if overdue(entry.next_review, today) {
        lines.push(warning(
            format!("review overdue since {}", day(entry.next_review)),
            theme,
        ));
    }
    lines.push(field("How we meet it", &entry.statement, theme));
    if let Some(gap) = evidence_gap(ws, entry, today) {
        lines.push(warning(format!("missing evidence: {gap}"), theme));
    }
    lines.extend(evidence_lines(ws, &entry.evidence, today, theme));
    let reference = format!("clause:{id}");
    for audit in &ws.mgmt.audits.audits {
        for item in audit.items.iter().filter(|i| i.reference == reference) {
            lines.push(field(
                &format!("Audited {}", item.id),
                &format!("{} · {}", item.result.name(), item.tested),
                theme,
            ));
        }
    }
    for finding in ws
        .mgmt
        .findings
        .items
        .iter()
        .filter(|f| f.refs.contains(&reference))
    {
        lines.push(field(
            &format!("Finding {}", finding.id),
            &format!(
                "{} · {} · {}",
                finding.kind.name(),
                finding.status.name(),
                finding.statement
            ),
            theme,
        ));
    }
    let title = match facts {
        Some(c) => format!(" {id} {} ", c.title),
        None => format!(" {id} "),
    };
    (title, lines)
}

/// One line per cited evidence id: title, kind and whether it is current (or unknown).
fn evidence_lines<'a>(
    ws: &Workspace,
    ids: &[String],
    today: NaiveDate,
    theme: &Theme,
) -> Vec<Line<'a>> {
    ids.iter()
        .map(|id| match ws.mgmt.evidence.get(id) {
            None => warning(format!("{id}: no such evidence in the register"), theme),
            Some(e) if !e.is_current(today) => warning(
                format!(
                    "{id} {} ({}, review was due {})",
                    e.title,
                    e.kind.name(),
                    day(e.review_by)
                ),
                theme,
            ),
            Some(e) => field(
                &format!("Evidence {id}"),
                &format!("{} ({})", e.title, e.kind.name()),
                theme,
            ),
        })
        .collect()
}

fn climate<'a>(ws: &Workspace, theme: &Theme) -> Vec<Line<'a>> {
    match &ws.mgmt.system.climate {
        None => vec![warning(
            "no decision yet on whether climate change is relevant".into(),
            theme,
        )],
        Some(c) => vec![field(
            "Climate change",
            &format!(
                "{} ({}, {}): {}",
                if c.relevant {
                    "relevant"
                } else {
                    "not relevant"
                },
                c.decided_by,
                c.decided_on,
                c.reasoning
            ),
            theme,
        )],
    }
}
