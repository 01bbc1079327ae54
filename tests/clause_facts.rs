//! The built-in clause table agrees with `tests/reference/iso27001-2022-clauses.csv` (a copy of
//! `../shared/reference/`, compared below when that folder is present).

use isms::domain::mgmt::clauses::CLAUSES;

#[test]
fn reference_copy_matches_shared_reference_when_present() {
    let file = "iso27001-2022-clauses.csv";
    let shared = std::path::Path::new("../shared/reference").join(file);
    if let Ok(shared) = std::fs::read(shared) {
        assert_eq!(
            std::fs::read(format!("tests/reference/{file}")).unwrap(),
            shared,
            "{file} differs from ../shared"
        );
    }
}

#[test]
fn every_clause_fact_matches_the_reference() {
    let mut reader = csv::Reader::from_path("tests/reference/iso27001-2022-clauses.csv").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), CLAUSES.len(), "number of clauses");
    for (clause, row) in CLAUSES.iter().zip(&rows) {
        assert_eq!(clause.id, &row[0]);
        assert_eq!(clause.title, &row[1], "{} title", clause.id);
        assert_eq!(clause.parent, &row[2], "{} parent", clause.id);
        assert_eq!(clause.documented_information, &row[3], "{} note", clause.id);
    }
}
