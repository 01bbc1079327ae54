//! What an abrupt end must not lose: the workspace's edits plus the typing in every open form
//! (SoA entry, risk, sub-clause or finding), written in as that record's pending value; and the
//! round trip of a form's text field through `$EDITOR`.

use super::App;
use super::layers::Layer;
use super::layers::form::{Subject, clause, finding, mgmt_record, risk, settings, soa};
use crate::domain::workspace::Workspace;

impl App {
    /// The workspace to rescue when the session ends abruptly, and the records that hold typing
    /// not yet applied (named for the restore question).
    pub fn rescued_workspace(&self) -> (Workspace, Vec<String>) {
        let mut workspace = self.workspace.clone();
        let mut pending = Vec::new();
        for layer in &self.layers {
            let Layer::Form(form) = layer else { continue };
            if !form.changed() || form.read_only {
                continue;
            }
            let written = match &form.subject {
                Subject::Soa { control } => soa::write(
                    &mut workspace,
                    &self.catalogue,
                    form,
                    self.session.today,
                    self.stamp(),
                )
                .ok()
                .map(|()| format!("{control} entry")),
                Subject::Settings => settings::change(form, &workspace.settings)
                    .ok()
                    .and_then(|change| {
                        crate::domain::edit_settings::set_settings(&mut workspace, &change).ok()
                    })
                    .map(|_| "settings".to_string()),
                Subject::Risk { .. } => risk::write(
                    &mut workspace,
                    &self.catalogue,
                    form,
                    self.session.today,
                    self.stamp(),
                )
                .ok(),
                Subject::Clause { id } => clause::write(&mut workspace, form, self.stamp())
                    .ok()
                    .map(|()| format!("clause {id}")),
                Subject::Finding { .. } => finding::write(
                    &mut workspace,
                    &self.catalogue,
                    form,
                    self.session.today,
                    self.stamp(),
                )
                .ok(),
                Subject::Record { .. } => mgmt_record::write(
                    &mut workspace,
                    &self.catalogue,
                    form,
                    self.session.today,
                    self.stamp(),
                )
                .ok(),
            };
            pending.extend(written);
        }
        (workspace, pending)
    }

    /// The open form on top, if the top layer is one.
    pub fn top_form(&self) -> Option<&super::layers::Form> {
        match self.layers.last() {
            Some(Layer::Form(form)) => Some(form),
            _ => None,
        }
    }

    /// The uppermost open form, wherever it is in the stack (a question may be over it).
    pub fn form(&self) -> Option<&super::layers::Form> {
        self.layers.iter().rev().find_map(|l| match l {
            Layer::Form(form) => Some(&**form),
            _ => None,
        })
    }

    /// The focused field's text, for `$EDITOR`.
    pub fn external_text(&self) -> Option<String> {
        self.top_form()?.external_text()
    }

    /// Takes the text back from `$EDITOR` (or the reason it failed).
    pub fn external_edit_done(&mut self, result: Result<String, String>) {
        match (result, self.layers.last_mut()) {
            (Ok(text), Some(Layer::Form(form))) => form.external_edit_done(&text),
            (Err(reason), _) => self.tell(reason, true),
            (Ok(_), _) => {}
        }
    }
}
