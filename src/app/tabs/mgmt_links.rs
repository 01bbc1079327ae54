//! From a management-system record to what it names: the clauses, controls and risks in its
//! `kind:id` references. One place is gone to at once; several are listed in a popup.

use crate::app::App;
use crate::app::layers::Layer;
use crate::app::layers::list::{ListPopup, Target};
use crate::domain::mgmt::clauses::clause;
use crate::domain::mgmt::refs::{Ref, RefKind};
use crate::domain::text::sanitize_line;

/// The places `refs` name that the workbench can show, each with a line of text.
pub fn targets(app: &App, refs: &[String]) -> Vec<(String, Target)> {
    let mut items: Vec<(String, Target)> = Vec::new();
    for reference in refs.iter().filter_map(|r| Ref::parse(r)) {
        let id = reference.id.clone();
        let item = match reference.kind {
            RefKind::Clause if clause(&id).is_some() => {
                let title = clause(&id).map_or("", |c| c.title);
                // A whole clause (9.2) goes to its first sub-clause.
                let sub = app
                    .workspace
                    .mgmt
                    .system
                    .clauses
                    .iter()
                    .find(|c| c.clause == id || c.clause.starts_with(&format!("{id}.")))
                    .map(|c| c.clause.clone());
                sub.map(|sub| (format!("clause {id:<6} {title}"), Target::Clause(sub)))
            }
            RefKind::Control if app.catalogue.get(&id).is_some() => {
                let title = app.catalogue.get(&id).map_or("", |c| c.title.as_str());
                Some((format!("control {id:<5} {title}"), Target::Control(id)))
            }
            RefKind::Risk if app.workspace.risks.get(&id).is_some() => {
                let title = app
                    .workspace
                    .risks
                    .get(&id)
                    .map_or("", |r| r.title.as_str());
                Some((format!("risk {id} {title}"), Target::Risk(id)))
            }
            _ => None,
        };
        if let Some((text, target)) = item
            && !items.iter().any(|(_, t)| *t == target)
        {
            items.push((sanitize_line(&text), target));
        }
    }
    items
}

/// Goes to the one place `refs` name, or lists them; says so when they name none.
pub fn go_or_list(app: &mut App, from: &str, refs: &[String]) {
    let items = targets(app, refs);
    match items.len() {
        0 => app.tell(
            format!("{from} names no clause, control or risk to go to"),
            false,
        ),
        1 => app.go_to(&items[0].1),
        _ => {
            let title = format!(" From {from} ");
            app.layers.push(Layer::List(ListPopup::new(title, items)));
        }
    }
}
