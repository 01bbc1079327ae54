//! A long random walk over every pane: random keys (bound ones, letters, Enter, Esc, Tab…) drive
//! `App` without a panic, and every save goes through the real store and must load back to the
//! workspace the app holds. A small seeded PRNG keeps every run the same.

use isms::app::{Action, App, Effect, update};
use isms::domain::catalogue::Catalogue;
use isms::domain::sample::demo_workspace;
use isms::keymap::{Key, KeyCode, Keymap};
use isms::store;
use isms::tui::persist::{self, Store};

/// xorshift64*: enough randomness for a key walk, no crate needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const CODES: [KeyCode; 14] = [
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
];

/// Mostly the keys people press (commands, letters, a few digits and symbols), some with Ctrl.
fn random_key(rng: &mut Rng) -> Key {
    const CHARS: &[u8] = b"jkgGaAsSrnyuqtlhJK/?123 4e-:.#0123456789abcdefxyzT";
    let roll = rng.below(100);
    if roll == 0 {
        return Key::ctrl('s');
    }
    let code = if roll < 70 {
        KeyCode::Char(CHARS[rng.below(CHARS.len())] as char)
    } else {
        CODES[rng.below(CODES.len())]
    };
    let ctrl = rng.below(100) < 8;
    Key {
        code,
        ctrl,
        alt: false,
    }
}

fn walk(seed: u64, keys: usize) {
    let dir = tempfile::tempdir().unwrap();
    let catalogue = Catalogue::builtin();
    let workspace = demo_workspace(&catalogue);
    let mut app = App::new(catalogue, workspace, "walk".into(), Keymap::default());
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let mut store = Store {
        dir: dir.path().to_path_buf(),
        handle: None,
        catalogue: None,
    };
    let mut rng = Rng(seed);
    let mut saves = 0;
    for _ in 0..keys {
        let key = random_key(&mut rng);
        // The edge's effects, as the event loop runs them (no terminal, no editor).
        match isms::app::handle_key(&mut app, key) {
            Effect::Save => {
                persist::save(&mut app, &mut store);
                if std::env::var_os("WALK_DEBUG").is_some() {
                    eprintln!("save: dirty={} {:?}", app.dirty, app.message);
                }
                if !app.dirty {
                    saves += 1;
                    let loaded = store::open(dir.path(), &app.catalogue, store::Access::ReadOnly)
                        .unwrap_or_else(|e| panic!("seed {seed}: saved files do not load: {e}"));
                    assert_eq!(
                        loaded.workspace.soa.entries.len(),
                        app.workspace.soa.entries.len()
                    );
                    for (a, b) in loaded
                        .workspace
                        .soa
                        .entries
                        .iter()
                        .zip(&app.workspace.soa.entries)
                    {
                        assert_eq!(
                            (a.applicability, a.status, &a.justification, &a.owner),
                            (b.applicability, b.status, &b.justification, &b.owner),
                            "seed {seed}: {} differs after load",
                            a.control
                        );
                    }
                }
            }
            Effect::ExternalEdit => app.external_edit_done(Ok("from the editor\nline two".into())),
            // A quit would end the session; the walk goes on.
            Effect::Quit => {}
            _ => {}
        }
    }
    assert!(saves > 0, "seed {seed}: the walk saved at least once");
}

/// Keys per walk. A debug build does about 1 000 keys a second here (each search keystroke runs
/// the catalogue search), so the default run is 4 × 5 000 keys; `ISMS_RANDOM_KEYS=250000` gives
/// the million (best with `cargo test --release --test tui_random_keys`).
fn keys_per_walk() -> usize {
    std::env::var("ISMS_RANDOM_KEYS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5_000)
}

#[test]
fn random_keys_never_panic_and_saves_load_back() {
    for seed in [1, 2, 3, 4] {
        walk(0x9E37_79B9_7F4A_7C15 ^ seed, keys_per_walk());
    }
}
