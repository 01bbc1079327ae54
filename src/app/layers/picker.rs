//! The control picker of the risk form: the same search as the catalogue (`domain::search`) over
//! a query typed in the popup; Enter adds or removes the selected control from the risk.

use super::Outcome;
use crate::app::widgets::cursor::Cursor;
use crate::app::widgets::text_input::TextInput;
use crate::app::{Action, App, Effect, Layer};
use crate::domain::catalogue::Catalogue;
use crate::domain::search::{Query, search};
use crate::domain::soa::Applicability;

/// Rows the picker shows at most; the popup may be smaller on a small terminal.
pub const PICKER_ROWS: usize = 12;

#[derive(Debug, Clone)]
pub struct ControlPicker {
    pub query: TextInput,
    /// Catalogue positions of the hits, best first.
    pub results: Vec<usize>,
    /// Why the query cannot be answered, when it cannot.
    pub error: Option<String>,
    pub cursor: Cursor,
}

impl ControlPicker {
    pub fn new(catalogue: &Catalogue) -> ControlPicker {
        ControlPicker {
            query: TextInput::line(""),
            results: (0..catalogue.len()).collect(),
            error: None,
            cursor: Cursor::default(),
        }
    }

    /// Runs the search again for the current query; the first hit is selected.
    pub fn refresh(&mut self, catalogue: &Catalogue) {
        let query = Query::parse(&self.query.text());
        // An empty query lists every control in catalogue order.
        match search(catalogue, &query) {
            Ok(hits) => {
                self.results = hits.into_iter().map(|h| h.position).collect();
                self.error = None;
            }
            Err(error) => self.error = Some(error.to_string()),
        }
        self.cursor = Cursor::default();
    }

    pub fn move_by(&mut self, delta: isize) {
        self.cursor.move_by(delta, self.results.len(), PICKER_ROWS);
    }

    /// The id of the selected control.
    pub fn selected<'a>(&self, catalogue: &'a Catalogue) -> Option<&'a str> {
        let position = *self.results.get(self.cursor.selected)?;
        catalogue.controls().get(position).map(|c| c.id.as_str())
    }
}

/// Linking a risk to a control the SoA excludes or has not decided says so at once.
fn warn_undecided(app: &mut App, id: &str) {
    let Some(entry) = app.soa_entry(id) else {
        return;
    };
    let text = match entry.applicability {
        Applicability::Excluded => format!(
            "{id} is excluded in the SoA: a risk it treats makes the exclusion wrong (isms check flags it)"
        ),
        Applicability::Undecided => {
            format!("{id} is undecided in the SoA: the risk names a control not yet decided")
        }
        Applicability::Applicable => return,
    };
    app.tell(text, true);
}

/// An action while the picker is the top layer: it toggles controls in the form beneath it.
pub(super) fn update(app: &mut App, picker: &mut ControlPicker, action: Action) -> Outcome {
    match action {
        Action::Toggle => {
            let picked = picker.selected(&app.catalogue).map(str::to_string);
            if let (Some(id), Some(Layer::Form(form))) = (picked, app.layers.last_mut()) {
                form.toggle_control(&id);
                let linked = form.controls().contains(&id);
                if linked {
                    warn_undecided(app, &id);
                }
            }
        }
        Action::MoveDown => picker.move_by(1),
        Action::MoveUp => picker.move_by(-1),
        Action::PageDown => picker.move_by(10),
        Action::PageUp => picker.move_by(-10),
        Action::Close => return Outcome::Close(Effect::None),
        Action::Input(key) => {
            if picker.query.input(key) {
                picker.refresh(&app.catalogue);
            }
        }
        Action::Paste(text) => {
            picker.query.paste(&text);
            picker.refresh(&app.catalogue);
        }
        other => return Outcome::Pass(other),
    }
    Outcome::Keep(Effect::None)
}
