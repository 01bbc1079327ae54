//! Which findings the dashboard lists: a severity (`s` cycles all, errors, warnings) and a code
//! (`c` opens a list of the codes found). The findings' title says what is filtered.

use super::dashboard::{Dashboard, Panel, group_text};
use crate::app::App;
use crate::app::layers::Layer;
use crate::app::layers::list::{ListPopup, Target};
use crate::domain::check::{Finding, Severity};

impl Dashboard {
    /// True when the filters let this finding through.
    pub fn shows(&self, finding: &Finding) -> bool {
        self.severity.is_none_or(|s| finding.severity == s)
            && self.code.as_deref().is_none_or(|c| finding.code == c)
    }

    /// What is filtered, for the findings' title ("errors · code undecided"); empty when nothing.
    pub fn filter_text(&self) -> String {
        let mut parts = Vec::new();
        if let Some(severity) = self.severity {
            parts.push(format!("{}s only", severity.name()));
        }
        if let Some(code) = &self.code {
            parts.push(format!("code {code}"));
        }
        parts.join(" · ")
    }
}

/// `s`: all findings, then errors only, then warnings only.
pub fn cycle_severity(app: &mut App) {
    let dash = &mut app.dashboard;
    dash.severity = match dash.severity {
        None => Some(Severity::Error),
        Some(Severity::Error) => Some(Severity::Warning),
        Some(Severity::Warning) => None,
    };
    dash.panel = Panel::Findings;
    dash.findings_cursor = Default::default();
}

/// `c`: a popup of "all codes" and every code found (with how many), the current one selected.
pub fn pick_code(app: &mut App) {
    let findings = &app.dashboard.findings;
    let mut codes: Vec<(&'static str, usize)> = Vec::new();
    for finding in findings {
        match codes.iter_mut().find(|(c, _)| *c == finding.code) {
            Some((_, count)) => *count += 1,
            None => codes.push((finding.code, 1)),
        }
    }
    if codes.is_empty() {
        app.tell("No findings to filter", false);
        return;
    }
    let mut items = vec![(
        format!("all codes ({})", findings.len()),
        Target::FindingCode(None),
    )];
    items.extend(codes.iter().map(|&(code, count)| {
        (
            format!("{code} · {}", group_text(code, count)),
            Target::FindingCode(Some(code.to_string())),
        )
    }));
    let current = app.dashboard.code.clone();
    let mut popup = ListPopup::new(" Show findings with the code ".to_string(), items);
    let at = popup
        .items
        .iter()
        .position(|(_, t)| *t == Target::FindingCode(current.clone()))
        .unwrap_or(0);
    popup.move_by(at as isize);
    app.layers.push(Layer::List(popup));
}

impl App {
    /// Lists only the findings with `code` (all with `None`), from the code list.
    pub fn filter_findings(&mut self, code: Option<String>) {
        self.dashboard.code = code;
        self.dashboard.panel = Panel::Findings;
        self.dashboard.findings_cursor = Default::default();
    }
}
