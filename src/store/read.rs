//! Reading a text file the way every isms file is read: bounded in size, UTF-8, and with a
//! message that names the file when any of that fails.

use std::path::Path;

use crate::domain::located_error::LocatedError;

/// Files larger than this are refused before they are read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a whole text file, refusing missing, oversized, binary and non-UTF-8 files with a message.
pub fn read_text(path: &Path) -> Result<String, LocatedError> {
    let name = path.display().to_string();
    read_text_limited(path, &name, MAX_FILE_BYTES).map(|(text, _)| text)
}

/// Like [`read_text`], naming the file `name` in messages and refusing files over `max_bytes`.
/// Also says whether a byte-order mark was stripped, so callers can tell the exact bytes.
pub fn read_text_limited(
    path: &Path,
    name: &str,
    max_bytes: u64,
) -> Result<(String, bool), LocatedError> {
    let bytes = read_bytes_limited(path, name, max_bytes)?;
    if bytes.contains(&0) {
        return Err(LocatedError::at(
            name,
            None,
            "holds binary data (NUL bytes), expected UTF-8 text",
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
        let (line, column) = crate::domain::located_error::line_and_column(valid, offset);
        LocatedError::at(name, Some((line, column)), "is not valid UTF-8 text here")
    })?;
    match text.strip_prefix('\u{feff}') {
        Some(rest) => Ok((rest.to_string(), true)),
        None => Ok((text, false)),
    }
}

/// Reads a whole file as bytes (a spreadsheet to import, say), refusing missing files,
/// directories and files over `max_bytes` before reading them; `name` names the file in messages.
pub fn read_bytes_limited(
    path: &Path,
    name: &str,
    max_bytes: u64,
) -> Result<Vec<u8>, LocatedError> {
    let fail = |message: String| LocatedError::at(name, None, message);
    let metadata =
        std::fs::metadata(path).map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))?;
    if metadata.is_dir() {
        return Err(fail("is a directory, expected a file".into()));
    }
    if metadata.len() > max_bytes {
        return Err(fail(format!(
            "is {} MB, larger than the {} MB isms reads; is it the right file?",
            megabytes(metadata.len()),
            megabytes(max_bytes)
        )));
    }
    std::fs::read(path).map_err(|e| fail(format!("cannot read: {}", io_reason(&e))))
}

/// A size in MB: whole numbers as they are, others with one decimal (10.5, not 10).
fn megabytes(bytes: u64) -> String {
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
