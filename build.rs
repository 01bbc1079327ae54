//! Compiles the built-in catalogue ahead of time: parses `catalogue/iso27002-2022.ron`, builds its
//! search index, and writes both in postcard's compact binary form to `$OUT_DIR`, where
//! `src/domain/catalogue_builtin.rs` embeds them. A `isms search` then starts without parsing RON
//! or indexing words. The catalogue's rules are checked by the test suite, which also compares
//! this form with a fresh parse of the RON text.

// The domain files below are shared with the library; the build uses only part of each.
#![allow(dead_code)]

#[path = "src/domain"]
mod domain {
    pub mod attributes;
    pub mod control;
    pub mod search {
        pub mod index;
        pub mod packed;
        pub mod query;
    }
}

use domain::control::Control;
use domain::search::index::SearchIndex;

const SOURCE: &str = "catalogue/iso27002-2022.ron";

#[derive(serde::Deserialize)]
struct CatalogueFile {
    #[allow(unused)]
    format: u32,
    name: String,
    controls: Vec<Control>,
}

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    for shared in [
        "src/domain/attributes.rs",
        "src/domain/control.rs",
        "src/domain/search/index.rs",
        "src/domain/search/packed.rs",
        "src/domain/search/query.rs",
    ] {
        println!("cargo::rerun-if-changed={shared}");
    }
    let text = std::fs::read_to_string(SOURCE).expect("read the built-in catalogue");
    let file: CatalogueFile = ron::from_str(&text)
        .unwrap_or_else(|error| panic!("{SOURCE}: {error}; run `cargo test` for the details"));
    let index = SearchIndex::build(&file.controls);
    let bytes = postcard::to_allocvec(&(&file.name, &file.controls, &index))
        .expect("the catalogue serializes");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("catalogue.postcard");
    std::fs::write(out, bytes).expect("write the compiled catalogue");
}
