//! Importing an SoA or a risk register from the spreadsheets people already have (CSV, XLSX):
//! bytes in, a proposed set of changes and a report out. Nothing is applied here unless the
//! caller asks ([`apply_soa`], [`apply_risks`]); reading and saving files is the caller's job.

pub mod control_ids;
pub mod csv_table;
pub mod header;
pub mod report;
pub mod risk_columns;
pub mod risk_row;
pub mod risk_treatments;
pub mod risks;
pub mod sheet_choice;
pub mod soa;
pub mod soa_columns;
pub mod soa_migrate;
pub mod soa_row;
pub mod table;
pub mod values;
pub mod words;
pub mod xlsx_guard;

pub use header::Mapping;
pub use report::Report;
pub use risks::{apply_risks, plan_risks};
pub use soa::{apply_soa, plan_soa};
pub use table::{ImportError, Row, Sheet, read_sheets};
pub use values::DateOrder;

/// What the user said about the file: column meanings (`--map`) and the order of dates.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    pub mappings: Vec<Mapping>,
    pub date_order: DateOrder,
}

/// One proposed change: the record before (None for a new one) and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change<T> {
    /// The control id or risk id.
    pub key: String,
    pub before: Option<T>,
    pub after: T,
    /// True when it replaces a decision already in the workspace (needs `--overwrite`).
    pub overwrites: bool,
}

/// What an import would do: the changes, and the report to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan<T> {
    pub changes: Vec<Change<T>>,
    pub report: Report,
}

impl<T> Plan<T> {
    /// The changes that would replace decisions already made.
    pub fn overwrites(&self) -> impl Iterator<Item = &Change<T>> {
        self.changes.iter().filter(|c| c.overwrites)
    }
}
