//! Opening the one form on the parts of the audit book and the management system that are not
//! records of a list: `t` a tested item of the selected audit, `p` the audit programme, `A` an
//! action of the selected management review (Audit pane), `c` the climate-change decision (the
//! ISMS pane's context view).

use super::audit::{AuditRow, AuditView};
use super::isms::IsmsView;
use super::mgmt_forms::push;
use crate::app::App;
use crate::app::layers::form::mgmt_record::{RecordKind, edit_record, new_record};

/// `t` on an audit or one of its tested items: a new tested item of that audit.
pub(super) fn new_item(app: &mut App) {
    let audit = match app.selected_audit_row() {
        Some(AuditRow::Audit(a) | AuditRow::Item(a, _)) => &app.workspace.mgmt.audits.audits[a],
        None => {
            app.tell(
                "t adds a tested item to an audit: move to the audit (v shows the audits)",
                false,
            );
            return;
        }
    };
    let (id, title) = (audit.id.clone(), audit.title.clone());
    let mut form = new_record(RecordKind::Item(id.clone()), app.session.today);
    form.title = format!("New tested item of {id} {title}");
    push(app, form);
    app.tell(
        "Population: what the sample was drawn from; Sample: what was taken. Ctrl-g picks evidence",
        false,
    );
}

/// `p`: the audit programme's cycle and note.
pub(super) fn programme(app: &mut App) {
    if let Some(mut form) = edit_record(RecordKind::Programme, "programme", &app.workspace) {
        form.title = "Audit programme".to_string();
        push(app, form);
    }
}

/// `A` on a management review: a new action it raised.
pub(super) fn new_action(app: &mut App) {
    let review = (app.audit_pane.view == AuditView::Reviews)
        .then(|| app.audit_selected())
        .flatten()
        .and_then(|r| app.workspace.mgmt.audits.reviews.get(r));
    let Some(review) = review else {
        app.tell(
            "A adds an action to a management review: v shows the reviews",
            false,
        );
        return;
    };
    let (id, date) = (review.id.clone(), review.date);
    let mut form = new_record(RecordKind::Action(id.clone()), app.session.today);
    form.title = format!("New action of review {id} ({date})");
    push(app, form);
}

/// `c` in the context view: the decision on whether climate change is a relevant issue.
pub(super) fn climate(app: &mut App) {
    if app.isms_pane.view != IsmsView::Context {
        app.tell(
            "c edits the climate decision in the context view (v)",
            false,
        );
        return;
    }
    let mut form = edit_record(RecordKind::Climate, "climate", &app.workspace)
        .unwrap_or_else(|| new_record(RecordKind::Climate, app.session.today));
    form.title = "Is climate change a relevant issue? (4.1, 4.2)".to_string();
    push(app, form);
}
