//! What can go wrong when opening or saving a workspace, each said in one sentence.

use crate::domain::located_error::LocatedError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file could not be read or is not valid (file:line:col: what was expected).
    #[error(transparent)]
    Invalid(#[from] LocatedError),
    /// Someone else changed these files since they were loaded; nothing was written.
    #[error(
        "{} changed on disk since it was loaded (git pull or another editor?); nothing was saved — reload, or save elsewhere",
        files.join(" and ")
    )]
    ChangedOnDisk { files: Vec<String> },
    /// The workspace was opened read-only; `reason` says why.
    #[error("{dir}: the workspace is read-only here ({reason}); nothing was saved")]
    ReadOnly { dir: String, reason: String },
    /// Another session holds the workspace's lock (after waiting for it); nothing was written.
    #[error(
        "{dir}: the workspace is open for editing by {holder}; nothing was saved (try again later, or run `isms unlock` if that session is gone)"
    )]
    Locked { dir: String, holder: String },
    /// Writing a file failed; the file on disk still holds its previous content.
    #[error("{file}: cannot save: {reason}; the file on disk is unchanged")]
    Save {
        file: String,
        reason: String,
        kind: std::io::ErrorKind,
    },
    /// `init` or save-as found workspace files in the directory.
    #[error("{file} already exists; isms will not overwrite a workspace")]
    AlreadyExists { file: String },
    /// An export was not written (a workspace file or a directory in the way); nothing changed.
    #[error("{file}: {reason}; nothing was written")]
    NotWritten { file: String, reason: String },
}

impl StoreError {
    /// True when the error is another session's lock (exit status 3 on the command line).
    pub fn is_locked(&self) -> bool {
        matches!(self, StoreError::Locked { .. })
    }

    pub(crate) fn save(file: &str, error: &std::io::Error) -> StoreError {
        StoreError::Save {
            file: file.to_string(),
            reason: super::read::io_reason(error),
            kind: error.kind(),
        }
    }
}
