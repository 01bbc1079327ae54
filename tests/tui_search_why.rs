//! A catalogue search says why each hit is listed: the detail of the selected hit names the field
//! that matched with a snippet, and the search's words are highlighted in the text.

mod common;

use isms::app::{Action, App, press, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::domain::search::Field;
use isms::keymap::Keymap;

fn app_after(keys: &str) -> App {
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    let mut app = App::new(catalogue, workspace, "demo".into(), Keymap::default());
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    press(&mut app, keys);
    app
}

fn detail_text(app: &App) -> Vec<String> {
    app.detail
        .lines
        .iter()
        .map(|line| line.spans.iter().map(|(_, text)| text.as_str()).collect())
        .collect()
}

#[test]
fn each_hit_says_where_it_matched_unless_its_title_did() {
    let mut app = app_after("/ backup <Enter>");
    let hits = app.catalogue_pane.hits.clone();
    assert!(hits.len() > 3, "backup matches several controls");
    let mut said = 0;
    for (row, hit) in hits.iter().enumerate().take(8) {
        assert_eq!(app.catalogue_pane.cursor.selected, row);
        let lines = detail_text(&app);
        let why = lines.iter().find(|line| line.starts_with("matched in "));
        let field = hit.place.expect("a word match has a place").field;
        if field == Field::Title {
            assert!(
                why.is_none(),
                "row {row}: the title match shows in the list"
            );
        } else {
            let why = why.unwrap_or_else(|| panic!("row {row} says where it matched: {lines:?}"));
            assert!(why.starts_with(&format!("matched in {}: \"", field.name())));
            assert!(why.to_lowercase().contains("backup"), "{why}");
            said += 1;
        }
        press(&mut app, "j");
    }
    assert!(said > 0, "some backup hits match outside their title");
    assert!(app.detail.marks.contains(&"backup".to_string()));
}

#[test]
fn a_slip_marks_the_word_it_matched() {
    let app = app_after("/ bakcup <Enter>");
    assert!(
        app.detail
            .marks
            .iter()
            .any(|word| word.starts_with("backup")),
        "{:?}",
        app.detail.marks
    );
}

#[test]
fn clearing_the_search_clears_the_why() {
    let app = app_after("/ backup <Enter> <Esc>");
    assert!(app.catalogue_pane.query_text.is_empty());
    assert!(app.detail.marks.is_empty());
    assert!(
        !detail_text(&app)
            .iter()
            .any(|l| l.starts_with("matched in "))
    );
}

#[test]
fn the_matched_word_is_highlighted_in_the_detail() {
    let shown = common::workbench::screen(120, 40, "/ restore <Space> test <Enter>");
    insta::assert_snapshot!(shown);
}
