//! The frameworks a workspace keeps: `frameworks/ID.ron`, one file each, so that an imported
//! OSCAL catalog and its mappings travel with the repository. Written like every workspace file
//! (atomically, under the workspace lock); a file that fails to parse is reported, never rewritten.

use std::path::{Path, PathBuf};

use super::error::StoreError;
use super::lock::{Lock, LockRefused};
use super::read::{MAX_FILE_BYTES, read_text_limited};
use super::{replace_file, write_and_sync};
use crate::domain::framework::{Framework, parse_framework, render_framework};
use crate::domain::located_error::LocatedError;
use crate::domain::workspace_format::WORKSPACE_FILE;

/// The folder of a workspace that holds its frameworks.
pub const FRAMEWORKS_DIR: &str = "frameworks";

/// Every framework the workspace in `dir` keeps, in file-name order. No folder means none.
pub fn load_all(dir: &Path) -> Result<Vec<Framework>, StoreError> {
    let folder = dir.join(FRAMEWORKS_DIR);
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(LocatedError::at(
                FRAMEWORKS_DIR,
                None,
                format!("cannot read: {}", super::read::io_reason(&e)),
            )
            .into());
        }
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".ron"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|name| {
            let shown = format!("{FRAMEWORKS_DIR}/{name}");
            let (text, _) = read_text_limited(&folder.join(name), &shown, MAX_FILE_BYTES)?;
            let framework = parse_framework(&text, &shown)?;
            if name.strip_suffix(".ron") != Some(framework.id.as_str()) {
                return Err(LocatedError::at(
                    &shown,
                    None,
                    format!(
                        "holds framework {:?}; the file must be called {}.ron",
                        framework.id, framework.id
                    ),
                )
                .into());
            }
            Ok(framework)
        })
        .collect()
}

/// Writes `framework` to `frameworks/ID.ron` under the workspace lock; returns the path written.
pub fn save(dir: &Path, framework: &Framework) -> Result<PathBuf, StoreError> {
    let _lock = lock(dir)?;
    let folder = dir.join(FRAMEWORKS_DIR);
    let shown = format!("{FRAMEWORKS_DIR}/{}.ron", framework.id);
    std::fs::create_dir_all(&folder).map_err(|e| StoreError::save(&shown, &e))?;
    let path = folder.join(format!("{}.ron", framework.id));
    replace_file(
        &path,
        render_framework(framework).as_bytes(),
        write_and_sync,
    )
    .map_err(|e| StoreError::save(&shown, &e))?;
    Ok(path)
}

/// Removes `frameworks/ID.ron` under the workspace lock; false when there was no such file.
pub fn remove(dir: &Path, id: &str) -> Result<bool, StoreError> {
    let _lock = lock(dir)?;
    let path = dir.join(FRAMEWORKS_DIR).join(format!("{id}.ron"));
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(StoreError::save(&format!("{FRAMEWORKS_DIR}/{id}.ron"), &e)),
    }
}

fn lock(dir: &Path) -> Result<Lock, StoreError> {
    if !dir.join(WORKSPACE_FILE).is_file() {
        return Err(LocatedError::at(
            &dir.display().to_string(),
            None,
            "holds no workspace (no workspace.ron); run `isms init` there first",
        )
        .into());
    }
    Lock::acquire(dir).map_err(|refused| StoreError::ReadOnly {
        dir: dir.display().to_string(),
        reason: match refused {
            LockRefused::HeldBy(who) => format!("open for editing by {who}"),
            LockRefused::Unwritable(reason) => format!("cannot create the lock file: {reason}"),
        },
    })
}
