//! Saving and reloading as the app sees them: `Ctrl-S` asks the edge to save (`Effect::Save`),
//! and the edge reports back with [`App::saved`]. The I/O is in `tui`.

use super::{App, Effect};

/// How a save went, in the words the app needs (the store's errors stay at the edge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Saved; the files written (none when nothing had changed).
    Saved(Vec<String>),
    /// Refused: these files changed on disk since they were loaded.
    ChangedOnDisk(Vec<String>),
    /// Not saved, and why (one sentence).
    Failed(String),
}

impl App {
    /// Ctrl-S: a read-only workspace says why; otherwise the edge saves.
    pub fn request_save(&mut self) -> Effect {
        if let Some(why) = &self.read_only {
            let text = format!("Read-only: {why}; nothing to save");
            self.tell(text, true);
            return Effect::None;
        }
        Effect::Save
    }

    /// The quit question's third answer: the edge saves, then quits when the save succeeded.
    pub fn request_save_and_quit(&mut self) -> Effect {
        match self.request_save() {
            Effect::Save => Effect::SaveAndQuit,
            other => other,
        }
    }

    /// Takes the result of a save.
    pub fn saved(&mut self, outcome: SaveOutcome) {
        match outcome {
            SaveOutcome::Saved(files) => {
                self.mark_saved();
                if files.is_empty() {
                    self.tell("Saved (no file needed writing)", false);
                } else {
                    self.tell(format!("Saved {}", files.join(", ")), false);
                }
            }
            SaveOutcome::ChangedOnDisk(files) => self.tell(
                format!(
                    "{} changed on disk again while saving; nothing was saved, Ctrl-S merges and saves",
                    files.join(", ")
                ),
                true,
            ),
            SaveOutcome::Failed(reason) => self.tell(reason, true),
        }
    }
}
