//! The import report: rows read, mapped and skipped (each with its reason), columns not
//! understood, and notes (2013 migration, derived columns, how the file was read).

use std::fmt;

/// What an import found, for people.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// File name, and sheet when a workbook.
    pub source: String,
    pub header_row: usize,
    pub rows_read: usize,
    pub mapped: usize,
    pub empty_rows: usize,
    /// Rows without a control id or decision: titles, objectives, group rows.
    pub headings: usize,
    /// Decisions (SoA entries) or risks the file gives, changed or not.
    pub decisions: usize,
    /// Headings of columns with no field, kept in the note (SoA) or description (risks).
    pub kept_columns: Vec<String>,
    /// (row number, reason)
    pub skipped: Vec<(usize, String)>,
    /// (row number, problem with one cell; the rest of the row was imported)
    pub warnings: Vec<(usize, String)>,
    pub unknown_columns: Vec<String>,
    pub notes: Vec<String>,
    /// Changes the import would make, and how many of them overwrite existing decisions.
    pub changed: usize,
    pub unchanged: usize,
    pub overwrites: usize,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Read {} (header on row {})",
            self.source, self.header_row
        )?;
        writeln!(
            f,
            "  rows read: {}, mapped: {}, skipped: {}, empty: {}, headings: {}",
            self.rows_read,
            self.mapped,
            self.skipped.len(),
            self.empty_rows,
            self.headings
        )?;
        writeln!(
            f,
            "  changes: {} ({} replace decisions already made), unchanged: {}",
            self.changed, self.overwrites, self.unchanged
        )?;
        for (row, reason) in &self.skipped {
            writeln!(f, "  skipped row {row}: {reason}")?;
        }
        for (row, problem) in &self.warnings {
            writeln!(f, "  row {row}: {problem}")?;
        }
        if !self.unknown_columns.is_empty() {
            writeln!(
                f,
                "  columns not understood: {}",
                self.unknown_columns.join(", ")
            )?;
        }
        if !self.kept_columns.is_empty() {
            writeln!(
                f,
                "  kept under their heading in the note (SoA) or description (risks): {}",
                self.kept_columns.join(", ")
            )?;
        }
        for note in &self.notes {
            writeln!(f, "  note: {note}")?;
        }
        Ok(())
    }
}
