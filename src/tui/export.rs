//! Carrying out the export dialog's request (`Effect::Export`): the file goes into the workspace
//! folder (or where an absolute name points), written by the command line's own writers, and a
//! file or folder already there is replaced only after the user said so.

use std::path::PathBuf;

use super::persist::Store;
use crate::app::App;
use crate::app::layers::export::{Document, ExportRequest};
use crate::cli::export_files::{Which, write};

/// Where the request's file goes.
pub fn path_of(request: &ExportRequest, store: &Store) -> PathBuf {
    store.dir.join(&request.file)
}

/// Writes the export the app asked for, or asks the app to ask about overwriting.
pub fn run(app: &mut App, store: &Store) {
    let Some(request) = app.take_export() else {
        return;
    };
    let path = path_of(&request, store);
    if path.exists() && !request.overwrite {
        app.export_exists(request);
        return;
    }
    let which = match request.document {
        Document::Soa => Which::Soa,
        Document::Risks => Which::Risks,
    };
    let result = write(
        &store.dir,
        &app.catalogue,
        &app.workspace,
        which,
        request.format.name(),
        &path,
    )
    .map_err(|e| e.to_string());
    app.exported(&request, result);
}
