//! The pure model: controls, the catalogue and its search, the SoA, the risk register, workspace
//! file text, checks and edits, and the management system of clauses 4–10. No I/O, no terminal
//! types.

pub mod attributes;
pub mod catalogue;
mod catalogue_check;
pub mod catalogue_from_framework;
pub mod check;
pub mod control;
pub mod edit;
mod edit_risk;
pub mod edit_settings;
pub mod framework;
pub mod located_error;
pub mod merge;
pub mod merge_diff;
pub mod merge_fields;
pub mod merge_mgmt;
#[cfg(test)]
mod merge_mgmt_tests;
pub mod merge_record;
pub mod merge_resolve;
mod merge_resolve_mgmt;
#[cfg(test)]
mod merge_tests;
pub mod mgmt;
pub mod relative_date;
pub mod risk;
mod risk_load;
pub mod ron_places;
pub mod sample;
pub mod search;
pub mod soa;
pub mod stamp;
pub mod text;
pub mod workspace;
pub mod workspace_format;
pub mod workspace_load;
pub mod workspace_part;
