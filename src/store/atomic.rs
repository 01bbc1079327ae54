//! Atomic file replacement: write a temporary file in the same directory, fsync it, rename it over
//! the target, fsync the directory. A crash at any instant leaves the old or the new file.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes the bytes into the open temporary file. The save code takes this as a parameter so that
/// tests can make it fail as a full disk would (`ErrorKind::StorageFull`).
pub type WriteFn = fn(&mut File, &[u8]) -> io::Result<()>;

/// The real writer: all the bytes, then fsync.
pub fn write_and_sync(file: &mut File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.sync_all()
}

/// Replaces `path` with `bytes` atomically. On failure the target is untouched and the
/// temporary file is removed.
pub fn replace_file(path: &Path, bytes: &[u8], write: WriteFn) -> io::Result<()> {
    let dir = parent_dir(path);
    let temp = temp_path(path);
    let result = (|| {
        // The name holds our pid, so a leftover with this name is from a dead process.
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&temp)?;
        if let Ok(metadata) = std::fs::metadata(path) {
            // Keep the target's permissions (a group-writable soa.ron stays group-writable).
            file.set_permissions(metadata.permissions())?;
        }
        write(&mut file, bytes)?;
        drop(file);
        std::fs::rename(&temp, path)?;
        sync_dir(&dir)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Flushes a directory's entries (the rename) to disk.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `.soa.ron.tmp-<pid>` next to `soa.ron`: hidden, and unique per process.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    parent_dir(path).join(format!(".{name}.tmp-{}", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_cleans_up_on_failure() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("soa.ron");
        std::fs::write(&target, "old\n").unwrap();
        replace_file(&target, b"new\n", write_and_sync).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new\n");

        let full: WriteFn = |file, bytes| {
            file.write_all(&bytes[..1])?;
            Err(io::Error::from(io::ErrorKind::StorageFull))
        };
        let error = replace_file(&target, b"newer\n", full).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::StorageFull);
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
