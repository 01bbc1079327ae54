//! The workspace on disk as the event loop sees it: Ctrl-S saves through the store's handle (or
//! creates the files of a new workspace), files changed on disk are merged in (at a look every
//! few seconds, and before a save), and
//! unsaved edits are rescued to the recovery file when the session ends abruptly and offered back
//! on the next start.

use std::io::Write;
use std::path::PathBuf;

use crate::app::{App, LayerKind, SaveOutcome};
use crate::store::{self, StoreError, WorkspaceHandle};

/// Where the workspace lives, and the store's handle once its files exist.
pub struct Store {
    pub dir: PathBuf,
    pub handle: Option<WorkspaceHandle>,
    /// The catalogue file given with `--catalogue`: a new workspace keeps a copy of it on its
    /// first save (see `new_workspace`).
    pub catalogue: Option<PathBuf>,
}

/// Saves the app's workspace and tells the app how it went. Files changed on disk since they
/// were loaded are merged in first (the unsaved edits on top), then saved; a field changed on
/// both sides waits for the user's choice instead.
pub fn save(app: &mut App, store: &mut Store) {
    let changed = store
        .handle
        .as_ref()
        .map(WorkspaceHandle::changed_on_disk)
        .unwrap_or_default();
    if !changed.is_empty() {
        take_disk_changes(app, store, &changed);
        if app.top() == Some(LayerKind::Conflicts) {
            return;
        }
    }
    let result = match &mut store.handle {
        Some(handle) => handle.save(&app.workspace),
        None => super::new_workspace::create(store, &app.workspace, &app.catalogue),
    };
    let outcome = match result {
        Ok(files) => SaveOutcome::Saved(files),
        Err(StoreError::ChangedOnDisk { files }) => SaveOutcome::ChangedOnDisk(files),
        Err(other) => SaveOutcome::Failed(other.to_string()),
    };
    let saved = matches!(outcome, SaveOutcome::Saved(_));
    app.saved(outcome);
    if saved {
        super::conflicts_file::after_save(app, &store.dir);
    }
}

/// The quit question's "save, then quit": true when the save went through and the session may
/// end; otherwise the app was told why (or asked about the files changed on disk) and stays.
pub fn save_and_quit(app: &mut App, store: &mut Store) -> bool {
    save(app, store);
    !app.dirty && app.top().is_none()
}

/// A look at the files (every few seconds and after keys): when they changed on disk, they are
/// read again and the unsaved edits merged on top; a conflicts file a git merge left opens the
/// chooser.
pub fn check_disk(app: &mut App, store: &mut Store) {
    super::conflicts_file::offer(app, &store.dir);
    let Some(handle) = &mut store.handle else {
        return;
    };
    let changed = handle.changed_since_last_look();
    if !changed.is_empty() {
        take_disk_changes(app, store, &changed);
    }
}

fn take_disk_changes(app: &mut App, store: &mut Store, changed: &[String]) {
    let Some(handle) = &mut store.handle else {
        return;
    };
    match handle.reload(&app.catalogue) {
        Ok((workspace, _)) => app.disk_changed(workspace, changed),
        Err(error) => app.tell(
            format!(
                "{} changed on disk and cannot be read ({error}); your edits are kept here",
                changed.join(", ")
            ),
            true,
        ),
    }
}

/// Removes the recovery file once its edits were restored or declined.
pub fn discard_recovery(app: &mut App, store: &Store) {
    if let Err(error) = store::discard_recovery(&store.dir) {
        app.tell(error.to_string(), true);
    }
}

/// At start: offers the edits of a recovery file, unless another session owns the workspace.
pub fn offer_recovery(app: &mut App, store: &Store) {
    if app.read_only.is_some() {
        return;
    }
    match store::read_recovery(&store.dir, &app.catalogue) {
        Ok(Some(recovered)) => {
            let mut written = format!(
                "{} UTC, {}",
                recovered.written.at.format("%Y-%m-%d %H:%M"),
                recovered.written.by
            );
            if !recovered.pending.is_empty() {
                written.push_str(&format!(
                    "; typed in a form, not applied: {}",
                    recovered.pending.join(", ")
                ));
            }
            app.offer_recovery(recovered.workspace, recovered.base, written);
        }
        Ok(None) => {}
        Err(error) => app.tell(
            format!("{error}; the recovery file was left as it is"),
            true,
        ),
    }
}

/// The session is ending without a save (signal, lost terminal, error, panic): unsaved edits,
/// and text typed into an open form, go to the recovery file. Says where on stderr, which may
/// already be gone.
pub fn rescue(app: &App, store: &Store) {
    if !app.has_unsaved() || app.read_only.is_some() {
        return;
    }
    let (workspace, pending) = app.rescued_workspace();
    let written = app.stamp();
    let base = Some(app.history.saved_workspace());
    let line =
        match store::write_recovery_with_pending(&store.dir, &workspace, written, &pending, base) {
            Ok(path) => format!(
                "isms: unsaved edits kept in {}; the next start offers them back",
                path.display()
            ),
            Err(error) => format!("isms: could not keep the unsaved edits: {error}"),
        };
    let _ = writeln!(std::io::stderr(), "{line}");
}
