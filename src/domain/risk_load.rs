//! Reading `risks.ron`: syntax, then unique ids, ratings on the workspace's scales and treating
//! controls that exist in the catalogue, each problem at file:line:column.

use std::collections::HashMap;

use serde::Deserialize;

use super::catalogue::Catalogue;
use super::located_error::{LocatedError, line_and_column};
use super::risk::{Risk, RiskRegister};
use super::ron_places::{RecordPlaces, field_in};
use super::workspace::RiskMethod;
use super::workspace_load::{parse_file, place_in};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RisksFile {
    format: u32,
    risks: Vec<Risk>,
}

/// Reads `risks.ron` and returns the register sorted by id, with control ids in catalogue form.
pub fn parse_risks(
    text: &str,
    file: &str,
    catalogue: &Catalogue,
    method: &RiskMethod,
) -> Result<RiskRegister, LocatedError> {
    let parsed: RisksFile = parse_file(
        text,
        file,
        "`(format: 1, risks: [ … ])`",
        |f: &RisksFile| f.format,
    )?;
    // Located only when a problem is found: the happy path does not scan the text, and a
    // refusal scans it only up to the risk it names.
    let places = RecordPlaces::new(text, "id", parsed.risks.len());
    // From risk `i`'s id to the next risk's id (or the end).
    let span = |i: usize, id: &str| match places.offset(i, id) {
        Some(at) => (
            at,
            field_in(text, "id", at + 2, text.len()).unwrap_or(text.len()),
        ),
        None => (0, 0),
    };
    let place = |i: usize, id: &str| places.offset(i, id).map(|at| line_and_column(text, at));
    let fail = |position, message: String| LocatedError::at(file, position, message);

    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut risks = parsed.risks;
    for (i, risk) in risks.iter_mut().enumerate() {
        if risk.id.trim().is_empty() || risk.id.chars().any(char::is_whitespace) {
            return Err(fail(
                place(i, &risk.id),
                format!(
                    "risk id {} must be non-empty and without spaces",
                    crate::domain::text::quoted(&risk.id)
                ),
            ));
        }
        if let Some(first) = seen.insert(risk.id.to_ascii_uppercase(), i) {
            // The first one is the same id up to case, which is how the place is checked.
            let first_line = place(first, &risk.id).map_or(String::new(), |(line, _)| {
                format!(" (first at line {line})")
            });
            return Err(fail(
                place(i, &risk.id),
                format!("duplicate risk id {}{first_line}", shown_id(&risk.id)),
            ));
        }
        let ratings = [
            ("likelihood", Some(risk.likelihood), method.max_likelihood()),
            ("impact", Some(risk.impact), method.max_impact()),
            (
                "residual_likelihood",
                risk.residual_likelihood,
                method.max_likelihood(),
            ),
            ("residual_impact", risk.residual_impact, method.max_impact()),
        ];
        for (field, value, max) in ratings {
            let Some(value) = value else { continue };
            let scale = if field.ends_with("likelihood") {
                &method.likelihood
            } else {
                &method.impact
            };
            if !scale.iter().any(|p| p.value == value) {
                let (start, end) = span(i, &risk.id);
                return Err(fail(
                    place_in(text, field, None, start, end).or(place(i, &risk.id)),
                    format!(
                        "risk {}: {field} {value} is not on the scale; expected 1 to {max}",
                        shown_id(&risk.id)
                    ),
                ));
            }
        }
        for control in &mut risk.controls {
            match catalogue.get(control) {
                Some(known) => *control = known.id.clone(),
                None => {
                    let nearest = catalogue.nearest_ids(control, 3).join(", ");
                    let needle = string_start(control);
                    let shown = crate::domain::text::quoted(control);
                    let (start, end) = span(i, &risk.id);
                    return Err(fail(
                        place_in(text, "controls", Some(&needle), start, end)
                            .or(place(i, &risk.id)),
                        format!(
                            "risk {}: unknown control id {shown}; expected a control of the catalogue (nearest: {nearest})",
                            shown_id(&risk.id)
                        ),
                    ));
                }
            }
        }
        risk.controls.dedup();
    }
    let mut register = RiskRegister { risks };
    register.sort();
    Ok(register)
}

/// A risk id as a message shows it: cleaned, at most 60 characters (cut before cleaning, so a
/// huge id costs nothing).
fn shown_id(id: &str) -> String {
    crate::domain::text::sanitize_line(&crate::domain::text::quote(id, 60))
}

/// How a string value starts in RON (`"8.13…`), bounded so that a huge value costs no more.
fn string_start(value: &str) -> String {
    let head: String = value.chars().take(100).collect();
    let written = format!("{head:?}");
    match head.len() == value.len() {
        true => written,
        false => written[..written.len() - 1].to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn risk(id: &str, likelihood: u8, controls: &str) -> String {
        format!(
            "(\n id: \"{id}\",\n title: \"t\", description: \"\", asset: \"\", threat: \"\", \
             vulnerability: \"\", owner: \"\",\n likelihood: {likelihood},\n impact: 2, \
             treatment: modify,\n controls: [{controls}],\n residual_likelihood: None, \
             residual_impact: None, status: open, acceptance: None, next_review: None, \
             created: \"2026-01-05\", updated: None)"
        )
    }

    fn parse(text: &str) -> Result<RiskRegister, LocatedError> {
        parse_risks(
            text,
            "risks.ron",
            &Catalogue::builtin(),
            &RiskMethod::default(),
        )
    }

    #[test]
    fn loads_sorted_with_catalogue_ids() {
        let text = format!(
            "(format: 1, risks: [{}, {}])",
            risk("R-010", 3, "\"A.8.13\""),
            risk("R-002", 1, "")
        );
        let register = parse(&text).unwrap();
        assert_eq!(register.risks[0].id, "R-002");
        assert_eq!(register.risks[1].controls, ["8.13"]);
    }

    #[test]
    fn problems_are_located() {
        let text = format!("(format: 1, risks: [{}])", risk("R-001", 9, ""));
        assert_eq!(
            parse(&text).unwrap_err().to_string(),
            "risks.ron:4:2: risk R-001: likelihood 9 is not on the scale; expected 1 to 5"
        );
        let text = format!(
            "(format: 1, risks: [{}])",
            risk("R-001", 2, "\"5.1\", \"8.99\"")
        );
        let error = parse(&text).unwrap_err();
        assert_eq!(error.position, Some((6, 20)));
        let text = format!(
            "(format: 1, risks: [{},\n{}])",
            risk("R-001", 2, ""),
            risk("r-001", 2, "")
        );
        assert_eq!(
            parse(&text).unwrap_err().to_string(),
            "risks.ron:9:2: duplicate risk id r-001 (first at line 2)"
        );
    }

    #[test]
    fn impossible_dates_say_what_a_date_is() {
        let text =
            format!("(format: 1, risks: [{}])", risk("R-001", 2, "")).replace("01-05", "02-30");
        let error = parse(&text).unwrap_err();
        assert!(error.message.contains("expected a real date"), "{error}");
        assert!(error.position.is_some());
    }
}
