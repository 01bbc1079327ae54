//! Key flows of issue #14's workbench tools: marking SoA rows and changing them all as one
//! undoable edit, ordering the SoA, dates typed as `today` or `+90d`, the quit question's
//! save-and-quit, clicking a tab label, the settings form, and copying with OSC 52.

mod common;

use chrono::{Days, Months};
use common::workbench::{demo_app, text as screen, workbench};
use isms::app::{Action, App, Effect, LayerKind, Question, Tab, press, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::edit_settings::level_changes;
use isms::domain::soa::Applicability;
use isms::domain::workspace::{Settings, Workspace};
use isms::keymap::Keymap;
use isms::tui::persist::{self, Store};

/// A new workspace: every control undecided, no justification.
fn blank_app() -> App {
    let catalogue = Catalogue::builtin();
    let workspace = Workspace::new(Settings::default(), &catalogue);
    workbench(catalogue, workspace, Keymap::default())
}

fn theme_ids() -> Vec<String> {
    (1..=14).map(|n| format!("7.{n}")).collect()
}

/// Marks 7.1 to 7.14 in the SoA (Space marks and moves on).
fn mark_7_1_to_7_14(app: &mut App) {
    press(app, "2");
    app.select_soa_control("7.1");
    press(app, &["<Space>"; 14].join(" "));
    assert_eq!(app.marked_controls(), theme_ids());
}

#[test]
fn a_bulk_exclusion_with_one_justification_is_undone_in_one_step() {
    let mut app = blank_app();
    let before = app.workspace.clone();
    mark_7_1_to_7_14(&mut app);
    // The form opens on the first marked entry; applicability is two fields above the
    // justification, where it opens.
    press(&mut app, "<Enter>");
    assert_eq!(app.form().unwrap().bulk.len(), 14);
    press(
        &mut app,
        "<S-Tab> <S-Tab> 3 <Tab> <Tab> Fully <Space> remote <Space> company",
    );
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    for id in theme_ids() {
        let entry = app.soa_entry(&id).unwrap();
        assert_eq!(entry.applicability, Applicability::Excluded, "{id}");
        assert_eq!(entry.justification, "Fully remote company", "{id}");
    }
    assert_eq!(
        app.soa_entry("8.1").unwrap().applicability,
        Applicability::Undecided,
        "unmarked rows stay as they were"
    );
    assert!(app.message.as_ref().unwrap().text.contains("7.1–7.14 (14)"));

    press(&mut app, "u");
    assert_eq!(app.workspace, before, "one undo takes back all 14 entries");
    assert!(!app.dirty);
    press(&mut app, "<C-r>");
    assert!(
        theme_ids()
            .iter()
            .all(|id| app.soa_entry(id).unwrap().applicability == Applicability::Excluded)
    );
}

#[test]
fn a_and_s_change_every_marked_row_and_esc_clears_the_marks() {
    let mut app = blank_app();
    let before = app.workspace.clone();
    mark_7_1_to_7_14(&mut app);
    press(&mut app, "a");
    assert!(
        theme_ids()
            .iter()
            .all(|id| app.soa_entry(id).unwrap().applicability == Applicability::Applicable)
    );
    press(&mut app, "s");
    let status = app.soa_entry("7.1").unwrap().status;
    assert!(
        theme_ids()
            .iter()
            .all(|id| app.soa_entry(id).unwrap().status == status)
    );
    press(&mut app, "u u");
    assert_eq!(app.workspace, before, "two keys, two undo steps");
    press(&mut app, "2 <Esc>");
    assert!(app.marked_controls().is_empty());
    // Without marks, `a` changes the selected row only.
    app.select_soa_control("5.1");
    press(&mut app, "a");
    let applicable = app
        .workspace
        .soa
        .entries
        .iter()
        .filter(|e| e.applicability == Applicability::Applicable)
        .count();
    assert_eq!(applicable, 1);
}

#[test]
fn the_soa_orders_by_any_column_and_back() {
    let mut app = demo_app();
    press(&mut app, "2");
    let natural = app.soa_pane.rows.clone();
    let titles = |app: &App| -> Vec<String> {
        app.soa_pane
            .rows
            .iter()
            .map(|&i| {
                let id = &app.workspace.soa.entries[i].control;
                app.catalogue.get(id).unwrap().title.to_lowercase()
            })
            .collect()
    };
    press(&mut app, "o");
    assert_eq!(app.soa_pane.sort.name(), "title");
    let by_title = titles(&app);
    let mut sorted = by_title.clone();
    sorted.sort();
    assert_eq!(by_title, sorted);
    assert_ne!(app.soa_pane.rows, natural);
    press(&mut app, "O");
    let mut reversed = sorted.clone();
    reversed.reverse();
    assert_eq!(titles(&app), reversed);

    press(&mut app, "o");
    assert_eq!(app.soa_pane.sort.name(), "decision");
    let decisions: Vec<Applicability> = app
        .soa_pane
        .rows
        .iter()
        .map(|&i| app.workspace.soa.entries[i].applicability)
        .collect();
    assert!(decisions.windows(2).all(|w| w[0] <= w[1]));
    assert!(
        decisions.first() != decisions.last(),
        "the demo has several decisions"
    );
    // The order shows in the title; cycling on comes back to the catalogue's order.
    assert!(screen(&app).contains("by decision ↑"));
    press(&mut app, "o o o o");
    assert_eq!(app.soa_pane.sort.name(), "id");
    assert_eq!(app.soa_pane.rows, natural);
}

#[test]
fn dates_take_today_and_spans_from_today() {
    let mut app = demo_app();
    let today = app.session.today;
    press(&mut app, "2");
    app.select_soa_control("5.1");
    press(&mut app, "e <S-Tab> <S-Tab> <S-Tab> <C-u> +90d");
    let field = app.form().unwrap().field("reviewed");
    assert_eq!(field.date(today), Ok(Some(today + Days::new(90))));
    assert!(screen(&app).contains(&format!("✓ {}", today + Days::new(90))));
    press(&mut app, "<C-s>");
    assert_eq!(
        app.soa_entry("5.1").unwrap().reviewed,
        Some(today + Days::new(90))
    );

    app.select_soa_control("5.2");
    press(&mut app, "e <S-Tab> <S-Tab> <S-Tab> <C-u> today <C-s>");
    assert_eq!(app.soa_entry("5.2").unwrap().reviewed, Some(today));

    // Ctrl-T writes out the date a span stands for.
    app.select_soa_control("5.3");
    press(&mut app, "e <S-Tab> <S-Tab> <S-Tab> <C-u> +1y <C-t>");
    let year = today.checked_add_months(Months::new(12)).unwrap();
    assert_eq!(
        app.form().unwrap().field("reviewed").text(),
        year.to_string()
    );
    press(&mut app, "<Esc> y");

    // A risk's next review three months on.
    press(&mut app, "3 e <S-Tab> <C-u> +3m <C-s>");
    let id = app.selected_risk_id().unwrap();
    let risk = app.workspace.risks.get(&id).unwrap();
    assert_eq!(risk.next_review, today.checked_add_months(Months::new(3)));
}

#[test]
fn the_quit_question_saves_and_quits() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = demo_app();
    let mut store = Store {
        dir: dir.path().to_path_buf(),
        handle: None,
        catalogue: None,
    };
    press(&mut app, "2 a q");
    assert_eq!(app.question(), Some(&Question::Quit));
    assert!(screen(&app).contains("s save, then quit"));
    assert_eq!(press(&mut app, "s"), [Effect::SaveAndQuit]);
    assert!(persist::save_and_quit(&mut app, &mut store));
    assert!(!app.dirty);
    let opened =
        isms::store::open(dir.path(), &app.catalogue, isms::store::Access::ReadOnly).unwrap();
    let selected = app.selected_soa_entry().unwrap().control.clone();
    assert_eq!(
        opened.workspace.soa.entry(&selected).unwrap().applicability,
        app.soa_entry(&selected).unwrap().applicability
    );

    // A read-only session cannot save: it says why and stays.
    let mut app = demo_app();
    app.dirty = true;
    app.read_only = Some("bob@host holds the lock".into());
    press(&mut app, "q");
    assert_eq!(press(&mut app, "s"), [Effect::None]);
    assert!(app.message.as_ref().unwrap().text.contains("bob@host"));
}

#[test]
fn clicking_a_tab_label_shows_that_tab() {
    let mut app = demo_app();
    let drawn = screen(&app);
    let top = drawn.lines().next().unwrap().to_string();
    for (word, tab) in [
        ("Risks", Tab::Risks),
        ("Dashboard", Tab::Dashboard),
        ("SoA", Tab::Soa),
        ("Catalogue", Tab::Catalogue),
    ] {
        let column = top[..top.find(word).unwrap()].chars().count() as u16;
        update(&mut app, Action::Click { column, row: 0 });
        assert_eq!(app.tab, tab, "clicked {word} at column {column}");
    }
    // Between the labels and past them nothing changes.
    let end = top.trim_end().chars().count() as u16;
    update(
        &mut app,
        Action::Click {
            column: 79.max(end),
            row: 0,
        },
    );
    assert_eq!(app.tab, Tab::Catalogue);
}

#[test]
fn y_copies_the_selected_id_and_alt_y_the_justification() {
    let mut app = demo_app();
    press(&mut app, "2");
    app.select_soa_control("5.1");
    assert_eq!(press(&mut app, "y"), [Effect::Clipboard]);
    assert_eq!(app.take_clipboard().as_deref(), Some("5.1"));
    assert_eq!(app.take_clipboard(), None, "handed over once");

    press(&mut app, "e");
    let justification = app.form().unwrap().text_of("justification");
    assert!(!justification.is_empty());
    assert_eq!(press(&mut app, "<A-y>"), [Effect::Clipboard]);
    assert_eq!(app.take_clipboard(), Some(justification));
    assert_eq!(app.top(), Some(LayerKind::Form), "the form stays open");

    press(&mut app, "<Esc> 3 y");
    let risk = app.selected_risk_id().unwrap();
    assert_eq!(app.take_clipboard(), Some(risk.clone()));
    assert!(isms::tui::clipboard::osc52(&risk).starts_with("\u{1b}]52;c;"));
}

#[test]
fn settings_change_the_organisation_and_ask_before_a_method_moves_risks() {
    let mut app = demo_app();
    press(&mut app, ",");
    assert_eq!(app.top(), Some(LayerKind::Form));
    press(&mut app, "<C-u> Brackenfield <Space> Ltd");
    assert_eq!(press(&mut app, "<C-s>"), [Effect::Save]);
    assert_eq!(app.workspace.settings.organisation, "Brackenfield Ltd");

    // Moving the high band up moves risks down a level: the question says how many.
    let before = app.workspace.clone();
    let bands = "low=1, medium=5, high=20, critical=24";
    press(
        &mut app,
        &format!(
            ", <S-Tab> <S-Tab> <C-u> {}",
            bands.replace(' ', " <Space> ")
        ),
    );
    press(&mut app, "<C-s>");
    let Some(Question::RiskMethod { moves, change }) = app.question().cloned() else {
        panic!(
            "expected the risk-method question, got {:?}",
            app.question()
        );
    };
    let mut trial = before.clone();
    isms::domain::edit_settings::set_settings(&mut trial, &change).unwrap();
    assert_eq!(moves, level_changes(&trial, &before.settings).len());
    assert!(moves > 0);
    press(&mut app, "n");
    assert_eq!(app.top(), Some(LayerKind::Form), "no: back to the settings");
    assert_eq!(app.workspace, before);
    press(&mut app, "<C-s>");
    assert_eq!(press(&mut app, "y"), [Effect::Save]);
    assert_eq!(app.top(), None);
    assert_eq!(
        app.workspace.settings.risk_method,
        trial.settings.risk_method
    );
    press(&mut app, "u");
    assert_eq!(app.workspace, before);

    // A wrong value keeps the form open on its field.
    press(&mut app, ", <S-Tab> <C-u> lots <C-s>");
    assert_eq!(app.form().unwrap().focused().spec.name, "threshold");
    assert!(app.message.as_ref().unwrap().warning);
}
