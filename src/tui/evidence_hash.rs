//! Hashing a local evidence file the evidence form names (`Effect::HashFile`): the edge reads the
//! file under the workspace the same way `isms evidence add` does and hands the SHA-256 (or why it
//! could not) back to the form, which then applies and asks to save.

use crate::app::{self, Action, App, Effect};
use crate::store;

use super::persist;

/// Hashes `location` (relative to the workspace) and hands the result to the app.
pub fn run(app: &mut App, store: &mut persist::Store, location: String) {
    let path = store.dir.join(location.trim());
    let sha256 = store::evidence_files::sha256_file(&path)
        .map_err(|e| format!("cannot read: {}", store::read::io_reason(&e)));
    let effect = app::update(app, Action::FileHashed { location, sha256 });
    if effect == Effect::Save {
        persist::save(app, store);
    }
}
