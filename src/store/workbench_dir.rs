//! What the workbench asks of the disk besides the workspace API: what a folder given as
//! `isms DIR` holds, and a fresh folder for `isms demo`.

use std::path::{Path, PathBuf};

use crate::domain::workspace_format::WORKSPACE_FILE;

/// What a folder named on the command line turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folder {
    /// It holds `workspace.ron`.
    Workspace,
    /// A folder without a workspace: a new one is created there on the first save.
    NoWorkspace,
    Missing,
    NotAFolder,
}

pub fn inspect(dir: &Path) -> Folder {
    match std::fs::metadata(dir) {
        Err(_) => Folder::Missing,
        Ok(meta) if !meta.is_dir() => Folder::NotAFolder,
        Ok(_) if dir.join(WORKSPACE_FILE).exists() => Folder::Workspace,
        Ok(_) => Folder::NoWorkspace,
    }
}

/// A new, empty folder under the system's temporary directory for the demo workspace. The
/// workbench removes it on quit unless asked to keep it or something was saved there
/// (`tui::demo_folder`).
pub fn fresh_demo_dir() -> std::io::Result<PathBuf> {
    let base = std::env::temp_dir();
    let pid = std::process::id();
    for attempt in 0..100u32 {
        let name = match attempt {
            0 => format!("isms-demo-{pid}"),
            n => format!("isms-demo-{pid}-{n}"),
        };
        let dir = base.join(name);
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "no free name for a demo folder",
    ))
}
