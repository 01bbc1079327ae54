//! The practitioner text of every control keeps its bounds: our own words, no placeholders, no
//! sentence shared between two controls, one spelling convention.

use std::collections::HashMap;

use isms::domain::catalogue::Catalogue;

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Sentences of a text, normalized for comparison (lower case, single spaces).
fn sentences(text: &str) -> Vec<String> {
    text.split(['.', '!', '?', '\n'])
        .map(|s| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .filter(|s| s.split(' ').count() >= 6)
        .collect()
}

#[test]
fn every_control_has_text_within_bounds() {
    for control in Catalogue::builtin().controls() {
        let id = &control.id;
        let purpose_sentences = control.purpose.matches(". ").count() + 1;
        assert!(
            words(&control.purpose) >= 8 && purpose_sentences <= 2,
            "{id}: purpose is one or two sentences"
        );
        let guidance = words(&control.guidance);
        assert!(
            (120..=250).contains(&guidance),
            "{id}: guidance has {guidance} words, expected 120–250"
        );
        assert!(
            (2..=5).contains(&control.evidence.len()),
            "{id}: {} evidence items, expected 2–5",
            control.evidence.len()
        );
        assert_eq!(
            control.pitfalls.len(),
            3,
            "{id}: {} pitfalls, expected 3",
            control.pitfalls.len()
        );
        for item in control.evidence.iter().chain(&control.pitfalls) {
            assert!(
                words(item) >= 3,
                "{id}: item {item:?} is too short to be useful"
            );
        }
    }
}

#[test]
fn evidence_and_pitfall_items_are_phrases_without_a_final_full_stop() {
    for control in Catalogue::builtin().controls() {
        for item in control.evidence.iter().chain(&control.pitfalls) {
            let first = item.trim_start_matches('\'').chars().next().unwrap_or(' ');
            assert!(
                first.is_uppercase() || first.is_ascii_digit(),
                "{}: item {item:?} starts with a capital",
                control.id
            );
            assert!(
                !item.ends_with(['.', ',', ';', ':']),
                "{}: item {item:?} ends without punctuation",
                control.id
            );
        }
    }
}

#[test]
fn no_sentence_appears_in_two_controls() {
    let mut seen: HashMap<String, String> = HashMap::new();
    for control in Catalogue::builtin().controls() {
        let text = [control.purpose.as_str(), control.guidance.as_str()]
            .into_iter()
            .chain(control.evidence.iter().map(String::as_str))
            .chain(control.pitfalls.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join("\n");
        for sentence in sentences(&text) {
            if let Some(other) = seen.insert(sentence.clone(), control.id.clone())
                && other != control.id
            {
                panic!("{other} and {} share the sentence {sentence:?}", control.id);
            }
        }
    }
}

#[test]
fn no_placeholders_or_markup() {
    let forbidden = [
        "todo",
        "tbd",
        "lorem",
        "ipsum",
        "[insert",
        "xxx",
        "fixme",
        "placeholder",
        "**",
        "pending text",
    ];
    for control in Catalogue::builtin().controls() {
        let all = format!(
            "{} {} {} {}",
            control.purpose,
            control.guidance,
            control.evidence.join(" "),
            control.pitfalls.join(" ")
        );
        let lower = all.to_lowercase();
        for word in forbidden {
            let hit = lower
                .split(|c: char| !c.is_alphanumeric() && !"[*".contains(c))
                .any(|w| w == word)
                || (word.len() > 3 && lower.contains(word));
            assert!(!hit, "{}: contains {word:?}", control.id);
        }
        assert!(!all.contains("..."), "{}: contains an ellipsis", control.id);
    }
}

#[test]
fn one_spelling_convention() {
    // Oxford spelling, as the standard's own titles use: -ize, but behaviour, centre, defence.
    let other_spellings = [
        "organisation",
        "organise",
        "authorise",
        "recognise",
        "minimise",
        "prioritise",
        "standardise",
        "behavior",
        "color",
        "center",
        "defense",
        "labeling",
        "analyze",
        "catalog ",
        "catalogs",
    ];
    for control in Catalogue::builtin().controls() {
        let all = format!(
            "{} {} {} {}",
            control.purpose,
            control.guidance,
            control.evidence.join(" "),
            control.pitfalls.join(" ")
        )
        .to_lowercase();
        for spelling in other_spellings {
            assert!(!all.contains(spelling), "{}: uses {spelling:?}", control.id);
        }
    }
}

/// Sentences of a text as the fixture of old sentences keeps them: four words or more.
fn sentences_of_four_words(text: &str) -> Vec<String> {
    text.split(['.', '!', '?', '\n'])
        .map(|s| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .filter(|s| s.split(' ').count() >= 4)
        .collect()
}

#[test]
fn no_sentence_of_the_rewritten_controls_survives() {
    // The text of the 12 controls that followed the standard's own lists, before their rewrite.
    let old: std::collections::HashSet<&str> = include_str!("fixtures/flagged_old_sentences.txt")
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect();
    assert!(old.len() > 150, "the fixture holds the old sentences");
    for control in Catalogue::builtin().controls() {
        let texts = [control.purpose.as_str(), control.guidance.as_str()]
            .into_iter()
            .chain(control.evidence.iter().map(String::as_str))
            .chain(control.pitfalls.iter().map(String::as_str));
        for text in texts {
            for sentence in sentences_of_four_words(text) {
                assert!(
                    !old.contains(sentence.as_str()),
                    "{}: the old sentence {sentence:?} survives",
                    control.id
                );
            }
        }
    }
}
