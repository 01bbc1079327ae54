//! An edit as the undo history keeps it: only what changed, not a copy of the workspace. The SoA
//! entries and the risks are kept as a splice (the run of records between the unchanged start and
//! end), the settings and the management system whole when they changed. Applying a patch swaps
//! the kept records back in and returns the patch that undoes that.

use crate::domain::mgmt::Management;
use crate::domain::workspace::{Settings, Workspace};

/// Where two versions of a list differ: `old` stood at `at`, where `new_len` records stand now.
#[derive(Debug, Clone)]
struct Splice<T> {
    at: usize,
    old: Vec<T>,
    new_len: usize,
}

impl<T: Clone + PartialEq> Splice<T> {
    /// The splice that takes `after` back to `before`, or `None` when they are equal.
    fn between(before: &[T], after: &[T]) -> Option<Splice<T>> {
        let prefix = before.iter().zip(after).take_while(|(a, b)| a == b).count();
        if prefix == before.len() && prefix == after.len() {
            return None;
        }
        let room = before.len().min(after.len()) - prefix;
        let suffix = before
            .iter()
            .rev()
            .zip(after.iter().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        Some(Splice {
            at: prefix,
            old: before[prefix..before.len() - suffix].to_vec(),
            new_len: after.len() - suffix - prefix,
        })
    }

    /// Puts the old records back into `list`; returns the splice that redoes the change.
    fn apply(self, list: &mut Vec<T>) -> Splice<T> {
        let new_len = self.old.len();
        let removed: Vec<T> = list
            .splice(self.at..self.at + self.new_len, self.old)
            .collect();
        Splice {
            at: self.at,
            old: removed,
            new_len,
        }
    }

    /// The index of the first record the splice touches.
    fn first(&self) -> usize {
        self.at
    }
}

/// What one edit changed, able to turn the workspace back (and, applied, to return the way
/// forward again).
#[derive(Debug, Clone, Default)]
pub struct Patch {
    soa: Option<Splice<crate::domain::soa::SoaEntry>>,
    risks: Option<Splice<crate::domain::risk::Risk>>,
    settings: Option<Box<Settings>>,
    mgmt: Option<Box<Management>>,
}

/// Where a patch changes the workspace, to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The SoA entry at this index.
    SoaEntry(usize),
    /// The risk at this index (after the patch is applied), if one is there.
    Risk(usize),
    Elsewhere,
}

impl Patch {
    /// The patch that takes `after` back to `before`.
    pub fn between(before: &Workspace, after: &Workspace) -> Patch {
        Patch {
            soa: Splice::between(&before.soa.entries, &after.soa.entries),
            risks: Splice::between(&before.risks.risks, &after.risks.risks),
            settings: (before.settings != after.settings)
                .then(|| Box::new(before.settings.clone())),
            mgmt: (before.mgmt != after.mgmt).then(|| Box::new(before.mgmt.clone())),
        }
    }

    /// The patch that puts back one SoA entry as it was before an edit made in place.
    pub fn soa_entry(index: usize, before: crate::domain::soa::SoaEntry) -> Patch {
        Patch {
            soa: Some(Splice {
                at: index,
                old: vec![before],
                new_len: 1,
            }),
            ..Patch::default()
        }
    }

    /// The patch that puts back the management system as it was before an edit made in place.
    pub fn management(before: Management) -> Patch {
        Patch {
            mgmt: Some(Box::new(before)),
            ..Patch::default()
        }
    }

    /// The management system the patch puts back, when it changes it.
    pub fn kept_mgmt(&self) -> Option<&Management> {
        self.mgmt.as_deref()
    }

    /// Applies the patch; returns the patch that reverses it.
    pub fn apply(self, workspace: &mut Workspace) -> Patch {
        Patch {
            soa: self.soa.map(|s| s.apply(&mut workspace.soa.entries)),
            risks: self.risks.map(|s| s.apply(&mut workspace.risks.risks)),
            settings: swap(self.settings, &mut workspace.settings),
            mgmt: swap(self.mgmt, &mut workspace.mgmt),
        }
    }

    /// The first place the patch changes.
    pub fn place(&self) -> Place {
        if let Some(splice) = &self.soa {
            Place::SoaEntry(splice.first())
        } else if let Some(splice) = &self.risks {
            Place::Risk(splice.first())
        } else {
            Place::Elsewhere
        }
    }
}

/// Puts a kept value back; returns the one it replaced.
fn swap<T>(kept: Option<Box<T>>, current: &mut T) -> Option<Box<T>> {
    kept.map(|value| Box::new(std::mem::replace(current, *value)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_splice_keeps_only_the_changed_run_and_undoes_and_redoes() {
        let before = vec![1, 2, 3, 4, 5];
        for after in [
            vec![1, 2, 9, 4, 5],
            vec![1, 2, 3, 4, 5, 6],
            vec![1, 2, 4, 5],
            vec![7],
            vec![],
        ] {
            let splice = Splice::between(&before, &after).unwrap();
            assert!(splice.old.len() <= before.len());
            let mut list = after.clone();
            let redo = splice.apply(&mut list);
            assert_eq!(list, before);
            redo.apply(&mut list);
            assert_eq!(list, after);
        }
        assert!(Splice::between(&before, &before.clone()).is_none());
        let one = Splice::between(&before, &[1, 2, 9, 4, 5]).unwrap();
        assert_eq!((one.at, one.old.len(), one.new_len), (2, 1, 1));
    }
}
