//! Drawing the four panes.

pub mod catalogue;
pub mod dashboard;
pub mod detail;
mod heat_map;
pub mod risks;
pub mod soa;
