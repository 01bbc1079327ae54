//! Ranking for each kind of query people type, and each filter, on the built-in catalogue.

use isms::domain::catalogue::Catalogue;
use isms::domain::search::{SearchError, search_text};

fn ids(query: &str) -> Vec<String> {
    let catalogue = Catalogue::builtin();
    search_text(&catalogue, query)
        .unwrap()
        .iter()
        .map(|hit| catalogue.controls()[hit.position].id.clone())
        .collect()
}

fn first(query: &str) -> String {
    ids(query)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{query:?} found nothing"))
}

#[test]
fn ids_in_every_spelling_find_the_control_first() {
    for query in ["8.9", "A.8.9", "a.8.9"] {
        assert_eq!(first(query), "8.9", "{query}");
    }
}

#[test]
fn five_one_comes_before_five_ten_to_nineteen() {
    let hits = ids("5.1");
    assert_eq!(hits[0], "5.1");
    assert!(hits[1..].iter().all(|id| id.starts_with("5.1")), "{hits:?}");
    assert_eq!(hits.len(), 11);
}

#[test]
fn ids_of_2013_find_the_2022_control() {
    assert_eq!(first("A.12.3.1"), "8.13");
    assert_eq!(first("12.3.1"), "8.13");
    assert_eq!(first("A.9.4.2"), "8.5");
    let split = ids("A.18.2.3");
    assert_eq!(&split[..2], ["5.36", "8.8"]);
}

#[test]
fn words_and_phrases_rank_title_hits_first() {
    assert_eq!(first("backup"), "8.13");
    assert_eq!(first("threat intel"), "5.7");
    assert_eq!(first("threat intelligence"), "5.7");
    assert_eq!(first("clock"), "8.17");
    assert_eq!(first("screening"), "6.1");
    assert_eq!(first("secure coding"), "8.28");
    assert_eq!(first("cloud services"), "5.23");
}

#[test]
fn acronyms_from_the_guidance_find_their_controls() {
    assert_eq!(first("mfa"), "8.5");
    assert_eq!(first("DLP"), "8.12");
    assert_eq!(first("siem"), "8.16");
}

#[test]
fn typing_slips_still_find_the_control() {
    assert_eq!(first("bakcup"), "8.13");
    assert_eq!(first("malwrae"), "8.7");
    assert_eq!(first("cryptograpy"), "8.24");
}

#[test]
fn ranking_is_deterministic_with_ties_in_catalogue_order() {
    let catalogue = Catalogue::builtin();
    let a = search_text(&catalogue, "policy").unwrap();
    let b = search_text(&catalogue, "policy").unwrap();
    assert_eq!(a, b);
    for pair in a.windows(2) {
        assert!(pair[0].score > pair[1].score || pair[0].position < pair[1].position);
    }
}

#[test]
fn a_filter_alone_lists_every_control_that_carries_it() {
    let catalogue = Catalogue::builtin();
    let carrying = |name: &str| {
        catalogue
            .controls()
            .iter()
            .filter(|c| c.attributes.has(name))
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids("#preventive"), carrying("Preventive"));
    assert_eq!(ids("#availability"), carrying("Availability"));
    assert_eq!(
        ids("#threat_and_vulnerability_management"),
        ["5.7", "5.37", "8.8"].map(String::from).to_vec()
    );
    assert_eq!(
        ids("#protect"),
        carrying("Protect"),
        "#protect is the concept, not #protection"
    );
    let physical: Vec<String> = (1..=14).map(|n| format!("7.{n}")).collect();
    assert_eq!(ids("theme:physical"), physical);
    assert_eq!(ids("theme:people").len(), 8);
}

#[test]
fn filters_combine_with_words() {
    assert_eq!(ids("#detective theme:people"), ["6.8"]);
    let hits = ids("#corrective backup");
    assert_eq!(hits[0], "8.13");
    let catalogue = Catalogue::builtin();
    assert!(
        hits.iter()
            .all(|id| catalogue.get(id).unwrap().attributes.has("Corrective"))
    );
    assert!(
        ids("theme:physical backup")
            .iter()
            .all(|id| id.starts_with("7."))
    );
}

#[test]
fn unknown_filters_are_reported() {
    let catalogue = Catalogue::builtin();
    assert_eq!(
        search_text(&catalogue, "#nonsense"),
        Err(SearchError::UnknownTag("nonsense".into()))
    );
    assert_eq!(
        search_text(&catalogue, "theme:digital"),
        Err(SearchError::UnknownTheme("digital".into()))
    );
    assert_eq!(
        search_text(&catalogue, "colour:red"),
        Err(SearchError::UnknownFilter("colour".into()))
    );
}

#[test]
fn an_empty_query_lists_every_control_in_catalogue_order() {
    let catalogue = Catalogue::builtin();
    let all: Vec<String> = catalogue.controls().iter().map(|c| c.id.clone()).collect();
    assert_eq!(ids(""), all);
    assert_eq!(ids("   "), all);
}

#[test]
fn nonsense_finds_nothing() {
    assert!(ids("qqqqzzzz").is_empty());
}

#[test]
fn the_vocabulary_of_the_guidance_finds_controls() {
    let catalogue = Catalogue::builtin();
    // Each word is in the control's guidance but not in its title: only our text can find it.
    let cases = [
        ("cmdb", "5.9"),
        ("cctv", "7.4"),
        ("ntp", "8.17"),
        ("ups", "7.11"),
        ("hsm", "8.24"),
        ("vpn", "8.21"),
        ("nda", "6.6"),
        ("pam", "8.2"),
        ("edr", "8.7"),
        ("generator", "7.11"),
        ("sandbox", "8.7"),
    ];
    for (word, id) in cases {
        let control = catalogue.get(id).unwrap();
        assert!(
            !control.title.to_lowercase().contains(word),
            "{word} is in the title of {id}"
        );
        assert!(
            control.guidance.to_lowercase().contains(word),
            "{word} is not in the guidance of {id}"
        );
        assert_eq!(first(word), id, "{word}");
    }
}

/// What engineers type in a meeting, and the control they mean: each must be in the top three.
const PRACTITIONER_QUERIES: [(&str, &str); 48] = [
    ("pentest", "8.8"),
    ("penetration test", "8.8"),
    ("red team", "5.35"),
    ("patch", "8.8"),
    ("patching", "8.8"),
    ("patching", "8.19"),
    ("DR", "5.30"),
    ("disaster recovery", "5.30"),
    ("BCP", "5.30"),
    ("RTO", "5.30"),
    ("IAM", "5.16"),
    ("JML", "5.16"),
    ("offboarding", "5.18"),
    ("leaver", "5.11"),
    ("access review", "5.18"),
    ("KMS", "8.24"),
    ("key management", "8.24"),
    ("encryption", "8.24"),
    ("SBOM", "5.21"),
    ("SSO", "8.5"),
    ("2FA", "8.5"),
    ("passkeys", "8.5"),
    ("password manager", "5.17"),
    ("least privilege", "8.2"),
    ("sudo", "8.2"),
    ("MDM", "8.1"),
    ("BYOD", "8.1"),
    ("antivirus", "8.7"),
    ("CSPM", "5.23"),
    ("AWS", "5.23"),
    ("vendor risk", "5.19"),
    ("DPA", "5.20"),
    ("GDPR", "5.34"),
    ("DPIA", "5.34"),
    ("post-mortem", "5.27"),
    ("forensics", "5.28"),
    ("chain of custody", "5.28"),
    ("triage", "5.25"),
    ("playbook", "5.24"),
    ("runbook", "5.37"),
    ("background check", "6.1"),
    ("phishing simulation", "6.3"),
    ("WFH", "6.7"),
    ("badge", "7.2"),
    ("USB", "7.10"),
    ("hardening", "8.9"),
    ("VLAN", "8.22"),
    ("SAST", "8.28"),
];

const MORE_PRACTITIONER_QUERIES: [(&str, &str); 16] = [
    ("DAST", "8.29"),
    ("CAB", "8.32"),
    ("test data", "8.33"),
    ("staging", "8.31"),
    ("time sync", "8.17"),
    ("audit trail", "8.15"),
    ("syslog", "8.15"),
    ("high availability", "8.14"),
    ("failover", "8.14"),
    ("pseudonymisation", "8.11"),
    ("crypto shredding", "8.10"),
    ("URL filtering", "8.23"),
    ("firewall", "8.20"),
    ("threat modelling", "8.27"),
    ("SDLC", "8.25"),
    ("NDA", "6.6"),
];

#[test]
fn practitioner_words_find_the_control_they_mean_in_the_top_three() {
    let catalogue = Catalogue::builtin();
    let mut misses = Vec::new();
    for (query, id) in PRACTITIONER_QUERIES
        .iter()
        .chain(&MORE_PRACTITIONER_QUERIES)
    {
        let hits = search_text(&catalogue, query).unwrap();
        let top: Vec<&str> = hits
            .iter()
            .take(3)
            .map(|hit| catalogue.controls()[hit.position].id.as_str())
            .collect();
        if !top.contains(id) {
            misses.push(format!("{query:?} → {top:?}, expected {id}"));
        }
    }
    assert!(misses.is_empty(), "{}", misses.join("\n"));
}

#[test]
fn patch_puts_vulnerability_management_first() {
    assert_eq!(first("patch"), "8.8");
    assert_eq!(first("pentest"), "8.8");
}
