//! Importing a risk register sheet: find the sheet and header, give rows without a risk id the
//! next free ids, read each row (see [`super::risk_row`]) over the existing risk or a new one, and
//! plan the changes; [`apply_risks`] writes them into the workspace.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::risk_columns::RiskColumn;
use super::risk_row::{RowReader, read_risk};
use super::risk_treatments::Undecided;
use super::sheet_choice::choose;
use super::table::{ImportError, Sheet};
use super::values::LEVEL_RULE;
use super::{Change, Options, Plan, Report};
use crate::domain::catalogue::Catalogue;

use crate::domain::risk::{Risk, Treatment, risk_number};
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
    options: &Options,
) -> Result<Plan<Risk>, ImportError> {
    let (sheet, header, source) = choose::<RiskColumn>(
        sheets,
        file,
        "Risks",
        "the risk (Risk ID or Title)",
        &options.mappings,
    )?;
    for needed in [RiskColumn::Likelihood, RiskColumn::Impact] {
        if !header.has(needed) {
            let name = if needed == RiskColumn::Likelihood {
                "likelihood"
            } else {
                "impact"
            };
            return Err(ImportError::new(
                &source,
                format!(
                    "found the risks on row {} but no {name} column; expected a column named like \"{}\"; name it with --map 'HEADER={name}'",
                    header.row_number,
                    if name == "impact" {
                        "Impact"
                    } else {
                        "Likelihood"
                    }
                ),
            ));
        }
    }
    let mut report = Report {
        source,
        header_row: header.row_number,
        unknown_columns: header.unknown.clone(),
        ..Report::default()
    };
    report.notes.extend(sheet.notes.iter().cloned());
    if header.two_rows {
        report.notes.push(format!(
            "the header spans rows {} and {}: group headings were joined to the headings under them",
            header.row_number - 1,
            header.row_number
        ));
    }
    report.kept_columns = header.extra.iter().map(|(_, h)| h.clone()).collect();
    if !header.has(RiskColumn::Treatment) {
        report
            .notes
            .push("the file has no treatment column: new risks are left undecided".into());
    }
    let width = sheet.rows[header.row_index].cells.len();
    let (mut used_levels, mut built_titles) = (false, Vec::new());
    let mut undecided = Undecided::default();
    if header.has(RiskColumn::Derived) {
        report.notes.push("scores and levels are worked out from likelihood and impact, so those columns were not imported".into());
    }
    let mut changes: Vec<Change<Risk>> = Vec::new();
    let data_rows = &sheet.rows[header.row_index + 1..];
    // Existing risks by id in capitals, and the ids seen in the file so far: lookups stay
    // constant-time so a long register imports in linear time.
    let existing: HashMap<String, usize> = workspace
        .risks
        .risks
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.to_uppercase(), i))
        .collect();
    let mut seen: HashSet<String> = HashSet::new();
    // Ids given in the file are taken first, so a row without one never gets an id used below it.
    let mut next_number = workspace
        .risks
        .risks
        .iter()
        .filter_map(|r| risk_number(&r.id))
        .max()
        .unwrap_or(0);
    for row in data_rows {
        let id = reader(&header, row, options).text(RiskColumn::Id);
        if let Some(number) = id.as_deref().and_then(risk_number) {
            next_number = next_number.max(number);
        }
    }
    for row in data_rows {
        if row.is_empty() {
            report.empty_rows += 1;
            continue;
        }
        report.rows_read += 1;
        if sheet.name.is_none() && row.cells.len() != width {
            report.warnings.push((
                row.number,
                format!(
                    "has {} cells where the header has {width}; read as they stand, not shifted — check the row",
                    row.cells.len()
                ),
            ));
        }
        let mut reader = reader(&header, row, options);
        let typed = reader.text(RiskColumn::Id).unwrap_or_default();
        let id = if typed.trim().is_empty() {
            next_number += 1;
            format!("R-{next_number:03}")
        } else {
            typed.trim().to_string()
        };
        if let Err(why) = valid_id(&id) {
            report.skipped.push((row.number, why));
            continue;
        }
        let before = existing
            .get(&id.to_uppercase())
            .map(|i| workspace.risks.risks[*i].clone());
        let id = before.as_ref().map_or(id, |r| r.id.clone());
        if !seen.insert(id.to_uppercase()) {
            report
                .skipped
                .push((row.number, format!("risk {id} appears again in the file")));
            continue;
        }
        let base = before.clone().unwrap_or_else(|| Risk {
            treatment: Treatment::Undecided,
            ..Risk::new(&id, "", 1, 1, today)
        });
        match read_risk(&mut reader, base, workspace, catalogue) {
            Err(reason) => report.skipped.push((row.number, reason)),
            Ok(after) => {
                used_levels |= reader.used_levels;
                if reader.built_title {
                    built_titles.push(id.clone());
                }
                undecided.add(&after, reader.unknown_treatment.as_deref());
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
    report.decisions = changes.len();
    changes.retain(|c| c.before.as_ref() != Some(&c.after));
    report.mapped = report.rows_read - report.skipped.len();
    if used_levels {
        report.notes.push(LEVEL_RULE.to_string());
    }
    if !built_titles.is_empty() {
        report.notes.push(format!(
            "the file has no title column: the titles of {} were built from threat, asset and vulnerability",
            built_titles.join(", ")
        ));
    }
    report.notes.extend(undecided.notes());
    report.changed = changes.len();
    Ok(Plan { changes, report })
}

fn reader<'a>(
    header: &'a super::header::Header<RiskColumn>,
    row: &'a super::table::Row,
    options: &Options,
) -> RowReader<'a> {
    RowReader {
        header,
        row,
        date_order: options.date_order,
        warnings: Vec::new(),
        used_levels: false,
        built_title: false,
        unknown_treatment: None,
    }
}

/// A risk id the workspace can hold: short, printable, without spaces.
fn valid_id(id: &str) -> Result<(), String> {
    let shown = sanitize_line(id);
    if id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "risk id \"{shown}\" has a space or line break; ids are one word such as R-001"
        ));
    }
    if id.chars().count() > 40 {
        return Err(format!(
            "risk id \"{shown}\" is longer than 40 characters; ids are short such as R-001"
        ));
    }
    Ok(())
}

/// Writes the planned risks into the register (kept sorted), stamping each change.
pub fn apply_risks(workspace: &mut Workspace, plan: &Plan<Risk>, stamp: &Stamp) {
    let index: HashMap<String, usize> = workspace
        .risks
        .risks
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    for change in &plan.changes {
        let mut risk = change.after.clone();
        risk.updated = Some(stamp.clone());
        match index.get(&change.key) {
            Some(i) => workspace.risks.risks[*i] = risk,
            None => workspace.risks.risks.push(risk),
        }
    }
    workspace.risks.sort();
}
