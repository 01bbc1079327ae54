//! Writing exports (`isms soa --format … -o FILE`): each file atomically (temp file + rename, so
//! never half a document), and never over a file of a workspace.

use std::path::Path;

use super::atomic::{replace_file, write_and_sync};
use super::error::StoreError;
use super::lock::LOCK_FILE;
use super::read::io_reason;
use super::recovery::RECOVERY_FILE;
use crate::domain::workspace_format::{RISKS_FILE, SOA_FILE, WORKSPACE_FILE};

/// The names an export must not take inside a workspace directory.
const PROTECTED: [&str; 5] = [
    WORKSPACE_FILE,
    SOA_FILE,
    RISKS_FILE,
    LOCK_FILE,
    RECOVERY_FILE,
];

/// Writes one export file atomically. Refuses a directory and any workspace file.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let file = path.display().to_string();
    let refuse = |reason: &str| StoreError::NotWritten {
        file: file.clone(),
        reason: reason.to_string(),
    };
    if std::fs::metadata(path).is_ok_and(|meta| meta.is_dir()) {
        return Err(refuse("is a directory; give a file name"));
    }
    if is_workspace_file(path) {
        return Err(refuse(
            "is a file of the workspace; isms will not write an export over it",
        ));
    }
    if writes_in_place(path) {
        return write_in_place(path, bytes).map_err(|e| StoreError::NotWritten {
            file: file.clone(),
            reason: format!("cannot write: {}", io_reason(&e)),
        });
    }
    replace_file(path, bytes, write_and_sync).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotWritten {
            file: file.clone(),
            reason: "the directory does not exist".into(),
        },
        _ => StoreError::NotWritten {
            file: file.clone(),
            reason: format!("cannot write: {}", io_reason(&e)),
        },
    })
}

/// A pipe, a terminal, `/dev/null` or `/dev/stdout` is written into as it is, never replaced by a
/// regular file.
fn writes_in_place(path: &Path) -> bool {
    let special = std::fs::metadata(path).is_ok_and(|meta| !meta.is_file() && !meta.is_dir());
    let system_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
        && (path.starts_with("/dev") || path.starts_with("/proc"));
    special || system_link
}

fn write_in_place(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new().append(true).open(path)?;
    file.write_all(bytes)?;
    file.flush()
}

/// Writes several export files into `dir` (created when missing), each atomically.
/// Refuses before writing anything when `dir` is a workspace or one of the names is taken by one.
pub fn write_export_set(dir: &Path, files: &[(&str, Vec<u8>)]) -> Result<(), StoreError> {
    let shown = dir.display().to_string();
    if dir.exists() && !dir.is_dir() {
        return Err(StoreError::NotWritten {
            file: shown,
            reason: "is a file; give a directory for the OSCAL documents".into(),
        });
    }
    if let Some((name, _)) = files
        .iter()
        .find(|(name, _)| is_workspace_file(&dir.join(name)))
    {
        return Err(StoreError::NotWritten {
            file: dir.join(name).display().to_string(),
            reason: "is a file of the workspace; isms will not write an export over it".into(),
        });
    }
    std::fs::create_dir_all(dir).map_err(|e| StoreError::NotWritten {
        file: shown,
        reason: format!("cannot create the directory: {}", io_reason(&e)),
    })?;
    for (name, bytes) in files {
        write_export(&dir.join(name), bytes)?;
    }
    Ok(())
}

/// True when `path` names one of the files of a workspace directory (one holding any of them).
fn is_workspace_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    if !PROTECTED.contains(&name) {
        return false;
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    [WORKSPACE_FILE, SOA_FILE, RISKS_FILE]
        .iter()
        .any(|file| dir.join(file).exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_workspace_files_and_directories() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SOA_FILE), "keep\n").unwrap();
        let error = write_export(&dir.path().join(SOA_FILE), b"export").unwrap_err();
        assert!(
            error.to_string().contains("is a file of the workspace"),
            "{error}"
        );
        assert_eq!(std::fs::read(dir.path().join(SOA_FILE)).unwrap(), b"keep\n");
        let error = write_export(dir.path(), b"export").unwrap_err();
        assert!(error.to_string().contains("is a directory"), "{error}");

        write_export(&dir.path().join("soa.md"), b"# SoA\n").unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("soa.md")).unwrap(),
            b"# SoA\n"
        );
        let error = write_export_set(dir.path(), &[("a.json", vec![]), (SOA_FILE, vec![])]);
        assert!(error.is_err());
        assert!(!dir.path().join("a.json").exists(), "nothing written");
    }
}
