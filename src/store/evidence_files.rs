//! Evidence files on disk: the SHA-256 of a local evidence file (a path relative to the
//! workspace), and what is found now at each recorded location, for `isms check` and
//! `isms evidence verify`. URLs are never fetched.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::domain::mgmt::check::FileState;
use crate::domain::mgmt::evidence::{Evidence, EvidenceRegister};

/// The lower-case hex SHA-256 of the regular file at `path` (links are not followed).
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        hasher.update(&buffer[..read]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Where a local evidence item lives, relative to the workspace `dir`.
pub fn local_path(dir: &Path, evidence: &Evidence) -> std::path::PathBuf {
    dir.join(evidence.location.trim())
}

/// For each local evidence item with a recorded hash: its file's hash now, or that it is gone.
pub fn observe(dir: &Path, register: &EvidenceRegister) -> BTreeMap<String, FileState> {
    register
        .items
        .iter()
        .filter(|e| e.sha256.is_some() && !e.is_url())
        .map(|e| {
            let state = match sha256_file(&local_path(dir, e)) {
                Ok(hash) => FileState::Sha256(hash),
                Err(_) => FileState::Missing,
            };
            (e.id.clone(), state)
        })
        .collect()
}
