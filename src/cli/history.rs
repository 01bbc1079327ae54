//! `isms history ID` and `isms blame ID`: the commits that changed one record (a control's SoA
//! entry or a risk), field by field, and who last changed each field.

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::{EXIT_FINDINGS, TextOrJson};
use crate::domain::catalogue::Catalogue;
use crate::domain::merge_diff::{RecordFinder, file_of_record};
use crate::domain::merge_fields::{
    FieldChange, Fields, STAMP_FIELD, changes_between, display_value, summarise,
};
use crate::store::git::{Commit, History};

/// One commit that changed the record.
#[derive(Debug, Serialize)]
pub(crate) struct Row {
    pub commit: String,
    pub date: String,
    pub author: String,
    pub message: String,
    /// `created`, `changed` or `removed`.
    pub what: &'static str,
    pub changes: Vec<FieldChange>,
}

/// The record's history, oldest first, and its latest fields.
pub(super) fn rows(
    dir: &Path,
    catalogue: &Catalogue,
    id: &str,
) -> anyhow::Result<(String, Vec<Row>, Option<Fields>)> {
    let id = catalogue
        .get(id)
        .map_or(id.trim().to_string(), |c| c.id.clone());
    let (rows, latest) = rows_of(dir, &id)?;
    Ok((id, rows, latest))
}

/// The history of the record with this exact id (as the catalogue or the register spells it),
/// oldest first, and its latest fields.
pub(crate) fn rows_of(dir: &Path, id: &str) -> anyhow::Result<(Vec<Row>, Option<Fields>)> {
    let file = file_of_record(id);
    let finder = RecordFinder::new(file, id);
    let history = History::of(dir, file, |text| finder.find(text))?;
    let mut latest = None;
    let mut rows = Vec::new();
    for (commit, before, after) in history.changes {
        if before == after {
            continue;
        }
        let Commit {
            id: commit,
            date,
            author,
            message,
        } = commit;
        let (what, changes) = match (&before, &after) {
            (None, Some(_)) => ("created", Vec::new()),
            (Some(_), None) => ("removed", Vec::new()),
            (Some(b), Some(a)) => ("changed", changes_between(b, a)),
            (None, None) => continue,
        };
        latest.clone_from(&after);
        rows.push(Row {
            commit,
            date,
            author,
            message,
            what,
            changes,
        });
    }
    Ok((rows, latest))
}

pub fn history(
    dir: &Path,
    catalogue: &Catalogue,
    id: &str,
    format: TextOrJson,
) -> anyhow::Result<ExitCode> {
    let (id, rows, _) = rows(dir, catalogue, id)?;
    if rows.is_empty() {
        errln!("isms: no commit changed {id} (is it committed, and is the id right?)");
        return Ok(ExitCode::from(EXIT_FINDINGS));
    }
    match format {
        TextOrJson::Json => super::print::json_line(&serde_json::to_string_pretty(&rows)?),
        TextOrJson::Text => {
            for row in &rows {
                let short: String = row.commit.chars().take(8).collect();
                outln!(
                    "{}  {}  {short}  {}",
                    &row.date[..row.date.len().min(10)],
                    row.author,
                    row.message
                );
                let detail = match row.what {
                    "changed" if row.changes.is_empty() => "stamp only".to_string(),
                    "changed" => summarise(&row.changes),
                    other => other.to_string(),
                };
                outln!("    {detail}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Who last changed one field, and when.
#[derive(Debug, Serialize)]
struct Blame {
    field: String,
    value: String,
    commit: String,
    date: String,
    author: String,
    message: String,
}

pub fn blame(
    dir: &Path,
    catalogue: &Catalogue,
    id: &str,
    format: TextOrJson,
) -> anyhow::Result<ExitCode> {
    let (id, rows, latest) = rows(dir, catalogue, id)?;
    let Some(latest) = latest else {
        errln!("isms: {id} is not in the committed history");
        return Ok(ExitCode::from(EXIT_FINDINGS));
    };
    let mut lines: Vec<Blame> = Vec::new();
    for (field, value) in latest.0.iter().filter(|(f, _)| f != STAMP_FIELD) {
        // The last commit that created the record or changed this field.
        let Some(row) = rows
            .iter()
            .rev()
            .find(|row| row.what == "created" || row.changes.iter().any(|c| &c.field == field))
        else {
            continue;
        };
        lines.push(Blame {
            field: field.clone(),
            value: display_value(value),
            commit: row.commit.clone(),
            date: row.date.clone(),
            author: row.author.clone(),
            message: row.message.clone(),
        });
    }
    match format {
        TextOrJson::Json => super::print::json_line(&serde_json::to_string_pretty(&lines)?),
        TextOrJson::Text => {
            let width = lines.iter().map(|l| l.field.len()).max().unwrap_or(0);
            for line in &lines {
                let short: String = line.commit.chars().take(8).collect();
                let value: String = line
                    .value
                    .lines()
                    .next()
                    .unwrap_or("")
                    .chars()
                    .take(40)
                    .collect();
                outln!(
                    "{:width$}  {short}  {}  {:<16}  {value}",
                    line.field,
                    &line.date[..line.date.len().min(10)],
                    line.author
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
