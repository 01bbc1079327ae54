//! Property: any workspace the model can hold is written, read back equal, and written again
//! byte for byte the same — in memory and through the store on disk.

use chrono::{DateTime, NaiveDate, Utc};
use proptest::prelude::*;

use isms::domain::catalogue::Catalogue;
use isms::domain::risk::{Acceptance, Risk, RiskStatus, Treatment};
use isms::domain::soa::{Applicability, Reason, Status};
use isms::domain::stamp::Stamp;
use isms::domain::workspace::{Settings, Workspace};
use isms::domain::workspace_format::render;
use isms::domain::workspace_load::{parse_risks, parse_settings, parse_soa};
use isms::store::{self, Access};

fn date() -> impl Strategy<Value = NaiveDate> {
    (1990i32..2100, 1u32..=366).prop_map(|(y, d)| {
        NaiveDate::from_yo_opt(y, d).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 365).unwrap())
    })
}

fn stamp() -> impl Strategy<Value = Option<Stamp>> {
    proptest::option::of(
        (0i64..4_000_000_000, ".{0,12}").prop_map(|(secs, by)| {
            Stamp::new(DateTime::<Utc>::from_timestamp(secs, 0).unwrap(), &by)
        }),
    )
}

/// Any text, including quotes, backslashes, newlines, control characters and emoji.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![".{0,40}", "[a-z \"\\\\\n\t\r#/*]{0,30}", "\\PC{0,20}"]
}

fn risk(ids: Vec<String>) -> impl Strategy<Value = Risk> {
    (
        (text(), text(), text(), text(), text(), text()),
        (
            1u8..=5,
            1u8..=5,
            proptest::option::of(1u8..=5),
            proptest::option::of(1u8..=5),
        ),
        (
            0usize..Treatment::ALL.len(),
            0usize..RiskStatus::ALL.len(),
            proptest::sample::subsequence(ids, 0..4),
        ),
        (
            proptest::option::of((text(), date(), proptest::option::of(date()))),
            proptest::option::of(date()),
            date(),
            stamp(),
        ),
    )
        .prop_map(
            |(
                texts,
                ratings,
                (treatment, status, controls),
                (acceptance, review, created, updated),
            )| {
                let mut risk = Risk::new("R-000", &texts.0, ratings.0, ratings.1, created);
                (
                    risk.description,
                    risk.asset,
                    risk.threat,
                    risk.vulnerability,
                    risk.owner,
                ) = (texts.1, texts.2, texts.3, texts.4, texts.5);
                (risk.residual_likelihood, risk.residual_impact) = (ratings.2, ratings.3);
                risk.treatment = Treatment::ALL[treatment];
                risk.status = RiskStatus::ALL[status];
                risk.controls = controls;
                risk.acceptance = acceptance.map(|(by, on, until)| Acceptance { by, on, until });
                risk.next_review = review;
                risk.updated = updated;
                risk
            },
        )
}

fn workspace() -> impl Strategy<Value = Workspace> {
    let catalogue = Catalogue::builtin();
    let ids: Vec<String> = catalogue.controls().iter().map(|c| c.id.clone()).collect();
    let entry = (
        (
            0usize..3,
            proptest::sample::subsequence(Reason::ALL.to_vec(), 0..4),
            0usize..4,
        ),
        (
            text(),
            text(),
            text(),
            proptest::collection::vec(text(), 0..3),
        ),
        (proptest::option::of(date()), stamp()),
    );
    (
        proptest::collection::vec(entry, 93),
        proptest::collection::vec(risk(ids), 0..8),
        (text(), text(), text()),
    )
        .prop_map(move |(entries, risks, (name, organisation, scope))| {
            let settings = Settings {
                name,
                organisation,
                scope,
                ..Settings::default()
            };
            let mut workspace = Workspace::new(settings, &catalogue);
            for (entry, (choice, texts, dates)) in workspace.soa.entries.iter_mut().zip(entries) {
                entry.applicability = Applicability::ALL[choice.0];
                // risk_treatment is derived and never stored: the model keeps it only in memory.
                entry.reasons = choice
                    .1
                    .into_iter()
                    .filter(|r| *r != Reason::RiskTreatment)
                    .collect();
                entry.status = Status::ALL[choice.2];
                (entry.justification, entry.note, entry.owner, entry.evidence) = texts;
                (entry.reviewed, entry.updated) = dates;
            }
            for (n, mut risk) in risks.into_iter().enumerate() {
                risk.id = format!("R-{:03}", n + 1);
                workspace.risks.risks.push(risk);
            }
            workspace
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn render_parse_render_is_identity(workspace in workspace()) {
        let catalogue = Catalogue::builtin();
        let files = render(&workspace);
        let settings = parse_settings(&files.workspace, "workspace.ron").unwrap();
        let soa = parse_soa(&files.soa, "soa.ron", &catalogue).unwrap();
        let risks = parse_risks(&files.risks, "risks.ron", &catalogue, &settings.risk_method).unwrap();
        prop_assert!(soa.notes.is_empty());
        let loaded = Workspace { settings, soa: soa.soa, risks, mgmt: workspace.mgmt.clone() };
        prop_assert_eq!(&loaded, &workspace);
        prop_assert_eq!(render(&loaded), files);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn save_open_save_on_disk_is_byte_identical(workspace in workspace()) {
        let catalogue = Catalogue::builtin();
        let dir = tempfile::tempdir().unwrap();
        drop(store::create(dir.path(), &workspace).unwrap());
        let read = |f: &str| std::fs::read(dir.path().join(f)).unwrap();
        let before: Vec<_> = ["workspace.ron", "soa.ron", "risks.ron"].map(read).into();
        let mut opened = store::open(dir.path(), &catalogue, Access::Edit).unwrap();
        prop_assert_eq!(&opened.workspace, &workspace);
        prop_assert!(opened.handle.save(&opened.workspace).unwrap().is_empty());
        let after: Vec<_> = ["workspace.ron", "soa.ron", "risks.ron"].map(read).into();
        prop_assert_eq!(before, after);
    }
}
