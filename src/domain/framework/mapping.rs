//! A mapping row: one framework node, one ISO/IEC 27001:2022 target, and who says so. Rows from
//! different sources are never merged; a relationship is shown only when the source states one.

use serde::{Deserialize, Serialize};

/// One row of a mapping, as its source publishes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The framework node, e.g. `GV.SC-07`.
    pub node: String,
    /// The ISO target as written: `A.5.20` for an Annex A control, `6.1.2` or `4.2(a)` for a
    /// clause of ISO/IEC 27001.
    pub target: String,
    /// The relationship the source states (`subset of`, `intersects with`…), if any.
    #[serde(default)]
    pub relationship: Option<String>,
    /// Who states the mapping, e.g. `NIST-OLIR:Razilio`.
    pub source: String,
    #[serde(default)]
    pub note: String,
}

/// What a mapping points at in ISO/IEC 27001:2022.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IsoTarget<'a> {
    /// An Annex A control, by its 2022 id (`5.20`).
    Control(&'a str),
    /// A clause or sub-clause (`6.1.2`), possibly with a list item (`4.2(a)`).
    Clause(&'a str),
}

impl IsoTarget<'_> {
    /// The clause id without a list item: `4.2(a)` → `4.2`.
    pub fn clause_id(&self) -> Option<&str> {
        match self {
            IsoTarget::Clause(id) => Some(id.split('(').next().unwrap_or(id)),
            IsoTarget::Control(_) => None,
        }
    }
}

impl Mapping {
    /// Reads the target: `A.` marks an Annex A control; a bare number is a clause of 4–10.
    pub fn iso_target(&self) -> Result<IsoTarget<'_>, String> {
        let target = self.target.trim();
        if let Some(control) = target.strip_prefix("A.") {
            return if is_dotted_number(control) {
                Ok(IsoTarget::Control(control))
            } else {
                Err(format!(
                    "{target:?} is not an Annex A control id such as A.5.20"
                ))
            };
        }
        let clause = target.split('(').next().unwrap_or(target);
        let first: Option<u32> = clause.split('.').next().and_then(|n| n.parse().ok());
        if is_dotted_number(clause) && first.is_some_and(|n| (4..=10).contains(&n)) {
            Ok(IsoTarget::Clause(target))
        } else {
            Err(format!(
                "{target:?} is neither an Annex A control (A.5.20) nor a clause of 4–10 (6.1.2)"
            ))
        }
    }
}

fn is_dotted_number(text: &str) -> bool {
    !text.is_empty()
        && text
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to(target: &str) -> Mapping {
        Mapping {
            node: "X".into(),
            target: target.into(),
            relationship: None,
            source: "s".into(),
            note: String::new(),
        }
    }

    #[test]
    fn targets_are_controls_or_clauses() {
        assert_eq!(to("A.5.20").iso_target(), Ok(IsoTarget::Control("5.20")));
        assert_eq!(to("6.1.2").iso_target(), Ok(IsoTarget::Clause("6.1.2")));
        let item = to("4.2(a)");
        let target = item.iso_target().unwrap();
        assert_eq!(target, IsoTarget::Clause("4.2(a)"));
        assert_eq!(target.clause_id(), Some("4.2"));
        assert!(to("A.x").iso_target().is_err());
        assert!(to("12.3").iso_target().is_err());
        assert!(to("AC-2").iso_target().is_err());
    }
}
