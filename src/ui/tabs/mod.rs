//! Drawing the four panes.

pub mod audit;
mod audit_coverage;
pub mod catalogue;
pub mod dashboard;
pub mod detail;
mod heat_map;
pub mod isms;
mod isms_records;
mod mgmt_table;
pub mod risks;
pub mod soa;
