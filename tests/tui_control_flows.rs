//! The control screen end to end through the store and the binary: a decision written on the
//! control screen (the form in place, beside the guidance) is saved and read back with
//! `isms soa --format json`; Ctrl-O goes back to where the screen was opened from.

mod common;

use common::cli::ok;
use isms::app::{Action, App, Effect, LayerKind, Tab, press, update};
use isms::domain::catalogue::Catalogue;
use isms::keymap::Keymap;
use isms::store::{self, Access};
use isms::tui::persist::{self, Store};
use serde_json::Value;

#[test]
fn a_decision_written_on_the_control_screen_is_read_back_by_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["init"]);
    let catalogue = Catalogue::builtin();
    let opened = store::open(dir.path(), &catalogue, Access::Edit).unwrap();
    let handle = Some(opened.handle);
    let mut app = App::new(catalogue, opened.workspace, "ws".into(), Keymap::default());
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let mut store = Store {
        dir: dir.path().to_path_buf(),
        handle,
        catalogue: None,
    };

    // From the SoA pane, Enter opens the control screen; `e` the form inside it.
    press(&mut app, "2 / 5.1 <Enter> <Enter>");
    assert_eq!(app.top(), Some(LayerKind::Control));
    press(&mut app, "e");
    let kinds: Vec<_> = app.layers.iter().map(|l| l.kind()).collect();
    assert_eq!(kinds, [LayerKind::Control, LayerKind::Form]);
    press(&mut app, "Every <Space> team <Space> follows <Space> it.");
    press(&mut app, "<S-Tab> l l <Space>"); // reasons: business
    press(&mut app, "<S-Tab> <Space>"); // applicability: undecided → applicable
    let effects = press(&mut app, "<C-s>");
    assert_eq!(effects.last(), Some(&Effect::Save));
    persist::save(&mut app, &mut store);
    assert!(!app.dirty, "{:?}", app.message);
    assert_eq!(app.top(), Some(LayerKind::Control), "the screen stays open");

    let soa: Value = serde_json::from_str(&ok(dir.path(), &["soa", "--format", "json"])).unwrap();
    let entry = soa["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["control"] == "5.1")
        .unwrap();
    assert_eq!(entry["applicability"], "applicable");
    assert_eq!(entry["justification"], "Every team follows it.");
    assert_eq!(entry["reasons"], serde_json::json!(["business"]));

    // Ctrl-O goes back to the SoA row the screen was opened from.
    press(&mut app, "<C-o>");
    assert_eq!((app.tab, app.top()), (Tab::Soa, None));
    assert_eq!(app.selected_soa_entry().unwrap().control, "5.1");
}
