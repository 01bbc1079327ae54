//! Reading `risks.ron`: syntax, then unique ids, ratings on the workspace's scales and treating
//! controls that exist in the catalogue, each problem at file:line:column.

use std::cell::OnceCell;
use std::collections::HashMap;

use serde::Deserialize;

use super::catalogue::Catalogue;
use super::located_error::{LocatedError, line_and_column};
use super::risk::{Risk, RiskRegister};
use super::ron_places::field_offsets;
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
    // Located only when a problem is found: the happy path does not scan the text.
    let count = parsed.risks.len();
    let offsets = OnceCell::new();
    let known = || {
        let offsets: &Vec<usize> = offsets.get_or_init(|| field_offsets(text, "id"));
        (offsets.len() == count).then_some(offsets)
    };
    let span = |i: usize| match known() {
        Some(offsets) => (
            offsets[i],
            offsets.get(i + 1).copied().unwrap_or(text.len()),
        ),
        None => (0, 0),
    };
    let place = |i: usize| known().map(|offsets| line_and_column(text, offsets[i]));
    let fail = |position, message: String| LocatedError::at(file, position, message);

    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut risks = parsed.risks;
    for (i, risk) in risks.iter_mut().enumerate() {
        if risk.id.trim().is_empty() || risk.id.chars().any(char::is_whitespace) {
            return Err(fail(
                place(i),
                format!(
                    "risk id {} must be non-empty and without spaces",
                    crate::domain::text::quoted(&risk.id)
                ),
            ));
        }
        if let Some(first) = seen.insert(risk.id.to_ascii_uppercase(), i) {
            let first_line = place(first).map_or(String::new(), |(line, _)| {
                format!(" (first at line {line})")
            });
            return Err(fail(
                place(i),
                format!("duplicate risk id {}{first_line}", risk.id),
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
                let (start, end) = span(i);
                return Err(fail(
                    place_in(text, field, None, start, end).or(place(i)),
                    format!(
                        "risk {}: {field} {value} is not on the scale; expected 1 to {max}",
                        risk.id
                    ),
                ));
            }
        }
        for control in &mut risk.controls {
            match catalogue.get(control) {
                Some(known) => *control = known.id.clone(),
                None => {
                    let nearest = catalogue.nearest_ids(control, 3).join(", ");
                    let needle = format!("{control:?}");
                    let shown = crate::domain::text::quoted(control);
                    let (start, end) = span(i);
                    return Err(fail(
                        place_in(text, "controls", Some(&needle), start, end).or(place(i)),
                        format!(
                            "risk {}: unknown control id {shown}; expected a control of the catalogue (nearest: {nearest})",
                            crate::domain::text::quote(
                                &crate::domain::text::sanitize_line(&risk.id),
                                60
                            )
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
