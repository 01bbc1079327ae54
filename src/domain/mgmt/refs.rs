//! References between records, written `kind:id` in the files (`clause:9.2.2`, `control:8.13`,
//! `risk:R-001`, …) so that every link can be checked both ways. People may type the short forms
//! `8.13`, `A.8.13`, `R-001`, `E-001`, `F-001`, `A-001`, `MR-001`.

use super::clauses::clause;
use super::names::named_enum;
use crate::domain::catalogue::Catalogue;

named_enum! {
    pub enum RefKind {
        Clause = "clause",
        Control = "control",
        Risk = "risk",
        Evidence = "evidence",
        Finding = "finding",
        Audit = "audit",
        Review = "review",
    }
}

/// A reference split into its kind and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub kind: RefKind,
    pub id: String,
}

impl Ref {
    /// Reads a stored or typed reference; `None` when its kind cannot be told.
    pub fn parse(text: &str) -> Option<Ref> {
        let text = text.trim();
        if let Some((kind, id)) = text.split_once(':') {
            let kind = RefKind::from_name(kind)?;
            return Some(Ref {
                kind,
                id: id.trim().to_string(),
            });
        }
        let upper = text.to_ascii_uppercase();
        let prefixed = |prefix: &str| {
            upper
                .strip_prefix(prefix)
                .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
        };
        let kind = if prefixed("MR-") {
            RefKind::Review
        } else if prefixed("R-") {
            RefKind::Risk
        } else if prefixed("E-") {
            RefKind::Evidence
        } else if prefixed("F-") {
            RefKind::Finding
        } else if prefixed("A-") {
            RefKind::Audit
        } else if upper
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == 'A')
        {
            RefKind::Control
        } else {
            return None;
        };
        let id = if kind == RefKind::Control {
            text.to_string()
        } else {
            upper
        };
        Some(Ref { kind, id })
    }

    /// The stored form, `kind:id`.
    pub fn text(&self) -> String {
        format!("{}:{}", self.kind.name(), self.id)
    }
}

/// Reads what a person typed and gives the stored form, with control ids in catalogue form and
/// clause ids checked against the clause table. Records (risks, evidence…) are checked later, by
/// `isms check`, so that a file can name a record another file has not got yet.
pub fn canonical(typed: &str, catalogue: &Catalogue) -> Result<String, String> {
    let Some(mut parsed) = Ref::parse(typed) else {
        return Err(format!(
            "{typed:?} is not a reference; write clause:9.2.2, control:8.13 (or 8.13), R-001, E-001, F-001, A-001 or MR-001"
        ));
    };
    match parsed.kind {
        RefKind::Clause => {
            let Some(known) = clause(&parsed.id) else {
                return Err(format!("unknown clause {:?}; expected 4 … 10.2", parsed.id));
            };
            parsed.id = known.id.to_string();
        }
        RefKind::Control => {
            let Some(known) = catalogue.get(&parsed.id) else {
                let nearest = catalogue.nearest_ids(&parsed.id, 3).join(", ");
                return Err(format!(
                    "unknown control id {:?}; expected a control of the catalogue (nearest: {nearest})",
                    parsed.id
                ));
            };
            parsed.id = known.id.clone();
        }
        _ => parsed.id = parsed.id.to_ascii_uppercase(),
    }
    Ok(parsed.text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_become_kind_and_id() {
        let catalogue = Catalogue::builtin();
        let c = |t: &str| canonical(t, &catalogue);
        assert_eq!(c("8.13").unwrap(), "control:8.13");
        assert_eq!(c("A.8.13").unwrap(), "control:8.13");
        assert_eq!(c("clause:9.2.2").unwrap(), "clause:9.2.2");
        assert_eq!(c("r-001").unwrap(), "risk:R-001");
        assert_eq!(c("MR-002").unwrap(), "review:MR-002");
        assert_eq!(c("A-001").unwrap(), "audit:A-001");
        assert!(c("clause:11.1").is_err());
        assert!(c("8.99").unwrap_err().contains("nearest"));
        assert!(c("banana").is_err());
    }
}
