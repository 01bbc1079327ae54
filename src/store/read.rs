//! Reading a file the way every isms file is read: only a regular file (never a FIFO, a device
//! or a directory, and for workspace and catalogue files never through a symbolic link), bounded
//! in size while it is read, UTF-8, and with a message that names the file and what was found.

use std::fs::File;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

use crate::domain::located_error::LocatedError;

/// Files larger than this are refused (catalogues, configuration, text given with `--…-file`).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Whether a symbolic link may stand for the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Workspace and catalogue files: a link (git can carry one) is refused.
    Refuse,
    /// Files the user names or keeps in their configuration: a link to a regular file is read.
    Follow,
}

/// Reads a whole catalogue file: a regular file, not a link, at most [`MAX_FILE_BYTES`], UTF-8.
pub fn read_text(path: &Path) -> Result<String, LocatedError> {
    let name = path.display().to_string();
    read_text_limited(path, &name, MAX_FILE_BYTES).map(|(text, _)| text)
}

/// Like [`read_text`] for a file the user named or configured: a symbolic link is followed.
pub fn read_user_text(path: &Path) -> Result<String, LocatedError> {
    let name = path.display().to_string();
    let bytes = read_bytes(path, &name, MAX_FILE_BYTES, Links::Follow)?;
    decode_text(bytes, &name).map(|(text, _)| text)
}

/// Like [`read_text`], naming the file `name` in messages and refusing files over `max_bytes`.
/// Also says whether a byte-order mark was stripped, so callers can tell the exact bytes.
pub fn read_text_limited(
    path: &Path,
    name: &str,
    max_bytes: u64,
) -> Result<(String, bool), LocatedError> {
    let bytes = read_bytes(path, name, max_bytes, Links::Refuse)?;
    decode_text(bytes, name)
}

/// Reads a whole file as bytes (a spreadsheet to import, say), refusing missing files, links to
/// non-regular files and files over `max_bytes`; `name` names the file in messages.
pub fn read_bytes_limited(
    path: &Path,
    name: &str,
    max_bytes: u64,
) -> Result<Vec<u8>, LocatedError> {
    read_bytes(path, name, max_bytes, Links::Follow)
}

/// Opens `path` only if it is a regular file and reads at most `max_bytes` of it.
pub fn read_bytes(
    path: &Path,
    name: &str,
    max_bytes: u64,
    links: Links,
) -> Result<Vec<u8>, LocatedError> {
    let fail = |message: String| LocatedError::at(name, None, message);
    let mut file = open_regular(path, links).map_err(fail)?;
    let size = file.metadata().map_or(0, |meta| meta.len());
    if size > max_bytes {
        return Err(fail(format!(
            "is {} MB, larger than the {} MB isms reads; is it the right file?",
            megabytes(size),
            megabytes(max_bytes)
        )));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
    // The limit holds while reading: a file that grows (or lies about its size) stops here.
    (&mut file)
        .take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    if bytes.len() as u64 > max_bytes {
        return Err(fail(format!(
            "is larger than the {} MB isms reads; is it the right file?",
            megabytes(max_bytes)
        )));
    }
    Ok(bytes)
}

/// Opens a regular file for reading without ever blocking on a FIFO or a device, and without
/// following a final symbolic link when `links` refuses them. The message names what was found.
pub fn open_regular(path: &Path, links: Links) -> Result<File, String> {
    if links == Links::Refuse
        && let Ok(meta) = std::fs::symlink_metadata(path)
        && meta.file_type().is_symlink()
    {
        return Err(not_regular("a symbolic link"));
    }
    let mut flags = libc::O_NONBLOCK | libc::O_NOCTTY;
    if links == Links::Refuse {
        flags |= libc::O_NOFOLLOW;
    }
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)
        .map_err(|e| match e.raw_os_error() {
            Some(libc::ELOOP) => not_regular("a symbolic link"),
            _ => format!("cannot read: {}", io_reason(&e)),
        })?;
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    match kind_of(&meta.file_type()) {
        None => Ok(file),
        Some(kind) => Err(not_regular(kind)),
    }
}

/// What a non-regular file is, in words; `None` for a regular file.
pub fn kind_of(file_type: &std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        None
    } else if file_type.is_dir() {
        Some("a directory")
    } else if file_type.is_symlink() {
        Some("a symbolic link")
    } else if file_type.is_fifo() {
        Some("a named pipe (FIFO)")
    } else if file_type.is_char_device() || file_type.is_block_device() {
        Some("a device")
    } else if file_type.is_socket() {
        Some("a socket")
    } else {
        Some("not a regular file")
    }
}

fn not_regular(kind: &str) -> String {
    format!("is {kind}; isms reads only regular files")
}

/// Bytes as text: empty files, UTF-16, NUL bytes and invalid UTF-8 are refused with what was found.
fn decode_text(bytes: Vec<u8>, name: &str) -> Result<(String, bool), LocatedError> {
    let fail = |message: &str| LocatedError::at(name, None, message);
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return Err(fail("is UTF-16 text; save it as UTF-8"));
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let (line, column) = position_of(&bytes, offset);
        return Err(LocatedError::at(
            name,
            Some((line, column)),
            "holds binary data (NUL bytes), expected UTF-8 text",
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let (line, column) = position_of(e.as_bytes(), offset);
        LocatedError::at(name, Some((line, column)), "is not valid UTF-8 text here")
    })?;
    match text.strip_prefix('\u{feff}') {
        Some(rest) => Ok((rest.to_string(), true)),
        None => Ok((text, false)),
    }
}

/// The 1-based line and column of byte `offset`, counting the valid UTF-8 before it.
fn position_of(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let valid = match std::str::from_utf8(before) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&before[..e.valid_up_to()]).unwrap_or_default(),
    };
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
    (line, valid[line_start..].chars().count() + 1)
}

/// A size in MB: whole numbers as they are, others with one decimal (10.5, not 10).
pub fn megabytes(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes.is_multiple_of(MB) {
        (bytes / MB).to_string()
    } else {
        format!("{:.1}", bytes as f64 / MB as f64)
    }
}

/// The reason of an I/O error in words, without Rust's "(os error N)" suffix.
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    if error.get_ref().is_some() {
        // An error isms made itself carries its own words.
        return error.to_string();
    }
    match error.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::StorageFull => "the disk is full".into(),
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(cut) => text[..cut].to_string(),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_links_fifos_devices_and_directories_by_kind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.ron");
        std::fs::write(&target, "x").unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let fifo = dir.path().join("fifo.ron");
        let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: mkfifo with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        let message = |path: &Path| read_text(path).unwrap_err().message;
        assert!(message(&link).contains("a symbolic link"));
        assert!(message(&fifo).contains("a named pipe"));
        assert!(message(Path::new("/dev/zero")).contains("a device"));
        assert!(message(dir.path()).contains("a directory"));
        assert_eq!(read_user_text(&link).unwrap(), "x");
    }

    #[test]
    fn names_what_was_found_in_text_that_is_not_utf8() {
        let decode = |bytes: &[u8]| decode_text(bytes.to_vec(), "f").unwrap_err().to_string();
        assert_eq!(
            decode(b"\xff\xfea\0"),
            "f: is UTF-16 text; save it as UTF-8"
        );
        assert_eq!(
            decode(b"ab\ncd\0"),
            "f:2:3: holds binary data (NUL bytes), expected UTF-8 text"
        );
        assert_eq!(decode(b"a\xc3("), "f:1:2: is not valid UTF-8 text here");
    }
}
