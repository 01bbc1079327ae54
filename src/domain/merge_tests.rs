//! The merge engine on every case it promises, and properties over random edits of the demo
//! workspace: merging a change with itself or with an unchanged base gives that change, disjoint
//! edits never conflict, and whatever comes out is written and read back by the workspace format
//! (the management system's files included).

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use proptest::prelude::*;

use super::catalogue::Catalogue;
use super::merge::{Conflict, merge};
use super::merge_fields::display_value;
use super::mgmt::Management;
use super::mgmt::format::{MGMT_FILES, render_part};
use super::mgmt::ids::next_id;
use super::mgmt::load::{parse_audits, parse_evidence, parse_findings, parse_system};
use super::mgmt::system::ClauseStatus;
use super::risk::Risk;
use super::sample::demo_workspace;
use super::soa::{SoaEntry, Status};
use super::stamp::Stamp;
use super::workspace::Workspace;
use super::workspace_format::render;
use super::workspace_load::{parse_risks, parse_settings, parse_soa};

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(Catalogue::builtin)
}

fn base() -> Workspace {
    demo_workspace(catalogue())
}

fn at(seconds: i64) -> Stamp {
    let time = DateTime::<Utc>::from_timestamp(1_800_000_000 + seconds, 0).unwrap();
    Stamp::new(time, &format!("user{seconds}"))
}

fn entry<'a>(workspace: &'a mut Workspace, control: &str) -> &'a mut SoaEntry {
    workspace.soa.entry_mut(control).unwrap()
}

#[test]
fn a_field_changed_on_one_side_wins_and_the_later_stamp_is_kept() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    entry(&mut ours, "8.13").status = Status::Implemented;
    entry(&mut ours, "8.13").updated = Some(at(10));
    entry(&mut theirs, "8.13").owner = "Platform team".into();
    entry(&mut theirs, "8.13").updated = Some(at(20));
    theirs.settings.scope = "Everything".into();
    let result = merge(&base, &ours, &theirs);
    assert!(result.is_clean(), "{:?}", result.conflicts);
    let merged = result.merged.soa.entry("8.13").unwrap();
    assert_eq!(merged.status, Status::Implemented);
    assert_eq!(merged.owner, "Platform team");
    assert_eq!(merged.updated, Some(at(20)));
    assert_eq!(result.merged.settings.scope, "Everything");
}

#[test]
fn equal_changes_agree() {
    let base = base();
    let mut ours = base.clone();
    entry(&mut ours, "5.1").justification = "Signed yearly by the board.".into();
    ours.risks.risks.remove(0);
    let result = merge(&base, &ours, &ours.clone());
    assert!(result.is_clean());
    assert_eq!(result.merged, ours);
}

#[test]
fn the_same_field_changed_differently_is_a_conflict_that_keeps_ours() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    entry(&mut ours, "8.13").owner = "Ops".into();
    entry(&mut theirs, "8.13").owner = "Security".into();
    entry(&mut theirs, "8.13").note = "Restores tested monthly.".into();
    let result = merge(&base, &ours, &theirs);
    let before = base.soa.entry("8.13").unwrap().owner.clone();
    assert_eq!(
        result.conflicts,
        [Conflict {
            kind: "soa".into(),
            record: "8.13".into(),
            field: "owner".into(),
            base: display_value(&serde_json::Value::String(before)),
            ours: "Ops".into(),
            theirs: "Security".into(),
        }]
    );
    let merged = result.merged.soa.entry("8.13").unwrap();
    assert_eq!(merged.owner, "Ops");
    assert_eq!(merged.note, "Restores tested monthly.");
}

#[test]
fn a_risk_added_on_both_sides_keeps_both_and_renumbers_theirs() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let id = base.risks.next_id();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    ours.risks
        .risks
        .push(Risk::new(&id, "Laptop theft", 3, 3, day));
    theirs
        .risks
        .risks
        .push(Risk::new(&id, "Phishing", 4, 3, day));
    let result = merge(&base, &ours, &theirs);
    assert!(result.is_clean());
    assert_eq!(result.renumbered.len(), 1);
    let fresh = &result.renumbered[0];
    assert_eq!(
        (fresh.kind.as_str(), fresh.from.as_str()),
        ("risk", id.as_str())
    );
    assert_eq!(result.merged.risks.get(&id).unwrap().title, "Laptop theft");
    assert_eq!(
        result.merged.risks.get(&fresh.to).unwrap().title,
        "Phishing"
    );
    assert_eq!(result.merged.risks.risks.len(), base.risks.risks.len() + 2);
    assert_loads(&result.merged);
}

#[test]
fn a_record_deleted_on_one_side_goes_unless_the_other_edited_it() {
    let base = base();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let gone = ours.risks.risks.remove(0).id;
    let edited = ours.risks.risks.remove(0).id;
    theirs.risks.get_mut(&edited).unwrap().owner = "CFO".into();
    let result = merge(&base, &ours, &theirs);
    assert!(result.merged.risks.get(&gone).is_none());
    assert!(result.merged.risks.get(&edited).is_none(), "ours is kept");
    assert_eq!(result.conflicts.len(), 1);
    let conflict = &result.conflicts[0];
    assert_eq!(
        (conflict.field.as_str(), conflict.ours.as_str()),
        ("(record)", "deleted")
    );
    assert_eq!(conflict.theirs, "edited: owner");
}

#[test]
fn soa_entries_added_on_both_sides_merge_field_by_field() {
    let mut base = base();
    let removed = base.soa.entries.remove(0);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let (mut mine, mut yours) = (removed.clone(), removed.clone());
    mine.owner = "A".into();
    yours.owner = "B".into();
    yours.note = "from theirs".into();
    ours.soa.entries.insert(0, mine);
    theirs.soa.entries.insert(0, yours);
    let result = merge(&base, &ours, &theirs);
    assert!(result.renumbered.is_empty());
    // Without a base every difference is a conflict; the fields both wrote alike agree.
    let fields: Vec<&str> = result.conflicts.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["note", "owner"]);
    assert_eq!(result.conflicts[0].base, "(absent)");
    let merged = result.merged.soa.entry(&removed.control).unwrap();
    assert_eq!(
        (merged.owner.as_str(), merged.note.as_str()),
        ("A", removed.note.as_str())
    );
}

/// Writes the workspace with the workspace format and reads it back: it must load, and write the
/// same bytes again.
fn assert_loads(workspace: &Workspace) {
    let files = render(workspace);
    let settings = parse_settings(&files.workspace, "workspace.ron").unwrap();
    let soa = parse_soa(&files.soa, "soa.ron", catalogue()).unwrap();
    let risks = parse_risks(
        &files.risks,
        "risks.ron",
        catalogue(),
        &settings.risk_method,
    )
    .unwrap();
    let mgmt = &workspace.mgmt;
    let part = |index: usize| render_part(mgmt, index);
    let loaded = Workspace {
        settings,
        soa: soa.soa,
        risks,
        mgmt: Management {
            system: parse_system(&part(0), "isms.ron", catalogue())
                .unwrap()
                .system,
            evidence: parse_evidence(&part(1), "evidence.ron", catalogue()).unwrap(),
            audits: parse_audits(&part(2), "audits.ron", catalogue()).unwrap(),
            findings: parse_findings(&part(3), "findings.ron", catalogue()).unwrap(),
        },
    };
    assert_eq!(render(&loaded), files);
    for index in 0..MGMT_FILES.len() {
        assert_eq!(render_part(&loaded.mgmt, index), part(index));
    }
}

/// One ordinary edit; indexes wrap around the lists they pick from.
#[derive(Debug, Clone)]
enum Edit {
    Soa {
        entry: usize,
        field: u8,
        value: String,
    },
    Risk {
        risk: usize,
        field: u8,
        value: String,
    },
    AddRisk {
        title: String,
    },
    DeleteRisk {
        risk: usize,
    },
    Settings {
        field: u8,
        value: String,
    },
    Finding {
        finding: usize,
        field: u8,
        value: String,
    },
    AddFinding {
        statement: String,
    },
    Clause {
        clause: usize,
        field: u8,
        value: String,
    },
    AddEvidence {
        title: String,
    },
}

/// What an edit touched: list, record id and field (`*` for a whole record).
type Touch = (&'static str, String, &'static str);

fn edit() -> impl Strategy<Value = Edit> {
    // A small alphabet, so that both sides sometimes make the same change.
    let value = "[a-c ]{0,4}";
    prop_oneof![
        4 => (0usize..93, 0u8..5, value).prop_map(|(entry, field, value)| Edit::Soa { entry, field, value }),
        3 => (0usize..20, 0u8..4, value).prop_map(|(risk, field, value)| Edit::Risk { risk, field, value }),
        1 => value.prop_map(|title| Edit::AddRisk { title }),
        1 => (0usize..20).prop_map(|risk| Edit::DeleteRisk { risk }),
        1 => (0u8..3, value).prop_map(|(field, value)| Edit::Settings { field, value }),
        2 => (0usize..3, 0u8..3, value).prop_map(|(finding, field, value)| Edit::Finding { finding, field, value }),
        1 => value.prop_map(|statement| Edit::AddFinding { statement }),
        2 => (0usize..40, 0u8..3, value).prop_map(|(clause, field, value)| Edit::Clause { clause, field, value }),
        1 => value.prop_map(|title| Edit::AddEvidence { title }),
    ]
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec(edit(), 0..12)
}

/// Applies `edit` as a person would, stamping what it changes at `time`; returns what it touched.
fn apply(workspace: &mut Workspace, edit: &Edit, time: i64) -> Option<Touch> {
    let day = chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
    let touch = match edit {
        Edit::Soa {
            entry,
            field,
            value,
        } => {
            let entry = &mut workspace.soa.entries[entry % 93];
            let name = match field {
                0 => {
                    entry.status = Status::ALL[value.len() % 4];
                    "status"
                }
                1 => {
                    entry.justification = value.clone();
                    "justification"
                }
                2 => {
                    entry.owner = value.clone();
                    "owner"
                }
                3 => {
                    entry.evidence.push(value.clone());
                    "evidence"
                }
                _ => {
                    entry.note = value.clone();
                    "note"
                }
            };
            entry.updated = Some(at(time));
            ("soa", entry.control.clone(), name)
        }
        Edit::Risk { risk, field, value } => {
            let count = workspace.risks.risks.len();
            let risk = workspace.risks.risks.get_mut(risk % count.max(1))?;
            let name = match field {
                0 => {
                    risk.title = value.clone();
                    "title"
                }
                1 => {
                    risk.likelihood = value.len() as u8 + 1;
                    "likelihood"
                }
                2 => {
                    risk.owner = value.clone();
                    "owner"
                }
                _ => {
                    risk.controls = vec!["5.1".into()];
                    "controls"
                }
            };
            risk.updated = Some(at(time));
            ("risk", risk.id.clone(), name)
        }
        Edit::AddRisk { title } => {
            let id = workspace.risks.next_id();
            // The time tells the two sides' new risks apart, as real ones differ.
            let title = format!("{title} {time}");
            workspace
                .risks
                .risks
                .push(Risk::new(&id, &title, 2, 2, day));
            ("risk", id, "*")
        }
        Edit::DeleteRisk { risk } => {
            let count = workspace.risks.risks.len();
            if count == 0 {
                return None;
            }
            ("risk", workspace.risks.risks.remove(risk % count).id, "*")
        }
        Edit::Settings { field, value } => {
            let settings = &mut workspace.settings;
            let name = match field {
                0 => {
                    settings.name = value.clone();
                    "name"
                }
                1 => {
                    settings.scope = value.clone();
                    "scope"
                }
                _ => {
                    settings.soa_version = value.clone();
                    "soa_version"
                }
            };
            ("workspace", "workspace".to_string(), name)
        }
        Edit::Finding {
            finding,
            field,
            value,
        } => {
            let items = &mut workspace.mgmt.findings.items;
            let count = items.len();
            let finding = items.get_mut(finding % count.max(1))?;
            let name = match field {
                0 => {
                    finding.root_cause = value.clone();
                    "root_cause"
                }
                1 => {
                    finding.owner = value.clone();
                    "owner"
                }
                _ => {
                    finding.due = Some(day + chrono::Days::new(value.len() as u64));
                    "due"
                }
            };
            finding.updated = Some(at(time));
            ("finding", finding.id.clone(), name)
        }
        Edit::AddFinding { statement } => {
            let items = &mut workspace.mgmt.findings.items;
            let id = next_id("F-", items.iter().map(|f| f.id.as_str()));
            let mut finding = items.last()?.clone();
            finding.id = id.clone();
            finding.statement = format!("{statement} {time}");
            items.push(finding);
            ("finding", id, "*")
        }
        Edit::Clause {
            clause,
            field,
            value,
        } => {
            let clauses = &mut workspace.mgmt.system.clauses;
            let count = clauses.len();
            let clause = &mut clauses[clause % count];
            let name = match field {
                0 => {
                    clause.status = ClauseStatus::ALL[value.len() % 4];
                    "status"
                }
                1 => {
                    clause.owner = value.clone();
                    "owner"
                }
                _ => {
                    clause.statement = value.clone();
                    "statement"
                }
            };
            clause.updated = Some(at(time));
            ("clause", clause.clause.clone(), name)
        }
        Edit::AddEvidence { title } => {
            let items = &mut workspace.mgmt.evidence.items;
            let id = next_id("E-", items.iter().map(|e| e.id.as_str()));
            let mut evidence = items.last()?.clone();
            evidence.id = id.clone();
            evidence.title = format!("{title} {time}");
            items.push(evidence);
            ("evidence", id, "*")
        }
    };
    workspace.risks.sort();
    Some(touch)
}

/// The edited workspace, and what each edit touched (`None` for an edit that found nothing).
fn edited(base: &Workspace, edits: &[Edit], first_second: i64) -> (Workspace, Vec<Option<Touch>>) {
    let mut workspace = base.clone();
    let touches = edits
        .iter()
        .enumerate()
        .map(|(i, e)| apply(&mut workspace, e, first_second + i as i64))
        .collect();
    (workspace, touches)
}

/// Two touches meet when they are on the same record and either is the whole record or both
/// are the same field. Risks, findings and evidence added on either side never meet (they are
/// renumbered).
fn meet(a: &Touch, b: &Touch, base: &Workspace) -> bool {
    let in_base = |t: &Touch| match t.0 {
        "risk" => base.risks.get(&t.1).is_some(),
        "finding" => base.mgmt.findings.get(&t.1).is_some(),
        "evidence" => base.mgmt.evidence.get(&t.1).is_some(),
        _ => true,
    };
    let added = |t: &Touch| t.2 == "*" && !in_base(t);
    a.0 == b.0 && a.1 == b.1 && (a.2 == b.2 || a.2 == "*" || b.2 == "*") && !added(a) && !added(b)
}

fn risk_ids(workspace: &Workspace) -> BTreeSet<String> {
    workspace.risks.risks.iter().map(|r| r.id.clone()).collect()
}

fn finding_ids(workspace: &Workspace) -> BTreeSet<String> {
    let items = &workspace.mgmt.findings.items;
    items.iter().map(|f| f.id.clone()).collect()
}

fn evidence_ids(workspace: &Workspace) -> BTreeSet<String> {
    let items = &workspace.mgmt.evidence.items;
    items.iter().map(|e| e.id.clone()).collect()
}

/// How many items a clean merge keeps: those both sides kept, plus all either side added.
fn expected_count(
    ids: fn(&Workspace) -> BTreeSet<String>,
    base: &Workspace,
    ours: &Workspace,
    theirs: &Workspace,
) -> usize {
    let (b, o, t) = (ids(base), ids(ours), ids(theirs));
    let kept = b
        .iter()
        .filter(|id| o.contains(*id) && t.contains(*id))
        .count();
    kept + o.difference(&b).count() + t.difference(&b).count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_change_merged_with_itself_or_an_unchanged_base_is_that_change(edits in edits()) {
        let base = base();
        let (changed, _) = edited(&base, &edits, 0);
        for result in [
            merge(&base, &changed, &changed),
            merge(&base, &base, &changed),
            merge(&base, &changed, &base),
        ] {
            prop_assert!(result.is_clean());
            prop_assert!(result.renumbered.is_empty());
            prop_assert_eq!(&result.merged, &changed);
        }
    }

    #[test]
    fn disjoint_edits_never_conflict_and_both_survive(ours_edits in edits(), theirs_edits in edits()) {
        let base = base();
        let (ours, ours_touches) = edited(&base, &ours_edits, 0);
        let ours_touches: Vec<Touch> = ours_touches.into_iter().flatten().collect();
        let meets_ours = |t: &Touch| ours_touches.iter().any(|o| meet(o, t, &base));
        // Keep only the edits of theirs that meet none of ours, then replay them.
        let (_, theirs_touches) = edited(&base, &theirs_edits, 100);
        let kept: Vec<Edit> = theirs_edits
            .iter()
            .zip(&theirs_touches)
            .filter(|(_, touch)| touch.as_ref().is_none_or(|t| !meets_ours(t)))
            .map(|(e, _)| e.clone())
            .collect();
        // Dropping edits can shift which risk a later edit picks: check again.
        let (theirs, theirs_touches) = edited(&base, &kept, 100);
        prop_assume!(!theirs_touches.iter().flatten().any(meets_ours));
        let result = merge(&base, &ours, &theirs);
        prop_assert!(result.is_clean(), "{:?}", result.conflicts);
        // Kept by both, plus everything either side added (renumbered where ids clash).
        let merged = &result.merged;
        prop_assert_eq!(merged.risks.risks.len(), expected_count(risk_ids, &base, &ours, &theirs));
        let findings = expected_count(finding_ids, &base, &ours, &theirs);
        prop_assert_eq!(merged.mgmt.findings.items.len(), findings);
        let evidence = expected_count(evidence_ids, &base, &ours, &theirs);
        prop_assert_eq!(merged.mgmt.evidence.items.len(), evidence);
        assert_loads(&result.merged);
    }

    #[test]
    fn whatever_two_sides_do_the_result_loads(ours_edits in edits(), theirs_edits in edits()) {
        let base = base();
        let (ours, _) = edited(&base, &ours_edits, 0);
        let (theirs, _) = edited(&base, &theirs_edits, 100);
        let result = merge(&base, &ours, &theirs);
        assert_loads(&result.merged);
    }
}
