//! Who is working, on which day, and the clock that stamps edits: found once by the edge (`tui`)
//! at start and handed to the app, which itself reads neither the clock nor the environment.

use chrono::{DateTime, NaiveDate, SubsecRound, TimeZone, Utc};

use crate::domain::stamp::Stamp;

#[derive(Debug, Clone)]
pub struct Session {
    /// The name in the `updated` stamps of this session's edits.
    pub user: String,
    /// The day new risks are created on, `t` writes and reviews are judged against.
    pub today: NaiveDate,
    /// The time for stamps, as the edge reads it.
    pub clock: fn() -> DateTime<Utc>,
}

impl Session {
    /// A stamp for an edit made now by this session's user.
    pub fn stamp(&self) -> Stamp {
        Stamp::new((self.clock)().trunc_subsecs(0), &self.user)
    }
}

fn fixed_time() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

impl Default for Session {
    /// A fixed session (user `tester`, 2 March 2026) for tests and benchmarks; the workbench
    /// replaces it with the real one through `App::set_session`.
    fn default() -> Session {
        Session {
            user: "tester".to_string(),
            today: fixed_time().date_naive(),
            clock: fixed_time,
        }
    }
}
