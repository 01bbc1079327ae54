//! Ctrl-E in a form: the focused text goes to `$VISUAL`/`$EDITOR` (else `vi`) in a temporary
//! file, readable by the user alone (mode 0600 in a private 0700 directory) and removed with its
//! directory afterwards; the terminal is handed to the editor meanwhile and taken back afterwards.

use std::path::PathBuf;
use std::process::Command;

use super::{events, terminal};

/// Runs the editor on `text` and returns what it saved, or one sentence saying why not.
pub fn edit_text(text: &str, mouse: bool, term: &mut terminal::Term) -> Result<String, String> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().trim().to_string())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "vi".to_string());
    let dir = private_dir().map_err(|e| format!("cannot make a folder for $EDITOR: {e}"))?;
    let path = dir.join("isms-edit.txt");
    if let Err(e) = write_private(&path, text) {
        let _ = std::fs::remove_dir_all(&dir);
        return Err(format!("cannot make a file for $EDITOR: {e}"));
    }
    events::pause_reader();
    terminal::restore();
    // Through the shell, so that EDITOR="code --wait" works as it does for git.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(&path)
        .status();
    let back = terminal::enter(mouse).and_then(|()| terminal::redraw_all(term));
    events::resume_reader();
    let result = match status {
        Err(e) => Err(format!("cannot run {editor}: {e}")),
        Ok(s) if !s.success() => Err(format!("{editor} failed ({s}); the field is unchanged")),
        Ok(_) => std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read back what {editor} wrote: {e}")),
    };
    // Editors may leave swap or backup files beside it: the whole folder goes.
    let _ = std::fs::remove_dir_all(&dir);
    back.map_err(|e| format!("cannot take the terminal back: {e}"))?;
    result
}

/// A new directory only this user can enter, under the temporary directory.
fn private_dir() -> std::io::Result<PathBuf> {
    use std::os::unix::fs::DirBuilderExt;
    let base = std::env::temp_dir();
    for attempt in 0..100u32 {
        let dir = base.join(format!("isms-edit-{}-{attempt}", std::process::id()));
        match std::fs::DirBuilder::new().mode(0o700).create(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no free temporary folder name"))
}

/// Writes the text (ending in a newline) to a new file readable by this user alone.
fn write_private(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    if !text.is_empty() && !text.ends_with('\n') {
        file.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_for_the_editor_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = private_dir().unwrap();
        let path = dir.join("isms-edit.txt");
        write_private(&path, "secret plan").unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&path), 0o600);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "secret plan\n");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
