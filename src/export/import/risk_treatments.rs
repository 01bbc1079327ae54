//! What a risk import says about treatments it could not take from the file: the risks left
//! undecided (no treatment column, an empty cell, or a word it does not know) and the words it
//! met. A treatment is never guessed: `isms check` lists each undecided risk until it is chosen.

use crate::domain::risk::{Risk, Treatment};
use crate::domain::text::{quoted, sanitize_line};

/// At most this many ids and words are named in a note; the counts are always whole.
const SHOWN: usize = 10;

/// Collects, row by row, the undecided risks and the treatment words not understood.
#[derive(Debug, Default)]
pub struct Undecided {
    ids: Vec<String>,
    /// (word as written, rows that held it), in the order first met.
    words: Vec<(String, usize)>,
}

impl Undecided {
    /// Notes one imported risk, with the treatment word its row held when not understood.
    pub fn add(&mut self, risk: &Risk, unknown_word: Option<&str>) {
        if risk.treatment == Treatment::Undecided {
            self.ids.push(risk.id.clone());
        }
        let Some(word) = unknown_word.map(str::trim) else {
            return;
        };
        match self.words.iter_mut().find(|(w, _)| w == word) {
            Some((_, rows)) => *rows += 1,
            None => self.words.push((word.to_string(), 1)),
        }
    }

    /// The report's notes: how many risks wait for a treatment, and which words were not known.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if !self.ids.is_empty() {
            notes.push(format!(
                "{} risk(s) have an undecided treatment ({}): isms never guesses one; `isms check` lists them until each is decided",
                self.ids.len(),
                some_of(self.ids.iter().map(|id| sanitize_line(id)).collect())
            ));
        }
        if !self.words.is_empty() {
            let words = self
                .words
                .iter()
                .map(|(word, rows)| format!("{} ({rows} row(s))", quoted(word)))
                .collect();
            notes.push(format!(
                "treatment words not understood: {}; name each with Mitigate, Accept, Avoid or Transfer",
                some_of(words)
            ));
        }
        notes
    }
}

fn some_of(items: Vec<String>) -> String {
    let more = items.len().saturating_sub(SHOWN);
    let mut shown: Vec<String> = items.into_iter().take(SHOWN).collect();
    if more > 0 {
        shown.push(format!("and {more} more"));
    }
    shown.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn risk(id: &str, treatment: Treatment) -> Risk {
        let mut risk = Risk::new(id, "t", 1, 1, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        risk.treatment = treatment;
        risk
    }

    #[test]
    fn counts_undecided_risks_and_words() {
        let mut undecided = Undecided::default();
        undecided.add(
            &risk("R-1", Treatment::Undecided),
            Some("Accept with monitoring"),
        );
        undecided.add(
            &risk("R-2", Treatment::Retain),
            Some("Accept with monitoring"),
        );
        undecided.add(&risk("R-3", Treatment::Undecided), None);
        undecided.add(&risk("R-4", Treatment::Modify), None);
        assert_eq!(
            undecided.notes(),
            [
                "2 risk(s) have an undecided treatment (R-1, R-3): isms never guesses one; `isms check` lists them until each is decided",
                "treatment words not understood: \"Accept with monitoring\" (2 row(s)); name each with Mitigate, Accept, Avoid or Transfer",
            ]
        );
    }

    #[test]
    fn names_at_most_ten() {
        let mut undecided = Undecided::default();
        for i in 0..12 {
            undecided.add(&risk(&format!("R-{i}"), Treatment::Undecided), None);
        }
        let notes = undecided.notes();
        assert!(notes[0].starts_with("12 risk(s)"), "{}", notes[0]);
        assert!(notes[0].contains("R-9, and 2 more)"), "{}", notes[0]);
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn nothing_to_say_when_every_risk_is_decided() {
        let mut undecided = Undecided::default();
        undecided.add(&risk("R-1", Treatment::Avoid), None);
        assert!(undecided.notes().is_empty());
    }
}
