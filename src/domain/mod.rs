//! The pure model: controls, the catalogue and its search. No I/O, no terminal types.

pub mod attributes;
pub mod catalogue;
mod catalogue_check;
pub mod control;
pub mod located_error;
pub mod search;
pub mod text;
