//! Who is editing and when: the `updated` stamps on SoA entries and risks.
//!
//! The user is git's `user.name` when the workspace is in a git repository (so stamps match the
//! commits), else `$USER`, else the login name of this process's uid. Never "unknown".

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{SubsecRound, Utc};

use crate::domain::stamp::Stamp;

/// The workspace the stamps of this process are for, and the user once looked up for it.
static USER: Mutex<(Option<PathBuf>, Option<String>)> = Mutex::new((None, None));

/// Tells the stamps which workspace they are made in (the store calls this on open). The user
/// is looked up at the first stamp, once per workspace.
pub fn remember_workspace(dir: &Path) {
    let mut user = USER.lock().unwrap_or_else(|e| e.into_inner());
    if user.0.as_deref() != Some(dir) {
        *user = (Some(dir.to_path_buf()), None);
    }
}

/// The user for the workspace last opened, else for the current directory.
pub fn current_user() -> String {
    let mut user = USER.lock().unwrap_or_else(|e| e.into_inner());
    let dir = user.0.clone().unwrap_or_else(|| PathBuf::from("."));
    user.1.get_or_insert_with(|| user_in(&dir)).clone()
}

/// The user who edits the workspace in `dir`: git's `user.name` (or `user.email`) in a
/// repository, else `$USER`, else the login name.
pub fn user_in(dir: &Path) -> String {
    let from_git = || {
        if !super::git::is_repository(dir) {
            return None;
        }
        ["user.name", "user.email"].iter().find_map(|key| {
            super::git::git(dir, &["config", "--get", key])
                .ok()
                .and_then(clean)
        })
    };
    from_git()
        .or_else(|| std::env::var("USER").ok().and_then(clean))
        .or_else(login_name)
        .unwrap_or_else(uid_name)
}

fn clean(name: String) -> Option<String> {
    let name = crate::domain::text::sanitize_line(name.trim());
    (!name.is_empty()).then_some(name)
}

/// The name the password database gives this process's uid.
fn login_name() -> Option<String> {
    // SAFETY: getpwuid returns a pointer into static storage (or null); the name is copied out
    // before anything else could call it again in this thread.
    unsafe {
        let entry = libc::getpwuid(libc::getuid());
        if entry.is_null() || (*entry).pw_name.is_null() {
            return None;
        }
        let name = std::ffi::CStr::from_ptr((*entry).pw_name);
        clean(name.to_string_lossy().into_owned())
    }
}

/// A uid without a name in the password database (as in some containers) still says who.
fn uid_name() -> String {
    // SAFETY: getuid cannot fail.
    format!("uid {}", unsafe { libc::getuid() })
}

/// Now (UTC, whole seconds) and the current user.
pub fn stamp_now() -> Stamp {
    Stamp::new(Utc::now().trunc_subsecs(0), &current_user())
}

/// Today in the local time zone, for `--reviewed today` and new risks.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_a_repository_the_user_is_never_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let user = user_in(dir.path());
        assert!(!user.is_empty() && user != "unknown", "{user}");
        assert!(login_name().is_some() || !uid_name().is_empty());
    }
}
