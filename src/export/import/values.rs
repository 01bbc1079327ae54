//! Reading the values people write in SoA and risk spreadsheets, in the languages of
//! `words.tsv`: yes/no/✓, statuses, reasons, treatments, three-level ratings, lists and dates
//! (ISO, day-first, month-first only when unambiguous or asked for, Excel serial numbers).

use chrono::{Days, NaiveDate};

use super::words::meaning;
use crate::domain::risk::{RiskStatus, Treatment};
use crate::domain::soa::{Applicability, Reason, Status};
use crate::domain::workspace::ScalePoint;

/// How to read `03/04/2025`: the file's order when it cannot be told from the dates themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// Read `a/b/yyyy` only when one of a, b is above 12 (or both are equal).
    #[default]
    Unknown,
    DayFirst,
    MonthFirst,
}

/// A cell's applicability and whether it said more than the decision (e.g. "(Inherited)"), in
/// which case the caller keeps the cell's words in the note.
pub fn applicability(text: &str) -> Option<(Applicability, bool)> {
    let trimmed = text.trim();
    if matches!(trimmed, "✓" | "✔" | "☑" | "✅" | "▪" | "■" | "●") {
        return Some((Applicability::Applicable, false));
    }
    if matches!(trimmed, "✗" | "✘" | "☒" | "❌") {
        return Some((Applicability::Excluded, false));
    }
    if trimmed.is_empty() {
        return Some((Applicability::Undecided, false));
    }
    let read = |m: &str| match m {
        "applicable" => Some(Applicability::Applicable),
        "applicable_inherited" => Some(Applicability::Applicable),
        "excluded" => Some(Applicability::Excluded),
        "undecided" => Some(Applicability::Undecided),
        _ => None,
    };
    if let Some(m) = meaning("applicability", trimmed) {
        return read(m).map(|a| (a, m == "applicable_inherited"));
    }
    let bare = trimmed.split(['(', '[']).next().unwrap_or("").trim();
    meaning("applicability", bare)
        .and_then(read)
        .map(|a| (a, true))
}

/// Whether a tick column is ticked: `x`, `X`, `✓`, `▪`, yes words; empty is not ticked.
pub fn ticked(text: &str) -> Option<bool> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Some(false);
    }
    if matches!(
        trimmed,
        "✓" | "✔" | "☑" | "✅" | "▪" | "■" | "●" | "•" | "*"
    ) {
        return Some(true);
    }
    match meaning("applicability", trimmed) {
        Some("applicable") => Some(true),
        Some("excluded") => Some(false),
        _ => None,
    }
}

/// Implementation status from our names and the words of the table.
pub fn status(text: &str) -> Option<Status> {
    if let Some(status) = Status::from_name(text) {
        return Some(status);
    }
    if text.trim().is_empty() {
        return Some(Status::NotStarted);
    }
    match meaning("status", text)? {
        "implemented" => Some(Status::Implemented),
        "partial" => Some(Status::Partial),
        "planned" => Some(Status::Planned),
        "not_started" => Some(Status::NotStarted),
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

/// One reason for inclusion from our names and the words of the table.
pub fn reason(text: &str) -> Option<Reason> {
    if let Some(reason) = Reason::from_name(text) {
        return Some(reason);
    }
    Reason::from_name(meaning("reason", text)?)
}

/// A date, or why it was not read. `31.03.2025`, `2025-03-31`, `31/03/2025`, `31 Mar 2025`,
/// and Excel serial day numbers (`45747`) are read; `03/04/2025` needs a [`DateOrder`].
pub fn date(text: &str, order: DateOrder) -> Result<NaiveDate, String> {
    let text = text.trim();
    let first = text.split_whitespace().next().unwrap_or("");
    let fixed = ["%Y-%m-%d", "%d.%m.%Y", "%Y/%m/%d", "%Y.%m.%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(first, f).ok())
        .or_else(|| NaiveDate::parse_from_str(text, "%d %b %Y").ok())
        .or_else(|| NaiveDate::parse_from_str(text, "%d %B %Y").ok())
        .or_else(|| NaiveDate::parse_from_str(text, "%b %d, %Y").ok())
        .or_else(|| NaiveDate::parse_from_str(text, "%B %d, %Y").ok());
    if let Some(date) = fixed {
        return Ok(date);
    }
    if let Ok(serial) = text.parse::<u32>()
        && (20_000..=80_000).contains(&serial)
    {
        // Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
        return NaiveDate::from_ymd_opt(1899, 12, 30)
            .and_then(|epoch| epoch.checked_add_days(Days::new(u64::from(serial))))
            .ok_or_else(|| "is not a date".to_string());
    }
    let parts: Vec<&str> = first.split(['/', '-']).collect();
    if let [a, b, y] = parts[..]
        && let (Ok(a), Ok(b), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>(), y.parse::<i32>())
        && y >= 1900
    {
        let day_first = match order {
            DateOrder::DayFirst => true,
            DateOrder::MonthFirst => false,
            DateOrder::Unknown if a > 12 || a == b => true,
            DateOrder::Unknown if b > 12 => false,
            DateOrder::Unknown => {
                return Err(
                    "could be day/month or month/day; run again with --date-order dmy or mdy"
                        .into(),
                );
            }
        };
        let (day, month) = if day_first { (a, b) } else { (b, a) };
        return NaiveDate::from_ymd_opt(y, month, day).ok_or_else(|| "is not a date".into());
    }
    Err("is not a date; write dates as 2025-03-31".into())
}

/// ISO 27005 treatment from our names and the words of the table.
pub fn treatment(text: &str) -> Option<Treatment> {
    if let Some(treatment) = Treatment::from_name(text) {
        return Some(treatment);
    }
    Treatment::from_name(meaning("treatment", text)?)
}

/// Risk status from our names and the words of the table.
pub fn risk_status(text: &str) -> Option<RiskStatus> {
    if let Some(status) = RiskStatus::from_name(text) {
        return Some(status);
    }
    if text.trim().is_empty() {
        return Some(RiskStatus::Open);
    }
    RiskStatus::from_name(meaning("risk_status", text)?)
}

/// How a rating was read: from the scale itself, or from a three-level word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rated {
    OnScale(u8),
    /// Low / Medium / High placed on the scale by [`LEVEL_RULE`].
    Level(u8),
}

impl Rated {
    pub fn value(self) -> u8 {
        match self {
            Rated::OnScale(v) | Rated::Level(v) => v,
        }
    }
}

/// The rule three-level words follow, for the report.
pub const LEVEL_RULE: &str = "three-level ratings (low/medium/high, in any of the languages) were placed on the workspace's scale: low at its lowest value, medium at its middle, high at its highest";

/// A rating on a scale: its number ("4", "4 (Likely)", "4.0"), its label ("likely"), or a
/// three-level word (see [`LEVEL_RULE`]).
pub fn rating(text: &str, scale: &[ScalePoint]) -> Option<Rated> {
    let text = text.trim();
    let leading: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = text[leading.len()..].trim();
    let number_only = rest.is_empty() || rest.starts_with('(') || rest == ".0";
    if !leading.is_empty() && number_only {
        let value: u8 = leading.parse().ok()?;
        return scale
            .iter()
            .any(|p| p.value == value)
            .then_some(Rated::OnScale(value));
    }
    if let Some(point) = scale.iter().find(|p| p.label.eq_ignore_ascii_case(text)) {
        return Some(Rated::OnScale(point.value));
    }
    let mut values: Vec<u8> = scale.iter().map(|p| p.value).collect();
    values.sort_unstable();
    let bare = text.split('(').next().unwrap_or("").trim();
    let at = match meaning("level", bare)? {
        "low" => 0,
        "medium" => values.len() / 2,
        "high" => values.len().checked_sub(1)?,
        _ => return None,
    };
    values.get(at).copied().map(Rated::Level)
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
        for yes in [
            "Yes",
            "Y",
            "TRUE",
            "✓",
            "applicable",
            "x",
            "Ja",
            "Ano",
            "Ναι",
            "Sí",
        ] {
            assert_eq!(
                applicability(yes),
                Some((Applicability::Applicable, false)),
                "{yes}"
            );
        }
        for no in ["No", "N", "FALSE", "N/A", "excluded", "Nein", "Ne", "Όχι"] {
            assert_eq!(
                applicability(no),
                Some((Applicability::Excluded, false)),
                "{no}"
            );
        }
        assert_eq!(
            applicability("Applicable (Inherited)"),
            Some((Applicability::Applicable, true))
        );
        assert_eq!(applicability("maybe"), None);
        assert_eq!(status("Partially implemented"), Some(Status::Partial));
        assert_eq!(status("Not Started"), Some(Status::NotStarted));
        assert_eq!(status("In Progress"), Some(Status::Partial));
        assert_eq!(treatment("Mitigate"), Some(Treatment::Modify));
        assert_eq!(treatment("Accept"), Some(Treatment::Retain));
        assert_eq!(treatment("Accept with monitoring"), None);
        assert_eq!(treatment("Transfer"), Some(Treatment::Share));
        assert_eq!(reason("Legal/regulatory"), Some(Reason::LegalRegulatory));
        let method = RiskMethod::default();
        assert_eq!(
            rating("4 (Likely)", &method.likelihood),
            Some(Rated::OnScale(4))
        );
        assert_eq!(
            rating("likely", &method.likelihood),
            Some(Rated::OnScale(4))
        );
        assert_eq!(rating("9", &method.likelihood), None);
        assert_eq!(rating("Střední", &method.likelihood), Some(Rated::Level(3)));
        assert_eq!(rating("High", &method.likelihood), Some(Rated::Level(5)));
        assert_eq!(list("a\nb; c", false), ["a", "b; c"]);
    }

    #[test]
    fn dates() {
        let day = |y, m, d| Ok(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        let auto = DateOrder::Unknown;
        assert_eq!(date("31.03.2025", auto), day(2025, 3, 31));
        assert_eq!(date("2025-03-31 00:00:00", auto), day(2025, 3, 31));
        assert_eq!(date("31/03/2025", auto), day(2025, 3, 31));
        assert_eq!(date("03/31/2025", auto), day(2025, 3, 31));
        assert_eq!(date("45747", auto), day(2025, 3, 31));
        assert!(
            date("03/04/2025", auto)
                .unwrap_err()
                .contains("--date-order")
        );
        assert_eq!(date("03/04/2025", DateOrder::DayFirst), day(2025, 4, 3));
        assert_eq!(date("03/04/2025", DateOrder::MonthFirst), day(2025, 3, 4));
        assert!(date("soon", auto).is_err());
    }
}
