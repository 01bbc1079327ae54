//! The SoA entry form's state: one field per part of the entry, the text fields as
//! ratatui-textarea editors (multi-line, word movement, their own undo), and what the form holds
//! as a `SoaChange`. Keys reach the focused field through [`SoaForm::input`].

use chrono::NaiveDate;
use ratatui_textarea::{Input, Key as TaKey, TextArea};

use crate::domain::edit::SoaChange;
use crate::domain::soa::{Applicability, Reason, SoaEntry, Status};
use crate::keymap::{Key, KeyCode};

/// The fields, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Applicability,
    LegalRegulatory,
    Contractual,
    Business,
    Justification,
    Status,
    Note,
    Owner,
    Evidence,
    Reviewed,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::Applicability,
        Field::LegalRegulatory,
        Field::Contractual,
        Field::Business,
        Field::Justification,
        Field::Status,
        Field::Note,
        Field::Owner,
        Field::Evidence,
        Field::Reviewed,
    ];

    /// The reason a toggle field stands for.
    pub fn reason(self) -> Option<Reason> {
        match self {
            Field::LegalRegulatory => Some(Reason::LegalRegulatory),
            Field::Contractual => Some(Reason::Contractual),
            Field::Business => Some(Reason::Business),
            _ => None,
        }
    }

    /// True for the fields edited as text.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Field::Justification | Field::Note | Field::Owner | Field::Evidence | Field::Reviewed
        )
    }
}

pub struct SoaForm {
    pub control: String,
    pub field: Field,
    pub applicability: Applicability,
    /// The reasons given by hand.
    pub reasons: Vec<Reason>,
    /// Derived from the risks: shown, never toggled.
    pub risk_treatment: bool,
    pub justification: TextArea<'static>,
    pub status: Status,
    pub note: TextArea<'static>,
    pub owner: TextArea<'static>,
    /// One item per line.
    pub evidence: TextArea<'static>,
    pub reviewed: TextArea<'static>,
    original: FormValues,
}

/// Everything the form holds, to tell whether anything changed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FormValues {
    applicability: Applicability,
    reasons: Vec<Reason>,
    justification: String,
    status: Status,
    note: String,
    owner: String,
    evidence: Vec<String>,
    reviewed: String,
}

fn text_area(text: &str) -> TextArea<'static> {
    let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let mut area = TextArea::new(lines);
    area.set_cursor_line_style(ratatui::style::Style::default());
    area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    area
}

impl SoaForm {
    pub fn new(entry: &SoaEntry, risk_treatment: bool) -> SoaForm {
        let mut reasons: Vec<Reason> = entry
            .reasons
            .iter()
            .copied()
            .filter(|r| *r != Reason::RiskTreatment)
            .collect();
        reasons.sort();
        let reviewed = entry.reviewed.map(|d| d.to_string()).unwrap_or_default();
        let mut form = SoaForm {
            control: entry.control.clone(),
            field: Field::Justification,
            applicability: entry.applicability,
            reasons,
            risk_treatment,
            justification: text_area(&entry.justification),
            status: entry.status,
            note: text_area(&entry.note),
            owner: text_area(&entry.owner),
            evidence: text_area(&entry.evidence.join("\n")),
            reviewed: text_area(&reviewed),
            original: FormValues {
                applicability: Applicability::Undecided,
                reasons: Vec::new(),
                justification: String::new(),
                status: Status::NotStarted,
                note: String::new(),
                owner: String::new(),
                evidence: Vec::new(),
                reviewed: String::new(),
            },
        };
        // The cursor goes to the end of the justification, ready to continue writing.
        form.justification
            .move_cursor(ratatui_textarea::CursorMove::Bottom);
        form.justification
            .move_cursor(ratatui_textarea::CursorMove::End);
        form.original = form.values();
        form
    }

    fn values(&self) -> FormValues {
        FormValues {
            applicability: self.applicability,
            reasons: self.reasons.clone(),
            justification: self.justification.lines().join("\n"),
            status: self.status,
            note: self.note.lines().join("\n"),
            owner: self.owner.lines().join(" "),
            evidence: self.evidence_items(),
            reviewed: self.reviewed_text(),
        }
    }

    fn evidence_items(&self) -> Vec<String> {
        self.evidence
            .lines()
            .iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    }

    pub fn reviewed_text(&self) -> String {
        self.reviewed.lines().join("").trim().to_string()
    }

    /// True when any field differs from the entry the form was opened on.
    pub fn changed(&self) -> bool {
        self.values() != self.original
    }

    /// Why the reviewed date cannot be taken, while it cannot (checked as the user types).
    pub fn date_error(&self) -> Option<String> {
        let text = self.reviewed_text();
        if text.is_empty() {
            return None;
        }
        match NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
            Ok(_) => None,
            Err(_) => Some(format!(
                "{text:?} is not a date; write YYYY-MM-DD, or t for today"
            )),
        }
    }

    /// The change the form holds, and the reviewed date (`None` clears it); an error when the
    /// date is not a date.
    pub fn change(&self) -> Result<(SoaChange, Option<NaiveDate>), String> {
        if let Some(error) = self.date_error() {
            return Err(format!("Reviewed: {error}"));
        }
        let values = self.values();
        let reviewed = NaiveDate::parse_from_str(&values.reviewed, "%Y-%m-%d").ok();
        let change = SoaChange {
            applicability: Some(values.applicability),
            reasons: Some(values.reasons),
            justification: Some(values.justification),
            status: Some(values.status),
            note: Some(values.note),
            owner: Some(values.owner),
            evidence: Some(values.evidence),
            reviewed,
        };
        Ok((change, reviewed))
    }

    pub fn move_field(&mut self, delta: isize) {
        let count = Field::ALL.len() as isize;
        let index = Field::ALL
            .iter()
            .position(|f| *f == self.field)
            .unwrap_or(0) as isize;
        self.field = Field::ALL[(index + delta).rem_euclid(count) as usize];
        // Arriving in a text field puts the cursor after its text, ready to add to it.
        let field = self.field;
        if let Some(area) = self.text_mut(field) {
            area.move_cursor(ratatui_textarea::CursorMove::Bottom);
            area.move_cursor(ratatui_textarea::CursorMove::End);
        }
    }

    /// The text area of a text field.
    pub fn text_mut(&mut self, field: Field) -> Option<&mut TextArea<'static>> {
        match field {
            Field::Justification => Some(&mut self.justification),
            Field::Note => Some(&mut self.note),
            Field::Owner => Some(&mut self.owner),
            Field::Evidence => Some(&mut self.evidence),
            Field::Reviewed => Some(&mut self.reviewed),
            _ => None,
        }
    }

    /// Replaces the text of a text field (from `$EDITOR` or `t`), keeping its undo history.
    pub fn replace_text(&mut self, field: Field, text: &str) {
        let single = matches!(field, Field::Owner | Field::Reviewed);
        let text = if single {
            text.lines().next().unwrap_or("").trim().to_string()
        } else {
            text.trim_end_matches('\n').to_string()
        };
        if let Some(area) = self.text_mut(field) {
            area.select_all();
            area.cut();
            area.insert_str(text);
        }
    }

    /// A key for the focused field; `today` is what `t` writes into the date.
    pub fn input(&mut self, key: Key, today: NaiveDate) {
        let field = self.field;
        let space_or_arrow = matches!(
            key.code,
            KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right | KeyCode::Enter
        ) && !key.ctrl
            && !key.alt;
        match field {
            Field::Applicability if space_or_arrow => {
                self.applicability = if key.code == KeyCode::Left {
                    self.applicability.next().next()
                } else {
                    self.applicability.next()
                };
            }
            Field::Status if space_or_arrow => {
                self.status = if key.code == KeyCode::Left {
                    self.status.next().next().next()
                } else {
                    self.status.next()
                };
            }
            Field::LegalRegulatory | Field::Contractual | Field::Business if space_or_arrow => {
                let reason = field.reason().expect("a reason field");
                if let Some(i) = self.reasons.iter().position(|r| *r == reason) {
                    self.reasons.remove(i);
                } else {
                    self.reasons.push(reason);
                    self.reasons.sort();
                }
            }
            Field::Reviewed if key == Key::char('t') => {
                self.replace_text(Field::Reviewed, &today.to_string());
            }
            Field::Owner | Field::Reviewed if key.code == KeyCode::Enter => self.move_field(1),
            _ => {
                if let (Some(area), Some(input)) = (self.text_mut(field), to_input(key)) {
                    area.input(input);
                }
            }
        }
    }
}

/// Our key as the text area's input. Shift is part of the character already.
fn to_input(key: Key) -> Option<Input> {
    let code = match key.code {
        KeyCode::Char(c) => TaKey::Char(c),
        KeyCode::Enter => TaKey::Enter,
        KeyCode::Backspace => TaKey::Backspace,
        KeyCode::Delete => TaKey::Delete,
        KeyCode::Up => TaKey::Up,
        KeyCode::Down => TaKey::Down,
        KeyCode::Left => TaKey::Left,
        KeyCode::Right => TaKey::Right,
        KeyCode::Home => TaKey::Home,
        KeyCode::End => TaKey::End,
        KeyCode::PageUp => TaKey::PageUp,
        KeyCode::PageDown => TaKey::PageDown,
        KeyCode::Esc | KeyCode::Tab | KeyCode::BackTab | KeyCode::F(_) => return None,
    };
    Some(Input {
        key: code,
        ctrl: key.ctrl,
        alt: key.alt,
        shift: false,
    })
}
