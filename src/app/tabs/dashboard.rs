//! The dashboard's state: which panel has the focus (inherent map, residual map, findings), the
//! heat-map cell under the cursor, the selected finding, the findings of `isms check` (computed
//! when the workspace changes). Enter on a cell lists its risks in a popup layer.

use crate::app::layers::Layer;
use crate::app::layers::list::{ListPopup, Target};
use crate::app::widgets::cursor::Cursor;
use crate::app::{Action, App, Effect};
use crate::domain::check::{Finding, check};
use crate::domain::risk::Risk;
use crate::domain::text::sanitize_line;
use crate::domain::workspace::Workspace;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Inherent,
    Residual,
    Findings,
}

/// The dashboard's own commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DashCommand {
    Left,
    Right,
    Up,
    Down,
    NextPanel,
}

#[derive(Debug, Clone)]
pub struct Dashboard {
    pub panel: Panel,
    /// The cell under the cursor: (likelihood, impact), both from 1.
    pub cell: (u8, u8),
    pub findings: Vec<Finding>,
    pub findings_cursor: Cursor,
}

impl Default for Dashboard {
    fn default() -> Dashboard {
        Dashboard {
            panel: Panel::Inherent,
            cell: (1, 1),
            findings: Vec::new(),
            findings_cursor: Cursor::default(),
        }
    }
}

/// The rating of a risk on one map: inherent, or residual when it has one.
pub fn rating(risk: &Risk, residual: bool) -> Option<(u8, u8)> {
    if residual {
        Some((risk.residual_likelihood?, risk.residual_impact?))
    } else {
        Some((risk.likelihood, risk.impact))
    }
}

/// The risks rated in one cell of a map.
pub fn cell_risks(workspace: &Workspace, residual: bool, cell: (u8, u8)) -> Vec<&Risk> {
    workspace
        .risks
        .risks
        .iter()
        .filter(|r| rating(r, residual) == Some(cell))
        .collect()
}

/// Rows the findings list shows when it is moved by a page.
const FINDING_PAGE: usize = 5;

impl App {
    /// Recomputes the findings (after an edit, undo or a new day).
    pub fn refresh_dashboard(&mut self) {
        let today = self.risks_pane.today;
        self.dashboard.findings = check(&self.workspace, &self.catalogue, today);
        let len = self.dashboard.findings.len();
        self.dashboard
            .findings_cursor
            .keep_visible(len, FINDING_PAGE);
    }
}

/// The actions bound on the dashboard.
pub(super) fn action(app: &mut App, action: Action) -> Effect {
    let method = &app.workspace.settings.risk_method;
    let (max_l, max_i) = (method.max_likelihood().max(1), method.max_impact().max(1));
    let dash = &mut app.dashboard;
    let (l, i) = dash.cell;
    let on_map = dash.panel != Panel::Findings;
    match action {
        Action::Dashboard(DashCommand::NextPanel) => {
            dash.panel = match dash.panel {
                Panel::Inherent => Panel::Residual,
                Panel::Residual => Panel::Findings,
                Panel::Findings => Panel::Inherent,
            }
        }
        Action::Dashboard(DashCommand::Left) if on_map => {
            dash.cell = (l, i.saturating_sub(1).max(1))
        }
        Action::Dashboard(DashCommand::Right) if on_map => dash.cell = (l, (i + 1).min(max_i)),
        Action::Dashboard(DashCommand::Up) if on_map => dash.cell = ((l + 1).min(max_l), i),
        Action::Dashboard(DashCommand::Down) if on_map => {
            dash.cell = (l.saturating_sub(1).max(1), i)
        }
        Action::Dashboard(DashCommand::Up) => move_finding(app, -1),
        Action::Dashboard(DashCommand::Down) => move_finding(app, 1),
        Action::Open if on_map => list_cell(app),
        Action::Open => open_finding(app),
        _ => {}
    }
    Effect::None
}

fn move_finding(app: &mut App, delta: isize) {
    let len = app.dashboard.findings.len();
    app.dashboard
        .findings_cursor
        .move_by(delta, len, FINDING_PAGE);
}

fn list_cell(app: &mut App) {
    let residual = app.dashboard.panel == Panel::Residual;
    let cell = app.dashboard.cell;
    let items: Vec<(String, Target)> = cell_risks(&app.workspace, residual, cell)
        .into_iter()
        .map(|r| {
            let text = sanitize_line(&format!("{} {}", r.id, r.title));
            (text, Target::Risk(r.id.clone()))
        })
        .collect();
    let map = if residual { "residual" } else { "inherent" };
    if items.is_empty() {
        let text = format!(
            "No risk rated likelihood {} × impact {} ({map})",
            cell.0, cell.1
        );
        app.tell(text, false);
        return;
    }
    let title = format!(" {map} {}×{}: {} risks ", cell.0, cell.1, items.len());
    app.layers.push(Layer::List(ListPopup::new(title, items)));
}

/// Goes to the risk or control a finding is about.
fn open_finding(app: &mut App) {
    let Some(finding) = app
        .dashboard
        .findings
        .get(app.dashboard.findings_cursor.selected)
    else {
        return;
    };
    let subject = finding.subject.clone();
    if app.workspace.risks.get(&subject).is_some() {
        app.go_to_risk(&subject);
    } else {
        app.go_to_control(&subject);
    }
}
