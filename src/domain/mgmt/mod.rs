//! The management system of ISO/IEC 27001 clauses 4–10, beside the Annex A controls: where each
//! sub-clause stands (`isms.ron`), the evidence register (`evidence.ron`), the audit programme,
//! audits and management reviews (`audits.ron`), and one findings register (`findings.ron`).
//!
//! Every list item has a stable id so that merges and history work per record; links between
//! records are `kind:id` references (see [`refs`]) that `isms check` follows both ways. Dates
//! people type are `NaiveDate`s; what the tool records is a [`Stamp`](crate::domain::stamp::Stamp).

pub mod audits;
pub mod check;
mod check_audits;
mod check_links;
mod check_system;
pub mod clauses;
pub mod edit;
pub mod edit_audit;
pub mod edit_evidence;
pub mod edit_items;
mod edit_records;
pub mod edit_system;
pub mod evidence;
pub mod findings;
pub mod format;
pub mod ids;
pub mod load;
mod load_places;
mod names;
pub mod refs;
pub mod reviews;
pub mod system;

use audits::AuditBook;
use evidence::EvidenceRegister;
use findings::FindingsRegister;
use system::ManagementSystem;

/// The four management-system files, in memory.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Management {
    pub system: ManagementSystem,
    pub evidence: EvidenceRegister,
    pub audits: AuditBook,
    pub findings: FindingsRegister,
}

impl Management {
    /// A new management system: every assessable sub-clause not started, nothing else yet.
    pub fn seeded() -> Management {
        Management {
            system: ManagementSystem::seeded(),
            ..Management::default()
        }
    }
}
