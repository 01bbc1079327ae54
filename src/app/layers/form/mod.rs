//! The one form of the workbench, driven by a table of field specs: the SoA entry form and the
//! risk form are both a `Form` with their own specs (`soa.rs`, `risk.rs`), one set of keys, one
//! way to type, paste, pick and open `$EDITOR`, and one question before throwing changes away.

pub mod book_record;
pub mod clause;
pub mod field;
pub mod finding;
pub mod mgmt_record;
pub mod register_record;
pub mod risk;
pub mod settings;
pub mod soa;
pub mod system_record;

use chrono::NaiveDate;

use super::picker::ControlPicker;
use super::question::Question;
use super::{Layer, Outcome};
use crate::app::{Action, App, Effect};
use crate::keymap::Context;
use crate::keymap::text::typed_char;
pub use field::{Field, Flag, Kind, Spec, Value, spec};

/// What the form edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// The SoA entry of a control.
    Soa { control: String },
    /// A risk; `None` for a new one.
    Risk { id: Option<String> },
    /// The workspace's settings.
    Settings,
    /// A sub-clause of the management system (`4.1` … `10.2`).
    Clause { id: String },
    /// A finding; `None` for a new one.
    Finding { id: Option<String> },
    /// A record of the ISMS or Audit pane; `None` for a new one.
    Record {
        kind: mgmt_record::RecordKind,
        id: Option<String>,
    },
}

#[derive(Debug, Clone)]
pub struct Form {
    pub subject: Subject,
    pub title: String,
    pub fields: Vec<Field>,
    /// The focused field, an index into `fields`.
    pub focus: usize,
    /// Opened in a read-only session: shown, never changed.
    pub read_only: bool,
    /// An SoA form opened over marked rows: the controls it changes (only in the fields the
    /// user changed), in one undoable edit. Empty for a form on one record.
    pub bulk: Vec<String>,
    original: Vec<String>,
}

impl Form {
    pub fn new(subject: Subject, title: String, fields: Vec<Field>, focus: &str) -> Form {
        let original = fields.iter().map(Field::fingerprint).collect();
        let focus = fields
            .iter()
            .position(|f| f.spec.name == focus)
            .unwrap_or(0);
        Form {
            subject,
            title,
            fields,
            focus,
            read_only: false,
            bulk: Vec::new(),
            original,
        }
    }

    /// The names of the fields that differ from what the form was opened with.
    pub fn changed_fields(&self) -> Vec<&'static str> {
        self.fields
            .iter()
            .zip(&self.original)
            .filter(|(f, o)| f.fingerprint() != **o)
            .map(|(f, _)| f.spec.name)
            .collect()
    }

    /// True when any field differs from what the form was opened with.
    pub fn changed(&self) -> bool {
        self.fields
            .iter()
            .map(Field::fingerprint)
            .ne(self.original.iter().cloned())
    }

    /// The field called `name` (every form's own code asks only for its own names).
    pub fn field(&self, name: &str) -> &Field {
        self.fields
            .iter()
            .find(|f| f.spec.name == name)
            .unwrap_or_else(|| panic!("the form has no field {name:?}"))
    }

    /// The whole text of a text field, as typed (untrimmed).
    pub fn text_of(&self, name: &str) -> String {
        match &self.field(name).value {
            Value::Text(input) => input.text(),
            _ => String::new(),
        }
    }

    pub fn focused(&self) -> &Field {
        &self.fields[self.focus]
    }

    fn focused_mut(&mut self) -> &mut Field {
        &mut self.fields[self.focus]
    }

    /// Puts the focus on the field called `name`.
    pub fn focus_on(&mut self, name: &str) {
        if let Some(i) = self.fields.iter().position(|f| f.spec.name == name) {
            self.focus = i;
        }
    }

    pub fn move_focus(&mut self, delta: isize) {
        let count = self.fields.len().max(1) as isize;
        self.focus = (self.focus as isize + delta).rem_euclid(count) as usize;
    }

    /// The keymap contexts while this form is on top: the focused field's kind, then the form.
    pub fn contexts(&self) -> &'static [Context] {
        match self.focused().spec.kind {
            Kind::Line => &[Context::Line, Context::Form],
            Kind::Date => &[Context::Date, Context::Line, Context::Form],
            Kind::Text { .. } => &[Context::Form],
            Kind::Choice | Kind::Rating { .. } => &[Context::Choice, Context::Form],
            Kind::Flags => &[Context::Flags, Context::Form],
            Kind::Controls => &[Context::Controls, Context::Form],
        }
    }

    /// The focused text field's text, for `$EDITOR`.
    pub fn external_text(&self) -> Option<String> {
        match &self.focused().value {
            Value::Text(input) => Some(input.text()),
            _ => None,
        }
    }

    /// Takes the text back from `$EDITOR` into the focused field.
    pub fn external_edit_done(&mut self, text: &str) {
        if let Some(input) = self.focused_mut().text_input() {
            input.set_text(text);
        }
    }

    /// Toggles a control in the controls field (from the picker).
    pub fn toggle_control(&mut self, id: &str) {
        for field in &mut self.fields {
            if let Value::Controls(ids) = &mut field.value {
                match ids.iter().position(|c| c == id) {
                    Some(i) => {
                        ids.remove(i);
                    }
                    None => ids.push(id.to_string()),
                }
            }
        }
    }

    /// The controls field's ids.
    pub fn controls(&self) -> Vec<String> {
        self.fields
            .iter()
            .find_map(|f| match &f.value {
                Value::Controls(ids) => Some(ids.clone()),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// Applies one editing action to the focused field; false when it meant nothing there.
    fn edit(&mut self, action: &Action, today: NaiveDate) -> bool {
        let field = self.focused_mut();
        match action {
            Action::Input(key) => match field.text_input() {
                Some(input) => input.input(*key),
                None => match typed_char(*key).and_then(|c| c.to_digit(10)) {
                    Some(digit) => {
                        field.pick(digit);
                        true
                    }
                    None => false,
                },
            },
            Action::Paste(text) => match field.text_input() {
                Some(input) => {
                    input.paste(text);
                    true
                }
                None => false,
            },
            Action::NextValue => {
                field.step(1);
                true
            }
            Action::PrevValue => {
                field.step(-1);
                true
            }
            Action::Toggle => {
                field.toggle();
                true
            }
            Action::ClearValue => {
                field.clear();
                true
            }
            // Writes out the date a word or span stands for (`+90d` becomes its date); an empty
            // or unreadable field gets today.
            Action::Today => {
                let date = field.date(today).ok().flatten().unwrap_or(today);
                match field.text_input() {
                    Some(input) => {
                        input.set_text(&date.to_string());
                        true
                    }
                    None => false,
                }
            }
            _ => false,
        }
    }
}

/// Applies what a record's form wrote into `next` (a copy of the workspace) as one undoable edit.
/// On an error the form stays open on the field at fault, with the reason; otherwise the id of
/// the record applied, for the caller to select.
pub(super) fn apply_written(
    app: &mut App,
    form: &mut Form,
    next: crate::domain::workspace::Workspace,
    written: Result<String, (Option<&'static str>, String)>,
    is_new: bool,
) -> Option<String> {
    let id = match written {
        Ok(id) => id,
        Err((field, reason)) => {
            if let Some(field) = field {
                form.focus_on(field);
            }
            app.tell(reason, true);
            return None;
        }
    };
    let label = if is_new {
        format!("add {id}")
    } else {
        format!("edit {id}")
    };
    let made = app.edit(label, |ws| {
        *ws = next;
        Ok::<(), std::convert::Infallible>(())
    });
    if app.read_only.is_some() {
        return None;
    }
    let text = if made {
        format!("Applied {id} (u undoes)")
    } else {
        format!("{id}: nothing changed")
    };
    app.tell(text, false);
    Some(id)
}

/// True for the actions that change a field (refused in a read-only session).
fn is_edit(action: &Action) -> bool {
    matches!(
        action,
        Action::Input(_)
            | Action::Paste(_)
            | Action::NextValue
            | Action::PrevValue
            | Action::Toggle
            | Action::ClearValue
            | Action::Today
            | Action::FormExternalEdit
            | Action::PickEvidence
    ) || matches!(action, Action::Open)
}

/// An action while the form is the top layer.
pub(super) fn update(app: &mut App, form: &mut Form, action: Action) -> Outcome {
    if is_edit(&action) && app.refuse_read_only() {
        return Outcome::Keep(Effect::None);
    }
    match action {
        Action::FormNext => form.move_focus(1),
        Action::FormPrev => form.move_focus(-1),
        Action::FormCancel if form.changed() => app.ask(Question::DiscardForm),
        Action::FormCancel => return Outcome::Close(Effect::None),
        Action::FormExternalEdit if form.external_text().is_some() => {
            return Outcome::Keep(Effect::ExternalEdit);
        }
        Action::FormExternalEdit => app.tell("$EDITOR edits text fields; Tab to one first", false),
        Action::Copy => return Outcome::Keep(app.copy_from_form(form)),
        Action::PickEvidence if super::evidence_pick::takes_evidence(form) => {
            super::evidence_pick::open(app);
        }
        Action::PickEvidence => app.tell("Ctrl-g picks evidence in an evidence field", false),
        Action::Open if form.focused().spec.kind == Kind::Controls => {
            app.layers
                .push(Layer::Picker(ControlPicker::new(&app.catalogue)));
        }
        Action::Save if mgmt_record::file_to_hash(form).is_some() => {
            let path = mgmt_record::file_to_hash(form).unwrap_or_default();
            return Outcome::Keep(Effect::HashFile(path));
        }
        Action::FileHashed { location, sha256 } => {
            return mgmt_record::file_hashed(app, form, location, sha256);
        }
        Action::Save => {
            let applied = match form.subject {
                Subject::Soa { .. } => soa::apply(app, form),
                Subject::Risk { .. } => risk::apply(app, form),
                Subject::Settings => settings::apply(app, form),
                Subject::Clause { .. } => clause::apply(app, form),
                Subject::Finding { .. } => finding::apply(app, form),
                Subject::Record { .. } => mgmt_record::apply(app, form),
            };
            if applied {
                return Outcome::Close(app.request_save());
            }
        }
        action => {
            let today = app.session.today;
            if !form.edit(&action, today) {
                return Outcome::Pass(action);
            }
        }
    }
    Outcome::Keep(Effect::None)
}
