//! The only code that touches files: catalogues and workspaces on disk.
//!
//! # Workspace API (for the CLI and the TUI)
//!
//! A workspace is a directory holding `workspace.ron`, `soa.ron` and `risks.ron`
//! (see `domain::workspace_format` for the text and `domain::workspace_load` for validation).
//!
//! ```no_run
//! use isms::domain::catalogue::Catalogue;
//! use isms::store::{self, Access, StoreError};
//! # fn main() -> Result<(), StoreError> {
//! let catalogue = Catalogue::builtin();
//! store::init("my-isms".as_ref(), &catalogue)?; // refuses to overwrite
//! let store::Opened { mut workspace, mut handle, notes } =
//!     store::open("my-isms".as_ref(), &catalogue, Access::Edit)?;
//! for note in &notes { eprintln!("{note}"); } // e.g. missing controls added as undecided
//! if let Some(why) = handle.read_only() { eprintln!("read-only: {why}"); }
//! workspace.soa.entries[0].justification = "Policies are signed off yearly.".into();
//! match handle.save(&workspace) {
//!     Ok(written) => eprintln!("saved {}", written.join(", ")),
//!     Err(StoreError::ChangedOnDisk { files }) => { /* offer reload or save-as */ }
//!     Err(other) => return Err(other),
//! }
//! # Ok(()) }
//! ```
//!
//! - [`open`] takes the lock (`.isms.lock`: pid and host, plus `flock`) with `Access::Edit`;
//!   when another live session holds it, or the directory is not writable, the workspace opens
//!   read-only and `handle.read_only()` says why. A stale lock (dead pid on this host, or a dead
//!   process's released `flock`) is taken over. The lock is released when the handle drops.
//! - Any file that does not read or validate makes `open` fail with [`StoreError::Invalid`]
//!   (`file:line:col: message`); nothing is ever written over a file that failed to parse.
//!   A control missing from `soa.ron` is added as undecided in memory (see `notes`).
//! - [`WorkspaceHandle::save`] first compares each file with what was loaded (or last saved) and
//!   refuses with [`StoreError::ChangedOnDisk`] when any differs; then it writes each file whose
//!   text changed with temp file + fsync + rename + directory fsync. Unchanged workspaces write
//!   nothing, and output is byte-stable. [`WorkspaceHandle::reload`] re-reads under the same lock;
//!   [`create`] writes a workspace into a new directory (save-as).
//! - Recovery: [`write_recovery`] (on SIGHUP/SIGTERM/panic), [`read_recovery`] at start,
//!   [`discard_recovery`] once restored or declined. The file is `.isms-recovery.ron`.
//! - Exports: [`write_export`] writes one file atomically and [`write_export_set`] several into a
//!   directory; neither writes over a workspace file. Imports read with [`read::read_bytes_limited`].
//! - [`stamp_now`] makes `updated` stamps (UTC, whole seconds; git's `user.name` in a repository,
//!   else `$USER`, else the login name); [`today`]
//!   is the local date for `--reviewed today`.
//! - [`git`]: everything git (merge and diff drivers, conflicts file, per-record history,
//!   approvals, risk ids above every branch, auto-commit), through the `git` command line.

mod atomic;
pub mod catalogue_file;
pub mod comments;
pub mod config_files;
mod error;
pub mod evidence_files;
mod export_file;
pub mod frameworks;
pub mod git;
pub mod lock;
pub mod process;
pub mod read;
mod recovery;
mod user;
pub mod workbench_dir;
mod workspace_dir;
mod workspace_read;

pub use atomic::{WriteFn, replace_file, write_and_sync};
pub use error::StoreError;
pub use export_file::{write_export, write_export_set};
pub use recovery::{
    RECOVERY_FILE, Recovered, discard_recovery, read_recovery, recovery_path, write_recovery,
    write_recovery_with_pending,
};
pub use user::{current_user, stamp_now, today};
pub use user::{remember_workspace, user_in};
pub use workspace_dir::{
    Access, MAX_WORKSPACE_FILE_BYTES, Opened, WorkspaceHandle, create, display_name, init, open,
    open_for_edit,
};
