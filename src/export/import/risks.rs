//! Importing a risk register sheet: find the sheet and header, give rows without a risk id the
//! next free ids, read each row (see [`super::risk_row`]) over the existing risk or a new one, and
//! plan the changes; [`apply_risks`] writes them into the workspace.

use chrono::NaiveDate;

use super::risk_columns::RiskColumn;
use super::risk_row::{RowReader, read_risk};
use super::sheet_choice::choose;
use super::table::{ImportError, Sheet};
use super::{Change, Plan, Report};
use crate::domain::catalogue::Catalogue;
use crate::domain::risk::{Risk, RiskRegister};
use crate::domain::stamp::Stamp;
use crate::domain::text::sanitize_line;
use crate::domain::workspace::Workspace;

/// Plans a risk register import. Rows without an id get the next free ids; `today` dates new risks.
pub fn plan_risks(
    sheets: &[Sheet],
    file: &str,
    workspace: &Workspace,
    catalogue: &Catalogue,
    today: NaiveDate,
) -> Result<Plan<Risk>, ImportError> {
    let (sheet, header, source) =
        choose::<RiskColumn>(sheets, file, "Risks", "the risk (Risk ID or Title)")?;
    let mut report = Report {
        source,
        header_row: header.row_number,
        unknown_columns: header.unknown.clone(),
        ..Report::default()
    };
    report.notes.extend(sheet.notes.iter().cloned());
    if header.has(RiskColumn::Derived) {
        report.notes.push("scores and levels are worked out from likelihood and impact, so those columns were not imported".into());
    }
    let mut planned = RiskRegister {
        risks: workspace.risks.risks.clone(),
    };
    let mut changes: Vec<Change<Risk>> = Vec::new();
    let data_rows = &sheet.rows[header.row_index + 1..];
    // Ids given in the file are taken first, so a row without one never gets an id used below it.
    for row in data_rows {
        let id = RowReader {
            header: &header,
            row,
            warnings: Vec::new(),
        }
        .text(RiskColumn::Id);
        if let Some(id) = id.filter(|id| !id.trim().is_empty()) {
            planned.risks.push(Risk::new(id.trim(), "", 1, 1, today));
        }
    }
    for row in data_rows {
        if row.is_empty() {
            report.empty_rows += 1;
            continue;
        }
        report.rows_read += 1;
        let mut reader = RowReader {
            header: &header,
            row,
            warnings: Vec::new(),
        };
        let typed = reader.text(RiskColumn::Id).unwrap_or_default();
        let id = if typed.trim().is_empty() {
            planned.next_id()
        } else {
            sanitize_line(typed.trim())
        };
        if changes.iter().any(|c| c.key.eq_ignore_ascii_case(&id)) {
            report
                .skipped
                .push((row.number, format!("risk {id} appears again in the file")));
            continue;
        }
        let before = workspace.risks.get(&id).cloned();
        let base = before
            .clone()
            .unwrap_or_else(|| Risk::new(&id, "", 1, 1, today));
        match read_risk(&mut reader, base, workspace, catalogue) {
            Err(reason) => report.skipped.push((row.number, reason)),
            Ok(after) => {
                report
                    .warnings
                    .extend(reader.warnings.into_iter().map(|w| (row.number, w)));
                if before.as_ref() == Some(&after) {
                    report.unchanged += 1;
                    changes.push(Change {
                        key: id,
                        before,
                        after,
                        overwrites: false,
                    });
                    continue;
                }
                if before.is_none() {
                    planned.risks.push(after.clone());
                }
                let overwrites = before.is_some();
                report.overwrites += usize::from(overwrites);
                changes.push(Change {
                    key: id,
                    before,
                    after,
                    overwrites,
                });
            }
        }
    }
    changes.retain(|c| c.before.as_ref() != Some(&c.after));
    report.mapped = report.rows_read - report.skipped.len();
    report.changed = changes.len();
    Ok(Plan { changes, report })
}

/// Writes the planned risks into the register (kept sorted), stamping each change.
pub fn apply_risks(workspace: &mut Workspace, plan: &Plan<Risk>, stamp: &Stamp) {
    for change in &plan.changes {
        let mut risk = change.after.clone();
        risk.updated = Some(stamp.clone());
        match workspace.risks.get_mut(&change.key) {
            Some(existing) => *existing = risk,
            None => workspace.risks.risks.push(risk),
        }
    }
    workspace.risks.sort();
}
