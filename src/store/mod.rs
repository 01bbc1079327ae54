//! The only code that touches files: reading catalogues (and, later, workspaces) from disk.

pub mod catalogue_file;
pub mod read;
