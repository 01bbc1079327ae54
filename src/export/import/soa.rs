//! Importing an SoA sheet: each row names one or more controls (2022 ids directly, 2013 ids
//! through the correspondence; see [`super::control_ids`]) and gives any of applicability,
//! reasons, justification, status, note, owner, evidence and review date (see
//! [`super::soa_row`]). Ids are cross-checked with the title column; 2005 sheets are refused.
//! The result is a plan of changed entries and a report.

use std::collections::BTreeMap;

use super::control_ids::{Edition, edition, ids_in_cell, was_date};
use super::header::{Header, column_letter};
use super::sheet_choice::choose;
use super::soa_columns::SoaColumn;
use super::soa_migrate::{Source, coverage_notes, merge_sources, migration_notes};
use super::soa_row::{Noticed, read_row};
use super::table::{ImportError, Row, Sheet};
use super::{Change, Options, Plan, Report, words};
use crate::domain::catalogue::{Catalogue, Lookup};
use crate::domain::soa::SoaEntry;
use crate::domain::stamp::Stamp;
use crate::domain::text::sanitize_line;
use crate::domain::workspace::Workspace;

pub use super::soa_row::Imported;

/// The columns that carry a decision; without one of them an import would read nothing.
fn decision_columns(header: &Header<SoaColumn>) -> bool {
    header.columns.iter().any(|(_, c)| {
        matches!(
            c,
            SoaColumn::Applicability
                | SoaColumn::Reasons
                | SoaColumn::Tick(_)
                | SoaColumn::Justification
                | SoaColumn::Status
        )
    })
}

/// Among the columns named like the control id, the one whose cells hold ids ("ids win").
fn choose_id_column(header: &mut Header<SoaColumn>, rows: &[Row], report: &mut Report) -> usize {
    let mut candidates: Vec<usize> = header.indexes(SoaColumn::Control);
    candidates.extend(
        header
            .repeated
            .iter()
            .filter(|(_, c, _)| *c == SoaColumn::Control)
            .map(|(i, _, _)| *i),
    );
    let ids = |i: usize| {
        rows.iter()
            .filter(|r| !ids_in_cell(r.cell(i)).is_empty())
            .count()
    };
    let best = candidates
        .iter()
        .copied()
        .max_by_key(|i| (ids(*i), std::cmp::Reverse(*i)))
        .unwrap_or(0);
    let first = candidates[0];
    if best != first {
        report.notes.push(format!(
            "column {} is named like the control but holds words; the ids of column {} were read",
            column_letter(first),
            column_letter(best)
        ));
        header.columns.retain(|(_, c)| *c != SoaColumn::Control);
        header.columns.push((best, SoaColumn::Control));
    }
    // The other columns named like the control hold words: read them as the title.
    for other in candidates.into_iter().filter(|i| *i != best) {
        if !header.has(SoaColumn::Title) {
            header.columns.retain(|(i, _)| *i != other);
            header.columns.push((other, SoaColumn::Title));
            header.repeated.retain(|(i, _, _)| *i != other);
        }
    }
    header.repeated.retain(|(i, _, _)| *i != best);
    best
}

/// Whether a two-part id is a 2013 control objective (`A.12.3` over A.12.3.1).
fn is_objective(catalogue: &Catalogue, id: &str) -> bool {
    let prefix = format!("{}.", crate::domain::control::normalize_id(id));
    id.split('.').count() == 2
        && catalogue.controls().iter().any(|c| {
            c.iso27002_2013
                .iter()
                .any(|old| crate::domain::control::normalize_id(old).starts_with(&prefix))
        })
}

/// The control a title names, when it is exactly a control's title.
fn titled(catalogue: &Catalogue, title: &str) -> Option<usize> {
    // Compared without spaces, so "end point" matches "endpoint".
    let squeezed = |text: &str| words::normalize(text).replace(' ', "");
    let wanted = squeezed(title);
    if wanted.is_empty() {
        return None;
    }
    catalogue
        .controls()
        .iter()
        .position(|c| squeezed(&c.title) == wanted)
}

/// Plans an SoA import from the sheets of a file.
pub fn plan_soa(
    sheets: &[Sheet],
    file: &str,
    workspace: &Workspace,
    catalogue: &Catalogue,
    options: &Options,
) -> Result<Plan<SoaEntry>, ImportError> {
    let (sheet, mut header, source) = choose::<SoaColumn>(
        sheets,
        file,
        "SoA",
        "the control (Control, Control ID, Annex A ref or Clause)",
        &options.mappings,
    )?;
    if !decision_columns(&header) {
        return Err(ImportError::new(
            &source,
            format!(
                "found the control column on row {} but no decision column; expected a column named like \"Applicable\", \"Applicability\", \"Selected\" or \"In scope\" (or \"Status\", \"Justification\"); name it with --map 'HEADER=applicability'",
                header.row_number
            ),
        ));
    }
    let mut report = Report {
        source: source.clone(),
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
    let data_rows = &sheet.rows[header.row_index + 1..];
    let control_col = choose_id_column(&mut header, data_rows, &mut report);
    report.notes.extend(
        header
            .repeated
            .iter()
            .map(|(_, _, r)| format!("column {r} repeats an earlier one and was ignored")),
    );
    if !header.extra.is_empty() {
        report.kept_columns = header.extra.iter().map(|(_, h)| h.clone()).collect();
    }
    let all_ids: Vec<String> = data_rows
        .iter()
        .flat_map(|r| ids_in_cell(r.cell(control_col)))
        .collect();
    let edition = edition(&all_ids, catalogue);
    if let Edition::Y2005(examples) = &edition {
        return Err(ImportError::new(
            &source,
            format!(
                "holds ids that exist only in the ISO/IEC 27001:2005 edition ({}); isms reads 2013 and 2022 SoAs — carry the 2005 decisions over to the 2022 controls by hand",
                examples.join(", ")
            ),
        ));
    }
    let title_col = header.indexes(SoaColumn::Title).first().copied();
    let width = sheet.rows[header.row_index].cells.len();
    let mut direct: BTreeMap<usize, Imported> = BTreeMap::new();
    let mut migrated: BTreeMap<usize, Vec<Source>> = BTreeMap::new();
    let mut noticed = Noticed::default();
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
        let cell = row.cell(control_col);
        let mut ids = ids_in_cell(cell);
        let imported = read_row(&header, row, options.date_order, &mut report, &mut noticed);
        if ids.is_empty() {
            if imported.decides() {
                report
                    .skipped
                    .push((row.number, "no control id in the control column".into()));
            } else {
                report.headings += 1;
            }
            continue;
        }
        if was_date(cell) {
            report.warnings.push((
                row.number,
                format!(
                    "column {}: the id was stored as a date ({}); read as {} as it was typed",
                    column_letter(control_col),
                    sanitize_line(cell),
                    ids[0]
                ),
            ));
        }
        if edition == Edition::Y2013 && ids.iter().all(|id| is_objective(catalogue, id)) {
            if imported.decides() {
                report.skipped.push((
                    row.number,
                    format!(
                        "A.{} is a control objective in a 2013 sheet, not a control; its decision was not used",
                        ids.join(", A.")
                    ),
                ));
            } else {
                report.headings += 1;
            }
            continue;
        }
        // The title column, when there is one, settles which control a lone id means.
        if let ([id], Some(col)) = (&ids[..], title_col)
            && let Lookup::Control(by_id) = catalogue.lookup(id)
            && let Some(by_title) = titled(catalogue, row.cell(col))
            && by_title != by_id
        {
            let named = &catalogue.controls()[by_title];
            report.warnings.push((
                row.number,
                format!(
                    "the id reads {} but the title names {} {}; read as {}",
                    sanitize_line(id),
                    named.id,
                    named.title,
                    named.id
                ),
            ));
            ids = vec![named.id.clone()];
        }
        let mut row_used = false;
        for id in &ids {
            match catalogue.lookup(id) {
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
                    direct.insert(i, imported.clone());
                    row_used = true;
                }
                Lookup::Replaced { old_id, controls } => {
                    for i in controls {
                        migrated.entry(i).or_default().push(Source {
                            old_id: old_id.clone(),
                            imported: imported.clone(),
                        });
                    }
                    row_used = true;
                }
                Lookup::NotFound => {
                    let near = catalogue.nearest_ids(id, 3).join(", ");
                    let reason = format!(
                        "\"{}\" is not an ISO/IEC 27001:2022 or 2013 control (nearest: {near})",
                        sanitize_line(&format!("A.{id}"))
                    );
                    report.skipped.push((row.number, reason));
                }
            }
        }
        report.mapped += usize::from(row_used);
    }
    if noticed.risk_reason_dropped {
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
        report.notes.extend(coverage_notes(catalogue, i, &sources));
        proposed.insert(i, merge_sources(&sources));
    }
    let any_2013 = !proposed.is_empty();
    proposed.extend(direct);
    report.decisions = proposed.len();
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
