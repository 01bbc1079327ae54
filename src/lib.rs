//! isms — a terminal workbench for ISO/IEC 27001:2022 Annex A and ISO/IEC 27002:2022.
//!
//! Architecture (dependencies run one way):
//! `main → cli | tui → app → domain ← store`, and `ui` only reads `&App`.
//! - `domain`: the pure model (controls, catalogue, search). No I/O, no terminal types.
//! - `store`: the only code that touches files.
//! - `export`: pure writers (Markdown, HTML, CSV, XLSX, JSON, OSCAL) and spreadsheet importers.
//! - `cli`: one file per subcommand; plain text or JSON on stdout.
//! - `app`: the workbench's state, one `Action` enum and `update`; no drawing, no I/O.
//! - `ui`: `render(frame, &App, &Theme)`, one file per pane and popup.
//! - `tui`: the terminal edge: guard, event loop, signals, suspend.
//! - `screen_text`: the terminal sanitizer applied to every cell the workbench draws.
//! - `keymap`, `theme`: data with defaults in code, user overrides parsed from RON (read by `store`).

pub mod app;
pub mod cli;
pub mod domain;
pub mod export;
pub mod keymap;
pub mod screen_text;
pub mod store;
pub mod theme;
pub mod tui;
pub mod ui;
