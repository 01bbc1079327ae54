//! Atomic file replacement: write a temporary file in the same directory, fsync it, rename it over
//! the target, fsync the directory. A crash at any instant leaves the old or the new file.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
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
/// temporary file is removed. A target that is a link or not a regular file, or that has no write
/// permission, is refused: a save never writes through a link nor over a read-only file.
pub fn replace_file(path: &Path, bytes: &[u8], write: WriteFn) -> io::Result<()> {
    let dir = parent_dir(path);
    let permissions = writable_target(path)?;
    let (mut file, temp) = create_temp(path)?;
    let result = (|| {
        if let Some(permissions) = permissions {
            // Keep the target's permissions (a group-writable soa.ron stays group-writable).
            file.set_permissions(permissions)?;
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

/// The permissions of the file being replaced (none when it does not exist yet), or why it must
/// not be replaced.
fn writable_target(path: &Path) -> io::Result<Option<std::fs::Permissions>> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if let Some(kind) = super::read::kind_of(&meta.file_type()) {
        return Err(io::Error::other(format!(
            "it is {kind}; isms replaces only regular files"
        )));
    }
    let c_path = std::ffi::CString::new(path.as_os_str().as_encoded_bytes())
        .map_err(|_| io::Error::from(io::ErrorKind::InvalidInput))?;
    // SAFETY: access() with a valid NUL-terminated path; no memory is kept.
    let allowed = unsafe { libc::access(c_path.as_ptr(), libc::W_OK) } == 0;
    if meta.permissions().readonly() || !allowed {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "it has no write permission (chmod u+w to allow isms to change it)",
        ));
    }
    Ok(Some(meta.permissions()))
}

/// Creates `.NAME.tmp-RANDOM` next to `path` with `O_EXCL|O_NOFOLLOW`: never an existing file,
/// never through a link someone planted there.
fn create_temp(path: &Path) -> io::Result<(File, PathBuf)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = parent_dir(path);
    let mut last = io::Error::from(io::ErrorKind::AlreadyExists);
    for _ in 0..16 {
        let temp = dir.join(format!(".{name}.tmp-{:016x}", random_u64()));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&temp)
        {
            Ok(file) => return Ok((file, temp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// 64 unpredictable bits: the standard library's per-process random hash keys, mixed with the
/// clock and a counter.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::hash::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    hasher.write_u32(std::process::id());
    hasher.finish()
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

    #[test]
    fn never_writes_through_a_link_nor_over_a_read_only_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        std::fs::write(&outside, "precious\n").unwrap();
        let link = dir.path().join("soa.ron");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        let error = replace_file(&link, b"new\n", write_and_sync).unwrap_err();
        assert!(error.to_string().contains("a symbolic link"), "{error}");
        assert_eq!(std::fs::read(&outside).unwrap(), b"precious\n");

        let locked = dir.path().join("risks.ron");
        std::fs::write(&locked, "old\n").unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).unwrap();
        let error = replace_file(&locked, b"new\n", write_and_sync).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(std::fs::read(&locked).unwrap(), b"old\n");
    }
}
