//! Who is editing and when: the `updated` stamps on SoA entries and risks.

use chrono::{SubsecRound, Utc};

use crate::domain::stamp::Stamp;

/// `$USER`, or `unknown` when it is unset or empty.
pub fn current_user() -> String {
    std::env::var("USER")
        .ok()
        .map(|u| crate::domain::text::sanitize_line(u.trim()))
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "unknown".to_string())
}

/// Now (UTC, whole seconds) and the current user.
pub fn stamp_now() -> Stamp {
    Stamp::new(Utc::now().trunc_subsecs(0), &current_user())
}

/// Today in the local time zone, for `--reviewed today` and new risks.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
