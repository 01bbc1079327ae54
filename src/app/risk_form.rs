//! The risk form: every field of a risk, the focused field, the control picker when it is open,
//! and whether "discard the changes?" is being asked. Keys edit the focused field; applying is
//! done by `risk_actions` through `App::edit`.

use chrono::NaiveDate;

use super::risk_line_edit::LineEdit;
use super::risk_picker::ControlPicker;
use crate::domain::risk::{Risk, RiskStatus, Treatment};
use crate::domain::workspace::RiskMethod;
use crate::keymap::{Key, KeyCode};

/// The form's fields, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Description,
    Asset,
    Threat,
    Vulnerability,
    Owner,
    Likelihood,
    Impact,
    Treatment,
    Controls,
    ResidualLikelihood,
    ResidualImpact,
    Status,
    AcceptedBy,
    AcceptedOn,
    AcceptedUntil,
    NextReview,
}

impl Field {
    pub const ALL: [Field; 17] = [
        Field::Title,
        Field::Description,
        Field::Asset,
        Field::Threat,
        Field::Vulnerability,
        Field::Owner,
        Field::Likelihood,
        Field::Impact,
        Field::Treatment,
        Field::Controls,
        Field::ResidualLikelihood,
        Field::ResidualImpact,
        Field::Status,
        Field::AcceptedBy,
        Field::AcceptedOn,
        Field::AcceptedUntil,
        Field::NextReview,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::Description => "Description",
            Field::Asset => "Asset",
            Field::Threat => "Threat",
            Field::Vulnerability => "Vulnerability",
            Field::Owner => "Owner",
            Field::Likelihood => "Likelihood",
            Field::Impact => "Impact",
            Field::Treatment => "Treatment",
            Field::Controls => "Controls",
            Field::ResidualLikelihood => "Residual likel.",
            Field::ResidualImpact => "Residual impact",
            Field::Status => "Status",
            Field::AcceptedBy => "Accepted by",
            Field::AcceptedOn => "Accepted on",
            Field::AcceptedUntil => "Accepted until",
            Field::NextReview => "Next review",
        }
    }

    pub fn is_date(self) -> bool {
        matches!(
            self,
            Field::AcceptedOn | Field::AcceptedUntil | Field::NextReview
        )
    }
}

#[derive(Debug, Clone)]
pub struct RiskForm {
    /// The risk being edited; `None` for a new one.
    pub id: Option<String>,
    pub focus: Field,
    /// Title, description, asset, threat, vulnerability, owner, accepted by and the three dates.
    texts: Vec<(Field, LineEdit)>,
    pub likelihood: u8,
    pub impact: u8,
    pub treatment: Treatment,
    pub controls: Vec<String>,
    pub residual_likelihood: Option<u8>,
    pub residual_impact: Option<u8>,
    pub status: RiskStatus,
    pub picker: Option<ControlPicker>,
    /// True while asking whether to throw the changes away.
    pub confirm_discard: bool,
    initial: Vec<String>,
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

impl RiskForm {
    /// A form for a new risk, rated in the middle of both scales.
    pub fn new_risk(method: &RiskMethod) -> RiskForm {
        let middle = |max: u8| max.div_ceil(2).max(1);
        let mut risk = Risk::new("", "", 1, 1, NaiveDate::MIN);
        risk.likelihood = middle(method.max_likelihood());
        risk.impact = middle(method.max_impact());
        let mut form = RiskForm::edit(&risk);
        form.id = None;
        form
    }

    /// A form holding a risk's current values.
    pub fn edit(risk: &Risk) -> RiskForm {
        let acceptance = risk.acceptance.as_ref();
        let text = |field: Field, value: String| (field, LineEdit::new(&value));
        let texts = vec![
            text(Field::Title, risk.title.clone()),
            text(Field::Description, risk.description.clone()),
            text(Field::Asset, risk.asset.clone()),
            text(Field::Threat, risk.threat.clone()),
            text(Field::Vulnerability, risk.vulnerability.clone()),
            text(Field::Owner, risk.owner.clone()),
            text(
                Field::AcceptedBy,
                acceptance.map(|a| a.by.clone()).unwrap_or_default(),
            ),
            text(Field::AcceptedOn, date_text(acceptance.map(|a| a.on))),
            text(
                Field::AcceptedUntil,
                date_text(acceptance.and_then(|a| a.until)),
            ),
            text(Field::NextReview, date_text(risk.next_review)),
        ];
        let mut form = RiskForm {
            id: Some(risk.id.clone()),
            focus: Field::Title,
            texts,
            likelihood: risk.likelihood,
            impact: risk.impact,
            treatment: risk.treatment,
            controls: risk.controls.clone(),
            residual_likelihood: risk.residual_likelihood,
            residual_impact: risk.residual_impact,
            status: risk.status,
            picker: None,
            confirm_discard: false,
            initial: Vec::new(),
        };
        form.initial = form.values();
        form
    }

    /// The text editor of a text or date field.
    pub fn text(&self, field: Field) -> Option<&LineEdit> {
        self.texts.iter().find(|(f, _)| *f == field).map(|(_, e)| e)
    }

    fn text_mut(&mut self, field: Field) -> Option<&mut LineEdit> {
        self.texts
            .iter_mut()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e)
    }

    /// The trimmed text of a field.
    pub fn value(&self, field: Field) -> String {
        self.text(field)
            .map(|e| e.text().trim().to_string())
            .unwrap_or_default()
    }

    /// A date field: `Ok(None)` when empty, the reason when it is not a date.
    pub fn date(&self, field: Field) -> Result<Option<NaiveDate>, String> {
        let text = self.value(field);
        if text.is_empty() {
            return Ok(None);
        }
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| format!("{}: {text:?} is not a date (YYYY-MM-DD)", field.label()))
    }

    /// Everything the form holds, to tell whether anything changed.
    fn values(&self) -> Vec<String> {
        let mut values: Vec<String> = self.texts.iter().map(|(_, e)| e.text()).collect();
        values.push(format!(
            "{} {} {:?} {:?} {:?} {:?} {:?}",
            self.likelihood,
            self.impact,
            self.treatment,
            self.controls,
            self.residual_likelihood,
            self.residual_impact,
            self.status
        ));
        values
    }

    pub fn changed(&self) -> bool {
        self.values() != self.initial
    }

    pub fn move_focus(&mut self, delta: isize) {
        let count = Field::ALL.len() as isize;
        let at = Field::ALL
            .iter()
            .position(|f| *f == self.focus)
            .unwrap_or(0) as isize;
        self.focus = Field::ALL[(at + delta).rem_euclid(count) as usize];
    }

    /// Edits the focused field with a key; returns false when the key means nothing here.
    pub fn edit_key(&mut self, key: Key, method: &RiskMethod, today: NaiveDate) -> bool {
        let step = match key.code {
            KeyCode::Left | KeyCode::Char('h') | KeyCode::Char('-') => -1,
            KeyCode::Right | KeyCode::Char('l') | KeyCode::Char('+') | KeyCode::Char(' ') => 1,
            _ => 0,
        };
        let digit = match key.code {
            KeyCode::Char(c) if !key.ctrl => c.to_digit(10).map(|d| d as u8),
            _ => None,
        };
        let clear = matches!(key.code, KeyCode::Backspace | KeyCode::Delete) || digit == Some(0);
        let (max_l, max_i) = (method.max_likelihood(), method.max_impact());
        match self.focus {
            Field::Likelihood => set_rating(&mut self.likelihood, step, digit, max_l),
            Field::Impact => set_rating(&mut self.impact, step, digit, max_i),
            Field::ResidualLikelihood => {
                set_optional(&mut self.residual_likelihood, step, digit, clear, max_l)
            }
            Field::ResidualImpact => {
                set_optional(&mut self.residual_impact, step, digit, clear, max_i)
            }
            Field::Treatment => self.treatment = cycle(&Treatment::ALL, self.treatment, step),
            Field::Status => self.status = cycle(&RiskStatus::ALL, self.status, step),
            Field::Controls => {
                if clear {
                    self.controls.pop();
                } else {
                    return false;
                }
            }
            field if field.is_date() && key.code == KeyCode::Char('t') && !key.ctrl => {
                if let Some(edit) = self.text_mut(field) {
                    *edit = LineEdit::new(&today.to_string());
                }
            }
            field => return self.text_mut(field).is_some_and(|e| e.key(key)),
        }
        true
    }

    /// Pasted text goes into the focused text field.
    pub fn paste(&mut self, text: &str) {
        let focus = self.focus;
        if let Some(edit) = self.text_mut(focus) {
            edit.insert(text);
        }
    }
}

fn set_rating(value: &mut u8, step: isize, digit: Option<u8>, max: u8) {
    match digit {
        Some(d) if (1..=max).contains(&d) => *value = d,
        Some(_) => {}
        None => *value = (*value as isize + step).clamp(1, max.max(1) as isize) as u8,
    }
}

fn set_optional(value: &mut Option<u8>, step: isize, digit: Option<u8>, clear: bool, max: u8) {
    if clear {
        *value = None;
        return;
    }
    if step == 0 && digit.is_none() {
        return;
    }
    let mut current = value.unwrap_or(if step < 0 { max + 1 } else { 0 });
    set_rating(&mut current, step, digit, max);
    *value = Some(current);
}

fn cycle<T: Copy + PartialEq>(all: &[T], current: T, step: isize) -> T {
    let at = all.iter().position(|v| *v == current).unwrap_or(0) as isize;
    all[(at + step).rem_euclid(all.len() as isize) as usize]
}
