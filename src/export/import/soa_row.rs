//! Reading one SoA row's values: applicability (with any words beyond the decision kept in the
//! note), reasons from a list column or tick columns, justification, status, note, owner,
//! evidence and review date. A cell that is not understood is left out, never guessed, and the
//! report names its row and column; columns with no field are kept in the note under their heading.

use chrono::NaiveDate;

use super::Report;
use super::header::{Header, column_letter};
use super::soa_columns::SoaColumn;
use super::table::Row;
use super::values::{self, DateOrder};
use crate::domain::soa::{Applicability, Reason};
use crate::domain::text::sanitize_line;

/// What one row says about a control. `None`: the sheet has no such column (keep what is there).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Imported {
    pub row: usize,
    pub applicability: Option<Applicability>,
    pub reasons: Option<Vec<Reason>>,
    pub justification: Option<String>,
    pub status: Option<crate::domain::soa::Status>,
    pub note: Option<String>,
    pub owner: Option<String>,
    pub evidence: Option<Vec<String>>,
    pub reviewed: Option<Option<NaiveDate>>,
}

impl Imported {
    /// The entry after this row's values are written over `entry`.
    pub fn apply_to(&self, entry: &crate::domain::soa::SoaEntry) -> crate::domain::soa::SoaEntry {
        fn set<T: Clone>(field: &mut T, value: &Option<T>) {
            if let Some(value) = value {
                *field = value.clone();
            }
        }
        let mut after = entry.clone();
        set(&mut after.applicability, &self.applicability);
        set(&mut after.reasons, &self.reasons);
        set(&mut after.justification, &self.justification);
        set(&mut after.status, &self.status);
        set(&mut after.note, &self.note);
        set(&mut after.owner, &self.owner);
        set(&mut after.evidence, &self.evidence);
        set(&mut after.reviewed, &self.reviewed);
        after
    }

    /// Whether the row gives a decision at all (an objective or group row gives none).
    pub fn decides(&self) -> bool {
        self.applicability
            .is_some_and(|a| a != Applicability::Undecided)
            || self.reasons.as_ref().is_some_and(|r| !r.is_empty())
            || self.justification.as_ref().is_some_and(|j| !j.is_empty())
            || self
                .status
                .is_some_and(|s| s != crate::domain::soa::Status::NotStarted)
    }
}

fn joined(header: &Header<SoaColumn>, row: &Row, column: SoaColumn) -> Option<String> {
    header
        .has(column)
        .then(|| header.values(row, column).join("\n\n"))
}

/// What reading a row noticed beyond its values.
#[derive(Debug, Default)]
pub struct Noticed {
    pub risk_reason_dropped: bool,
}

/// Reads the values of one row, noting cells it cannot read (those fields are left out).
pub fn read_row(
    header: &Header<SoaColumn>,
    row: &Row,
    date_order: DateOrder,
    report: &mut Report,
    noticed: &mut Noticed,
) -> Imported {
    let mut imported = Imported {
        row: row.number,
        ..Imported::default()
    };
    let mut warn = |column: SoaColumn, what: &str, text: &str, hint: &str| {
        let letter = header
            .indexes(column)
            .first()
            .map(|i| column_letter(*i))
            .unwrap_or_default();
        report.warnings.push((
            row.number,
            format!(
                "column {letter}: {what} \"{}\" not understood; left empty{hint}",
                sanitize_line(text)
            ),
        ));
    };
    let mut note_lines: Vec<String> = Vec::new();
    let mut tick_problems: Vec<(usize, String)> = Vec::new();
    if let Some(text) = joined(header, row, SoaColumn::Applicability) {
        match values::applicability(&text) {
            Some((a, said_more)) => {
                imported.applicability = Some(a);
                if said_more {
                    note_lines.push(format!("Applicability: {text}"));
                }
            }
            None => warn(SoaColumn::Applicability, "applicability", &text, ""),
        }
    }
    if let Some(text) = joined(header, row, SoaColumn::Status) {
        match values::status(&text) {
            Some(s) => imported.status = Some(s),
            None => warn(SoaColumn::Status, "status", &text, ""),
        }
    }
    let ticks: Vec<(usize, Reason)> = header
        .columns
        .iter()
        .filter_map(|(i, c)| match c {
            SoaColumn::Tick(reason) => Some((*i, *reason)),
            _ => None,
        })
        .collect();
    if header.has(SoaColumn::Reasons) || !ticks.is_empty() {
        let mut reasons = Vec::new();
        let mut take = |reason: Reason, reasons: &mut Vec<Reason>| {
            if reason == Reason::RiskTreatment {
                noticed.risk_reason_dropped = true;
            } else {
                reasons.push(reason);
            }
        };
        if let Some(text) = joined(header, row, SoaColumn::Reasons) {
            for item in values::list(&text, true) {
                match values::reason(&item) {
                    Some(reason) => take(reason, &mut reasons),
                    None => warn(SoaColumn::Reasons, "reason", &item, ""),
                }
            }
        }
        for (i, reason) in ticks {
            match values::ticked(row.cell(i)) {
                Some(true) => take(reason, &mut reasons),
                Some(false) => {}
                None => tick_problems.push((
                    row.number,
                    format!(
                        "column {}: tick \"{}\" not understood; left empty (tick with x or ✓)",
                        column_letter(i),
                        sanitize_line(row.cell(i))
                    ),
                )),
            }
        }
        reasons.sort();
        reasons.dedup();
        imported.reasons = Some(reasons);
    }
    if let Some(text) = joined(header, row, SoaColumn::Reviewed) {
        if text.is_empty() {
            imported.reviewed = Some(None);
        } else {
            match values::date(&text, date_order) {
                Ok(d) => imported.reviewed = Some(Some(d)),
                Err(why) => warn(SoaColumn::Reviewed, "date", &text, &format!(": {why}")),
            }
        }
    }
    imported.justification = joined(header, row, SoaColumn::Justification);
    imported.owner = joined(header, row, SoaColumn::Owner);
    imported.evidence = joined(header, row, SoaColumn::Evidence).map(|t| values::list(&t, false));
    let mut note = joined(header, row, SoaColumn::Note);
    note_lines.extend(
        header
            .extras(row)
            .into_iter()
            .map(|(heading, text)| format!("{heading}: {text}")),
    );
    if !note_lines.is_empty() {
        let mut text = note.unwrap_or_default();
        for line in note_lines {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&line);
        }
        note = Some(text);
    }
    imported.note = note;
    report.warnings.extend(tick_problems);
    imported
}
