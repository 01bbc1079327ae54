//! Dates as people type them in a form: `2026-05-01`, `today` (or `t`), or a span from today
//! such as `+90d`, `+2w`, `+3m`, `+1y` (and `-7d` back). Months and years that land past the end
//! of a month stop at its last day (31 January `+1m` is 28 or 29 February).

use chrono::{Days, Months, NaiveDate};

/// The date `text` names, counted from `today`; the reason when it names none.
pub fn parse_date(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let text = text.trim();
    let lower = text.to_lowercase();
    if lower == "today" || lower == "t" {
        return Ok(today);
    }
    if let Some(sign) = lower.chars().next().filter(|c| *c == '+' || *c == '-') {
        return span(&lower[1..], sign == '-', today).ok_or_else(|| not_a_date(text));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| not_a_date(text))
}

fn not_a_date(text: &str) -> String {
    format!("{text:?} is not a date; write YYYY-MM-DD, today, or +90d, +2w, +3m, +1y")
}

/// `90d`, `2w`, `3m`, `1y` from `today`, forward or back.
fn span(text: &str, back: bool, today: NaiveDate) -> Option<NaiveDate> {
    let unit = text.chars().last()?;
    let count: u32 = text[..text.len() - unit.len_utf8()].parse().ok()?;
    let days = |n: u64| {
        if back {
            today.checked_sub_days(Days::new(n))
        } else {
            today.checked_add_days(Days::new(n))
        }
    };
    let months = |n: u32| {
        if back {
            today.checked_sub_months(Months::new(n))
        } else {
            today.checked_add_months(Months::new(n))
        }
    };
    match unit {
        'd' => days(u64::from(count)),
        'w' => days(u64::from(count) * 7),
        'm' => months(count),
        'y' => months(count.checked_mul(12)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn words_and_spans_count_from_today() {
        let today = day(2026, 1, 31);
        assert_eq!(parse_date("today", today), Ok(today));
        assert_eq!(parse_date(" T ", today), Ok(today));
        assert_eq!(parse_date("+90d", today), Ok(day(2026, 5, 1)));
        assert_eq!(parse_date("+2w", today), Ok(day(2026, 2, 14)));
        assert_eq!(parse_date("+1m", today), Ok(day(2026, 2, 28)));
        assert_eq!(parse_date("+3m", today), Ok(day(2026, 4, 30)));
        assert_eq!(parse_date("+1y", today), Ok(day(2027, 1, 31)));
        assert_eq!(parse_date("-7d", today), Ok(day(2026, 1, 24)));
        assert_eq!(parse_date("2025-12-01", today), Ok(day(2025, 12, 1)));
    }

    #[test]
    fn anything_else_is_refused_with_the_ways_to_write_a_date() {
        let today = day(2026, 3, 2);
        for text in [
            "+",
            "+d",
            "+3x",
            "+-3d",
            "2025-13-01",
            "tomorrow",
            "+99999999999y",
        ] {
            let error = parse_date(text, today).unwrap_err();
            assert!(error.contains("is not a date"), "{text}: {error}");
        }
    }
}
