//! Changing the workspace's settings: the organisation, the scope statement and the SoA version
//! that every exported document carries, and the risk method (scale labels, level bands,
//! acceptance threshold), saying first how many risks would change level.

use super::edit::EditError;
use super::text::{sanitize, sanitize_line};
use super::workspace::{Level, RiskMethod, Settings, Workspace};

/// The settings to change; `None` leaves a value as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsChange {
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub scope: Option<String>,
    pub soa_version: Option<String>,
    pub acceptance_threshold: Option<u32>,
    /// `(level, from score)` pairs that move a band's lower bound.
    pub bands: Vec<(Level, u32)>,
    /// `(value, label)` pairs for the likelihood scale.
    pub likelihood_labels: Vec<(u8, String)>,
    /// `(value, label)` pairs for the impact scale.
    pub impact_labels: Vec<(u8, String)>,
}

/// One risk whose inherent or residual level a new risk method changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelChange {
    pub risk: String,
    pub residual: bool,
    pub before: Level,
    pub after: Level,
}

/// Applies `change` to the settings; returns the names of the settings that changed.
pub fn set_settings(
    workspace: &mut Workspace,
    change: &SettingsChange,
) -> Result<Vec<&'static str>, EditError> {
    let mut next = workspace.settings.clone();
    let mut changed = Vec::new();
    let mut set_line = |field: &mut String, value: &Option<String>, name: &'static str| {
        if let Some(value) = value {
            let clean = sanitize_line(value).trim().to_string();
            if *field != clean {
                *field = clean;
                changed.push(name);
            }
        }
    };
    set_line(&mut next.name, &change.name, "name");
    set_line(&mut next.organisation, &change.organisation, "organisation");
    set_line(&mut next.soa_version, &change.soa_version, "soa_version");
    if let Some(scope) = &change.scope {
        let clean = sanitize(scope).trim().to_string();
        if next.scope != clean {
            next.scope = clean;
            changed.push("scope");
        }
    }
    if next.name.is_empty() {
        return Err(EditError::Invalid(
            "the workspace name cannot be empty".into(),
        ));
    }
    if next.soa_version.is_empty() {
        return Err(EditError::Invalid("the SoA version cannot be empty".into()));
    }
    let method_before = next.risk_method.clone();
    change_method(&mut next.risk_method, change)?;
    if next.risk_method != method_before {
        changed.push("risk_method");
    }
    workspace.settings = next;
    Ok(changed)
}

fn change_method(method: &mut RiskMethod, change: &SettingsChange) -> Result<(), EditError> {
    for (value, label) in &change.likelihood_labels {
        relabel(&mut method.likelihood, *value, label, "likelihood")?;
    }
    for (value, label) in &change.impact_labels {
        relabel(&mut method.impact, *value, label, "impact")?;
    }
    for (level, from) in &change.bands {
        let Some(band) = method.bands.iter_mut().find(|b| b.level == *level) else {
            return Err(EditError::Invalid(format!(
                "the risk method has no {} band",
                level.name()
            )));
        };
        band.from = *from;
    }
    if method.bands.windows(2).any(|w| w[0].from >= w[1].from) {
        return Err(EditError::Invalid(
            "band lower bounds must rise from low to critical".into(),
        ));
    }
    let top = u32::from(method.max_likelihood()) * u32::from(method.max_impact());
    if let Some(threshold) = change.acceptance_threshold {
        if threshold == 0 || threshold > top {
            return Err(EditError::Invalid(format!(
                "the acceptance threshold must be a score from 1 to {top}"
            )));
        }
        method.acceptance_threshold = threshold;
    }
    Ok(())
}

fn relabel(
    scale: &mut [super::workspace::ScalePoint],
    value: u8,
    label: &str,
    which: &str,
) -> Result<(), EditError> {
    let label = sanitize_line(label).trim().to_string();
    if label.is_empty() {
        return Err(EditError::Invalid(format!(
            "a {which} label cannot be empty"
        )));
    }
    // The settings form and `isms workspace set` separate the labels with commas.
    if label.contains(',') {
        return Err(EditError::Invalid(format!(
            "a {which} label cannot contain a comma ({label:?}): commas separate the labels"
        )));
    }
    match scale.iter_mut().find(|p| p.value == value) {
        Some(point) => {
            point.label = label;
            Ok(())
        }
        None => Err(EditError::Invalid(format!(
            "the {which} scale has no value {value}"
        ))),
    }
}

/// The risks whose inherent or residual level differs between two risk methods.
pub fn level_changes(workspace: &Workspace, before: &Settings) -> Vec<LevelChange> {
    let (old, new) = (&before.risk_method, &workspace.settings.risk_method);
    let mut changes = Vec::new();
    for risk in &workspace.risks.risks {
        let scores = [
            (false, Some(risk.inherent_score())),
            (true, risk.residual_score()),
        ];
        for (residual, score) in scores {
            let Some(score) = score else { continue };
            let (before, after) = (old.level(score), new.level(score));
            if before != after {
                changes.push(LevelChange {
                    risk: risk.id.clone(),
                    residual,
                    before,
                    after,
                });
            }
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Catalogue;
    use crate::domain::risk::Risk;

    fn workspace() -> Workspace {
        let mut ws = Workspace::new(Settings::default(), &Catalogue::builtin());
        let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        ws.risks.risks.push(Risk::new("R-001", "A", 3, 3, day));
        ws.risks.risks.push(Risk::new("R-002", "B", 1, 2, day));
        ws
    }

    #[test]
    fn organisation_scope_and_version_are_set_cleanly() {
        let mut ws = workspace();
        let change = SettingsChange {
            organisation: Some(" Brackenfield\u{1b}[31m Ltd ".into()),
            scope: Some("All UK offices\nand the cloud platform".into()),
            soa_version: Some("2.1".into()),
            ..SettingsChange::default()
        };
        let changed = set_settings(&mut ws, &change).unwrap();
        assert_eq!(changed, ["organisation", "soa_version", "scope"]);
        assert_eq!(ws.settings.organisation, "Brackenfield[31m Ltd");
        assert_eq!(ws.settings.scope, "All UK offices\nand the cloud platform");
        assert!(set_settings(&mut ws, &change).unwrap().is_empty());
    }

    #[test]
    fn a_new_band_says_which_risks_change_level() {
        let mut ws = workspace();
        let before = ws.settings.clone();
        let change = SettingsChange {
            bands: vec![(Level::Medium, 10), (Level::High, 12)],
            ..SettingsChange::default()
        };
        set_settings(&mut ws, &change).unwrap();
        let changes = level_changes(&ws, &before);
        assert_eq!(changes.len(), 1);
        assert_eq!(
            (
                changes[0].risk.as_str(),
                changes[0].before,
                changes[0].after
            ),
            ("R-001", Level::Medium, Level::Low)
        );
    }

    #[test]
    fn impossible_methods_are_refused_and_change_nothing() {
        let mut ws = workspace();
        let before = ws.clone();
        for change in [
            SettingsChange {
                bands: vec![(Level::High, 3)],
                ..SettingsChange::default()
            },
            SettingsChange {
                acceptance_threshold: Some(26),
                ..SettingsChange::default()
            },
            SettingsChange {
                likelihood_labels: vec![(9, "x".into())],
                ..SettingsChange::default()
            },
            SettingsChange {
                soa_version: Some("  ".into()),
                ..SettingsChange::default()
            },
        ] {
            assert!(set_settings(&mut ws, &change).is_err(), "{change:?}");
            assert_eq!(ws, before);
        }
    }
}
