//! Ctrl-E in a form: the focused text goes to `$VISUAL`/`$EDITOR` (else `vi`) in a temporary
//! file; the terminal is handed to the editor meanwhile and taken back afterwards.

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
    let path = temp_file(text).map_err(|e| format!("cannot make a file for $EDITOR: {e}"))?;
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
    let _ = std::fs::remove_file(&path);
    back.map_err(|e| format!("cannot take the terminal back: {e}"))?;
    result
}

fn temp_file(text: &str) -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir();
    for attempt in 0..100u32 {
        let path = dir.join(format!("isms-edit-{}-{attempt}.txt", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                use std::io::Write;
                file.write_all(text.as_bytes())?;
                if !text.is_empty() && !text.ends_with('\n') {
                    file.write_all(b"\n")?;
                }
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no free temporary file name"))
}
