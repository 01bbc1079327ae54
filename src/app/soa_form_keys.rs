//! The SoA form as part of the app: opening it on the selected entry, keys and actions while it
//! is open, applying it as one undoable edit, and the round trip through `$EDITOR`.

use super::dialog::Dialog;
use super::soa_form::SoaForm;
use super::{Action, App, Effect, Mode};
use crate::domain::soa::Reason;
use crate::keymap::Key;

impl App {
    /// Enter on an SoA row: the form, with the cursor in the justification.
    pub fn open_soa_form(&mut self) {
        let Some(entry) = self.selected_soa_entry() else {
            return;
        };
        let derived = self
            .workspace
            .reasons(&entry.control)
            .contains(&Reason::RiskTreatment);
        self.form = Some(SoaForm::new(entry, derived));
        self.mode = Mode::Form;
    }

    /// Applies the form as one edit and closes it. False (form stays open) when a field is wrong
    /// or the edit was refused.
    pub fn apply_form(&mut self) -> bool {
        let Some(form) = &self.form else {
            return false;
        };
        if !form.changed() {
            self.close_form();
            return true;
        }
        let (change, reviewed) = match form.change() {
            Ok(parts) => parts,
            Err(error) => {
                self.tell(error, true);
                return false;
            }
        };
        let control = form.control.clone();
        let label = format!("{control} entry");
        let mut next = self.workspace.clone();
        let stamp = self.stamp();
        let applied = crate::domain::edit::set_soa(
            &mut next,
            &self.catalogue,
            &control,
            change,
            stamp.clone(),
        );
        if let Err(error) = applied {
            self.tell(error.to_string(), true);
            return false;
        }
        // `SoaChange` cannot clear a date; an emptied date field clears it here.
        if reviewed.is_none()
            && let Some(entry) = next.soa.entry_mut(&control)
            && entry.reviewed.is_some()
        {
            entry.reviewed = None;
            entry.updated = Some(stamp);
        }
        if self.selected_soa_entry().map(|e| e.control.as_str()) == Some(control.as_str()) {
            self.keep_selected_soa_row();
        }
        let made = self.edit(label, move |ws| {
            *ws = next;
            Ok::<(), std::convert::Infallible>(())
        });
        if made || self.read_only.is_none() {
            self.close_form();
        }
        made
    }

    /// The workspace to rescue when the session ends abruptly: the edits, plus what is typed in
    /// an open SoA form as that entry's pending value; and the entries that hold such typing.
    pub fn rescued_workspace(&self) -> (crate::domain::workspace::Workspace, Vec<String>) {
        let mut workspace = self.workspace.clone();
        let mut pending = Vec::new();
        if let Some(form) = self.form.as_ref().filter(|f| f.changed())
            && let Ok((change, _)) = form.change()
            && crate::domain::edit::set_soa(
                &mut workspace,
                &self.catalogue,
                &form.control,
                change,
                self.stamp(),
            )
            .is_ok()
        {
            pending.push(format!("{} entry", form.control));
        }
        (workspace, pending)
    }

    fn close_form(&mut self) {
        self.form = None;
        self.mode = Mode::Normal;
    }

    /// The focused field's text, for `$EDITOR`.
    pub fn external_text(&mut self) -> Option<String> {
        let form = self.form.as_mut()?;
        let field = form.field;
        form.text_mut(field).map(|area| area.lines().join("\n"))
    }

    /// Takes the text back from `$EDITOR` (or the reason it failed).
    pub fn external_edit_done(&mut self, result: Result<String, String>) {
        match (result, self.form.as_mut()) {
            (Ok(text), Some(form)) => {
                let field = form.field;
                let clean = crate::domain::text::sanitize(&text);
                form.replace_text(field, &clean);
            }
            (Err(reason), _) => self.tell(reason, true),
            (Ok(_), None) => {}
        }
    }
}

/// Keys the keymap does not bind in the form go to the focused field.
pub(super) fn form_key(app: &mut App, key: Key) -> Effect {
    let today = app.session.today;
    if app.form.is_some() && app.refuse_read_only() {
        return Effect::None;
    }
    if let Some(form) = app.form.as_mut() {
        form.input(key, today);
    }
    Effect::None
}

/// The form's actions.
pub(super) fn form_action(app: &mut App, action: Action) -> Effect {
    let Some(form) = app.form.as_mut() else {
        app.mode = Mode::Normal;
        return Effect::None;
    };
    match action {
        Action::FormNext => form.move_field(1),
        Action::FormPrev => form.move_field(-1),
        Action::FormCancel if form.changed() => app.ask(Dialog::DiscardForm),
        Action::FormCancel => app.close_form(),
        Action::FormExternalEdit | Action::Paste(_) if app.read_only.is_some() => {
            app.refuse_read_only();
        }
        Action::FormExternalEdit if form.field.is_text() => return Effect::ExternalEdit,
        Action::FormExternalEdit => app.tell("$EDITOR edits text fields; Tab to one first", false),
        Action::Paste(text) => {
            let field = form.field;
            if let Some(area) = form.text_mut(field) {
                area.insert_str(crate::domain::text::sanitize(&text));
            }
        }
        Action::Save if app.apply_form() => return app.request_save(),
        _ => {}
    }
    Effect::None
}
