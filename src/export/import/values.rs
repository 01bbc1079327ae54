//! Reading the values people write in SoA and risk spreadsheets: yes/no/✓, statuses in words,
//! reasons, dates, lists, treatments (Mitigate/Accept/Avoid/Transfer) and ratings on a scale.

use chrono::NaiveDate;

use crate::domain::risk::{RiskStatus, Treatment};
use crate::domain::soa::{Applicability, Reason, Status};
use crate::domain::workspace::ScalePoint;

fn words(text: &str) -> String {
    super::header::normalize_heading(text)
}

/// Applicable / excluded / undecided from Yes, No, Y, N, TRUE, FALSE, ✓, ✗, 1, 0, x and words.
pub fn applicability(text: &str) -> Option<Applicability> {
    let trimmed = text.trim();
    if matches!(trimmed, "✓" | "✔" | "☑" | "✅") {
        return Some(Applicability::Applicable);
    }
    if matches!(trimmed, "✗" | "✘" | "☒" | "❌") {
        return Some(Applicability::Excluded);
    }
    match words(trimmed).as_str() {
        "yes" | "y" | "true" | "1" | "x" | "applicable" | "in scope" | "selected" | "included"
        | "include" => Some(Applicability::Applicable),
        "no" | "n" | "false" | "0" | "excluded" | "exclude" | "not applicable" | "n a" | "na"
        | "out of scope" | "not selected" => Some(Applicability::Excluded),
        "undecided" | "tbd" | "tbc" | "to be decided" | "open" | "" => {
            Some(Applicability::Undecided)
        }
        _ => None,
    }
}

/// Implementation status from our names and the usual words.
pub fn status(text: &str) -> Option<Status> {
    if let Some(status) = Status::from_name(text) {
        return Some(status);
    }
    match words(text).as_str() {
        "implemented" | "done" | "complete" | "completed" | "in place" | "yes"
        | "fully implemented" | "operational" => Some(Status::Implemented),
        "partial" | "partially implemented" | "in progress" | "ongoing" | "partly" => {
            Some(Status::Partial)
        }
        "planned" | "to do" | "todo" | "scheduled" => Some(Status::Planned),
        "not started" | "not implemented" | "no" | "none" | "not applicable" | "n a" | "na"
        | "" => Some(Status::NotStarted),
        _ => None,
    }
}

/// Splits a list cell: on line breaks when it has any, else on semicolons (and commas if asked).
pub fn list(text: &str, commas: bool) -> Vec<String> {
    let parts: Vec<&str> = if text.contains('\n') {
        text.lines().collect()
    } else if commas {
        text.split([';', ',']).collect()
    } else {
        text.split(';').collect()
    };
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// One reason for inclusion from our names and the usual words.
pub fn reason(text: &str) -> Option<Reason> {
    if let Some(reason) = Reason::from_name(text) {
        return Some(reason);
    }
    match words(text).as_str() {
        "risk" | "risk treatment" | "risk assessment" | "ra" | "rt" => Some(Reason::RiskTreatment),
        "legal" | "regulatory" | "legal regulatory" | "legal and regulatory" | "law" | "lr" => {
            Some(Reason::LegalRegulatory)
        }
        "contract" | "contractual" | "contractual obligations" | "co" => Some(Reason::Contractual),
        "business"
        | "best practice"
        | "business best practice"
        | "business requirements"
        | "br"
        | "bp"
        | "br bp" => Some(Reason::Business),
        _ => None,
    }
}

/// A date: ISO 8601 (2025-03-31, as XLSX date cells arrive too), 31.03.2025 or 31 Mar 2025.
pub fn date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let first = text.split_whitespace().next().unwrap_or("");
    ["%Y-%m-%d", "%d.%m.%Y", "%Y/%m/%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(first, f).ok())
        .or_else(|| NaiveDate::parse_from_str(text, "%d %b %Y").ok())
        .or_else(|| NaiveDate::parse_from_str(text, "%d %B %Y").ok())
}

/// ISO 27005 treatment from our names and the usual words.
pub fn treatment(text: &str) -> Option<Treatment> {
    if let Some(treatment) = Treatment::from_name(text) {
        return Some(treatment);
    }
    match words(text).as_str() {
        "mitigate" | "reduce" | "treat" | "control" | "mitigation" | "reduction" => {
            Some(Treatment::Modify)
        }
        "accept" | "tolerate" | "retention" | "acceptance" => Some(Treatment::Retain),
        "terminate" | "avoidance" | "eliminate" => Some(Treatment::Avoid),
        "transfer" | "insure" | "sharing" | "outsource" => Some(Treatment::Share),
        _ => None,
    }
}

/// Risk status from our names and the usual words.
pub fn risk_status(text: &str) -> Option<RiskStatus> {
    if let Some(status) = RiskStatus::from_name(text) {
        return Some(status);
    }
    match words(text).as_str() {
        "" | "new" | "identified" | "active" => Some(RiskStatus::Open),
        "in treatment" | "in progress" | "mitigating" | "treatment in progress" => {
            Some(RiskStatus::Treating)
        }
        "retained" | "tolerated" => Some(RiskStatus::Accepted),
        "done" | "resolved" | "mitigated" | "treated" => Some(RiskStatus::Closed),
        _ => None,
    }
}

/// A rating on a scale: its number ("4", "4 (Likely)", "4.0") or its label ("likely").
pub fn rating(text: &str, scale: &[ScalePoint]) -> Option<u8> {
    let text = text.trim();
    let leading: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = text[leading.len()..].trim();
    let number_only = rest.is_empty() || rest.starts_with('(') || rest == ".0";
    if !leading.is_empty() && number_only {
        let value: u8 = leading.parse().ok()?;
        return scale.iter().any(|p| p.value == value).then_some(value);
    }
    scale
        .iter()
        .find(|p| p.label.eq_ignore_ascii_case(text))
        .map(|p| p.value)
}

/// The values a scale accepts, for messages: "1–5 or Rare, Unlikely, …".
pub fn scale_hint(scale: &[ScalePoint]) -> String {
    let min = scale.iter().map(|p| p.value).min().unwrap_or(0);
    let max = scale.iter().map(|p| p.value).max().unwrap_or(0);
    let labels: Vec<&str> = scale.iter().map(|p| p.label.as_str()).collect();
    format!("{min}–{max} or {}", labels.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::workspace::RiskMethod;

    #[test]
    fn reads_what_spreadsheets_say() {
        for yes in ["Yes", "Y", "TRUE", "✓", "applicable", "x"] {
            assert_eq!(applicability(yes), Some(Applicability::Applicable), "{yes}");
        }
        for no in ["No", "N", "FALSE", "N/A", "excluded"] {
            assert_eq!(applicability(no), Some(Applicability::Excluded), "{no}");
        }
        assert_eq!(applicability("maybe"), None);
        assert_eq!(status("Partially implemented"), Some(Status::Partial));
        assert_eq!(treatment("Mitigate"), Some(Treatment::Modify));
        assert_eq!(treatment("Accept"), Some(Treatment::Retain));
        assert_eq!(treatment("Transfer"), Some(Treatment::Share));
        assert_eq!(reason("Legal/regulatory"), Some(Reason::LegalRegulatory));
        assert_eq!(date("31.03.2025"), NaiveDate::from_ymd_opt(2025, 3, 31));
        let method = RiskMethod::default();
        assert_eq!(rating("4 (Likely)", &method.likelihood), Some(4));
        assert_eq!(rating("likely", &method.likelihood), Some(4));
        assert_eq!(rating("9", &method.likelihood), None);
        assert_eq!(list("a\nb; c", false), ["a", "b; c"]);
    }
}
