//! Opening the workbench: the catalogue, the workspace, the user's keymap and theme, and the
//! messages to show when any of those was broken.

use std::path::PathBuf;

use anyhow::{Context as _, bail};

use crate::app::App;
use crate::domain::sample::demo_workspace;
use crate::domain::workspace::{Settings, Workspace};
use crate::keymap::Keymap;
use crate::store;
use crate::theme::Theme;

/// Which workspace to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Dir(PathBuf),
    Demo,
}

/// Everything the command line says about the workbench.
#[derive(Debug, Clone)]
pub struct Options {
    pub target: Target,
    pub catalogue: Option<PathBuf>,
    pub theme: Option<String>,
    pub mouse: bool,
}

/// Builds the app and picks the theme. Broken user files become messages, never failures.
pub fn open(options: &Options) -> anyhow::Result<(App, Theme)> {
    let catalogue = store::catalogue_file::load(options.catalogue.as_deref())?;
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

    let (workspace, location) = match &options.target {
        Target::Demo => (demo_workspace(&catalogue), "demo (in memory)".to_string()),
        Target::Dir(dir) => {
            let metadata = std::fs::metadata(dir)
                .with_context(|| format!("{}: cannot open the workspace folder", dir.display()))?;
            if !metadata.is_dir() {
                bail!(
                    "{}: is not a folder; `isms DIR` opens the workspace in DIR",
                    dir.display()
                );
            }
            let workspace = Workspace::new(Settings::default(), &catalogue);
            (workspace, dir.display().to_string())
        }
    };
    let mut app = App::new(catalogue, workspace, location, keymap);
    if !messages.is_empty() {
        app.tell(messages.join(" · "), true);
    }
    Ok((app, theme))
}
