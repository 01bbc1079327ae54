//! The pure model: controls, the catalogue and its search. No I/O, no terminal types.

pub mod attributes;
pub mod catalogue;
mod catalogue_check;
pub mod control;
pub mod located_error;
pub mod risk;
pub mod search;
pub mod soa;
pub mod stamp;
pub mod text;
pub mod workspace;
