//! The column headings isms writes in its CSV and XLSX exports. The importers recognise every one
//! of them (besides the names other spreadsheets use), so an export always imports back.

/// SoA columns, in the order they are written.
pub const SOA_COLUMNS: [&str; 12] = [
    "Control",
    "Title",
    "Theme",
    "Applicability",
    "Reasons",
    "Justification",
    "Status",
    "Implementation note",
    "Owner",
    "Evidence",
    "Risks",
    "Reviewed",
];

/// Risk register columns, in the order they are written.
pub const RISK_COLUMNS: [&str; 23] = [
    "Risk ID",
    "Title",
    "Description",
    "Asset",
    "Threat",
    "Vulnerability",
    "Owner",
    "Likelihood",
    "Impact",
    "Inherent score",
    "Inherent level",
    "Treatment",
    "Controls",
    "Residual likelihood",
    "Residual impact",
    "Residual score",
    "Residual level",
    "Status",
    "Accepted by",
    "Accepted on",
    "Accepted until",
    "Next review",
    "Created",
];

/// Separates list items (evidence, controls, reasons) inside one cell.
pub const LIST_SEPARATOR: &str = "\n";
