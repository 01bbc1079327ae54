//! The rules of `src/app`: it reads neither the clock nor the environment (the edge hands it a
//! `Session`), and keys are written down in `keymap/defaults.rs`, not matched by hand.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

fn app_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(Path::new("src/app"), &mut files);
    assert!(files.len() > 10, "found only {} files", files.len());
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap();
            (f.display().to_string(), text)
        })
        .collect()
}

#[test]
fn app_reads_neither_the_clock_nor_the_environment() {
    let forbidden = [
        "Utc::now",
        "Local::now",
        "SystemTime",
        "Instant::now",
        "std::env",
        "env::var",
    ];
    for (file, text) in app_files() {
        for word in forbidden {
            assert!(!text.contains(word), "{file} uses {word}");
        }
    }
}

/// Keys are bound in `src/keymap/defaults.rs` and text editing keys are in `src/keymap/text.rs`;
/// no file under `src/app` matches a key code by hand.
#[test]
fn no_file_under_app_matches_key_codes_by_hand() {
    for (file, text) in app_files() {
        assert!(
            !text.contains("KeyCode::"),
            "{file} matches key codes by hand; bind them in src/keymap/defaults.rs instead"
        );
    }
}
