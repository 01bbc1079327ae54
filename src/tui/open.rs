//! Opening the workbench: the catalogue, the workspace, the user's keymap and theme, and the
//! messages to show when any of those was broken.

use std::path::PathBuf;

use anyhow::{Context as _, bail};

use crate::app::App;
use crate::domain::sample::demo_workspace;
use crate::domain::workspace::{Settings, Workspace};
use crate::keymap::Keymap;
use crate::store::workbench_dir::{Folder, fresh_demo_dir, inspect};
use crate::store::{self, Access, WorkspaceHandle};
use crate::theme::Theme;

/// Which workspace to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Dir(PathBuf),
    /// The sample workspace in a fresh temporary folder; `keep` leaves the folder after quitting.
    Demo {
        keep: bool,
    },
}

/// Everything the command line says about the workbench.
#[derive(Debug, Clone)]
pub struct Options {
    pub target: Target,
    pub catalogue: Option<PathBuf>,
    pub theme: Option<String>,
    pub mouse: bool,
}

/// The workbench, ready to run: the app, its theme, and the store's handle on the workspace
/// folder (holding the lock while the session lasts), or none while a new workspace has not
/// been saved yet.
pub struct Opened {
    pub app: App,
    pub theme: Theme,
    pub handle: Option<WorkspaceHandle>,
    /// The workspace folder (where a new workspace's files go on the first save).
    pub dir: PathBuf,
}

/// Builds the app and picks the theme. Broken user files become messages, never failures; a
/// broken workspace file is an error naming file, line and column.
pub fn open(options: &Options) -> anyhow::Result<Opened> {
    let catalogue = match &options.target {
        Target::Dir(dir) => {
            store::catalogue_file::for_workspace(options.catalogue.as_deref(), dir)?
        }
        Target::Demo { .. } => store::catalogue_file::load(options.catalogue.as_deref())?,
    };
    let mut messages = Vec::new();

    let keymap_file = match store::config_files::keymap_file() {
        Some(Ok(file)) => Some(file),
        Some(Err(error)) => {
            messages.push(format!("{error}; using the default keys"));
            None
        }
        None => None,
    };
    let (keymap, keymap_message) = Keymap::with_user_file(keymap_file);
    messages.extend(keymap_message);

    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (theme, theme_message) = Theme::select(
        options.theme.as_deref(),
        no_color,
        store::config_files::theme_file,
    );
    messages.extend(theme_message);

    let (workspace, handle, location, read_only) = match &options.target {
        Target::Demo { .. } => {
            let dir = fresh_demo_dir().context("cannot make a folder for the demo workspace")?;
            let workspace = demo_workspace(&catalogue);
            let handle = store::create(&dir, &workspace)?;
            let given = options.catalogue.as_deref();
            if let Some(source) = super::new_workspace::copied_catalogue(given, &catalogue) {
                store::catalogue_file::keep_copy(&dir, source)?;
            }
            (workspace, Some(handle), dir.display().to_string(), None)
        }
        Target::Dir(dir) => match inspect(dir) {
            Folder::Workspace => {
                let opened = store::open(dir, &catalogue, Access::Edit)?;
                messages.extend(opened.notes);
                let read_only = opened.handle.read_only().map(str::to_string);
                if let Some(why) = &read_only {
                    messages.push(format!("read-only: {why}"));
                }
                (
                    opened.workspace,
                    Some(opened.handle),
                    dir.display().to_string(),
                    read_only,
                )
            }
            Folder::NoWorkspace => {
                let settings = Settings {
                    name: folder_name(dir),
                    ..Settings::default()
                };
                messages.push(format!(
                    "no workspace in {} yet: this is a new one; its files are created on the first save",
                    dir.display()
                ));
                (
                    Workspace::new(settings, &catalogue),
                    None,
                    dir.display().to_string(),
                    None,
                )
            }
            Folder::Missing => bail!(
                "{}: no such folder; `isms DIR` opens the workspace in DIR",
                dir.display()
            ),
            Folder::NotAFolder => bail!(
                "{}: is not a folder; `isms DIR` opens the workspace in DIR",
                dir.display()
            ),
        },
    };
    let dir = match (&handle, &options.target) {
        (Some(handle), _) => handle.dir().to_path_buf(),
        (None, Target::Dir(dir)) => dir.clone(),
        (None, Target::Demo { .. }) => PathBuf::from(&location),
    };
    let mut app = App::new(catalogue, workspace, location, keymap);
    app.read_only = read_only;
    app.set_session(crate::app::Session {
        user: store::current_user(),
        today: store::today(),
        clock: chrono::Utc::now,
    });
    if !messages.is_empty() {
        app.tell(messages.join(" · "), true);
    }
    Ok(Opened {
        app,
        theme,
        handle,
        dir,
    })
}

/// The folder's own name, for a new workspace's name.
fn folder_name(dir: &std::path::Path) -> String {
    std::path::absolute(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "ISMS".to_string())
}
