//! The dashboard's NIST CSF 2.0 view: the disclaimer, one stacked bar per function with its
//! counts per state, a legend, and the selected function's categories; or, once a function is
//! open, its categories and subcategories with each subcategory's state and the SoA state of
//! its mapped controls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::App;
use crate::app::detail::fit;
use crate::app::tabs::csf_view::{CsfRow, CsfView, disclaimer_lines};
use crate::domain::framework::{NodeCoverage, RollUp, State, csf2};
use crate::domain::text::sanitize_line;
use crate::theme::Theme;
use crate::ui::widgets;

const NAME_WIDTH: usize = 13;
const TOTAL_WIDTH: usize = 4;
const COUNT_WIDTH: usize = 5;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let view = &app.dashboard.csf;
    let inner_width = usize::from(area.width.saturating_sub(2));
    let lines = match view.function {
        None => function_lines(view, inner_width, theme),
        Some(_) => node_lines(app, view, inner_width, usize::from(area.height), theme),
    };
    let title = fit(&title(view), inner_width.saturating_sub(2));
    frame.render_widget(
        Paragraph::new(lines).block(widgets::pane(title, true, theme)),
        area,
    );
}

fn disclaimer<'a>(width: usize, theme: &Theme) -> Vec<Line<'a>> {
    disclaimer_lines(width)
        .into_iter()
        .map(|line| Line::styled(fit(&line, width), theme.dim))
        .collect()
}

fn title(view: &CsfView) -> String {
    let count = csf2().sources().len();
    let source = format!("source {}/{count} {}", view.source + 1, view.source_name());
    let opened = view
        .function
        .and_then(|f| view.functions().get(f).map(|r| format!(" › {}", r.node)));
    sanitize_line(&format!(
        " NIST CSF 2.0{} · {source} ",
        opened.unwrap_or_default()
    ))
}

/// The bar's character for a state (readable without colour too).
fn glyph(state: State) -> char {
    match state {
        State::Covered => '█',
        State::Partial => '▓',
        State::Gap => '░',
        State::Excluded => '×',
        State::Undecided => '?',
        State::NotMapped => '·',
    }
}

fn style(state: State, theme: &Theme) -> Style {
    match state {
        State::Covered => theme.implemented,
        State::Partial => theme.partial,
        State::Gap => theme.not_started,
        State::Excluded => theme.excluded,
        State::Undecided => theme.undecided,
        State::NotMapped => theme.dim,
    }
}

fn short(state: State) -> &'static str {
    match state {
        State::NotMapped => "not mapped",
        other => other.label(),
    }
}

/// Column heads for the counts, in the order of `State::ALL`.
const HEADS: [&str; 6] = ["cov", "part", "gap", "excl", "und", "n/m"];

/// The widths of a bar's segments: each state's share of `width`, rounded so they fill it.
fn segments(counts: &[(State, usize)], width: usize) -> Vec<usize> {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return vec![0; counts.len()];
    }
    let mut widths: Vec<usize> = counts.iter().map(|(_, n)| n * width / total).collect();
    let mut left = width - widths.iter().sum::<usize>();
    // The largest remainders get the columns left over.
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((counts[i].1 * width) % total));
    for i in order {
        if left == 0 {
            break;
        }
        if counts[i].1 > 0 {
            widths[i] += 1;
            left -= 1;
        }
    }
    widths
}

fn bar_width(inner: usize) -> usize {
    inner
        .saturating_sub(NAME_WIDTH + TOTAL_WIDTH + HEADS.len() * COUNT_WIDTH + 2)
        .clamp(6, 80)
}

fn bar_line<'a>(
    name: String,
    counts: &[(State, usize)],
    bar: usize,
    name_style: Style,
    theme: &Theme,
) -> Line<'a> {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let mut spans = vec![
        Span::styled(
            format!("{:<NAME_WIDTH$}", fit(&name, NAME_WIDTH - 1)),
            name_style,
        ),
        Span::raw(format!("{total:>3} ")),
    ];
    for ((state, _), w) in counts.iter().zip(segments(counts, bar)) {
        if w > 0 {
            spans.push(Span::styled(
                glyph(*state).to_string().repeat(w),
                style(*state, theme),
            ));
        }
    }
    spans.push(Span::raw(" "));
    for (state, n) in counts {
        let text = format!("{n:>COUNT_WIDTH$}");
        let shown = if *n > 0 {
            style(*state, theme)
        } else {
            theme.dim
        };
        spans.push(Span::styled(text, shown));
    }
    Line::from(spans)
}

fn function_lines<'a>(view: &CsfView, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let bar = bar_width(width);
    let mut lines = disclaimer(width, theme);
    let mut head = format!("{:<NAME_WIDTH$}{:>3} {:<bar$} ", "Function", "n", "");
    for h in HEADS {
        head.push_str(&format!("{h:>COUNT_WIDTH$}"));
    }
    lines.push(Line::styled(fit(&head, width), theme.header));
    let functions = view.functions();
    let mut all: Vec<(State, usize)> = State::ALL.iter().map(|s| (*s, 0)).collect();
    for (i, roll) in functions.iter().enumerate() {
        for (slot, (_, n)) in all.iter_mut().zip(&roll.counts) {
            slot.1 += n;
        }
        let selected = i == view.functions.selected;
        let name_style = if selected {
            theme.selection
        } else {
            theme.text
        };
        let name = format!("{} {}", roll.node, title_case(&roll.title));
        lines.push(bar_line(name, &roll.counts, bar, name_style, theme));
    }
    lines.push(bar_line("All".into(), &all, bar, theme.label, theme));
    lines.push(Line::raw(""));
    let mut legend: Vec<Span> = Vec::new();
    for state in State::ALL {
        legend.push(Span::styled(
            format!("{} ", glyph(state)),
            style(state, theme),
        ));
        legend.push(Span::styled(format!("{}  ", short(state)), theme.dim));
    }
    lines.push(Line::from(legend));
    if let Some(function) = functions.get(view.functions.selected) {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            fit(
                &sanitize_line(&format!(
                    "{} {} · Enter lists its subcategories and their controls",
                    function.node,
                    title_case(&function.title)
                )),
                width,
            ),
            theme.header,
        ));
        for category in categories(view, &function.node) {
            lines.push(category_line(category, width, false, theme));
        }
    }
    lines
}

/// `GOVERN` → `Govern`; titles already in mixed case stay as they are.
fn title_case(title: &str) -> String {
    if title.chars().any(|c| c.is_lowercase()) {
        return title.to_string();
    }
    let lower = title.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The roll-ups of the categories under a function, in NIST's order.
fn categories<'v>(view: &'v CsfView, function: &str) -> Vec<&'v RollUp> {
    let Some(cov) = &view.coverage else {
        return Vec::new();
    };
    csf2()
        .children(function)
        .filter_map(|c| cov.roll_ups.iter().find(|r| r.node == c.id))
        .collect()
}

fn counts_text(counts: &[(State, usize)]) -> String {
    counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {}", short(*s)))
        .collect::<Vec<_>>()
        .join(" · ")
}

fn category_line<'a>(roll: &RollUp, width: usize, selected: bool, theme: &Theme) -> Line<'a> {
    let counts = counts_text(&roll.counts);
    let room = width.saturating_sub(roll.node.len() + counts.chars().count() + 4);
    let text = sanitize_line(&format!(
        "{} {} — {counts}",
        roll.node,
        fit(&roll.title, room.max(8))
    ));
    let line = Line::styled(fit(&text, width), theme.label);
    if selected {
        line.style(theme.selection)
    } else {
        line
    }
}

fn node_lines<'a>(
    app: &App,
    view: &CsfView,
    width: usize,
    height: usize,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let mut lines = disclaimer(width, theme);
    lines.push(Line::styled(
        fit(
            &format!(
                "  {:<10}{:<11}Mapped controls (SoA) · clauses",
                "Id", "State"
            ),
            width,
        ),
        theme.header,
    ));
    let Some(cov) = &view.coverage else {
        return lines;
    };
    let rows_shown = height.saturating_sub(2 + lines.len());
    let rows = view.rows();
    // After a resize the selection may lie below the rows shown: scroll just enough.
    let cursor = view.nodes;
    let mut offset = cursor.offset.min(cursor.selected);
    if rows_shown > 0 && cursor.selected >= offset + rows_shown {
        offset = cursor.selected + 1 - rows_shown;
    }
    for (i, row) in rows.iter().enumerate().skip(offset).take(rows_shown) {
        let selected = i == view.nodes.selected;
        let line = match *row {
            CsfRow::Category(r) => category_line(&cov.roll_ups[r], width, selected, theme),
            CsfRow::Subcategory(n) => node_line(app, &cov.nodes[n], width, selected, theme),
        };
        lines.push(line);
    }
    lines
}

fn node_line<'a>(
    app: &App,
    node: &NodeCoverage,
    width: usize,
    selected: bool,
    theme: &Theme,
) -> Line<'a> {
    let mut spans = vec![
        Span::raw(format!("  {:<10}", sanitize_line(&node.node))),
        Span::styled(
            format!("{:<11}", short(node.state)),
            style(node.state, theme),
        ),
    ];
    let mut used = 23;
    let mut parts: Vec<(String, Style)> = Vec::new();
    for id in &node.controls {
        let state = widgets::soa_state(app.soa_entry(id), theme);
        parts.push((format!("{id} "), theme.text));
        parts.push((format!("{}  ", state.content), state.style));
    }
    for clause in &node.clause_status {
        let status = clause.status.name().replace('_', " ");
        parts.push((format!("clause {} {status}  ", clause.clause), theme.dim));
    }
    for (text, part_style) in parts {
        let text = sanitize_line(&text);
        let room = width.saturating_sub(used);
        if room == 0 {
            break;
        }
        let count = text.chars().count();
        if count > room {
            spans.push(Span::styled(fit(&text, room), part_style));
            break;
        }
        used += count;
        spans.push(Span::styled(text, part_style));
    }
    let line = Line::from(spans);
    if selected {
        let mut line = line.style(theme.selection);
        for span in &mut line.spans {
            span.style = span.style.patch(theme.selection);
        }
        line
    } else {
        line
    }
}
