//! NIST CSF 2.0 as built in agrees with NIST's published data row for row, and coverage on the
//! demo workspace matches a table computed by hand from the demo SoA and NIST's mappings.

use isms::domain::catalogue::Catalogue;
use isms::domain::framework::{State, coverage, csf2};
use isms::domain::sample::demo_workspace;

fn csv_rows(name: &str) -> Vec<csv::StringRecord> {
    let path = format!("{}/tests/reference/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut reader = csv::Reader::from_path(&path).unwrap();
    reader.records().map(Result::unwrap).collect()
}

#[test]
fn functions_categories_and_subcategories_agree_with_nist_row_for_row() {
    let rows = csv_rows("nist-csf2-subcategories.csv");
    let csf = csf2();
    assert_eq!(csf.nodes.len(), rows.len());
    for (node, row) in csf.nodes.iter().zip(&rows) {
        let (id, function, category, title) = (&row[0], &row[1], &row[2], &row[3]);
        assert_eq!(node.id, id);
        assert_eq!(node.title, title, "{id}");
        let (parent, kind) = if category.is_empty() {
            (None, "function")
        } else if id == category {
            (Some(function), "category")
        } else {
            (Some(category), "subcategory")
        };
        assert_eq!(node.parent.as_deref(), parent, "{id}");
        assert_eq!(node.kind, kind, "{id}");
        assert_eq!(node.assessable, kind == "subcategory", "{id}");
    }
    let count = |kind: &str| csf.nodes.iter().filter(|n| n.kind == kind).count();
    assert_eq!(
        (count("function"), count("category"), count("subcategory")),
        (6, 22, 106)
    );
}

#[test]
fn both_nist_mappings_agree_row_for_row_and_stay_apart() {
    let rows = csv_rows("nist-csf2-to-iso27001-2022.csv");
    let csf = csf2();
    assert_eq!(csf.mappings.len(), rows.len());
    for (mapping, row) in csf.mappings.iter().zip(&rows) {
        assert_eq!(
            (
                mapping.node.as_str(),
                mapping.target.as_str(),
                mapping.source.as_str()
            ),
            (&row[0], &row[2], &row[4])
        );
        assert_eq!(
            mapping.relationship.as_deref(),
            Some(&row[3]).filter(|r| !r.is_empty())
        );
        assert!(mapping.iso_target().is_ok(), "{}", mapping.target);
    }
    assert_eq!(
        csf.sources(),
        ["NIST-OLIR:Razilio", "NIST-OLIR:Independent"]
    );
}

/// About half of CSF 2.0 is about the management system (clauses 4–10), not Annex A: coverage
/// must say so instead of counting those rows as gaps.
#[test]
fn half_of_the_subcategories_map_to_clauses() {
    let csf = csf2();
    let subcategories: Vec<_> = csf.nodes.iter().filter(|n| n.assessable).collect();
    let to_clauses = subcategories
        .iter()
        .filter(|n| {
            csf.mappings_of(&n.id, None)
                .any(|m| m.iso_target().is_ok_and(|t| t.clause_id().is_some()))
        })
        .count();
    assert_eq!((to_clauses, subcategories.len()), (52, 106));
}

#[test]
fn coverage_of_the_demo_matches_the_hand_computed_table() {
    let catalogue = Catalogue::builtin();
    let demo = demo_workspace(&catalogue);
    let csf = csf2();
    let state = |source: &str, node: &str| {
        coverage(csf, source, &demo.soa, &demo.mgmt.system)
            .nodes
            .into_iter()
            .find(|n| n.node == node)
            .unwrap()
            .state
    };
    let razilio = "NIST-OLIR:Razilio";
    let independent = "NIST-OLIR:Independent";
    // 8.13 implemented.
    assert_eq!(state(razilio, "PR.DS-11"), State::Covered);
    // 5.1 implemented; clauses 6.1.1 and 6.1.2 beside it met in the management system.
    assert_eq!(state(razilio, "GV.RM-01"), State::Covered);
    // 5.9 partial.
    assert_eq!(state(razilio, "ID.AM-01"), State::Partial);
    // 8.16 planned only.
    assert_eq!(state(razilio, "DE.CM-09"), State::Gap);
    // 7.4 excluded (no premises of our own).
    assert_eq!(state(razilio, "DE.CM-02"), State::Excluded);
    // 7.4 excluded, 8.16 planned, clause 9.1 partial.
    assert_eq!(state(razilio, "DE.CM-03"), State::Partial);
    // 8.20, 8.21, 8.22 undecided.
    assert_eq!(state(razilio, "PR.IR-01"), State::Undecided);
    // Clauses only, read from the management system: 4.1 met, 6.1 met (6.1.1–6.1.3 all met),
    // 8.1 partial, 8.2 and 8.3 met.
    assert_eq!(state(razilio, "GV.OC-01"), State::Partial);
    // 6.1.1 met; 6.1.1, 6.1.2 and 6.1.3 met; 7.2 partial.
    assert_eq!(state(razilio, "GV.RM-07"), State::Covered);
    assert_eq!(state(razilio, "ID.RA-04"), State::Covered);
    assert_eq!(state(razilio, "GV.RR-02"), State::Partial);
    // The other source maps the same nodes differently, and never silently borrows a row.
    assert_eq!(state(independent, "PR.PS-02"), State::Covered);
    assert_eq!(state(razilio, "PR.PS-02"), State::Partial);
    assert_eq!(state(independent, "GV.OC-01"), State::NotMapped);
    assert_eq!(state(independent, "GV.SC-07"), State::Undecided);
}
