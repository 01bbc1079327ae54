//! Drawing the four panes.

pub mod audit;
mod audit_coverage;
pub mod catalogue;
mod catalogue_csf;
mod csf_view;
pub mod dashboard;
pub mod detail;
mod heat_map;
pub mod isms;
mod isms_records;
mod mgmt_table;
pub mod risks;
pub mod soa;
