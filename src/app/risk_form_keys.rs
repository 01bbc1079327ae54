//! Keys in the risk form: the discard question and the control picker first, then the form's
//! own keys (Tab, Ctrl-S, Esc, Enter on the controls), then the focused field.

use super::App;
use super::risk_apply::apply_form;
use super::risk_form::{Field, RiskForm};
use super::risk_picker::{ControlPicker, toggle};
use super::risks_pane::RiskOverlay;
use crate::keymap::{Key, KeyCode};

/// A key in the form: the picker or the discard question first, then form-wide keys, then the
/// focused field. Returns the overlay to keep open.
pub(super) fn form_key(app: &mut App, key: Key, mut form: Box<RiskForm>) -> Option<RiskOverlay> {
    let keep = |form| Some(RiskOverlay::Form(form));
    if form.confirm_discard {
        match key.code {
            KeyCode::Char('y') => return None,
            KeyCode::Char('n') | KeyCode::Esc => form.confirm_discard = false,
            _ => {}
        }
        return keep(form);
    }
    if let Some(picker) = form.picker.as_mut() {
        picker_key(app, key, picker, &mut form.controls);
        if matches!(key.code, KeyCode::Esc | KeyCode::Tab) {
            form.picker = None;
        }
        return keep(form);
    }
    let moving = matches!(
        key.code,
        KeyCode::Esc | KeyCode::Tab | KeyCode::BackTab | KeyCode::Up | KeyCode::Down
    );
    if !moving && app.refuse_read_only() {
        return keep(form);
    }
    match key.code {
        KeyCode::Char('s') if key.ctrl => return apply_form(app, form),
        KeyCode::Esc if form.changed() => form.confirm_discard = true,
        KeyCode::Esc => return None,
        KeyCode::Tab | KeyCode::Down => form.move_focus(1),
        KeyCode::BackTab | KeyCode::Up => form.move_focus(-1),
        KeyCode::Enter if form.focus == Field::Controls => {
            form.picker = Some(ControlPicker::new(&app.catalogue));
        }
        KeyCode::Enter => form.move_focus(1),
        _ => {
            let today = app.risks_pane.today;
            form.edit_key(key, &app.workspace.settings.risk_method, today);
        }
    }
    keep(form)
}

fn picker_key(app: &App, key: Key, picker: &mut ControlPicker, controls: &mut Vec<String>) {
    match key.code {
        KeyCode::Enter => {
            if let Some(id) = picker.selected(&app.catalogue) {
                toggle(controls, id);
            }
        }
        KeyCode::Down => picker.move_by(1),
        KeyCode::Up => picker.move_by(-1),
        KeyCode::Char('n') if key.ctrl => picker.move_by(1),
        KeyCode::Char('p') if key.ctrl => picker.move_by(-1),
        KeyCode::PageDown => picker.move_by(10),
        KeyCode::PageUp => picker.move_by(-10),
        _ => {
            if picker.query.key(key) {
                picker.refresh(&app.catalogue);
            }
        }
    }
}
