//! Reading one row of a risk register sheet into a [`Risk`]: texts, ratings on the workspace's
//! scales, treatment and status words, treating controls (2013 ids through the correspondence),
//! dates and acceptance. Problems with single cells become warnings; a row without a title or
//! with ratings off the scale is refused with the reason.

use chrono::NaiveDate;

use super::header::{Header, column_letter};
use super::risk_columns::RiskColumn;
use super::table::Row;
use super::values::{self, DateOrder, Rated};
use crate::domain::catalogue::{Catalogue, Lookup};
use crate::domain::risk::{Acceptance, Risk, Treatment};
use crate::domain::text::{quoted, sanitize_line};
use crate::domain::workspace::Workspace;

/// One row of a risk sheet with its header; collects problems with single cells as warnings.
pub struct RowReader<'a> {
    pub header: &'a Header<RiskColumn>,
    pub row: &'a Row,
    pub date_order: DateOrder,
    pub warnings: Vec<String>,
    /// A rating was read from a three-level word (low/medium/high).
    pub used_levels: bool,
    /// The title was built from threat, asset and vulnerability.
    pub built_title: bool,
    /// The treatment cell held a word the import does not know.
    pub unknown_treatment: Option<String>,
}

impl RowReader<'_> {
    /// The text of a column (cells of repeated columns joined), or None when the sheet lacks it.
    pub fn text(&self, column: RiskColumn) -> Option<String> {
        self.header
            .has(column)
            .then(|| self.header.values(self.row, column).join("\n"))
    }

    fn warn(&mut self, column: RiskColumn, what: &str, text: &str, hint: &str) {
        let letter = self
            .header
            .indexes(column)
            .first()
            .map(|i| column_letter(*i))
            .unwrap_or_default();
        self.warnings.push(format!(
            "column {letter}: {what} {} not understood{hint}",
            quoted(text)
        ));
    }

    fn date(&mut self, column: RiskColumn) -> Option<Option<NaiveDate>> {
        let text = self.text(column)?;
        if text.is_empty() {
            return Some(None);
        }
        match values::date(&text, self.date_order) {
            Ok(date) => Some(Some(date)),
            Err(why) => {
                self.warn(column, "date", &text, &format!("; left empty: {why}"));
                None
            }
        }
    }
}

/// The risk a row describes, written over `base` (the existing risk or a new one).
pub fn read_risk(
    reader: &mut RowReader,
    base: Risk,
    workspace: &Workspace,
    catalogue: &Catalogue,
) -> Result<Risk, String> {
    use RiskColumn as C;
    let method = &workspace.settings.risk_method;
    let mut risk = base;
    if let Some(title) = reader.text(C::Title).or_else(|| {
        reader
            .text(C::Description)
            .map(|d| d.lines().next().unwrap_or("").to_string())
    }) {
        risk.title = title;
    }
    if risk.title.trim().is_empty() {
        let parts: Vec<String> = [C::Threat, C::Asset, C::Vulnerability]
            .into_iter()
            .filter_map(|c| reader.text(c))
            .map(|t| t.lines().next().unwrap_or("").trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        if !parts.is_empty() {
            risk.title = parts.join(" – ");
            reader.built_title = true;
        }
    }
    if risk.title.trim().is_empty() {
        return Err(
            "no title (nor description, threat, asset or vulnerability) for the risk".into(),
        );
    }
    for (column, field) in [
        (C::Description, &mut risk.description),
        (C::Asset, &mut risk.asset),
        (C::Threat, &mut risk.threat),
        (C::Vulnerability, &mut risk.vulnerability),
        (C::Owner, &mut risk.owner),
    ] {
        if let Some(text) = reader.text(column) {
            *field = text;
        }
    }
    let extras: Vec<String> = reader
        .header
        .extras(reader.row)
        .into_iter()
        .map(|(heading, text)| format!("{heading}: {text}"))
        .collect();
    if !extras.is_empty() {
        let mut text = std::mem::take(&mut risk.description);
        if !reader.header.has(C::Description) {
            text.clear();
        }
        for line in extras {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&line);
        }
        risk.description = text;
    }
    for (column, scale, field, name) in [
        (
            C::Likelihood,
            &method.likelihood,
            &mut risk.likelihood,
            "likelihood",
        ),
        (C::Impact, &method.impact, &mut risk.impact, "impact"),
    ] {
        let text = reader.text(column).unwrap_or_default();
        let rated = values::rating(&text, scale).ok_or_else(|| {
            format!(
                "{name} \"{}\" is not on the workspace's scale ({})",
                sanitize_line(&text),
                values::scale_hint(scale)
            )
        })?;
        reader.used_levels |= matches!(rated, Rated::Level(_));
        *field = rated.value();
    }
    for (column, scale, field, name) in [
        (
            C::ResidualLikelihood,
            &method.likelihood,
            &mut risk.residual_likelihood,
            "residual likelihood",
        ),
        (
            C::ResidualImpact,
            &method.impact,
            &mut risk.residual_impact,
            "residual impact",
        ),
    ] {
        let Some(text) = reader.text(column) else {
            continue;
        };
        match values::rating(&text, scale) {
            Some(rated) => {
                reader.used_levels |= matches!(rated, Rated::Level(_));
                *field = Some(rated.value());
            }
            None if text.is_empty() => *field = None,
            None => reader.warn(
                column,
                name,
                &text,
                &format!("; use {}", values::scale_hint(scale)),
            ),
        }
    }
    if let Some(text) = reader.text(C::Treatment).filter(|t| !t.trim().is_empty()) {
        match values::treatment(&text) {
            Some(t) => risk.treatment = t,
            None => {
                // Never a guess: a new risk stays undecided, an existing one keeps its treatment.
                let kept = match risk.treatment {
                    Treatment::Undecided => "left undecided".to_string(),
                    t => format!("kept {}", t.name()),
                };
                reader.warn(
                    C::Treatment,
                    "treatment",
                    &text,
                    &format!("; {kept}; use Mitigate, Accept, Avoid or Transfer"),
                );
                reader.unknown_treatment = Some(text);
            }
        }
    }
    if let Some(text) = reader.text(C::Status) {
        match values::risk_status(&text) {
            Some(s) => risk.status = s,
            None => reader.warn(
                C::Status,
                "status",
                &text,
                "; use open, treating, accepted or closed",
            ),
        }
    }
    if let Some(text) = reader.text(C::Controls) {
        risk.controls = controls(&text, catalogue, reader);
    }
    if let Some(next) = reader.date(C::NextReview) {
        risk.next_review = next;
    }
    if let Some(Some(created)) = reader.date(C::Created) {
        risk.created = created;
    }
    let by = reader.text(C::AcceptedBy);
    let on = reader.date(C::AcceptedOn);
    let until = reader.date(C::AcceptedUntil);
    if by.is_some() || on.is_some() {
        risk.acceptance = match (by.filter(|b| !b.is_empty()), on.flatten()) {
            (Some(by), Some(on)) => Some(Acceptance {
                by,
                on,
                until: until.flatten(),
            }),
            (None, None) => None,
            _ => {
                reader
                    .warnings
                    .push("an acceptance needs both who accepted and the date; left out".into());
                None
            }
        };
    }
    Ok(risk)
}

/// Control ids in a cell: 2022 ids kept, 2013 ids replaced by their 2022 controls.
fn controls(text: &str, catalogue: &Catalogue, reader: &mut RowReader) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let tokens = text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|t| !t.is_empty());
    for token in tokens {
        let found: Vec<String> = match catalogue.lookup(token) {
            Lookup::Control(i) => vec![catalogue.controls()[i].id.clone()],
            Lookup::Replaced { old_id, controls } => {
                let new: Vec<String> = controls
                    .iter()
                    .map(|i| catalogue.controls()[*i].id.clone())
                    .collect();
                reader
                    .warnings
                    .push(format!("2013 control {old_id} became {}", new.join(", ")));
                new
            }
            Lookup::NotFound => {
                reader.warn(
                    RiskColumn::Controls,
                    "control",
                    token,
                    "; not an Annex A control",
                );
                Vec::new()
            }
        };
        for id in found {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids
}
