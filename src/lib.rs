//! isms — a terminal workbench for ISO/IEC 27001:2022 Annex A and ISO/IEC 27002:2022.
//!
//! Architecture (dependencies run one way):
//! `main → cli | tui → app → domain ← store`, and `ui` only reads `&App`.
//! - `domain`: the pure model (controls, catalogue, search). No I/O, no terminal types.
//! - `store`: the only code that touches files.
//! - `export`: pure writers (Markdown, HTML, CSV, XLSX, JSON, OSCAL) and spreadsheet importers.
//! - `cli`: one file per subcommand; plain text or JSON on stdout.

pub mod cli;
pub mod domain;
pub mod export;
pub mod store;
