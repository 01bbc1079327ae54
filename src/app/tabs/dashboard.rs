//! The dashboard's state: which panel has the focus (inherent map, residual map, findings), the
//! heat-map cell under the cursor, the selected finding, the findings of `isms check` (computed
//! when the workspace changes). Enter on a cell lists its risks in a popup layer.

use crate::app::layers::Layer;
use crate::app::layers::list::{ListPopup, Target};
use crate::app::widgets::cursor::Cursor;
use crate::app::{Action, App, Effect};
use crate::domain::check::{Finding, Severity, check};
use crate::domain::merge_diff::soa_entries_changed;
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
    /// Findings: all, errors only, warnings only.
    CycleSeverity,
    /// Findings: a list of the codes found, to show one of them only.
    PickCode,
    /// Switch between the risk view and the NIST CSF 2.0 view.
    CsfView,
    /// The CSF view: the next mapping source.
    CsfSource,
}

#[derive(Debug, Clone)]
pub struct Dashboard {
    pub panel: Panel,
    /// The cell under the cursor: (likelihood, impact), both from 1.
    pub cell: (u8, u8),
    pub findings: Vec<Finding>,
    /// The selected row of the findings list (see `App::dashboard_rows`).
    pub findings_cursor: Cursor,
    /// The codes whose groups are open.
    pub expanded: Vec<&'static str>,
    /// The last approved SoA (its tag and entries), once the edge read it from git.
    pub approved: Option<(String, crate::domain::soa::Soa)>,
    /// How many SoA entries changed since that approval.
    pub changed_since_approval: Option<usize>,
    /// Only findings of this severity are listed (`None`: all).
    pub severity: Option<Severity>,
    /// Only findings with this code are listed (`None`: all).
    pub code: Option<String>,
    /// The NIST CSF 2.0 view, and whether it is shown instead of the risk view.
    pub csf: super::csf_view::CsfView,
}

/// One row of the findings list: a group of findings with the same code, or one finding (an
/// index into `findings`), alone or inside an open group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingRow {
    Group {
        code: &'static str,
        count: usize,
        first: usize,
    },
    Item {
        index: usize,
        grouped: bool,
    },
}

/// A group's line: "81 controls undecided".
pub fn group_text(code: &str, count: usize) -> String {
    let what = match code {
        "undecided" => "controls undecided",
        "excluded_without_justification" => "controls excluded without a justification",
        "applicable_without_reason" => "applicable controls without a reason",
        "risk_treatment_without_risk" => "controls give risk treatment but no risk names them",
        "unknown_control" => "ids not in the catalogue",
        "untreated_risk" => "risks without treating controls",
        "treated_by_excluded_control" => "risks treated by excluded controls",
        "acceptance_expired" => "risk acceptances ran out",
        "acceptance_incomplete" => "risk acceptances without who and when",
        "residual_above_inherent" => "risks rated higher after treatment",
        "review_overdue" => "risk reviews overdue",
        "duplicate_risk_id" => "duplicate risk ids",
        other => return format!("{count} × {other}"),
    };
    format!("{count} {what}")
}

impl Default for Dashboard {
    fn default() -> Dashboard {
        Dashboard {
            panel: Panel::Inherent,
            cell: (1, 1),
            findings: Vec::new(),
            findings_cursor: Cursor::default(),
            expanded: Vec::new(),
            approved: None,
            changed_since_approval: None,
            severity: None,
            code: None,
            csf: super::csf_view::CsfView::default(),
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
        let len = self.dashboard_rows().len();
        self.dashboard
            .findings_cursor
            .keep_visible(len, FINDING_PAGE);
        self.dashboard.changed_since_approval = self
            .dashboard
            .approved
            .as_ref()
            .map(|(_, soa)| soa_entries_changed(soa, &self.workspace.soa));
        self.refresh_csf();
    }

    /// The edge read the last approved `soa.ron` from git (`tag`, its text): the dashboard counts
    /// the entries changed since. Text that does not parse is left unsaid.
    pub fn approved_soa_loaded(&mut self, tag: &str, text: &str) {
        let place = format!("{tag}:soa.ron");
        if let Ok(loaded) = crate::domain::workspace_load::parse_soa(text, &place, &self.catalogue)
        {
            self.dashboard.approved = Some((tag.to_string(), loaded.soa));
            self.refresh_dashboard();
        }
    }
}

impl App {
    /// The rows of the findings list: errors first, then warnings; a code found more than once
    /// is one group line, followed by its findings when the group is open.
    pub fn dashboard_rows(&self) -> Vec<FindingRow> {
        let findings = &self.dashboard.findings;
        let mut codes: Vec<(&'static str, usize)> = Vec::new();
        for (i, f) in findings.iter().enumerate() {
            if !self.dashboard.shows(f) {
                continue;
            }
            if !codes.iter().any(|(c, _)| *c == f.code) {
                codes.push((f.code, i));
            }
        }
        codes.sort_by_key(|&(_, first)| (findings[first].severity != Severity::Error, first));
        let mut rows = Vec::new();
        for (code, first) in codes {
            let members: Vec<usize> = (0..findings.len())
                .filter(|&i| findings[i].code == code && self.dashboard.shows(&findings[i]))
                .collect();
            if members.len() == 1 {
                rows.push(FindingRow::Item {
                    index: first,
                    grouped: false,
                });
                continue;
            }
            rows.push(FindingRow::Group {
                code,
                count: members.len(),
                first,
            });
            if self.dashboard.expanded.contains(&code) {
                rows.extend(members.into_iter().map(|index| FindingRow::Item {
                    index,
                    grouped: true,
                }));
            }
        }
        rows
    }
}

/// The actions bound on the dashboard.
pub(super) fn action(app: &mut App, action: Action) -> Effect {
    if app.dashboard.csf.shown || action == Action::Dashboard(DashCommand::CsfView) {
        return super::csf_view::action(app, action);
    }
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
        Action::Dashboard(DashCommand::CycleSeverity) => {
            super::dashboard_filter::cycle_severity(app)
        }
        Action::Dashboard(DashCommand::PickCode) => super::dashboard_filter::pick_code(app),
        Action::Open if on_map => list_cell(app),
        Action::Open | Action::Toggle => open_finding(app, action == Action::Open),
        _ => {}
    }
    Effect::None
}

fn move_finding(app: &mut App, delta: isize) {
    let len = app.dashboard_rows().len();
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

/// Enter or Space on a group opens or folds it; Enter on a finding goes where it is fixed: the
/// control screen with the SoA form open, or the risk's detail (Ctrl-O comes back).
fn open_finding(app: &mut App, go: bool) {
    let rows = app.dashboard_rows();
    let Some(row) = rows.get(app.dashboard.findings_cursor.selected).copied() else {
        return;
    };
    match row {
        FindingRow::Group { code, .. } => {
            let expanded = &mut app.dashboard.expanded;
            match expanded.iter().position(|c| *c == code) {
                Some(i) => {
                    expanded.remove(i);
                }
                None => expanded.push(code),
            }
        }
        FindingRow::Item { .. } if !go => {}
        FindingRow::Item { index, .. } => {
            let subject = app.dashboard.findings[index].subject.clone();
            if app.workspace.risks.get(&subject).is_some() {
                app.open_risk_detail(&subject);
            } else if app.catalogue.get(&subject).is_some() {
                app.open_control_screen(&subject);
                app.open_entry_form(&subject);
                app.refresh_views();
            } else {
                app.tell(
                    format!("{subject} is not in the catalogue: fix its file"),
                    true,
                );
            }
        }
    }
}
