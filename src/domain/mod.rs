//! The pure model: controls, the catalogue and its search. No I/O, no terminal types.

pub mod attributes;
pub mod catalogue;
mod catalogue_check;
pub mod control;
pub mod located_error;
pub mod risk;
mod risk_load;
pub mod ron_places;
pub mod search;
pub mod soa;
pub mod stamp;
pub mod text;
pub mod workspace;
pub mod workspace_format;
pub mod workspace_load;
