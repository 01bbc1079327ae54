//! One field of a form: its spec (name, label, kind, rows) and its value, and how each kind of
//! value changes: text is typed, a choice or rating steps or takes a digit, flags toggle, a date
//! takes `t` for today, the controls are picked in a popup.

use chrono::NaiveDate;

use crate::app::widgets::text_input::TextInput;

/// What kind of value a field holds, as written in a form's table of specs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Line,
    /// Text over several lines; `rows` is the room it asks for.
    Text { rows: u16 },
    /// A date typed as YYYY-MM-DD, `today` or a span such as `+90d`; empty means none.
    Date,
    /// One of a few options.
    Choice,
    /// A rating on the method's scale; `optional` ratings can be cleared.
    Rating { optional: bool },
    /// A row of yes/no flags, some of them fixed (shown, never toggled).
    Flags,
    /// A list of control ids, picked from the catalogue.
    Controls,
}

/// One row of a form's table of fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// The name the form's owner reads the value by.
    pub name: &'static str,
    pub label: &'static str,
    pub kind: Kind,
}

/// A row of a form's table of fields, for the `const` tables each form declares.
pub const fn spec(name: &'static str, label: &'static str, kind: Kind) -> Spec {
    Spec { name, label, kind }
}

/// A flag of a `Flags` field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub label: String,
    pub on: bool,
    /// Derived elsewhere: shown, never toggled here.
    pub fixed: bool,
}

#[derive(Debug, Clone)]
pub enum Value {
    /// Boxed: an editor is large beside the other values.
    Text(Box<TextInput>),
    /// The options' labels and the chosen one.
    Choice {
        options: Vec<String>,
        index: usize,
    },
    /// The scale's labels (1 = first) and the rating, if any.
    Rating {
        labels: Vec<String>,
        value: Option<u8>,
    },
    /// The flags and the one under the cursor.
    Flags {
        flags: Vec<Flag>,
        at: usize,
    },
    Controls(Vec<String>),
}

impl Value {
    pub fn text(input: TextInput) -> Value {
        Value::Text(Box::new(input))
    }
}

#[derive(Debug, Clone)]
pub struct Field {
    pub spec: Spec,
    pub value: Value,
}

impl Field {
    pub fn new(spec: Spec, value: Value) -> Field {
        Field { spec, value }
    }

    /// The field's value as one comparable string (to tell whether the form changed).
    pub fn fingerprint(&self) -> String {
        match &self.value {
            Value::Text(input) => input.text(),
            Value::Choice { index, .. } => index.to_string(),
            Value::Rating { value, .. } => format!("{value:?}"),
            Value::Flags { flags, .. } => {
                flags.iter().map(|f| if f.on { '1' } else { '0' }).collect()
            }
            Value::Controls(ids) => ids.join(" "),
        }
    }

    pub fn text_input(&mut self) -> Option<&mut TextInput> {
        match &mut self.value {
            Value::Text(input) => Some(input),
            _ => None,
        }
    }

    /// Steps a choice or rating by one (wrapping a choice, stopping a rating at the ends), or
    /// moves between flags.
    pub fn step(&mut self, delta: isize) {
        match &mut self.value {
            Value::Choice { options, index } => {
                let count = options.len().max(1) as isize;
                *index = (*index as isize + delta).rem_euclid(count) as usize;
            }
            Value::Rating { labels, value } => {
                let max = labels.len().max(1) as isize;
                let start = value.map_or(if delta < 0 { max + 1 } else { 0 }, isize::from);
                *value = Some((start + delta).clamp(1, max) as u8);
            }
            Value::Flags { flags, at } => {
                let count = flags.len().max(1) as isize;
                *at = (*at as isize + delta).rem_euclid(count) as usize;
            }
            Value::Text(_) | Value::Controls(_) => {}
        }
    }

    /// A typed digit picks that rating or option (1 = first); 0 clears an optional rating.
    pub fn pick(&mut self, digit: u32) {
        let optional = matches!(self.spec.kind, Kind::Rating { optional: true });
        match &mut self.value {
            Value::Rating { value, .. } if digit == 0 && optional => *value = None,
            Value::Rating { labels, value } if (1..=labels.len() as u32).contains(&digit) => {
                *value = Some(digit as u8);
            }
            Value::Choice { options, index } if (1..=options.len() as u32).contains(&digit) => {
                *index = digit as usize - 1;
            }
            _ => {}
        }
    }

    /// Toggles the flag under the cursor, unless it is fixed.
    pub fn toggle(&mut self) {
        if let Value::Flags { flags, at } = &mut self.value
            && let Some(flag) = flags.get_mut(*at).filter(|f| !f.fixed)
        {
            flag.on = !flag.on;
        }
    }

    /// Clears what can be cleared: an optional rating, the last control.
    pub fn clear(&mut self) {
        let optional = matches!(self.spec.kind, Kind::Rating { optional: true });
        match &mut self.value {
            Value::Rating { value, .. } if optional => *value = None,
            Value::Controls(ids) => {
                ids.pop();
            }
            _ => {}
        }
    }

    /// The trimmed text of a text or date field.
    pub fn text(&self) -> String {
        match &self.value {
            Value::Text(input) => input.text().trim().to_string(),
            _ => String::new(),
        }
    }

    /// A date field's date, counted from `today` for `today`, `+90d`, `+3m` and the like:
    /// `Ok(None)` when empty, the reason when it is not a date.
    pub fn date(&self, today: NaiveDate) -> Result<Option<NaiveDate>, String> {
        let text = self.text();
        if text.is_empty() {
            return Ok(None);
        }
        crate::domain::relative_date::parse_date(&text, today)
            .map(Some)
            .map_err(|reason| format!("{}: {reason}", self.spec.label))
    }
}
