//! At start, off the loop: a warning in the status bar when the workspace is in a git clone that
//! lacks isms's merge driver (each clone needs `isms git setup`), as `isms check` warns.

use std::path::Path;
use std::sync::mpsc::Sender;
use std::thread;

use super::events::Event;
use crate::app::Action;

pub fn warn_if_missing(dir: &Path, sender: &Sender<Event>) {
    let dir = dir.to_path_buf();
    let sender = sender.clone();
    thread::spawn(move || {
        // The status bar has one line: the short form of `isms check`'s warning.
        if crate::store::git::missing_setup(&dir).is_some() {
            let warning = "no isms merge driver in this clone: run `isms git setup`";
            let _ = sender.send(Event::Action(Action::Warn(warning.to_string())));
        }
    });
}
