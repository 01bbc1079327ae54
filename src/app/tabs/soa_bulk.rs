//! Working on many SoA rows at once, and the SoA table's order: Space marks rows, `a` and `s`
//! then change every marked entry as one undoable edit (the form too: see `form/soa.rs`), Esc
//! clears the marks; `o` orders the table by the next column, `O` reverses the order.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use crate::app::{Action, App, Effect};
use crate::domain::catalogue::Catalogue;
use crate::domain::edit::{SoaChange, set_soa};
use crate::domain::soa::{Applicability, SoaEntry};

/// The SoA pane's commands for marks and order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoaCommand {
    Mark,
    ClearMarks,
    SortNext,
    SortReverse,
}

/// A column the SoA table can be ordered by, in the order `o` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SoaSort {
    /// The catalogue's order (or, with search words, best match first).
    #[default]
    Natural,
    Title,
    Decision,
    Status,
    Owner,
    Justification,
}

impl SoaSort {
    pub const ALL: [SoaSort; 6] = [
        SoaSort::Natural,
        SoaSort::Title,
        SoaSort::Decision,
        SoaSort::Status,
        SoaSort::Owner,
        SoaSort::Justification,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SoaSort::Natural => "id",
            SoaSort::Title => "title",
            SoaSort::Decision => "decision",
            SoaSort::Status => "status",
            SoaSort::Owner => "owner",
            SoaSort::Justification => "justification",
        }
    }

    pub fn next(self) -> SoaSort {
        let i = Self::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// Orders `rows` (indices into `entries`) by `sort`; ties keep their order (stable), so the
/// catalogue order (or the search rank) decides between equal values.
pub fn sort_rows(
    rows: &mut [usize],
    entries: &[SoaEntry],
    catalogue: &Catalogue,
    sort: SoaSort,
    descending: bool,
) {
    let title = |e: &SoaEntry| {
        catalogue
            .get(&e.control)
            .map(|c| c.title.to_lowercase())
            .unwrap_or_default()
    };
    let compare = |a: &SoaEntry, b: &SoaEntry| -> Ordering {
        match sort {
            SoaSort::Natural => Ordering::Equal,
            SoaSort::Title => title(a).cmp(&title(b)),
            SoaSort::Decision => a.applicability.cmp(&b.applicability),
            // Only applicable controls show a status: they come first, by status.
            SoaSort::Status => {
                let key = |e: &SoaEntry| (e.applicability != Applicability::Applicable, e.status);
                key(a).cmp(&key(b))
            }
            // Empty owners and justifications go last, whatever the direction.
            SoaSort::Owner => by_text(&a.owner, &b.owner, descending),
            SoaSort::Justification => by_text(&a.justification, &b.justification, descending),
        }
    };
    if sort == SoaSort::Natural {
        if descending {
            rows.reverse();
        }
        return;
    }
    rows.sort_by(|&a, &b| {
        let order = compare(&entries[a], &entries[b]);
        let text_sort = matches!(sort, SoaSort::Owner | SoaSort::Justification);
        if descending && !text_sort {
            order.reverse()
        } else {
            order
        }
    });
}

fn by_text(a: &str, b: &str, descending: bool) -> Ordering {
    let (a, b) = (a.trim().to_lowercase(), b.trim().to_lowercase());
    match (a.is_empty(), b.is_empty()) {
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ if descending => b.cmp(&a),
        _ => a.cmp(&b),
    }
}

impl App {
    /// The marked controls, in the SoA's (catalogue) order.
    pub fn marked_controls(&self) -> Vec<String> {
        self.workspace
            .soa
            .entries
            .iter()
            .filter(|e| self.soa_pane.marked.contains(&e.control))
            .map(|e| e.control.clone())
            .collect()
    }

    /// Applies one change to every marked entry as ONE undoable edit; returns whether anything
    /// changed. The label names the range, e.g. "7.1–7.14 (14) excluded".
    pub fn change_marked(&mut self, what: &str, change: SoaChange) -> bool {
        let controls = self.marked_controls();
        let label = format!("{} {what}", range_label(&controls));
        let stamp = self.stamp();
        let catalogue = &self.catalogue;
        let mut next = self.workspace.clone();
        for control in &controls {
            if let Err(error) =
                set_soa(&mut next, catalogue, control, change.clone(), stamp.clone())
            {
                self.tell(error.to_string(), true);
                return false;
            }
        }
        let made = self.edit(label.clone(), move |ws| {
            *ws = next;
            Ok::<(), std::convert::Infallible>(())
        });
        if made {
            self.tell(format!("{label} (u undoes all of them)"), false);
        }
        made
    }
}

/// "7.1–7.14 (14)" for several controls, the id alone for one.
pub fn range_label(controls: &[String]) -> String {
    match controls {
        [] => String::new(),
        [one] => one.clone(),
        [first, .., last] => format!("{first}–{last} ({})", controls.len()),
    }
}

/// The SoA pane's mark and order commands.
pub(super) fn command(app: &mut App, command: SoaCommand) -> Effect {
    match command {
        SoaCommand::Mark => {
            if let Some(control) = app.selected_soa_entry().map(|e| e.control.clone()) {
                let marked = &mut app.soa_pane.marked;
                if !marked.remove(&control) {
                    marked.insert(control);
                }
                // Space moves on, so that a run of rows is marked by holding it.
                let (len, rows) = (app.soa_pane.rows.len(), app.table_rows());
                app.soa_cursor.move_by(1, len, rows);
            }
        }
        // Esc: the marks go first; with none, the filter (or the risk's controls) as elsewhere.
        SoaCommand::ClearMarks if app.soa_pane.marked.is_empty() => {
            return super::soa::action(app, Action::ClearFilter);
        }
        SoaCommand::ClearMarks => {
            let count = app.soa_pane.marked.len();
            app.soa_pane.marked = BTreeSet::new();
            app.tell(format!("Cleared {count} marks"), false);
        }
        SoaCommand::SortNext => {
            app.soa_pane.sort = app.soa_pane.sort.next();
            app.soa_pane.descending = false;
            app.refilter_soa();
        }
        SoaCommand::SortReverse => {
            app.soa_pane.descending = !app.soa_pane.descending;
            app.refilter_soa();
        }
    }
    Effect::None
}
