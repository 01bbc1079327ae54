//! Who changed a record, and when (UTC).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stamp {
    pub at: DateTime<Utc>,
    pub by: String,
}

impl Stamp {
    pub fn new(at: DateTime<Utc>, by: &str) -> Stamp {
        Stamp {
            at,
            by: by.to_string(),
        }
    }
}
