//! Pieces the tabs and layers share: the list cursor and the one text input.

pub mod cursor;
pub mod text_input;
