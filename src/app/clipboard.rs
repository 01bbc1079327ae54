//! Copying to the clipboard: `y` takes the selected id, and in a form `Alt-y` the justification
//! (or the focused text). The app only keeps the text; the edge writes it to the terminal as an
//! OSC 52 sequence (`Effect::Clipboard`), which reaches the user's clipboard over SSH too.

use super::layers::form::{Form, Value};
use super::{App, Effect, Tab};

impl App {
    /// `y` in a pane: the selected control's or risk's id.
    pub fn copy_selected_id(&mut self) -> Effect {
        let id = match self.tab {
            Tab::Catalogue => self
                .catalogue_pane
                .selected()
                .map(|p| self.catalogue.controls()[p].id.clone()),
            Tab::Soa => self.selected_soa_entry().map(|e| e.control.clone()),
            Tab::Risks => self.selected_risk_id(),
            Tab::Isms => self.selected_clause().map(|c| c.clause.clone()),
            Tab::Audit => self.selected_finding_id(),
            Tab::Dashboard => None,
        };
        match id {
            Some(id) => self.copy(id.clone(), &id),
            None => {
                self.tell("Nothing selected to copy", false);
                Effect::None
            }
        }
    }

    /// `Alt-y` in a form: the justification when the form has one, else the focused text.
    pub fn copy_from_form(&mut self, form: &Form) -> Effect {
        let (text, what) = form_text(form);
        if text.trim().is_empty() {
            self.tell(format!("The {what} is empty: nothing copied"), false);
            return Effect::None;
        }
        self.copy(text, &format!("the {what}"))
    }

    /// Keeps `text` for the edge to put on the clipboard, and says what was copied.
    pub fn copy(&mut self, text: String, what: &str) -> Effect {
        self.clipboard = Some(text);
        self.tell(format!("Copied {what} to the clipboard"), false);
        Effect::Clipboard
    }

    /// Hands the text to copy to the edge (once).
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }
}

fn form_text(form: &Form) -> (String, String) {
    if let Some(field) = form.fields.iter().find(|f| f.spec.name == "justification") {
        return (input_text(&field.value), "justification".to_string());
    }
    let field = form.focused();
    (input_text(&field.value), field.spec.label.to_lowercase())
}

fn input_text(value: &Value) -> String {
    match value {
        Value::Text(input) => input.text(),
        Value::Controls(ids) => ids.join(" "),
        _ => String::new(),
    }
}
