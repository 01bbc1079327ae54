//! A workspace directory on disk: open (lock, read, validate), save (refuse external changes,
//! write only what changed, atomically), reload, and create (`init`, save-as).

use std::path::{Path, PathBuf};

use super::atomic::{WriteFn, replace_file, write_and_sync};
use super::error::StoreError;
use super::lock::{Lock, LockRefused};
use super::read::{Links, megabytes, read_bytes};
use super::workspace_read::{FILES, FIRST_MGMT_FILE, read_dir};
use crate::domain::catalogue::Catalogue;
use crate::domain::mgmt::format::{render_part, same_part};
use crate::domain::workspace::{Settings, Workspace};
use crate::domain::workspace_format::{WORKSPACE_FILE, render_risks, render_settings, render_soa};

pub use super::workspace_read::{MAX_WORKSPACE_FILE_BYTES, display_name};

/// Whether to take the lock for editing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Edit,
    ReadOnly,
}

/// A workspace read from disk, the handle to save it, and notes on what was repaired in memory.
#[derive(Debug)]
pub struct Opened {
    pub workspace: Workspace,
    pub handle: WorkspaceHandle,
    pub notes: Vec<String>,
}

/// An open workspace directory: the bytes each file had when loaded, and the lock if held.
#[derive(Debug)]
pub struct WorkspaceHandle {
    dir: PathBuf,
    /// The content of each file of `FILES` as loaded or last saved; `None` when it was absent.
    on_disk: [Option<Vec<u8>>; 7],
    /// The model as loaded or last saved. A file is written only when its part of the model
    /// changed (or the file is missing), so hand formatting and comments survive other edits.
    baseline: Option<Workspace>,
    lock: Option<Lock>,
    read_only: Option<String>,
    write: WriteFn,
    /// Size and modification time of each file at the last look, to notice a change without
    /// reading the files.
    last_look: Vec<Option<(std::time::SystemTime, u64)>>,
}

/// Opens the workspace in `dir`. With `Access::Edit` the lock is taken; when another session
/// holds it (or the directory is not writable) the workspace opens read-only and
/// [`WorkspaceHandle::read_only`] says why.
pub fn open(dir: &Path, catalogue: &Catalogue, access: Access) -> Result<Opened, StoreError> {
    super::user::remember_workspace(dir);
    let (lock, read_only) = match access {
        Access::ReadOnly => (None, Some("opened read-only".to_string())),
        Access::Edit if !dir.join(WORKSPACE_FILE).exists() => (None, None),
        Access::Edit => match Lock::acquire(dir) {
            Ok(lock) => (Some(lock), None),
            Err(LockRefused::HeldBy(who)) => (None, Some(format!("open for editing by {who}"))),
            Err(LockRefused::Unwritable(reason)) => {
                (None, Some(format!("cannot create the lock file: {reason}")))
            }
        },
    };
    let (workspace, on_disk, notes) = read_dir(dir, catalogue)?;
    Ok(Opened {
        handle: WorkspaceHandle {
            dir: dir.to_path_buf(),
            on_disk,
            baseline: Some(workspace.clone()),
            lock,
            read_only,
            write: write_and_sync,
            last_look: Vec::new(),
        },
        workspace,
        notes,
    })
}

/// Opens the workspace in `dir` for a command that edits it: waits up to `wait` while another
/// session holds the lock, then refuses with [`StoreError::Locked`]; a lock that cannot be
/// created is [`StoreError::ReadOnly`].
pub fn open_for_edit(
    dir: &Path,
    catalogue: &Catalogue,
    wait: std::time::Duration,
) -> Result<Opened, StoreError> {
    if std::fs::symlink_metadata(dir.join(WORKSPACE_FILE)).is_err() {
        return open(dir, catalogue, Access::Edit);
    }
    let lock = match Lock::acquire_waiting(dir, wait) {
        Ok(lock) => lock,
        Err(LockRefused::HeldBy(holder)) => {
            return Err(StoreError::Locked {
                dir: dir.display().to_string(),
                holder,
            });
        }
        Err(LockRefused::Unwritable(reason)) => {
            return Err(StoreError::ReadOnly {
                dir: dir.display().to_string(),
                reason: format!("cannot create the lock file: {reason}"),
            });
        }
    };
    let (workspace, on_disk, notes) = read_dir(dir, catalogue)?;
    Ok(Opened {
        handle: WorkspaceHandle {
            dir: dir.to_path_buf(),
            on_disk,
            baseline: Some(workspace.clone()),
            lock: Some(lock),
            read_only: None,
            write: write_and_sync,
            last_look: Vec::new(),
        },
        workspace,
        notes,
    })
}

/// Creates a new workspace in `dir` (made if missing) with an undecided SoA; refuses to
/// overwrite any workspace file. The workspace is named after the directory.
pub fn init(dir: &Path, catalogue: &Catalogue) -> Result<WorkspaceHandle, StoreError> {
    let name = std::path::absolute(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "ISMS".to_string());
    let settings = Settings {
        name,
        ..Settings::default()
    };
    create(dir, &Workspace::new(settings, catalogue))
}

/// Writes `workspace` as a new workspace in `dir` (save-as); refuses to overwrite workspace files.
pub fn create(dir: &Path, workspace: &Workspace) -> Result<WorkspaceHandle, StoreError> {
    for file in FILES {
        if dir.join(file).exists() {
            return Err(StoreError::AlreadyExists {
                file: display_name(dir, file),
            });
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| StoreError::save(&dir.display().to_string(), &e))?;
    let lock = match Lock::acquire(dir) {
        Ok(lock) => lock,
        Err(LockRefused::HeldBy(who)) => {
            return Err(StoreError::ReadOnly {
                dir: dir.display().to_string(),
                reason: format!("open for editing by {who}"),
            });
        }
        Err(LockRefused::Unwritable(reason)) => {
            return Err(StoreError::Save {
                file: display_name(dir, super::lock::LOCK_FILE),
                reason,
                kind: std::io::ErrorKind::PermissionDenied,
            });
        }
    };
    let mut handle = WorkspaceHandle {
        dir: dir.to_path_buf(),
        on_disk: Default::default(),
        baseline: None,
        lock: Some(lock),
        read_only: None,
        write: write_and_sync,
        last_look: Vec::new(),
    };
    handle.save(workspace)?;
    Ok(handle)
}

impl WorkspaceHandle {
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Why saving is not possible, when it is not.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    pub fn holds_lock(&self) -> bool {
        self.lock.is_some()
    }

    /// Saves the workspace: refuses when a file changed on disk since it was loaded, then writes
    /// each file whose text changed, atomically. Returns the names of the files written.
    pub fn save(&mut self, workspace: &Workspace) -> Result<Vec<String>, StoreError> {
        if let Some(reason) = &self.read_only {
            return Err(StoreError::ReadOnly {
                dir: self.dir.display().to_string(),
                reason: reason.clone(),
            });
        }
        let changed = self.changed_on_disk();
        if !changed.is_empty() {
            return Err(StoreError::ChangedOnDisk { files: changed });
        }
        let mut to_write = Vec::new();
        let creating = self.baseline.is_none();
        for (i, file) in FILES.iter().enumerate() {
            // A management-system file an older workspace lacks is written once it holds edits.
            let optional = i >= FIRST_MGMT_FILE && !creating;
            if (self.on_disk[i].is_some() || optional) && self.part_unchanged(workspace, i) {
                continue;
            }
            let text = match i {
                0 => render_settings(&workspace.settings),
                1 => render_soa(&workspace.soa),
                2 => render_risks(&workspace.risks),
                _ => render_part(&workspace.mgmt, i - FIRST_MGMT_FILE),
            };
            if self.on_disk[i].as_deref() == Some(text.as_bytes()) {
                continue;
            }
            if text.len() as u64 > MAX_WORKSPACE_FILE_BYTES {
                // Written, it could not be opened again.
                return Err(StoreError::NotWritten {
                    file: display_name(&self.dir, file),
                    reason: format!(
                        "would be {} MB, more than the {} MB isms reads back",
                        megabytes(text.len() as u64),
                        megabytes(MAX_WORKSPACE_FILE_BYTES)
                    ),
                });
            }
            to_write.push((i, *file, text));
        }
        let mut written = Vec::new();
        for (i, file, text) in to_write {
            let name = display_name(&self.dir, file);
            replace_file(&self.dir.join(file), text.as_bytes(), self.write)
                .map_err(|e| StoreError::save(&name, &e))?;
            self.on_disk[i] = Some(text.into_bytes());
            self.set_baseline(workspace, i);
            written.push(name);
        }
        Ok(written)
    }

    fn part_unchanged(&self, workspace: &Workspace, part: usize) -> bool {
        let Some(baseline) = &self.baseline else {
            return false;
        };
        match part {
            0 => baseline.settings == workspace.settings,
            1 => baseline.soa == workspace.soa,
            2 => baseline.risks == workspace.risks,
            _ => same_part(&baseline.mgmt, &workspace.mgmt, part - FIRST_MGMT_FILE),
        }
    }

    fn set_baseline(&mut self, workspace: &Workspace, part: usize) {
        let baseline = self.baseline.get_or_insert_with(|| workspace.clone());
        match part {
            0 => baseline.settings = workspace.settings.clone(),
            1 => baseline.soa = workspace.soa.clone(),
            2 => baseline.risks = workspace.risks.clone(),
            3 => baseline.mgmt.system = workspace.mgmt.system.clone(),
            4 => baseline.mgmt.evidence = workspace.mgmt.evidence.clone(),
            5 => baseline.mgmt.audits = workspace.mgmt.audits.clone(),
            _ => baseline.mgmt.findings = workspace.mgmt.findings.clone(),
        }
    }

    /// The files whose content on disk differs from what was loaded or last saved.
    pub fn changed_on_disk(&self) -> Vec<String> {
        FILES
            .iter()
            .zip(&self.on_disk)
            .filter(|(file, known)| {
                let now = read_bytes(
                    &self.dir.join(file),
                    file,
                    MAX_WORKSPACE_FILE_BYTES,
                    Links::Refuse,
                );
                now.ok() != **known
            })
            .map(|(file, _)| display_name(&self.dir, file))
            .collect()
    }

    /// The files changed on disk since the last look, by a cheap look at their size and time
    /// first, then by content; empty when nothing changed.
    pub fn changed_since_last_look(&mut self) -> Vec<String> {
        let look: Vec<_> = FILES
            .iter()
            .map(|file| {
                let meta = std::fs::symlink_metadata(self.dir.join(file)).ok()?;
                Some((meta.modified().ok()?, meta.len()))
            })
            .collect();
        if look == self.last_look {
            return Vec::new();
        }
        self.last_look = look;
        self.changed_on_disk()
    }

    /// Reads the files again (after a `git pull`, say), keeping the lock.
    pub fn reload(
        &mut self,
        catalogue: &Catalogue,
    ) -> Result<(Workspace, Vec<String>), StoreError> {
        let (workspace, on_disk, notes) = read_dir(&self.dir, catalogue)?;
        self.on_disk = on_disk;
        self.baseline = Some(workspace.clone());
        Ok((workspace, notes))
    }

    /// One note per file holding comments, which isms does not keep when it writes that file.
    pub fn comment_notes(&self) -> Vec<(String, String)> {
        FILES
            .iter()
            .zip(&self.on_disk)
            .filter_map(|(file, bytes)| {
                let text = String::from_utf8_lossy(bytes.as_deref()?);
                let name = display_name(&self.dir, file);
                let note = super::comments::comment_note(&name, &text)?;
                Some((name, note))
            })
            .collect()
    }

    /// Test seam: replaces the function that writes file content (e.g. to simulate a full disk).
    #[doc(hidden)]
    pub fn set_writer(&mut self, write: WriteFn) {
        self.write = write;
    }
}
