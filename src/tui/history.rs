//! Reading a record's git history off the event loop: a thread runs git and sends the versions
//! back as an action; answers are kept per commit, so looking again costs nothing until HEAD moves.
//! The last approved SoA is read the same way, once, at start.

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::thread;

use super::events::Event;
use crate::app::Action;
use crate::app::layers::history::Version;

type Answer = Result<Vec<Version>, String>;

/// Histories already read, by (HEAD commit, record).
#[derive(Default)]
pub struct Cache {
    answers: Arc<Mutex<HashMap<(String, String), Answer>>>,
}

impl Cache {
    /// Sends the record's history to the loop: at once when known at this HEAD, else from a thread.
    pub fn load(&mut self, dir: &Path, record: String, sender: &Sender<Event>) {
        let dir = dir.to_path_buf();
        let answers = Arc::clone(&self.answers);
        let sender = sender.clone();
        thread::spawn(move || {
            let head = crate::store::git::head(&dir).unwrap_or_default();
            let key = (head, record.clone());
            let known = answers.lock().ok().and_then(|a| a.get(&key).cloned());
            let versions = known.unwrap_or_else(|| {
                let answer = read(&dir, &record);
                if let Ok(mut answers) = answers.lock() {
                    answers.insert(key, answer.clone());
                }
                answer
            });
            let _ = sender.send(Event::Action(Action::HistoryLoaded { record, versions }));
        });
    }
}

/// Reads the last approved `soa.ron` from git off the loop and hands it to the app, for the
/// dashboard's "changed since approval". Nothing is sent outside a repository or before the
/// first approval.
pub fn load_approved_soa(dir: &Path, sender: &Sender<Event>) {
    let dir = dir.to_path_buf();
    let sender = sender.clone();
    thread::spawn(move || {
        let Some(approval) = crate::store::git::last_approval(&dir) else {
            return;
        };
        let soa = crate::domain::workspace_format::SOA_FILE;
        if let Ok(Some(text)) = crate::store::git::file_at(&dir, &approval.tag, soa) {
            let tag = approval.tag;
            let _ = sender.send(Event::Action(Action::ApprovedSoa { tag, text }));
        }
    });
}

fn read(dir: &Path, record: &str) -> Answer {
    let (rows, _) = crate::cli::history::rows_of(dir, record).map_err(|e| e.to_string())?;
    Ok(rows
        .into_iter()
        .map(|row| Version {
            commit: row.commit.chars().take(8).collect(),
            date: row.date.chars().take(10).collect(),
            author: row.author,
            message: row.message,
            what: row.what.to_string(),
            changes: row.changes,
        })
        .collect())
}
