//! What changed between two versions, record by record and field by field: for history, blame
//! and "changes since the approved SoA". Uses the same id-keyed lists as the merge.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};

use super::merge_fields::{FieldChange, Fields, changes_between};
use super::merge_record::Record;
use super::risk::Risk;
use super::soa::{Soa, SoaEntry};
use super::workspace::Workspace;
use super::workspace_format::{RISKS_FILE, SOA_FILE};

/// One record that differs between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordDiff {
    /// `soa`, `risk` or `workspace`.
    pub kind: String,
    pub record: String,
    /// `added`, `removed` or `changed`.
    pub what: &'static str,
    pub changes: Vec<FieldChange>,
}

/// Every record that differs from `old` to `new`, settings first, then each list in order.
pub fn diff_workspaces(old: &Workspace, new: &Workspace) -> Vec<RecordDiff> {
    let mut diffs = Vec::new();
    let settings = changes_between(&Fields::of(&old.settings), &Fields::of(&new.settings));
    if !settings.is_empty() {
        diffs.push(RecordDiff {
            kind: "workspace".into(),
            record: "workspace".into(),
            what: "changed",
            changes: settings,
        });
    }
    // Every id-keyed list of the workspace, one line each.
    diff_list(&old.soa.entries, &new.soa.entries, &mut diffs);
    diff_list(&old.risks.risks, &new.risks.risks, &mut diffs);
    diffs
}

/// How many SoA entries differ from the `approved` SoA to `now`: added, removed, or with any field
/// but the `updated` stamp changed. The dashboard's "entries changed since approval".
pub fn soa_entries_changed(approved: &Soa, now: &Soa) -> usize {
    let mut diffs = Vec::new();
    diff_list(&approved.entries, &now.entries, &mut diffs);
    diffs
        .iter()
        .filter(|diff| diff.what != "changed" || !diff.changes.is_empty())
        .count()
}

fn diff_list<T: Record>(old: &[T], new: &[T], diffs: &mut Vec<RecordDiff>) {
    let empty = Fields::default();
    for record in new {
        let before = old.iter().find(|o| o.key() == record.key());
        if before == Some(record) {
            continue;
        }
        let before_fields = before.map(Fields::of);
        let changes = changes_between(
            before_fields.as_ref().unwrap_or(&empty),
            &Fields::of(record),
        );
        diffs.push(RecordDiff {
            kind: T::KIND.into(),
            record: record.id().to_string(),
            what: if before.is_some() { "changed" } else { "added" },
            changes,
        });
    }
    for record in old {
        if !new.iter().any(|n| n.key() == record.key()) {
            diffs.push(RecordDiff {
                kind: T::KIND.into(),
                record: record.id().to_string(),
                what: "removed",
                changes: Vec::new(),
            });
        }
    }
}

/// A commit message for a save that changed `old` into `new`:
/// `soa 8.13: status partial→implemented; owner set`.
pub fn commit_message(old: &Workspace, new: &Workspace) -> String {
    const SHOWN: usize = 3;
    let diffs = diff_workspaces(old, new);
    let mut parts: Vec<String> = diffs
        .iter()
        .take(SHOWN)
        .map(|diff| {
            let name = format!("{} {}", diff.kind, diff.record);
            if diff.what != "changed" {
                return format!("{name} {}", diff.what);
            }
            let changes: Vec<String> = diff.changes.iter().map(short_change).collect();
            format!("{name}: {}", changes.join(", "))
        })
        .collect();
    if diffs.len() > SHOWN {
        parts.push(format!("and {} more", diffs.len() - SHOWN));
    }
    if parts.is_empty() {
        return "isms: save".to_string();
    }
    parts.join("; ")
}

fn short_change(change: &FieldChange) -> String {
    let none = |s: &str| matches!(s, "(empty)" | "(none)");
    let short = |s: &str| s.chars().count() <= 20 && !s.contains('\n');
    match (change.before.as_str(), change.after.as_str()) {
        (before, _) if none(before) => format!("{} set", change.field),
        (_, after) if none(after) => format!("{} cleared", change.field),
        (before, after) if short(before) && short(after) => {
            format!("{} {before}→{after}", change.field)
        }
        _ => format!("{} edited", change.field),
    }
}

/// Which file holds the record `id`: a control id is in the SoA, anything else is a risk id.
pub fn file_of_record(id: &str) -> &'static str {
    if id.trim().to_ascii_uppercase().starts_with("R-") {
        RISKS_FILE
    } else {
        SOA_FILE
    }
}

/// The fields of record `id` in the text of `file` (`soa.ron` or `risks.ron`), or `None`.
/// Fast on the canonical format (only the record is parsed), else the whole file is read.
pub fn record_in_text(file: &str, text: &str, id: &str) -> Option<Fields> {
    if file == SOA_FILE {
        find::<SoaEntry>(text, "control", id)
    } else {
        find::<Risk>(text, "id", id)
    }
}

#[derive(Deserialize)]
struct AnyList<T> {
    #[serde(alias = "risks")]
    entries: Vec<T>,
}

fn find<T: Record>(text: &str, id_field: &str, id: &str) -> Option<Fields> {
    canonical_item(text, id_field, id)
        .and_then(|item| parse_item::<T>(item, id))
        .or_else(|| {
            let list: AnyList<T> = ron::from_str(text).ok()?;
            list.entries.iter().find(|r| wanted(*r, id)).map(Fields::of)
        })
}

fn wanted<T: Record>(record: &T, id: &str) -> bool {
    record.id().eq_ignore_ascii_case(id.trim())
}

/// The text of item `id` in the canonical layout, where items open with `        (` and close
/// with `        )` on lines of their own.
fn canonical_item<'t>(text: &'t str, id_field: &str, id: &str) -> Option<&'t str> {
    let needle = format!("\n            {id_field}: {:?},\n", id.trim());
    let at = text.find(&needle)?;
    // The needle starts with the newline that ends the item's opening line.
    let start = text[..=at].rfind("\n        (\n")? + 1;
    let end = at + text[at..].find("\n        )")? + "\n        )".len();
    Some(&text[start..end])
}

fn parse_item<T: Record>(item: &str, id: &str) -> Option<Fields> {
    let record = ron::from_str::<T>(item).ok()?;
    wanted(&record, id).then(|| Fields::of(&record))
}

/// [`record_in_text`] over successive versions of one file, as a history reads them: a record
/// whose text is the same as in the version before is not parsed again.
pub struct RecordFinder<'a> {
    file: &'a str,
    id: &'a str,
    last: RefCell<Option<(String, Fields)>>,
}

impl<'a> RecordFinder<'a> {
    pub fn new(file: &'a str, id: &'a str) -> RecordFinder<'a> {
        RecordFinder {
            file,
            id,
            last: RefCell::new(None),
        }
    }

    /// The fields of the record in this version of the file, or `None`.
    pub fn find(&self, text: &str) -> Option<Fields> {
        let id_field = if self.file == SOA_FILE {
            "control"
        } else {
            "id"
        };
        let Some(item) = canonical_item(text, id_field, self.id) else {
            return record_in_text(self.file, text, self.id);
        };
        let mut last = self.last.borrow_mut();
        if let Some((seen, fields)) = &*last
            && seen == item
        {
            return Some(fields.clone());
        }
        let parsed = if self.file == SOA_FILE {
            parse_item::<SoaEntry>(item, self.id)
        } else {
            parse_item::<Risk>(item, self.id)
        };
        match parsed {
            Some(fields) => {
                *last = Some((item.to_string(), fields.clone()));
                Some(fields)
            }
            None => record_in_text(self.file, text, self.id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Catalogue;
    use crate::domain::sample::demo_workspace;
    use crate::domain::workspace_format::render;

    #[test]
    fn records_are_found_in_canonical_and_hand_written_text() {
        let workspace = demo_workspace(&Catalogue::builtin());
        let files = render(&workspace);
        let entry = record_in_text(SOA_FILE, &files.soa, "8.13").unwrap();
        assert_eq!(entry, Fields::of(workspace.soa.entry("8.13").unwrap()));
        let risk = &workspace.risks.risks[1];
        let found = record_in_text(RISKS_FILE, &files.risks, &risk.id).unwrap();
        assert_eq!(found, Fields::of(risk));
        // The fast path reads only the record: the rest of the file may even be broken.
        let cut = format!("{}\n)) trailing garbage", files.soa);
        assert_eq!(record_in_text(SOA_FILE, &cut, "8.13").unwrap(), entry);
        let squashed = files.soa.replace("\n", " ");
        assert_eq!(record_in_text(SOA_FILE, &squashed, "8.13").unwrap(), entry);
        assert!(record_in_text(SOA_FILE, &files.soa, "9.99").is_none());
    }

    #[test]
    fn the_record_finder_answers_as_record_in_text_across_versions() {
        let mut workspace = demo_workspace(&Catalogue::builtin());
        let finder = RecordFinder::new(SOA_FILE, "8.13");
        let first = render(&workspace).soa;
        assert_eq!(
            finder.find(&first),
            record_in_text(SOA_FILE, &first, "8.13")
        );
        workspace.soa.entry_mut("5.1").unwrap().owner = "Someone".into();
        let other_edit = render(&workspace).soa;
        assert_eq!(
            finder.find(&other_edit),
            record_in_text(SOA_FILE, &first, "8.13")
        );
        workspace.soa.entry_mut("8.13").unwrap().owner = "Backup team".into();
        let own_edit = render(&workspace).soa;
        let found = finder.find(&own_edit).unwrap();
        assert_eq!(found, Fields::of(workspace.soa.entry("8.13").unwrap()));
        assert_eq!(finder.find(&own_edit.replace('\n', " ")), Some(found));
        assert!(finder.find("not a workspace file").is_none());
    }

    #[test]
    fn diffs_name_added_removed_and_changed_records() {
        let old = demo_workspace(&Catalogue::builtin());
        let mut new = old.clone();
        new.soa.entry_mut("5.1").unwrap().owner = "Someone new".into();
        let removed = new.risks.risks.remove(0).id;
        let diffs = diff_workspaces(&old, &new);
        assert_eq!(diffs.len(), 2);
        assert_eq!(diffs[0].record, "5.1");
        assert_eq!(diffs[0].changes[0].field, "owner");
        assert_eq!(
            (diffs[1].record.as_str(), diffs[1].what),
            (removed.as_str(), "removed")
        );
    }

    #[test]
    fn entries_changed_since_approval_count_real_edits_not_stamps() {
        let approved = demo_workspace(&Catalogue::builtin()).soa;
        let mut now = approved.clone();
        assert_eq!(soa_entries_changed(&approved, &now), 0);
        now.entry_mut("5.1").unwrap().owner = "Someone new".into();
        now.entry_mut("8.13").unwrap().justification = "Restores tested monthly.".into();
        // Saved again by someone else without a change: only the stamp moved.
        now.entry_mut("5.2").unwrap().updated = Some(crate::domain::stamp::Stamp::new(
            chrono::DateTime::UNIX_EPOCH,
            "someone",
        ));
        assert_eq!(soa_entries_changed(&approved, &now), 2);
        now.entries.retain(|entry| entry.control != "7.4");
        assert_eq!(soa_entries_changed(&approved, &now), 3);
        assert_eq!(soa_entries_changed(&now, &approved), 3);
    }
}
