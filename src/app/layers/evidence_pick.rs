//! The evidence picker of the forms' evidence fields (the SoA entry, the sub-clause, the role):
//! the popup list of the evidence register, each id with its kind and title; Enter writes the
//! picked id into the field (one per line in a text field, space-separated on a line), once.

use super::Layer;
use super::form::{Form, Value};
use super::list::{ListPopup, Target};
use crate::app::App;
use crate::domain::text::sanitize_line;

/// Whether the focused field of `form` takes evidence ids.
pub fn takes_evidence(form: &Form) -> bool {
    form.focused().spec.name == "evidence"
}

/// Opens the list of the evidence register over the form; says so when the register is empty.
pub fn open(app: &mut App) {
    let items: Vec<(String, Target)> = app
        .workspace
        .mgmt
        .evidence
        .items
        .iter()
        .map(|e| {
            let text = format!("{:<6} {:<8} {}", e.id, e.kind.name(), e.title);
            (sanitize_line(&text), Target::Evidence(e.id.clone()))
        })
        .collect();
    if items.is_empty() {
        app.tell(
            "The evidence register is empty (n in the ISMS pane's evidence view adds one)",
            false,
        );
        return;
    }
    let title = " Evidence: Enter adds the id to the field ".to_string();
    app.layers.push(Layer::List(ListPopup::new(title, items)));
}

/// Writes evidence `id` into the focused field, unless it holds it already; says which.
pub fn add(app: &mut App, form: &mut Form, id: &str) {
    let multi = matches!(form.focused().spec.kind, super::form::Kind::Text { .. });
    let Some(input) = form_input(form) else {
        return;
    };
    let text = input.text();
    if text
        .split([' ', ',', '\n'])
        .any(|t| t.trim().eq_ignore_ascii_case(id))
    {
        app.tell(format!("{id} is cited already"), false);
        return;
    }
    let separator = if multi { "\n" } else { " " };
    let joined = if text.trim().is_empty() {
        id.to_string()
    } else {
        format!("{}{separator}{id}", text.trim_end())
    };
    input.set_text(&joined);
    app.tell(format!("{id} added to the field"), false);
}

fn form_input(form: &mut Form) -> Option<&mut crate::app::widgets::text_input::TextInput> {
    let focus = form.focus;
    match &mut form.fields[focus].value {
        Value::Text(input) => Some(input),
        _ => None,
    }
}
