//! The risk detail: one risk whole, every field wrapped to the width of the screen, with its
//! controls and each control's SoA decision beside it. `j`/`k` pick a control, Enter opens its
//! control screen, `e` the risk form, `c` the SoA filtered to the risk's controls.

use ratatui::layout::Rect;

use super::{Help, Layer, Outcome};
use crate::app::detail::{Line, Role};
use crate::app::layout;
use crate::app::{Action, App, Effect};
use crate::domain::catalogue::Catalogue;
use crate::domain::risk::Risk;
use crate::domain::soa::Applicability;
use crate::domain::text::{sanitize, sanitize_line};
use crate::domain::workspace::Workspace;

#[derive(Debug, Clone)]
pub struct RiskDetail {
    pub id: String,
    pub lines: Vec<Line>,
    /// The first line shown, and how many fit.
    pub scroll: usize,
    pub rows: usize,
    /// The risk's controls, the line each is on, and the picked one.
    pub controls: Vec<String>,
    pub control_lines: Vec<usize>,
    pub picked: usize,
}

impl RiskDetail {
    pub fn new(id: &str) -> RiskDetail {
        RiskDetail {
            id: id.to_string(),
            lines: Vec::new(),
            scroll: 0,
            rows: 1,
            controls: Vec::new(),
            control_lines: Vec::new(),
            picked: 0,
        }
    }

    /// The text area inside the screen's border, with a column of padding each side.
    pub fn text_area(body: Rect) -> Rect {
        let inner = layout::inset(body);
        Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(2),
            ..inner
        }
    }

    /// Lays the risk out again (after any key: it may have been edited or undone).
    pub fn refresh(&mut self, catalogue: &Catalogue, workspace: &Workspace, body: Rect) {
        let area = Self::text_area(body);
        self.rows = usize::from(area.height).max(1);
        let Some(risk) = workspace.risks.get(&self.id) else {
            self.lines = vec![Line {
                spans: vec![(
                    Role::Dim,
                    format!("{} is no longer in the register", self.id),
                )],
                link: None,
            }];
            self.controls.clear();
            self.control_lines.clear();
            return;
        };
        let mut b = Lines {
            width: usize::from(area.width).max(8),
            lines: Vec::new(),
            control_lines: Vec::new(),
        };
        lay_out(&mut b, catalogue, workspace, risk);
        self.lines = b.lines;
        self.controls = risk.controls.clone();
        self.control_lines = b.control_lines;
        self.picked = self.picked.min(self.controls.len().saturating_sub(1));
        self.scroll = self.scroll.min(self.max_scroll());
    }

    fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.rows)
    }

    fn scroll_by(&mut self, delta: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }

    /// Picks the next or previous control, scrolling to show it; scrolls when there is none.
    fn pick(&mut self, delta: isize) {
        if self.controls.is_empty() {
            self.scroll_by(delta);
            return;
        }
        self.picked = self
            .picked
            .saturating_add_signed(delta)
            .min(self.controls.len() - 1);
        let line = self.control_lines[self.picked];
        if line < self.scroll {
            self.scroll = line;
        } else if line >= self.scroll + self.rows {
            self.scroll = line + 1 - self.rows;
        }
    }
}

struct Lines {
    width: usize,
    lines: Vec<Line>,
    control_lines: Vec<usize>,
}

impl Lines {
    fn push(&mut self, spans: Vec<(Role, String)>) {
        self.lines.push(Line { spans, link: None });
    }

    /// A labelled field, its value wrapped under the label's width.
    fn field(&mut self, label: &str, value: &str) {
        let pad = 14;
        let value = if value.trim().is_empty() {
            "—"
        } else {
            value
        };
        let options = textwrap::Options::new(self.width.saturating_sub(pad).max(8));
        for (i, line) in value
            .split('\n')
            .flat_map(|p| textwrap::wrap(p, options.clone()))
            .enumerate()
        {
            let head = if i == 0 { label } else { "" };
            self.push(vec![
                (Role::Label, format!("{head:<pad$}")),
                (Role::Text, line.into_owned()),
            ]);
        }
    }
}

fn lay_out(b: &mut Lines, catalogue: &Catalogue, workspace: &Workspace, risk: &Risk) {
    let title = format!(
        "{}  {}",
        sanitize_line(&risk.id),
        sanitize_line(&risk.title)
    );
    for line in textwrap::wrap(
        &title,
        textwrap::Options::new(b.width).subsequent_indent("  "),
    ) {
        b.push(vec![(Role::Title, line.into_owned())]);
    }
    let method = &workspace.settings.risk_method;
    let score = risk.inherent_score();
    let mut rating = vec![
        (Role::Label, format!("{:<14}", "Inherent")),
        (
            Role::Level(method.level(score)),
            format!("{} {score}", method.level(score).name()),
        ),
        (
            Role::Dim,
            format!("  likelihood {} × impact {}", risk.likelihood, risk.impact),
        ),
    ];
    b.push(std::mem::take(&mut rating));
    match (
        risk.residual_likelihood,
        risk.residual_impact,
        risk.residual_score(),
    ) {
        (Some(l), Some(i), Some(score)) => b.push(vec![
            (Role::Label, format!("{:<14}", "Residual")),
            (
                Role::Level(method.level(score)),
                format!("{} {score}", method.level(score).name()),
            ),
            (Role::Dim, format!("  likelihood {l} × impact {i}")),
        ]),
        _ => b.push(vec![
            (Role::Label, format!("{:<14}", "Residual")),
            (Role::Dim, "not rated".into()),
        ]),
    }
    b.field("Treatment", risk.treatment.name());
    b.field("Status", risk.status.name());
    b.field("Owner", &sanitize_line(&risk.owner));
    b.field("Asset", &sanitize_line(&risk.asset));
    b.field("Threat", &sanitize_line(&risk.threat));
    b.field("Vulnerability", &sanitize_line(&risk.vulnerability));
    b.field("Description", &sanitize(&risk.description));
    let acceptance = risk.acceptance.as_ref().map_or(String::new(), |a| {
        let until = a.until.map_or(String::new(), |d| format!(" until {d}"));
        format!("by {} on {}{until}", sanitize_line(&a.by), a.on)
    });
    b.field("Accepted", &acceptance);
    b.field(
        "Next review",
        &risk.next_review.map(|d| d.to_string()).unwrap_or_default(),
    );
    b.field("Created", &risk.created.to_string());
    b.push(Vec::new());
    b.push(vec![(
        Role::Heading,
        format!("Treating controls · {}", risk.controls.len()),
    )]);
    if risk.controls.is_empty() {
        b.push(vec![(Role::Dim, "  none yet: e edits the risk".into())]);
    }
    for id in &risk.controls {
        let title = catalogue
            .get(id)
            .map_or("not in the catalogue", |c| &c.title);
        let decision: Vec<(Role, String)> = match workspace.soa.entry(id) {
            None => vec![(Role::Dim, "no SoA entry".into())],
            Some(entry) if entry.applicability == Applicability::Applicable => vec![
                (
                    Role::Applicability(entry.applicability),
                    "applicable".into(),
                ),
                (Role::Dim, " · ".into()),
                (Role::Status(entry.status), entry.status.label().to_string()),
            ],
            Some(entry) => vec![(
                Role::Applicability(entry.applicability),
                entry.applicability.name().to_string(),
            )],
        };
        let decision_width: usize = decision.iter().map(|(_, t)| t.chars().count()).sum();
        let head = crate::app::detail::fit(
            &format!("  {:<6}{}", sanitize_line(id), sanitize_line(title)),
            b.width.saturating_sub(decision_width + 2),
        );
        let pad = b
            .width
            .saturating_sub(head.chars().count() + decision_width)
            .max(1);
        let mut spans = vec![(Role::Link, head), (Role::Dim, " ".repeat(pad))];
        spans.extend(decision);
        b.control_lines.push(b.lines.len());
        b.push(spans);
    }
}

impl App {
    /// Opens the detail of a risk over the current pane, remembering where the user was.
    pub fn open_risk_detail(&mut self, id: &str) {
        if self.workspace.risks.get(id).is_none() {
            self.tell(format!("No risk {id} in the register"), true);
            return;
        }
        self.remember();
        self.layers.clear();
        self.push_risk_detail(id);
    }

    /// Puts the risk detail on top (for the jump list, which remembered already).
    pub fn push_risk_detail(&mut self, id: &str) {
        self.layers
            .push(Layer::RiskDetail(Box::new(RiskDetail::new(id))));
        self.refresh_views();
    }

    /// Opens the risk form for a risk.
    pub fn open_risk_form(&mut self, id: &str) {
        if let Some(risk) = self.workspace.risks.get(id) {
            let method = &self.workspace.settings.risk_method;
            let mut form = super::form::risk::edit_risk(risk, method);
            form.read_only = self.read_only.is_some();
            self.layers.push(Layer::Form(Box::new(form)));
        }
    }
}

fn navigate(app: &mut App, detail: &RiskDetail, go: impl FnOnce(&mut App)) -> Outcome {
    app.layers.push(Layer::RiskDetail(Box::new(detail.clone())));
    go(app);
    Outcome::Close(Effect::None)
}

/// An action while the risk detail is on top.
pub(super) fn update(app: &mut App, detail: &mut RiskDetail, action: Action) -> Outcome {
    let page = detail.rows.saturating_sub(2).max(1) as isize;
    match action {
        Action::Close => return Outcome::Close(Effect::None),
        Action::MoveDown => detail.pick(1),
        Action::MoveUp => detail.pick(-1),
        Action::PageDown | Action::DetailPageDown => detail.scroll_by(page),
        Action::PageUp | Action::DetailPageUp => detail.scroll_by(-page),
        Action::MoveTop => detail.scroll = 0,
        Action::MoveBottom => detail.scroll = detail.max_scroll(),
        Action::Open => {
            if let Some(control) = detail.controls.get(detail.picked).cloned() {
                return navigate(app, detail, |app| app.open_control_screen(&control));
            }
            app.tell("This risk names no control yet: e edits it", false);
        }
        Action::Edit => {
            let id = detail.id.clone();
            app.open_risk_form(&id);
        }
        Action::Risk(super::super::tabs::risk_actions::RiskCommand::Controls) => {
            let id = detail.id.clone();
            return navigate(app, detail, |app| app.show_controls_of(&id));
        }
        Action::JumpBack => return navigate(app, detail, App::jump_back),
        Action::JumpForward => return navigate(app, detail, App::jump_forward),
        Action::ToggleHelp => app.layers.push(Layer::Help(Help::default())),
        Action::Save => return Outcome::Keep(app.request_save()),
        Action::Undo => app.undo(),
        Action::Redo => app.redo(),
        other => return Outcome::Pass(other),
    }
    Outcome::Keep(Effect::None)
}
