//! Reading a workspace directory: each file bounded in size and decoded as UTF-8, then parsed
//! and validated; missing `soa.ron` / `risks.ron` start empty (said in the notes).

use std::path::Path;

use super::error::StoreError;
use super::read::read_text_limited;
use crate::domain::catalogue::Catalogue;
use crate::domain::located_error::LocatedError;
use crate::domain::workspace::Workspace;
use crate::domain::workspace_format::{RISKS_FILE, SOA_FILE, WORKSPACE_FILE};
use crate::domain::workspace_load::{parse_risks, parse_settings, parse_soa};

/// Workspace files larger than this are refused (10 000 risks take about 8 MB).
pub const MAX_WORKSPACE_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The three files, in the order they are checked and written.
pub(super) const FILES: [&str; 3] = [WORKSPACE_FILE, SOA_FILE, RISKS_FILE];

type ReadResult = (Workspace, [Option<Vec<u8>>; 3], Vec<String>);

pub(super) fn read_dir(dir: &Path, catalogue: &Catalogue) -> Result<ReadResult, StoreError> {
    let workspace_path = dir.join(WORKSPACE_FILE);
    if std::fs::symlink_metadata(&workspace_path).is_err() {
        let shown = display_name(dir, WORKSPACE_FILE);
        let message = if dir.is_dir() {
            format!(
                "not found; {} is not a workspace (`isms init {}` creates one)",
                display_dir(dir),
                display_dir(dir)
            )
        } else {
            format!(
                "not found; the directory {} does not exist",
                display_dir(dir)
            )
        };
        return Err(LocatedError::at(&shown, None, message).into());
    }
    let mut texts: [Option<String>; 3] = [None, None, None];
    let mut boms = [false; 3];
    for (i, file) in FILES.iter().enumerate() {
        let path = dir.join(file);
        let shown = display_name(dir, file);
        texts[i] = match read_text_limited(&path, &shown, MAX_WORKSPACE_FILE_BYTES) {
            Ok((text, bom)) => {
                boms[i] = bom;
                Some(text)
            }
            Err(_) if i > 0 && std::fs::symlink_metadata(&path).is_err() => None,
            Err(error) => return Err(error.into()),
        };
    }
    let mut notes = Vec::new();
    let settings = parse_settings(
        texts[0].as_deref().unwrap_or_default(),
        &display_name(dir, WORKSPACE_FILE),
    )?;
    let soa = match &texts[1] {
        Some(text) => {
            let loaded = parse_soa(text, &display_name(dir, SOA_FILE), catalogue)?;
            notes.extend(loaded.notes);
            loaded.soa
        }
        None => {
            notes.push(format!(
                "{}: not found; every control starts undecided",
                display_name(dir, SOA_FILE)
            ));
            Workspace::new(settings.clone(), catalogue).soa
        }
    };
    let risks = match &texts[2] {
        Some(text) => parse_risks(
            text,
            &display_name(dir, RISKS_FILE),
            catalogue,
            &settings.risk_method,
        )?,
        None => Default::default(),
    };
    let workspace = Workspace {
        settings,
        soa,
        risks,
    };
    // The exact bytes, byte-order mark included, so that `changed_on_disk` compares like with like.
    let on_disk: [Option<Vec<u8>>; 3] = std::array::from_fn(|i| {
        texts[i].take().map(|text| {
            let bytes = text.into_bytes();
            if boms[i] {
                [b"\xef\xbb\xbf".as_slice(), &bytes].concat()
            } else {
                bytes
            }
        })
    });
    Ok((workspace, on_disk, notes))
}

/// How a workspace file is named in messages: `soa.ron` in the current directory, else `dir/soa.ron`.
pub fn display_name(dir: &Path, file: &str) -> String {
    if dir.as_os_str().is_empty() || dir == Path::new(".") {
        file.to_string()
    } else {
        dir.join(file).display().to_string()
    }
}

fn display_dir(dir: &Path) -> String {
    if dir.as_os_str().is_empty() {
        ".".to_string()
    } else {
        dir.display().to_string()
    }
}
