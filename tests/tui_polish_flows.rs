//! Key flows of issue #14's finishing touches: the help (the keys of what is open first, the
//! filter syntax, wrapped and scrolled), the dashboard's findings filtered by severity and code,
//! the Catalogue and the SoA following each other's selection, the Risks table at 60×20, and the
//! settings form's scale labels.

mod common;

use common::workbench::{demo_app, text, workbench};
use isms::app::layers::help::{HelpRow, keys_width, rows, text_size};
use isms::app::tabs::dashboard::FindingRow;
use isms::app::{Action, App, LayerKind, Question, Tab, press, update};
use isms::domain::check::Severity;
use isms::domain::edit_settings::{SettingsChange, level_changes, set_settings};

fn resize(app: &mut App, width: u16, height: u16) {
    update(app, Action::Resize { width, height });
}

/// The help's lines as drawn over the current tab and layers (the help itself not yet open).
fn help_rows(app: &App) -> Vec<HelpRow> {
    rows(app, app.layers.last(), text_size(app).0)
}

fn headings(rows: &[HelpRow]) -> Vec<String> {
    rows.iter()
        .filter_map(|r| match r {
            HelpRow::Heading(h) => Some(h.clone()),
            _ => None,
        })
        .collect()
}

/// Every text of the help, the wrapped lines joined again with single spaces.
fn help_text(rows: &[HelpRow]) -> String {
    let words: Vec<String> = rows
        .iter()
        .map(|r| match r {
            HelpRow::Heading(t) | HelpRow::Text(t) => t.clone(),
            HelpRow::Key { keys, text } => format!("{keys} {text}"),
            HelpRow::Blank => String::new(),
        })
        .collect();
    words
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn help_shows_the_pane_keys_first_then_the_filters_then_the_rest() {
    let mut app = demo_app();
    press(&mut app, "2");
    let rows = help_rows(&app);
    let titles = headings(&rows);
    assert_eq!(titles[0], "Keys of the SoA pane");
    assert_eq!(titles[1], "Filters (type after /)");
    assert_eq!(titles[2], "Everywhere");
    // The SoA's own sections are not listed twice.
    assert!(!titles.iter().any(|h| h == "Statement of Applicability"));
    assert!(titles.iter().any(|h| h == "Risk register"));

    press(&mut app, "?");
    assert_eq!(app.top(), Some(LayerKind::Help));
    let screen = text(&app);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(lines[2].contains("Keys of the SoA pane"), "{screen}");
    assert!(screen.contains("Mark or unmark the row"), "{screen}");

    // In the Risks pane the risk keys come first.
    let mut app = demo_app();
    press(&mut app, "3");
    let rows = help_rows(&app);
    assert_eq!(headings(&rows)[0], "Keys of the Risks pane");
    let first: Vec<&HelpRow> = rows
        .iter()
        .skip(1)
        .take_while(|r| **r != HelpRow::Blank)
        .collect();
    let says = |start: &str| {
        first
            .iter()
            .any(|r| matches!(r, HelpRow::Key { text, .. } if text.starts_with(start)))
    };
    assert!(says("Add a risk"));
    assert!(says("Sort by the next column"));
    // `s` sorts here: the SoA's status cycling (also `s`, in every table) is not listed.
    assert!(!says("SoA: cycle status"));
}

#[test]
fn help_over_the_control_screen_lists_its_keys_then_the_pane() {
    let mut app = demo_app();
    press(&mut app, "2 <Enter>");
    assert_eq!(app.top(), Some(LayerKind::Control));
    let rows = help_rows(&app);
    assert_eq!(
        headings(&rows)[..2],
        ["Keys here: Control screen", "Keys of the SoA pane"]
    );
    press(&mut app, "?");
    assert_eq!(app.top(), Some(LayerKind::Help));
    let screen = text(&app);
    assert!(
        screen
            .lines()
            .nth(2)
            .unwrap()
            .contains("Keys here: Control screen"),
        "{screen}"
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.top(), Some(LayerKind::Control));
}

#[test]
fn help_documents_the_filter_syntax() {
    let app = demo_app();
    let all = help_text(&help_rows(&app));
    for piece in [
        "theme:NAME",
        "#attribute",
        "undecided, applicable or excluded",
        "status:STATUS (not_started, planned, partial, implemented)",
        "owner:TEXT",
        "id, title, owner, asset or threat",
        "fw:csf2",
    ] {
        assert!(all.contains(piece), "the help lacks {piece:?}");
    }
}

#[test]
fn help_wraps_at_80x24_and_scrolls_to_its_last_line_and_no_further() {
    let mut app = demo_app();
    let (width, height) = text_size(&app);
    assert_eq!((width, height), (76, 20));
    let rows = help_rows(&app);
    let keys_width = keys_width(&rows);
    assert!(keys_width <= 22);
    for row in &rows {
        let used = match row {
            HelpRow::Heading(t) | HelpRow::Text(t) => t.chars().count(),
            HelpRow::Key { text, .. } => keys_width + 1 + text.chars().count(),
            HelpRow::Blank => 0,
        };
        assert!(used <= width, "too long: {row:?}");
    }
    // The longest sentence of the keymap is there whole, over several lines.
    let all = help_text(&rows);
    assert!(
        all.contains(
            "in the SoA also undecided, excluded, applicable, status:planned, owner:NAME)"
        )
    );

    press(&mut app, "?");
    let last = rows.len() - height;
    press(&mut app, "G");
    let scroll = |app: &App| match app.layers.last() {
        Some(isms::app::Layer::Help(help)) => help.scroll,
        _ => panic!("the help is not open"),
    };
    assert_eq!(scroll(&app), last);
    let screen = text(&app);
    let bottom = screen.lines().nth(21).unwrap();
    let last_text = match rows.last().unwrap() {
        HelpRow::Heading(t) | HelpRow::Text(t) | HelpRow::Key { text: t, .. } => t.clone(),
        HelpRow::Blank => String::new(),
    };
    assert!(bottom.contains(last_text.trim()), "{screen}");
    // One line up from the end is one key away, not hundreds.
    press(&mut app, "k");
    assert_eq!(scroll(&app), last - 1);
    press(&mut app, "g <PgDn>");
    assert_eq!(scroll(&app), 10);
}

fn finding_severities(app: &App) -> Vec<Severity> {
    app.dashboard_rows()
        .iter()
        .map(|row| match *row {
            FindingRow::Group { first, .. } => app.dashboard.findings[first].severity,
            FindingRow::Item { index, .. } => app.dashboard.findings[index].severity,
        })
        .collect()
}

#[test]
fn s_filters_the_findings_by_severity_and_the_title_says_so() {
    let mut app = demo_app();
    press(&mut app, "4");
    let all = finding_severities(&app);
    assert!(all.contains(&Severity::Error) && all.contains(&Severity::Warning));

    press(&mut app, "s");
    assert_eq!(app.dashboard.severity, Some(Severity::Error));
    let shown = finding_severities(&app);
    assert!(!shown.is_empty() && shown.iter().all(|s| *s == Severity::Error));
    assert!(text(&app).contains("Findings · errors only"));

    press(&mut app, "s");
    let shown = finding_severities(&app);
    assert!(!shown.is_empty() && shown.iter().all(|s| *s == Severity::Warning));
    assert!(text(&app).contains("Findings · warnings only"));

    press(&mut app, "s");
    assert_eq!(app.dashboard.severity, None);
    assert_eq!(finding_severities(&app), all);
}

#[test]
fn c_lists_the_codes_found_and_shows_one_of_them() {
    let mut app = demo_app();
    press(&mut app, "4 c");
    assert_eq!(app.top(), Some(LayerKind::List));
    let Some(isms::app::Layer::List(popup)) = app.layers.last() else {
        panic!("no list");
    };
    let names: Vec<String> = popup.items.iter().map(|(t, _)| t.clone()).collect();
    assert!(names[0].starts_with("all codes"));
    let at = names
        .iter()
        .position(|n| n.starts_with("review_overdue"))
        .expect("the demo has overdue reviews");
    press(&mut app, &vec!["j"; at].join(" "));
    press(&mut app, "<Enter>");
    assert_eq!(app.top(), None);
    assert_eq!(app.dashboard.code.as_deref(), Some("review_overdue"));
    let rows = app.dashboard_rows();
    assert_eq!(rows.len(), 1, "one group: {rows:?}");
    assert!(text(&app).contains("code review_overdue"));
    // Severity and code together: no error is overdue.
    press(&mut app, "s");
    assert!(app.dashboard_rows().is_empty());
    assert!(text(&app).contains("No finding passes the filter"));
    press(&mut app, "s s");

    // The list opens on the current code; k k goes back to all codes.
    press(&mut app, "c");
    let Some(isms::app::Layer::List(popup)) = app.layers.last() else {
        panic!("no list");
    };
    assert_eq!(popup.cursor.selected, at);
    press(&mut app, &vec!["k"; at].join(" "));
    press(&mut app, "<Enter>");
    assert_eq!(app.dashboard.code, None);
    assert!(app.dashboard_rows().len() > 1);
}

fn catalogue_id(app: &App) -> String {
    let position = app.catalogue_pane.selected().unwrap();
    app.catalogue.controls()[position].id.clone()
}

fn soa_id(app: &App) -> String {
    app.selected_soa_entry().unwrap().control.clone()
}

#[test]
fn the_catalogue_and_the_soa_follow_each_other() {
    let mut app = demo_app();
    press(&mut app, "j j j j j j j");
    let id = catalogue_id(&app);
    assert_eq!(id, "5.8");
    press(&mut app, "2");
    assert_eq!(soa_id(&app), "5.8");
    press(&mut app, "j j j");
    assert_eq!(soa_id(&app), "5.11");
    press(&mut app, "1");
    assert_eq!(catalogue_id(&app), "5.11");
    // Tab and Shift-Tab switch panes too.
    press(&mut app, "j <Tab>");
    assert_eq!(app.tab, Tab::Soa);
    assert_eq!(soa_id(&app), "5.12");
    press(&mut app, "j <S-Tab>");
    assert_eq!(catalogue_id(&app), "5.13");
}

#[test]
fn a_filter_that_hides_the_control_leaves_the_selection() {
    let mut app = demo_app();
    // The SoA shows only excluded controls; 5.1 is applicable.
    press(&mut app, "2 / excluded <Enter>");
    let excluded = soa_id(&app);
    press(&mut app, "1");
    assert_eq!(catalogue_id(&app), excluded, "the catalogue follows");
    press(&mut app, "g 2");
    assert_eq!(soa_id(&app), excluded, "5.1 is hidden: the SoA stays");
    assert_eq!(app.soa_pane.query_text, "excluded", "the filter stays");

    // The catalogue filtered to physical controls: 5.1, which it hides, is not forced in.
    let mut app = demo_app();
    press(&mut app, "/ theme:physical <Enter>");
    let hit = catalogue_id(&app);
    let results = app.catalogue_pane.results.clone();
    press(&mut app, "2 g");
    assert_eq!(soa_id(&app), "5.1");
    press(&mut app, "1");
    assert_eq!(catalogue_id(&app), hit);
    assert_eq!(app.catalogue_pane.results, results);
}

/// The rows of the table on screen: lines inside a pane border, the header left out.
fn table_lines(screen: &str, from: usize) -> Vec<String> {
    screen
        .lines()
        .skip(from)
        .take_while(|l| l.starts_with('│'))
        .map(|l| l.trim_start_matches('│').to_string())
        .filter(|l| !l.trim_matches([' ', '│']).is_empty())
        .collect()
}

#[test]
fn the_risk_table_at_60x20_shows_whole_ids_and_the_titles() {
    for (width, height) in [(60, 20), (80, 24)] {
        let mut app = demo_app();
        resize(&mut app, width, height);
        press(&mut app, "3");
        let screen = text(&app);
        let header = screen.lines().nth(2).unwrap();
        assert!(header.contains("Risk "), "{screen}");
        let lines = table_lines(&screen, 3);
        assert_eq!(lines.len(), app.workspace.risks.risks.len(), "{screen}");
        for line in &lines {
            let id = line.split_whitespace().next().unwrap();
            let risk = app.workspace.risks.get(id);
            let risk = risk.unwrap_or_else(|| panic!("{id:?} is not a whole id:\n{screen}"));
            // At least the first 12 characters of the title, then an ellipsis when cut.
            let start: String = risk.title.chars().take(12).collect();
            assert!(line.contains(&start), "{line:?} lacks {start:?}");
        }
        assert!(screen.contains('…'), "cut titles end with an ellipsis");
    }
}

#[test]
fn control_ids_are_whole_in_the_catalogue_and_soa_at_60x20() {
    for keys in ["1", "2"] {
        let mut app = demo_app();
        resize(&mut app, 60, 20);
        press(&mut app, keys);
        let screen = text(&app);
        let from = if keys == "1" { 4 } else { 3 };
        let lines = table_lines(&screen, from);
        assert!(lines.len() > 5, "{screen}");
        for line in lines {
            let id = line.split_whitespace().next().unwrap();
            assert!(app.catalogue.get(id).is_some(), "{id:?} cut:\n{screen}");
        }
    }
}

#[test]
fn the_ids_a_finding_is_about_are_whole_at_60x20() {
    let mut app = demo_app();
    resize(&mut app, 60, 20);
    press(&mut app, "6 v");
    let screen = text(&app);
    let lines = table_lines(&screen, 3);
    for finding in &app.workspace.mgmt.findings.items {
        let about: Vec<String> = finding
            .refs
            .iter()
            .map(|r| match r.split_once(':') {
                Some(("clause", id)) => format!("cl. {id}"),
                Some((_, id)) => id.to_string(),
                None => r.clone(),
            })
            .collect();
        let line = lines
            .iter()
            .find(|l| l.starts_with(&finding.id))
            .unwrap_or_else(|| panic!("no row for {}:\n{screen}", finding.id));
        assert!(line.contains(&about.join(" ")), "{line:?} cuts {about:?}");
    }
}

/// Opens the settings with the likelihood labels focused and replaced by `labels` (typed).
fn type_likelihood(app: &mut App, labels: &str) {
    press(app, ", <S-Tab> <S-Tab> <S-Tab> <S-Tab>");
    assert_eq!(app.form().unwrap().focused().spec.name, "likelihood");
    let typed: Vec<String> = labels
        .chars()
        .map(|c| {
            if c == ' ' {
                "<Space>".to_string()
            } else {
                c.to_string()
            }
        })
        .collect();
    press(app, &format!("<C-u> {}", typed.join(" ")));
}

#[test]
fn scale_labels_with_spaces_round_trip_through_the_settings_form() {
    let mut app = demo_app();
    let count = app.workspace.settings.risk_method.likelihood.len();
    let labels: Vec<String> = (1..=count)
        .map(|n| format!("Level {n} of the scale"))
        .collect();
    type_likelihood(&mut app, &labels.join(", "));
    assert!(
        text(&app).contains("a label may have spaces, not a comma"),
        "the field's hint says so"
    );
    press(&mut app, "<C-s>");
    assert_eq!(app.top(), None, "{:?}", app.message);
    let saved: Vec<String> = app
        .workspace
        .settings
        .risk_method
        .likelihood
        .iter()
        .map(|p| p.label.clone())
        .collect();
    assert_eq!(saved, labels);
    press(&mut app, ",");
    assert_eq!(app.form().unwrap().text_of("likelihood"), labels.join(", "));
    assert!(!app.form().unwrap().changed());
}

#[test]
fn a_comma_inside_a_label_is_refused() {
    let mut app = demo_app();
    let before = app.workspace.clone();
    let count = before.settings.risk_method.likelihood.len();
    let mut labels: Vec<String> = (1..=count).map(|n| format!("L{n}")).collect();
    labels[0] = "Rare, really".to_string();
    type_likelihood(&mut app, &labels.join(", "));
    press(&mut app, "<C-s>");
    assert_eq!(app.top(), Some(LayerKind::Form));
    assert_eq!(app.form().unwrap().focused().spec.name, "likelihood");
    let message = app.message.clone().unwrap();
    assert!(
        message.warning && message.text.contains("may not contain a comma"),
        "{message:?}"
    );
    assert_eq!(app.workspace, before);

    // The same rule holds for `isms workspace set` and anything else that sets the labels.
    let mut workspace = before.clone();
    let change = SettingsChange {
        likelihood_labels: vec![(1, "Rare, really".into())],
        ..SettingsChange::default()
    };
    let error = set_settings(&mut workspace, &change)
        .unwrap_err()
        .to_string();
    assert!(error.contains("cannot contain a comma"), "{error}");
    assert_eq!(workspace, before);
}

#[test]
fn a_new_method_says_how_many_risks_change_level_before_it_is_applied() {
    let mut app = demo_app();
    let before = app.workspace.clone();
    // Raising every band's start moves risks down; the threshold stays as it is.
    let bands = "low=1, medium=9, high=16, critical=25";
    press(
        &mut app,
        &format!(
            ", <S-Tab> <S-Tab> <C-u> {}",
            bands.replace(' ', " <Space> ")
        ),
    );
    press(&mut app, "<C-s>");
    let Some(Question::RiskMethod { moves, change }) = app.question().cloned() else {
        panic!("no question: {:?}", app.message);
    };
    let mut trial = before.clone();
    set_settings(&mut trial, &change).unwrap();
    let expected = level_changes(&trial, &before.settings).len();
    assert!(expected > 0);
    assert_eq!(moves, expected);
    let lines = app.question().unwrap().lines().join(" ");
    assert!(
        lines.contains(&format!("moves {expected} risk level")),
        "{lines}"
    );
    assert!(text(&app).contains(&format!("moves {expected} risk level")));
    assert_eq!(app.workspace, before, "nothing applied before the answer");
    press(&mut app, "y");
    assert_eq!(
        app.workspace.settings.risk_method,
        trial.settings.risk_method
    );
}

#[test]
fn a_comma_label_written_in_the_file_does_not_block_other_settings() {
    let catalogue = isms::domain::catalogue::Catalogue::builtin();
    let mut workspace = isms::domain::sample::demo_workspace(&catalogue);
    workspace.settings.risk_method.likelihood[0].label = "Rare, really".into();
    let mut app = workbench(catalogue, workspace, isms::keymap::Keymap::default());
    press(&mut app, ", <C-u> Brackenfield <C-s>");
    assert_eq!(app.top(), None, "{:?}", app.message);
    assert_eq!(app.workspace.settings.organisation, "Brackenfield");
    let method = &app.workspace.settings.risk_method;
    assert_eq!(method.likelihood[0].label, "Rare, really");
}

#[test]
fn f1_opens_the_help_over_a_form_with_the_form_keys_first() {
    let mut app = demo_app();
    press(&mut app, "2 e <F1>");
    assert_eq!(app.top(), Some(LayerKind::Help));
    let screen = text(&app);
    assert!(
        screen
            .lines()
            .nth(2)
            .unwrap()
            .contains("Keys here: Forms (SoA entry, risk)"),
        "{screen}"
    );
    assert!(screen.contains("Next field"), "{screen}");
    press(&mut app, "<Esc>");
    assert_eq!(app.top(), Some(LayerKind::Form));
    assert!(!app.form().unwrap().changed(), "F1 typed nothing");

    // Over the search box too; F1 again closes the help.
    let mut app = demo_app();
    press(&mut app, "/ back <F1>");
    assert_eq!(app.top(), Some(LayerKind::Help));
    assert!(text(&app).contains("Keys here: Search box"));
    press(&mut app, "<F1>");
    assert_eq!(app.top(), Some(LayerKind::Search));
    assert_eq!(app.catalogue_pane.query_text, "back");
}
