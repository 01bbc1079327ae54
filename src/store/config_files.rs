//! The user's own configuration files: `$XDG_CONFIG_HOME/isms/keymap.ron` and
//! `$XDG_CONFIG_HOME/isms/themes/NAME.ron` (`~/.config` when XDG_CONFIG_HOME is unset). A missing
//! file is not an error; an unreadable one is, with the file named.

use std::path::PathBuf;

use super::read::read_user_text;
use crate::domain::located_error::LocatedError;

/// A configuration file's name (as messages show it) and text.
pub type ConfigFile = (String, String);

/// `$XDG_CONFIG_HOME/isms`, or `$HOME/.config/isms`; none when neither is set.
pub fn config_dir() -> Option<PathBuf> {
    let from_env = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    from_env("XDG_CONFIG_HOME")
        .or_else(|| from_env("HOME").map(|home| home.join(".config")))
        .map(|dir| dir.join("isms"))
}

/// The user's keymap file, when there is one.
pub fn keymap_file() -> Option<Result<ConfigFile, LocatedError>> {
    read_if_present(config_dir()?.join("keymap.ron"))
}

/// The user's theme called `name`, when there is one. Names are plain file names (no `/`).
pub fn theme_file(name: &str) -> Option<Result<ConfigFile, LocatedError>> {
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || "-_ ".contains(c));
    if !plain {
        return None;
    }
    read_if_present(config_dir()?.join("themes").join(format!("{name}.ron")))
}

fn read_if_present(path: PathBuf) -> Option<Result<ConfigFile, LocatedError>> {
    if !path.exists() {
        return None;
    }
    Some(read_user_text(&path).map(|text| (path.display().to_string(), text)))
}
