//! The dashboard's NIST CSF 2.0 view: one bar per function (GV, ID, PR, DE, RS, RC) counting its
//! subcategories covered, partial, gap, excluded, undecided and not mapped, computed live from
//! the SoA and the clause statuses through one mapping source at a time (the domain's
//! `coverage`, as `isms coverage csf2` computes it). Enter on a function lists its categories
//! and subcategories; Enter on a subcategory lists its controls with their SoA decisions, and
//! Enter there opens the control screen (Ctrl-O comes back here). `s` switches the source.

use super::dashboard::DashCommand;
use crate::app::layers::Layer;
use crate::app::layers::list::{ListPopup, Target};
use crate::app::widgets::cursor::Cursor;
use crate::app::{Action, App, Effect, layout};
use crate::domain::framework::{Coverage, NOT_A_CLAIM, NodeCoverage, RollUp, coverage, csf2};
use crate::domain::mgmt::clauses::clause;
use crate::domain::soa::Applicability;
use crate::domain::text::sanitize_line;

/// The disclaimer, wrapped to `width` columns: it is never cut.
pub fn disclaimer_lines(width: usize) -> Vec<String> {
    textwrap::wrap(NOT_A_CLAIM, width.max(20))
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

#[derive(Debug, Clone, Default)]
pub struct CsfView {
    /// True while the dashboard shows this view instead of the risk view.
    pub shown: bool,
    /// The mapping source, a position in the framework's sources.
    pub source: usize,
    /// The function whose categories and subcategories are listed; `None`: the function bars.
    pub function: Option<usize>,
    /// The selected function.
    pub functions: Cursor,
    /// The selected row of the node list.
    pub nodes: Cursor,
    /// The coverage through the source, recomputed whenever the workspace changes.
    pub coverage: Option<Coverage>,
}

/// One row of a function's node list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsfRow {
    /// A category: a position in the coverage's roll-ups.
    Category(usize),
    /// A subcategory: a position in the coverage's nodes.
    Subcategory(usize),
}

impl CsfView {
    /// The source's name.
    pub fn source_name(&self) -> &'static str {
        let sources = csf2().sources();
        sources.get(self.source).copied().unwrap_or_default()
    }

    /// The functions' roll-ups, in NIST's order.
    pub fn functions(&self) -> Vec<&RollUp> {
        self.coverage
            .iter()
            .flat_map(|c| c.roll_ups.iter())
            .filter(|r| r.kind == "function")
            .collect()
    }

    /// The rows listed for the open function: each category, then its subcategories.
    pub fn rows(&self) -> Vec<CsfRow> {
        let (Some(cov), Some(function)) = (&self.coverage, self.function) else {
            return Vec::new();
        };
        let Some(function) = self.functions().get(function).map(|r| r.node.clone()) else {
            return Vec::new();
        };
        let csf = csf2();
        let mut rows = Vec::new();
        for category in csf.children(&function) {
            if let Some(r) = cov.roll_ups.iter().position(|r| r.node == category.id) {
                rows.push(CsfRow::Category(r));
            }
            rows.extend(
                cov.nodes
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| n.parent.as_deref() == Some(category.id.as_str()))
                    .map(|(i, _)| CsfRow::Subcategory(i)),
            );
        }
        rows
    }
}

impl App {
    /// Recomputes the CSF coverage while the view is shown (after any change to the workspace).
    pub fn refresh_csf(&mut self) {
        let view = &mut self.dashboard.csf;
        if !view.shown {
            return;
        }
        let csf = csf2();
        let sources = csf.sources();
        view.source = view.source.min(sources.len().saturating_sub(1));
        view.coverage = sources.get(view.source).map(|source| {
            coverage(
                csf,
                source,
                &self.workspace.soa,
                &self.workspace.mgmt.system,
            )
        });
        let rows = self.csf_node_rows();
        let len = self.dashboard.csf.rows().len();
        let view = &mut self.dashboard.csf;
        let functions = view.functions().len();
        view.functions.keep_visible(functions, functions);
        view.nodes.keep_visible(len, rows);
    }

    /// Rows of the node list on screen: the pane less its borders, the disclaimer and the
    /// column header.
    pub fn csf_node_rows(&self) -> usize {
        let body = layout::screen(self.area()).body;
        let above = disclaimer_lines(usize::from(body.width.saturating_sub(2))).len() + 1;
        usize::from(body.height.saturating_sub(2))
            .saturating_sub(above)
            .max(1)
    }
}

/// The actions of the dashboard while it shows the CSF view (and the key that shows it).
pub(super) fn action(app: &mut App, action: Action) -> Effect {
    let rows = app.csf_node_rows();
    let view = &mut app.dashboard.csf;
    match action {
        Action::Dashboard(DashCommand::CsfView) => {
            view.shown = !view.shown;
            app.refresh_csf();
        }
        Action::Dashboard(DashCommand::CsfSource) => {
            let count = csf2().sources().len().max(1);
            view.source = (view.source + 1) % count;
            app.refresh_csf();
            let name = app.dashboard.csf.source_name();
            app.tell(format!("Mapping source: {name}"), false);
        }
        Action::Dashboard(command @ (DashCommand::Up | DashCommand::Down)) => {
            let delta = if command == DashCommand::Up { -1 } else { 1 };
            if view.function.is_some() {
                let len = view.rows().len();
                view.nodes.move_by(delta, len, rows);
            } else {
                let len = view.functions().len();
                view.functions.move_by(delta, len, len);
            }
        }
        Action::Open if view.function.is_none() && !view.functions().is_empty() => {
            view.function = Some(view.functions.selected);
            view.nodes = Cursor::default();
        }
        Action::Open if view.function.is_none() => {}
        Action::Open => list_controls(app),
        Action::Close => view.function = None,
        _ => {}
    }
    Effect::None
}

/// Enter on a subcategory: its mapped controls with their SoA decisions, and its clauses with
/// their status, in a popup; Enter there goes to the control screen (or the clause).
fn list_controls(app: &mut App) {
    let view = &app.dashboard.csf;
    let rows = view.rows();
    let (Some(cov), Some(row)) = (&view.coverage, rows.get(view.nodes.selected)) else {
        return;
    };
    let CsfRow::Subcategory(index) = *row else {
        app.tell("Enter on a subcategory lists its controls", false);
        return;
    };
    let node: &NodeCoverage = &cov.nodes[index];
    let mut items: Vec<(String, Target)> = node
        .controls
        .iter()
        .map(|id| {
            let title = app
                .catalogue
                .get(id)
                .map_or(String::new(), |c| c.title.clone());
            let decision = match app.soa_entry(id) {
                None => "no SoA entry".to_string(),
                Some(e) if e.applicability == Applicability::Applicable => {
                    format!("applicable, {}", e.status.label())
                }
                Some(e) => e.applicability.name().to_string(),
            };
            let text = sanitize_line(&format!("{id:<6}{decision:<26}{title}"));
            (text, Target::ControlScreen(id.clone()))
        })
        .collect();
    items.extend(node.clause_status.iter().map(|c| {
        let id = c.clause.split('(').next().unwrap_or(&c.clause);
        let title = clause(id).map_or("", |c| c.title);
        let status = c.status.name().replace('_', " ");
        let text = sanitize_line(&format!("clause {:<7}{status:<13}{title}", c.clause));
        // A whole clause (6.1) goes to its first sub-clause in the ISMS pane.
        let sub = app
            .workspace
            .mgmt
            .system
            .clauses
            .iter()
            .find(|s| s.clause == id || s.clause.starts_with(&format!("{id}.")))
            .map_or(id.to_string(), |s| s.clause.clone());
        (text, Target::Clause(sub))
    }));
    let title = sanitize_line(&format!(
        " {} · {} · {} ",
        node.node,
        node.state.label(),
        view.source_name()
    ));
    if items.is_empty() {
        let text = format!("{} is not mapped by {}", node.node, view.source_name());
        app.tell(sanitize_line(&text), false);
        return;
    }
    app.layers.push(Layer::List(ListPopup::new(title, items)));
}
