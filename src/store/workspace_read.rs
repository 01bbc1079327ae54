//! Reading a workspace directory: each file bounded in size and decoded as UTF-8, then parsed
//! and validated; missing `soa.ron` / `risks.ron` start empty (said in the notes), and missing
//! management-system files start seeded (every sub-clause not started) or empty.

use std::path::Path;

use super::error::StoreError;
use super::read::read_text_limited;
use crate::domain::catalogue::{BUILTIN_KEY, BUILTIN_NAME, Catalogue};
use crate::domain::located_error::LocatedError;
use crate::domain::mgmt::Management;
use crate::domain::mgmt::format::MGMT_FILES;
use crate::domain::mgmt::load::{parse_audits, parse_evidence, parse_findings, parse_system};
use crate::domain::text::quoted;
use crate::domain::workspace::{Settings, Workspace};
use crate::domain::workspace_format::{RISKS_FILE, SOA_FILE, WORKSPACE_FILE};
use crate::domain::workspace_load::{parse_risks, parse_settings, parse_soa};

/// Workspace files larger than this are refused (10 000 risks take about 8 MB).
pub const MAX_WORKSPACE_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The files, in the order they are checked and written: the three Annex A files, then the
/// management system's.
pub(super) const FILES: [&str; 7] = [
    WORKSPACE_FILE,
    SOA_FILE,
    RISKS_FILE,
    MGMT_FILES[0],
    MGMT_FILES[1],
    MGMT_FILES[2],
    MGMT_FILES[3],
];

/// The first index of a management-system file in [`FILES`].
pub(super) const FIRST_MGMT_FILE: usize = 3;

type ReadResult = (Workspace, [Option<Vec<u8>>; 7], Vec<String>);

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
    let mut texts: [Option<String>; 7] = Default::default();
    let mut boms = [false; 7];
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
    check_catalogue(
        &settings,
        catalogue,
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
    let mgmt = read_mgmt(dir, &texts, catalogue, &mut notes)?;
    let workspace = Workspace {
        settings,
        soa,
        risks,
        mgmt,
    };
    // The exact bytes, byte-order mark included, so that `changed_on_disk` compares like with like.
    let on_disk: [Option<Vec<u8>>; 7] = std::array::from_fn(|i| {
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

/// The management-system files that exist; a missing one starts seeded or empty in memory and is
/// written by the first save that changes it.
fn read_mgmt(
    dir: &Path,
    texts: &[Option<String>; 7],
    catalogue: &Catalogue,
    notes: &mut Vec<String>,
) -> Result<Management, StoreError> {
    let mut mgmt = Management::seeded();
    let text = |i: usize| texts[FIRST_MGMT_FILE + i].as_deref();
    let name = |i: usize| display_name(dir, MGMT_FILES[i]);
    if let Some(text) = text(0) {
        let loaded = parse_system(text, &name(0), catalogue)?;
        notes.extend(loaded.notes);
        mgmt.system = loaded.system;
    }
    if let Some(text) = text(1) {
        mgmt.evidence = parse_evidence(text, &name(1), catalogue)?;
    }
    if let Some(text) = text(2) {
        mgmt.audits = parse_audits(text, &name(2), catalogue)?;
    }
    if let Some(text) = text(3) {
        mgmt.findings = parse_findings(text, &name(3), catalogue)?;
    }
    Ok(mgmt)
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

/// Refuses a catalogue other than the one the workspace was made with, saying which is which.
fn check_catalogue(
    settings: &Settings,
    catalogue: &Catalogue,
    text: &str,
    file: &str,
) -> Result<(), LocatedError> {
    if settings.catalogue == catalogue.key() {
        return Ok(());
    }
    let place = text
        .find("catalogue:")
        .map(|at| crate::domain::located_error::line_and_column(text, at));
    let follows = if settings.catalogue == BUILTIN_KEY {
        format!("the built-in catalogue {}", quoted(BUILTIN_NAME))
    } else {
        format!(
            "the catalogue {} (its copy: {})",
            quoted(&settings.catalogue),
            super::catalogue_file::WORKSPACE_COPIES.join(" or ")
        )
    };
    Err(LocatedError::at(
        file,
        place,
        format!(
            "this workspace follows {follows}, not the catalogue {} given with --catalogue; run without --catalogue",
            quoted(&catalogue.name)
        ),
    ))
}
