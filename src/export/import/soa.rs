//! Importing an SoA sheet: each row names a control (2022 ids directly, 2013 ids through the
//! correspondence) and gives any of applicability, reasons, justification, status, note, owner,
//! evidence and review date. The result is a plan of changed entries and a report.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::header::{Header, column_letter};
use super::sheet_choice::choose;
use super::soa_columns::SoaColumn;
use super::soa_migrate::{Source, merge_sources, migration_notes};
use super::table::{ImportError, Row, Sheet};
use super::{Change, Plan, Report, values};
use crate::domain::catalogue::{Catalogue, Lookup};
use crate::domain::soa::{Applicability, Reason, SoaEntry, Status};
use crate::domain::stamp::Stamp;
use crate::domain::workspace::Workspace;

/// What one row says about a control. `None`: the sheet has no such column (keep what is there).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Imported {
    pub row: usize,
    pub applicability: Option<Applicability>,
    pub reasons: Option<Vec<Reason>>,
    pub justification: Option<String>,
    pub status: Option<Status>,
    pub note: Option<String>,
    pub owner: Option<String>,
    pub evidence: Option<Vec<String>>,
    pub reviewed: Option<Option<NaiveDate>>,
}

impl Imported {
    /// The entry after this row's values are written over `entry`.
    pub fn apply_to(&self, entry: &SoaEntry) -> SoaEntry {
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
}

fn joined(header: &Header<SoaColumn>, row: &Row, column: SoaColumn) -> Option<String> {
    header
        .has(column)
        .then(|| header.values(row, column).join("\n\n"))
}

/// Reads the values of one row, noting cells it cannot read (those fields are left out).
fn read_row(
    header: &Header<SoaColumn>,
    row: &Row,
    report: &mut Report,
    dropped_risk_reason: &mut bool,
) -> Imported {
    let mut imported = Imported {
        row: row.number,
        ..Imported::default()
    };
    let mut warn = |column: SoaColumn, what: &str, text: &str| {
        let letter = header
            .indexes(column)
            .first()
            .map(|i| column_letter(*i))
            .unwrap_or_default();
        report.warnings.push((
            row.number,
            format!("column {letter}: {what} \"{text}\" not understood; left as it was"),
        ));
    };
    if let Some(text) = joined(header, row, SoaColumn::Applicability) {
        match values::applicability(&text) {
            Some(a) => imported.applicability = Some(a),
            None => warn(SoaColumn::Applicability, "applicability", &text),
        }
    }
    if let Some(text) = joined(header, row, SoaColumn::Status) {
        match values::status(&text) {
            Some(s) => imported.status = Some(s),
            None => warn(SoaColumn::Status, "status", &text),
        }
    }
    if let Some(text) = joined(header, row, SoaColumn::Reasons) {
        let mut reasons = Vec::new();
        for item in values::list(&text, true) {
            match values::reason(&item) {
                Some(Reason::RiskTreatment) => *dropped_risk_reason = true,
                Some(reason) => reasons.push(reason),
                None => warn(SoaColumn::Reasons, "reason", &item),
            }
        }
        reasons.sort();
        reasons.dedup();
        imported.reasons = Some(reasons);
    }
    if let Some(text) = joined(header, row, SoaColumn::Reviewed) {
        match values::date(&text) {
            Some(d) => imported.reviewed = Some(Some(d)),
            None if text.is_empty() => imported.reviewed = Some(None),
            None => warn(SoaColumn::Reviewed, "date", &text),
        }
    }
    imported.justification = joined(header, row, SoaColumn::Justification);
    imported.note = joined(header, row, SoaColumn::Note);
    imported.owner = joined(header, row, SoaColumn::Owner);
    imported.evidence = joined(header, row, SoaColumn::Evidence).map(|t| values::list(&t, false));
    imported
}

/// The control id in a cell such as `A.5.1`, `5.1 Policies…` or `A.12.3.1 Information backup`.
fn control_cell(text: &str) -> &str {
    text.split_whitespace().next().unwrap_or("")
}

/// Plans an SoA import from the sheets of a file.
pub fn plan_soa(
    sheets: &[Sheet],
    file: &str,
    workspace: &Workspace,
    catalogue: &Catalogue,
) -> Result<Plan<SoaEntry>, ImportError> {
    let (sheet, header, source) = choose::<SoaColumn>(
        sheets,
        file,
        "SoA",
        "the control (Control, Control ID, Annex A ref or Clause)",
    )?;
    let mut report = Report {
        source,
        header_row: header.row_number,
        unknown_columns: header.unknown.clone(),
        ..Report::default()
    };
    report.notes.extend(sheet.notes.iter().cloned());
    report.notes.extend(
        header
            .repeated
            .iter()
            .map(|r| format!("column {r} repeats an earlier one and was ignored")),
    );
    let mut direct: BTreeMap<usize, Imported> = BTreeMap::new();
    let mut migrated: BTreeMap<usize, Vec<Source>> = BTreeMap::new();
    let mut dropped_risk_reason = false;
    let control_col = header.indexes(SoaColumn::Control)[0];
    for row in &sheet.rows[header.row_index + 1..] {
        if row.is_empty() {
            report.empty_rows += 1;
            continue;
        }
        report.rows_read += 1;
        let typed = control_cell(row.cell(control_col));
        if typed.is_empty() {
            report
                .skipped
                .push((row.number, "no control id in the control column".into()));
            continue;
        }
        match catalogue.lookup(typed) {
            Lookup::Control(i) => {
                if let Some(first) = direct.get(&i) {
                    let reason = format!(
                        "control {} appears again (first on row {})",
                        catalogue.controls()[i].id,
                        first.row
                    );
                    report.skipped.push((row.number, reason));
                    continue;
                }
                direct.insert(
                    i,
                    read_row(&header, row, &mut report, &mut dropped_risk_reason),
                );
            }
            Lookup::Replaced { old_id, controls } => {
                let imported = read_row(&header, row, &mut report, &mut dropped_risk_reason);
                for i in controls {
                    migrated.entry(i).or_default().push(Source {
                        old_id: old_id.clone(),
                        imported: imported.clone(),
                    });
                }
            }
            Lookup::NotFound => {
                let near = catalogue.nearest_ids(typed, 3).join(", ");
                let reason = format!(
                    "\"{}\" is not an ISO/IEC 27001:2022 or 2013 control (nearest: {near})",
                    crate::domain::text::sanitize_line(typed)
                );
                report.skipped.push((row.number, reason));
            }
        }
    }
    report.mapped = report.rows_read - report.skipped.len();
    if dropped_risk_reason {
        report.notes.push("\"risk treatment\" as a reason comes from the risk register (a risk naming the control), so it was not taken from the sheet".into());
    }
    if header.has(SoaColumn::Risks) {
        report.notes.push(
            "the risk links come from the risk register; import it with `isms import risks`".into(),
        );
    }
    let mut proposed: BTreeMap<usize, Imported> = BTreeMap::new();
    for (i, sources) in migrated {
        if direct.contains_key(&i) {
            let old: Vec<&str> = sources.iter().map(|s| s.old_id.as_str()).collect();
            report.notes.push(format!(
                "{} has its own row, so the 2013 rows for {} were not used for it",
                catalogue.controls()[i].id,
                old.join(", ")
            ));
            continue;
        }
        proposed.insert(i, merge_sources(&sources));
    }
    let any_2013 = !proposed.is_empty();
    proposed.extend(direct);
    if any_2013 {
        report.notes.extend(migration_notes(catalogue, &proposed));
    }
    let mut changes = Vec::new();
    for (i, imported) in proposed {
        let id = &catalogue.controls()[i].id;
        let before = workspace
            .soa
            .entry(id)
            .cloned()
            .unwrap_or_else(|| SoaEntry::undecided(id));
        let after = imported.apply_to(&before);
        if after == before {
            report.unchanged += 1;
            continue;
        }
        let overwrites = before
            != SoaEntry {
                updated: before.updated.clone(),
                ..SoaEntry::undecided(id)
            };
        report.overwrites += usize::from(overwrites);
        changes.push(Change {
            key: id.clone(),
            before: Some(before),
            after,
            overwrites,
        });
    }
    report.changed = changes.len();
    Ok(Plan { changes, report })
}

/// Writes the planned entries into the workspace (in catalogue order), stamping each change.
pub fn apply_soa(workspace: &mut Workspace, plan: &Plan<SoaEntry>, stamp: &Stamp) {
    for change in &plan.changes {
        let mut entry = change.after.clone();
        entry.updated = Some(stamp.clone());
        match workspace.soa.entry_mut(&change.key) {
            Some(existing) => *existing = entry,
            None => workspace.soa.entries.push(entry),
        }
    }
}
