//! Every fact of the built-in catalogue agrees with the reference tables in `tests/reference/`
//! (a copy of `../shared/reference/`, compared below when that folder is present).

use std::collections::BTreeMap;

use isms::domain::catalogue::Catalogue;
use isms::domain::control::normalize_id;

fn reference_controls() -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_path("tests/reference/iso27002-2022-controls.csv").unwrap();
    reader.deserialize().map(|row| row.unwrap()).collect()
}

fn reference_mapping() -> Vec<(String, String, Vec<String>)> {
    let mut reader = csv::Reader::from_path("tests/reference/iso27002-2013-to-2022.csv").unwrap();
    reader
        .records()
        .map(|row| {
            let row = row.unwrap();
            (
                row[0].to_string(),
                row[1].to_string(),
                row[2].split(';').map(str::to_string).collect(),
            )
        })
        .collect()
}

fn names<T: std::fmt::Display>(values: &[T]) -> String {
    values
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(";")
}

#[test]
fn reference_copy_matches_shared_reference_when_present() {
    for file in ["iso27002-2022-controls.csv", "iso27002-2013-to-2022.csv"] {
        let shared = std::path::Path::new("../shared/reference").join(file);
        if let Ok(shared) = std::fs::read(shared) {
            assert_eq!(
                std::fs::read(format!("tests/reference/{file}")).unwrap(),
                shared,
                "{file} differs from ../shared"
            );
        }
    }
}

#[test]
fn every_control_fact_matches_the_reference() {
    let catalogue = Catalogue::builtin();
    let reference = reference_controls();
    let ids: Vec<&str> = catalogue.controls().iter().map(|c| c.id.as_str()).collect();
    let reference_ids: Vec<&str> = reference.iter().map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, reference_ids, "ids and their order");
    for (control, row) in catalogue.controls().iter().zip(&reference) {
        let id = &control.id;
        assert_eq!(control.theme.name(), row["theme"], "{id} theme");
        assert_eq!(control.title, row["title"], "{id} title");
        assert_eq!(
            control.new_in_2022.to_string(),
            row["new_in_2022"],
            "{id} new_in_2022"
        );
        let a = &control.attributes;
        assert_eq!(
            names(&a.control_type),
            row["control_type"],
            "{id} control_type"
        );
        assert_eq!(
            names(&a.security_properties),
            row["security_properties"],
            "{id} security_properties"
        );
        assert_eq!(
            names(&a.cybersecurity_concepts),
            row["cybersecurity_concepts"],
            "{id} cybersecurity_concepts"
        );
        assert_eq!(
            names(&a.operational_capabilities),
            row["operational_capabilities"],
            "{id} operational_capabilities"
        );
        assert_eq!(
            names(&a.security_domains),
            row["security_domains"],
            "{id} security_domains"
        );
    }
}

#[test]
fn the_2013_correspondence_matches_the_reference_both_ways() {
    let catalogue = Catalogue::builtin();
    let mut expected: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (old_id, _, new_ids) in reference_mapping() {
        for new_id in &new_ids {
            expected
                .entry(new_id.clone())
                .or_default()
                .push(old_id.clone());
        }
        let replacing: Vec<&str> = catalogue
            .replacing_2013(&normalize_id(&old_id))
            .iter()
            .map(|&i| catalogue.controls()[i].id.as_str())
            .collect();
        assert_eq!(replacing, new_ids, "{old_id} is replaced by");
    }
    for control in catalogue.controls() {
        let want = expected.get(&control.id).cloned().unwrap_or_default();
        assert_eq!(control.iso27002_2013, want, "{} replaces", control.id);
    }
    assert_eq!(
        reference_mapping().len(),
        114,
        "the 2013 standard had 114 controls"
    );
}

#[test]
fn themes_and_new_controls_count_as_the_standard_says() {
    let catalogue = Catalogue::builtin();
    let count = |theme: &str| {
        catalogue
            .controls()
            .iter()
            .filter(|c| c.theme.name() == theme)
            .count()
    };
    assert_eq!(catalogue.len(), 93);
    assert_eq!(
        (
            count("Organizational"),
            count("People"),
            count("Physical"),
            count("Technological")
        ),
        (37, 8, 14, 34)
    );
    let new: Vec<&str> = catalogue
        .controls()
        .iter()
        .filter(|c| c.new_in_2022)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        new,
        [
            "5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28"
        ]
    );
    for control in catalogue.controls().iter().filter(|c| c.new_in_2022) {
        assert!(
            control.iso27002_2013.is_empty(),
            "{} is new but replaces 2013 controls",
            control.id
        );
    }
}

#[test]
fn related_controls_exist_and_are_not_the_control_itself() {
    let catalogue = Catalogue::builtin();
    for control in catalogue.controls() {
        assert!(
            !control.related.is_empty(),
            "{} has no related controls",
            control.id
        );
        for related in &control.related {
            assert!(
                catalogue.get(related).is_some(),
                "{} → {related}",
                control.id
            );
            assert_ne!(related, &control.id);
        }
    }
}

#[test]
fn every_control_has_aliases_and_a_unique_short_title_that_fits() {
    let catalogue = Catalogue::builtin();
    let mut seen = std::collections::BTreeMap::new();
    for control in catalogue.controls() {
        assert!(!control.aliases.is_empty(), "{} has no aliases", control.id);
        let length = control.short_title.chars().count();
        assert!(
            (1..=isms::domain::control::SHORT_TITLE_MAX).contains(&length),
            "{} short title {:?} has {length} characters",
            control.id,
            control.short_title
        );
        if let Some(other) = seen.insert(control.short_title.to_lowercase(), &control.id) {
            panic!(
                "{} and {other} share the short title {:?}",
                control.id, control.short_title
            );
        }
    }
}
