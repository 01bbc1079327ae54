//! The dependency rule of `src/lib.rs`: the model, the files and the exports never name the
//! terminal libraries, so they stay usable and testable without a terminal.

use std::path::Path;

fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn domain_store_and_export_never_name_terminal_libraries() {
    let mut files = Vec::new();
    for dir in ["src/domain", "src/store", "src/export"] {
        rust_files(Path::new(dir), &mut files);
    }
    assert!(files.len() > 20, "found only {} files", files.len());
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for name in ["ratatui", "crossterm"] {
            assert!(!text.contains(name), "{} names {name}", file.display());
        }
    }
}
