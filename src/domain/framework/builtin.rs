//! The frameworks built into the binary: NIST CSF 2.0 with NIST's two informative references to
//! ISO/IEC 27001:2022 (public domain). Parsed on first use, so `isms search backup` never pays
//! for them.

use std::sync::OnceLock;

use super::file::{parse_framework, parse_mappings};
use super::model::Framework;

/// The id of the built-in NIST CSF 2.0.
pub const CSF2_ID: &str = "csf2";

const CSF2_FILE: &str = "catalogue/nist-csf-2.0.ron";
const CSF2_SOURCE: &str = include_str!("../../../catalogue/nist-csf-2.0.ron");
const CSF2_MAPPINGS_FILE: &str = "catalogue/nist-csf-2.0-iso27001-2022.ron";
const CSF2_MAPPINGS: &str = include_str!("../../../catalogue/nist-csf-2.0-iso27001-2022.ron");

/// NIST CSF 2.0 with its mappings to ISO/IEC 27001:2022.
pub fn csf2() -> &'static Framework {
    static CSF2: OnceLock<Framework> = OnceLock::new();
    CSF2.get_or_init(|| {
        let mut framework = parse_framework(CSF2_SOURCE, CSF2_FILE)
            .expect("the embedded CSF 2.0 is checked by the test suite");
        framework.mappings = parse_mappings(CSF2_MAPPINGS, CSF2_MAPPINGS_FILE, CSF2_ID)
            .expect("the embedded CSF 2.0 mappings are checked by the test suite");
        framework
            .validate()
            .expect("the embedded CSF 2.0 mappings name its nodes");
        framework
    })
}
