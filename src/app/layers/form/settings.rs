//! The settings form (`,`): the organisation, scope statement and SoA version every exported
//! document carries, and the risk method (scale labels, level bands, acceptance threshold). It
//! is read back into the same `SettingsChange` as `isms workspace set`, and a method that moves
//! risks to other levels is applied only after a question that says how many.

use super::{Field, Form, Kind, Spec, Subject, Value, spec};
use crate::app::App;
use crate::app::layers::Question;
use crate::app::widgets::text_input::TextInput;
use crate::domain::edit_settings::{SettingsChange, level_changes, set_settings};
use crate::domain::workspace::{Level, ScalePoint, Settings};

/// The settings form's fields, in Tab order.
pub const SPECS: &[Spec] = &[
    spec("organisation", "Organisation", Kind::Line),
    spec("scope", "Scope", Kind::Text { rows: 4 }),
    spec("soa_version", "SoA version", Kind::Line),
    spec("likelihood", "Likelihood 1…", Kind::Line),
    spec("impact", "Impact 1…", Kind::Line),
    spec("bands", "Levels from", Kind::Line),
    spec("threshold", "Accept up to", Kind::Line),
];

/// The levels a band line may name, in order.
const LEVELS: [Level; 4] = [Level::Low, Level::Medium, Level::High, Level::Critical];

/// What a settings field takes, shown under the form while the field has the focus.
pub fn hint(name: &str) -> Option<&'static str> {
    match name {
        "likelihood" | "impact" => {
            Some("Lowest first, comma separated; a label may have spaces, not a comma")
        }
        "bands" => Some("LEVEL=SCORE, e.g. low=1, medium=5, high=10, critical=17"),
        "threshold" => Some("The highest score a risk owner may accept, e.g. 6"),
        _ => None,
    }
}

/// A form holding the workspace's settings.
pub fn open(settings: &Settings) -> Form {
    let method = &settings.risk_method;
    let fields = SPECS
        .iter()
        .map(|spec| {
            let text = match spec.name {
                "organisation" => settings.organisation.clone(),
                "scope" => settings.scope.clone(),
                "soa_version" => settings.soa_version.clone(),
                "likelihood" => labels(&method.likelihood),
                "impact" => labels(&method.impact),
                "bands" => method
                    .bands
                    .iter()
                    .map(|b| format!("{}={}", b.level.name(), b.from))
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => method.acceptance_threshold.to_string(),
            };
            let input = if matches!(spec.kind, Kind::Text { .. }) {
                TextInput::lines(&text)
            } else {
                TextInput::line(&text)
            };
            Field::new(*spec, Value::text(input))
        })
        .collect();
    Form::new(
        Subject::Settings,
        "Settings".to_string(),
        fields,
        "organisation",
    )
}

/// A scale's labels, lowest value first, comma-separated.
fn labels(scale: &[ScalePoint]) -> String {
    scale
        .iter()
        .map(|p| p.label.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The change the form holds, as `isms workspace set` would make it; the field at fault and why
/// when a value cannot be read.
pub fn change(form: &Form, settings: &Settings) -> Result<SettingsChange, (&'static str, String)> {
    let method = &settings.risk_method;
    let text = |name: &str| match &form.field(name).value {
        Value::Text(input) => input.text(),
        _ => String::new(),
    };
    let scale = |name: &'static str, scale: &[ScalePoint]| {
        // Left as it was: nothing to change (a label with a comma, written in the file by
        // hand, then does not stop the other settings from being saved).
        if text(name) == labels(scale) {
            return Ok(Vec::new());
        }
        let given: Vec<String> = text(name)
            .split(',')
            .map(|l| l.trim().to_string())
            .collect();
        if given.len() != scale.len() || given.iter().any(String::is_empty) {
            let reason = format!(
                "{name}: give {} labels, lowest first, separated by commas (a label may not \
                 contain a comma)",
                scale.len()
            );
            return Err((name, reason));
        }
        Ok(scale.iter().map(|p| p.value).zip(given).collect())
    };
    let mut bands = Vec::new();
    for part in text("bands").split(',').filter(|p| !p.trim().is_empty()) {
        let parsed = part.split_once('=').and_then(|(level, from)| {
            let level = LEVELS
                .into_iter()
                .find(|l| l.name().eq_ignore_ascii_case(level.trim()))?;
            Some((level, from.trim().parse::<u32>().ok()?))
        });
        match parsed {
            Some(band) => bands.push(band),
            None => {
                let reason = format!(
                    "levels: {:?} is not LEVEL=SCORE (e.g. high=10)",
                    part.trim()
                );
                return Err(("bands", reason));
            }
        }
    }
    let threshold = text("threshold").trim().parse::<u32>().map_err(|_| {
        (
            "threshold",
            "accept up to: a whole score, e.g. 6".to_string(),
        )
    })?;
    Ok(SettingsChange {
        name: None,
        organisation: Some(text("organisation")),
        scope: Some(text("scope")),
        soa_version: Some(text("soa_version")),
        acceptance_threshold: (threshold != method.acceptance_threshold).then_some(threshold),
        bands,
        likelihood_labels: scale("likelihood", &method.likelihood)?,
        impact_labels: scale("impact", &method.impact)?,
    })
}

/// Applies the form: at once when no risk changes level, else after the question that says how
/// many do (the form stays open under it). False while the form stays open.
pub fn apply(app: &mut App, form: &mut Form) -> bool {
    if !form.changed() {
        return true;
    }
    if app.refuse_read_only() {
        return false;
    }
    let change = match change(form, &app.workspace.settings) {
        Ok(change) => change,
        Err((field, reason)) => {
            form.focus_on(field);
            app.tell(reason, true);
            return false;
        }
    };
    let mut trial = app.workspace.clone();
    let before = trial.settings.clone();
    match set_settings(&mut trial, &change) {
        Err(error) => {
            app.tell(error.to_string(), true);
            false
        }
        Ok(_) => {
            let moves = level_changes(&trial, &before).len();
            if moves > 0 {
                app.ask(Question::RiskMethod {
                    change: Box::new(change),
                    moves,
                });
                return false;
            }
            app.apply_settings(&change);
            true
        }
    }
}

impl App {
    /// Opens the settings form.
    pub fn open_settings(&mut self) {
        let mut form = open(&self.workspace.settings);
        form.read_only = self.read_only.is_some();
        self.layers
            .push(crate::app::layers::Layer::Form(Box::new(form)));
    }

    /// Changes the settings as one undoable edit and says which changed.
    pub fn apply_settings(&mut self, change: &SettingsChange) {
        let mut names = Vec::new();
        let made = self.edit("settings", |ws| {
            names = set_settings(ws, change)?;
            Ok::<(), crate::domain::edit::EditError>(())
        });
        if made {
            let names = names.join(", ").replace('_', " ");
            self.tell(format!("Settings changed: {names} (u undoes)"), false);
        }
    }
}
