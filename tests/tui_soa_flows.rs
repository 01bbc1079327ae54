//! Key flows of the SoA pane, its entry form, saving and recovery: keys drive `App` as a person
//! would; saving goes through the real store in a temporary folder.

mod common;

use common::workbench::demo_app;
use isms::app::{App, Effect, LayerKind, Question, Tab, press};
use isms::domain::soa::{Applicability, Reason, Status};
use isms::store;
use isms::tui::persist::{self, Store};

/// The decisions of every entry (the demo's hand-written reasons are not in sorted order, so
/// whole entries differ from what loads back).
fn decisions(soa: &isms::domain::soa::Soa) -> Vec<(Applicability, Status, String)> {
    soa.entries
        .iter()
        .map(|e| (e.applicability, e.status, e.justification.clone()))
        .collect()
}

fn selected(app: &App) -> String {
    app.selected_soa_entry().unwrap().control.clone()
}

fn entry(app: &App, id: &str) -> isms::domain::soa::SoaEntry {
    app.soa_entry(id).unwrap().clone()
}

#[test]
fn filters_narrow_the_soa_to_matching_entries() {
    let mut app = demo_app();
    let entries = app.workspace.soa.entries.clone();
    let count =
        |f: &dyn Fn(&isms::domain::soa::SoaEntry) -> bool| entries.iter().filter(|e| f(e)).count();
    for (filter, expected) in [
        (
            "undecided",
            count(&|e| e.applicability == Applicability::Undecided),
        ),
        (
            "excluded",
            count(&|e| e.applicability == Applicability::Excluded),
        ),
        (
            "applicable",
            count(&|e| e.applicability == Applicability::Applicable),
        ),
        ("status:planned", count(&|e| e.status == Status::Planned)),
    ] {
        press(&mut app, &format!("2 / {filter} <Enter>"));
        assert_eq!(app.soa_pane.rows.len(), expected, "{filter}");
        assert!(expected > 0, "the demo has some {filter}");
        press(&mut app, "/ <Esc>");
        assert_eq!(app.soa_pane.rows.len(), 93);
    }
    let owner = entries
        .iter()
        .find(|e| !e.owner.is_empty())
        .unwrap()
        .owner
        .clone();
    let word = owner.split_whitespace().next().unwrap().to_lowercase();
    press(&mut app, &format!("/ owner:{word} <Enter>"));
    assert!(!app.soa_pane.rows.is_empty());
    assert!(
        app.soa_pane
            .rows
            .iter()
            .all(|&i| entries[i].owner.to_lowercase().contains(&word))
    );
    press(&mut app, "/ <C-u> status:someday");
    assert!(
        app.soa_pane
            .error
            .as_ref()
            .unwrap()
            .contains("unknown status")
    );
    press(&mut app, "<Esc> / backup <Enter>");
    assert_eq!(
        selected(&app),
        "8.13",
        "words rank like the catalogue search"
    );
}

#[test]
fn a_and_s_cycle_in_place_and_undo_redo_walk_back_and_forth() {
    let mut app = demo_app();
    press(&mut app, "2 / undecided <Enter>");
    let id = selected(&app);
    press(&mut app, "/ <C-u> <Esc>");
    let position = app
        .soa_pane
        .rows
        .iter()
        .position(|&i| app.workspace.soa.entries[i].control == id)
        .unwrap();
    press(&mut app, "g");
    for _ in 0..position {
        press(&mut app, "j");
    }
    assert_eq!(selected(&app), id);
    press(&mut app, "a");
    assert_eq!(entry(&app, &id).applicability, Applicability::Applicable);
    assert!(app.dirty);
    assert!(entry(&app, &id).updated.is_some(), "the entry is stamped");
    let status = entry(&app, &id).status;
    press(&mut app, "s");
    assert_eq!(entry(&app, &id).status, status.next());
    press(&mut app, "u");
    assert_eq!(entry(&app, &id).status, status);
    press(&mut app, "u");
    assert_eq!(entry(&app, &id).applicability, Applicability::Undecided);
    assert!(!app.dirty);
    press(&mut app, "<C-r> <C-r>");
    assert_eq!(entry(&app, &id).applicability, Applicability::Applicable);
    assert_eq!(entry(&app, &id).status, status.next());
    press(&mut app, "a a");
    assert_eq!(entry(&app, &id).applicability, Applicability::Undecided);
}

#[test]
fn the_form_edits_every_field_and_applies_as_one_undoable_edit() {
    let mut app = demo_app();
    // Enter opens the control screen, `e` its entry form in place beside the guidance.
    press(&mut app, "2 / 8.13 <Enter> <Enter> e");
    assert_eq!(app.top(), Some(LayerKind::Form));
    let before = entry(&app, "8.13");
    let form = app.top_form().unwrap();
    assert_eq!(form.title, "8.13");
    assert_eq!(form.focused().spec.name, "justification");
    press(&mut app, "<Enter> Tested <Space> monthly.");
    press(&mut app, "<S-Tab> <Space> l <Space> l <Space>"); // legal, contractual, business
    press(&mut app, "<S-Tab> <Space>"); // applicability cycles
    press(&mut app, "<Tab> <Tab> <Tab> <Space>"); // status
    press(
        &mut app,
        "<Tab> <Space> Restores <Space> are <Space> logged.",
    );
    press(&mut app, "<Tab> <Space> Ops <Space> team");
    press(&mut app, "<Tab> <Enter> BKP-1 <Enter> runbook.md");
    press(
        &mut app,
        "<Tab> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> 2025-03-01",
    );
    let effects = press(&mut app, "<C-s>");
    assert_eq!(
        effects.last(),
        Some(&Effect::Save),
        "Ctrl-S applies, then saves"
    );
    assert_eq!(
        app.top(),
        Some(LayerKind::Control),
        "the form closes, the screen stays"
    );
    let after = entry(&app, "8.13");
    assert_eq!(
        after.justification,
        format!("{}\nTested monthly.", before.justification)
    );
    assert_eq!(after.applicability, before.applicability.next());
    assert_eq!(after.status, before.status.next());
    for reason in [
        Reason::LegalRegulatory,
        Reason::Contractual,
        Reason::Business,
    ] {
        assert_eq!(
            after.reasons.contains(&reason),
            !before.reasons.contains(&reason),
            "{reason:?} toggled"
        );
    }
    assert!(after.note.ends_with("Restores are logged."));
    assert!(after.owner.ends_with("Ops team"));
    assert!(after.evidence.ends_with(&["runbook.md".to_string()]));
    assert_eq!(after.reviewed.unwrap().to_string(), "2025-03-01");
    press(&mut app, "u");
    assert_eq!(
        entry(&app, "8.13"),
        before,
        "one undo takes the whole form back"
    );
    press(&mut app, "<C-r>");
    assert_eq!(entry(&app, "8.13"), after);
}

#[test]
fn the_date_is_checked_as_typed_and_ctrl_t_sets_today() {
    let mut app = demo_app();
    press(&mut app, "2 / 5.1 <Enter> e <S-Tab> <S-Tab> <S-Tab>");
    assert_eq!(app.top_form().unwrap().focused().spec.name, "reviewed");
    press(
        &mut app,
        "<End> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> <BS> 2025-13-01",
    );
    assert!(
        app.top_form()
            .unwrap()
            .field("reviewed")
            .date(app.session.today)
            .is_err()
    );
    press(&mut app, "<C-s>");
    assert_eq!(
        app.top(),
        Some(LayerKind::Form),
        "a wrong date keeps the form open"
    );
    assert!(app.message.as_ref().unwrap().text.contains("not a date"));
    press(&mut app, "<C-t>");
    let today = app.session.today;
    assert_eq!(
        app.top_form().unwrap().field("reviewed").text(),
        today.to_string()
    );
    press(&mut app, "<C-s>");
    assert_eq!(entry(&app, "5.1").reviewed, Some(today));
}

#[test]
fn escape_asks_before_dropping_changes() {
    let mut app = demo_app();
    press(&mut app, "2 e <Esc>");
    assert_eq!(app.top(), None, "nothing changed: closes at once");
    press(&mut app, "e more");
    press(&mut app, "<Esc>");
    assert_eq!(app.question(), Some(&Question::DiscardForm));
    press(&mut app, "n");
    assert_eq!(app.top(), Some(LayerKind::Form));
    press(&mut app, "<Esc> y");
    assert_eq!(app.top(), None);
    assert!(!app.dirty);
}

#[test]
fn r_goes_from_a_control_to_its_risks() {
    let mut app = demo_app();
    let risk = app.workspace.risks.risks[0].clone();
    let control = risk.controls[0].clone();
    // `r` filters the Risks pane to the control's risks; Ctrl-O comes back to the SoA row.
    press(&mut app, &format!("2 / {control} <Enter> r"));
    assert_eq!(app.tab, Tab::Risks);
    assert_eq!(app.risks_pane.control.as_deref(), Some(control.as_str()));
    let expected = app.workspace.risks_for_control(&control).len();
    assert_eq!(app.risks_pane.rows.len(), expected);
    assert!(
        app.risks_pane
            .rows
            .iter()
            .all(|&i| app.workspace.risks.risks[i].controls.contains(&control))
    );
    press(&mut app, "<C-o>");
    assert_eq!(app.tab, Tab::Soa);
    assert_eq!(app.selected_soa_entry().unwrap().control, control);
    // From the catalogue's control screen too; Esc clears the filter.
    press(&mut app, &format!("1 / {control} <Enter>"));
    assert_eq!(app.top(), Some(LayerKind::Control));
    press(&mut app, "r");
    assert_eq!((app.tab, app.top()), (Tab::Risks, None));
    assert_eq!(app.risks_pane.rows.len(), expected);
    press(&mut app, "<C-o>");
    assert_eq!(
        app.top(),
        Some(LayerKind::Control),
        "back on the control screen"
    );
    press(&mut app, "<C-n>");
    assert_eq!(app.tab, Tab::Risks, "and forward again");
    press(&mut app, "<Esc>");
    assert_eq!(app.risks_pane.control, None);
    assert_eq!(app.risks_pane.rows.len(), app.workspace.risks.risks.len());
}

#[test]
fn a_read_only_workspace_refuses_edits_with_the_reason() {
    let mut app = demo_app();
    app.read_only = Some("bob@host holds the lock".into());
    press(&mut app, "2 a s");
    assert!(!app.dirty);
    assert!(app.message.as_ref().unwrap().text.contains("bob@host"));
    assert_eq!(press(&mut app, "<C-s>"), [Effect::None]);
}

#[test]
fn saving_merges_a_change_made_on_disk_and_a_clash_is_chosen_field_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app();
    let mut store = Store {
        dir: dir.path().to_path_buf(),
        handle: None,
        catalogue: None,
    };
    press(&mut app, "2 a");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    persist::save(&mut app, &mut store);
    assert!(!app.dirty, "{:?}", app.message);
    let opened = store::open(dir.path(), &app.catalogue, store::Access::ReadOnly).unwrap();
    assert_eq!(
        decisions(&opened.workspace.soa),
        decisions(&app.workspace.soa)
    );

    // Someone else changes 5.3's decision on disk meanwhile; here 5.2 is decided.
    let soa = dir.path().join("soa.ron");
    let set_on_disk = |control: &str, value: &str| {
        let text = std::fs::read_to_string(&soa).unwrap();
        let at = text.find(&format!("control: \"{control}\"")).unwrap();
        let field = at + text[at..].find("applicability: ").unwrap() + "applicability: ".len();
        let end = field + text[field..].find(',').unwrap();
        std::fs::write(&soa, format!("{}{value}{}", &text[..field], &text[end..])).unwrap();
    };
    set_on_disk("5.3", "excluded");
    press(&mut app, "j a <C-s>");
    persist::save(&mut app, &mut store);
    assert!(!app.dirty, "merged and saved: {:?}", app.message);
    let on_disk = store::open(dir.path(), &app.catalogue, store::Access::ReadOnly).unwrap();
    assert_eq!(
        on_disk.workspace, app.workspace,
        "the app holds what the files hold"
    );
    assert_eq!(
        on_disk.workspace.soa.entry("5.3").unwrap().applicability,
        Applicability::Excluded,
        "their change is kept"
    );
    let ours_5_2 = app.soa_entry("5.2").unwrap().applicability;
    assert_ne!(
        ours_5_2,
        Applicability::Undecided,
        "our change is saved too"
    );

    // Both change 5.2's decision: the chooser asks; taking theirs writes theirs.
    let base = app.soa_entry("5.2").unwrap().applicability;
    press(&mut app, "a");
    let ours = app.soa_entry("5.2").unwrap().applicability;
    let theirs = Applicability::ALL
        .into_iter()
        .find(|a| *a != base && *a != ours)
        .unwrap()
        .name();
    set_on_disk("5.2", theirs);
    press(&mut app, "<C-s>");
    persist::save(&mut app, &mut store);
    assert_eq!(app.top(), Some(LayerKind::Conflicts), "{:?}", app.message);
    assert!(app.dirty, "nothing saved before the choice");
    press(&mut app, "<Space> <Enter> <C-s>");
    persist::save(&mut app, &mut store);
    assert!(!app.dirty, "{:?}", app.message);
    assert_eq!(
        app.soa_entry("5.2").unwrap().applicability.name(),
        theirs,
        "theirs was chosen"
    );
}

#[test]
fn rescued_edits_are_offered_back_and_the_file_removed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app();
    let mut store = Store {
        dir: dir.path().to_path_buf(),
        handle: None,
        catalogue: None,
    };
    persist::save(&mut app, &mut store);
    press(&mut app, "2 a");
    let edited = app.workspace.clone();
    persist::rescue(&app, &store);
    assert!(store::recovery_path(dir.path()).exists());

    let mut next = demo_app();
    persist::offer_recovery(&mut next, &store);
    assert!(matches!(next.question(), Some(Question::Restore { .. })));
    assert_eq!(press(&mut next, "y"), [Effect::DiscardRecovery]);
    persist::discard_recovery(&mut next, &store);
    assert!(!store::recovery_path(dir.path()).exists());
    assert_eq!(decisions(&next.workspace.soa), decisions(&edited.soa));
    assert!(next.dirty);
    press(&mut next, "u");
    assert_ne!(
        decisions(&next.workspace.soa),
        decisions(&edited.soa),
        "restoring is one undoable edit"
    );
}

#[test]
fn a_change_on_disk_shows_without_a_save_and_keeps_the_unsaved_edits() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app();
    let mut store = Store {
        dir: dir.path().to_path_buf(),
        handle: None,
        catalogue: None,
    };
    persist::save(&mut app, &mut store);
    persist::check_disk(&mut app, &mut store);
    press(&mut app, "2 a");
    let ours = app.soa_entry("5.1").unwrap().applicability;
    // A colleague's command writes another entry.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(["-w", dir.path().to_str().unwrap(), "soa", "set", "8.13"])
        .args(["--owner", "Colleague"])
        .env("ISMS_ALLOW_LOCKED_WRITE", "1")
        .output()
        .unwrap();
    if !output.status.success() {
        // The lock keeps the command line out; write the file as a `git pull` would.
        let soa = dir.path().join("soa.ron");
        let text = std::fs::read_to_string(&soa).unwrap();
        let at = text.find("control: \"8.13\"").unwrap();
        let owner = at + text[at..].find("owner: \"").unwrap() + "owner: \"".len();
        let end = owner + text[owner..].find('"').unwrap();
        std::fs::write(&soa, format!("{}Colleague{}", &text[..owner], &text[end..])).unwrap();
    }
    persist::check_disk(&mut app, &mut store);
    assert_eq!(
        app.soa_entry("8.13").unwrap().owner,
        "Colleague",
        "{:?}",
        app.message
    );
    assert_eq!(
        app.soa_entry("5.1").unwrap().applicability,
        ours,
        "the unsaved edit is kept"
    );
    assert!(app.dirty);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("changed on disk")
    );
}
