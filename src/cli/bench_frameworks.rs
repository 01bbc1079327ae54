//! `isms bench`, frameworks part: loading CSF 2.0 and the NIST SP 800-53 low baseline (the OSCAL
//! fixture, when run from the repository), and `fw:` searches over them, and that the ISO search
//! keeps its speed with both loaded (they live apart, so it should not move).

use std::path::Path;
use std::time::Instant;

use crate::domain::catalogue::Catalogue;
use crate::domain::catalogue_from_framework::catalogue_from_framework;
use crate::domain::framework::{Framework, coverage, csf2, search_nodes};
use crate::domain::search::search_text;
use crate::export::oscal::read_catalog::read_catalog;

const FIXTURE: &str =
    "tests/reference/oscal/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog-min.json";

const QUERIES: [&str; 5] = [
    "account management",
    "supply chain",
    "incident response plan",
    "backup",
    "acount managment",
];

pub fn run(catalogue: &Catalogue) {
    outln!("\nframeworks");
    let started = Instant::now();
    let csf = csf2();
    outln!(
        "  load NIST CSF 2.0 with its ISO mappings (first use): {:.3} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    let mut loaded: Vec<&Framework> = vec![csf];
    let low = std::fs::read_to_string(Path::new(FIXTURE))
        .ok()
        .map(|text| {
            let started = Instant::now();
            let framework = read_catalog(&text, FIXTURE, "low").expect("the fixture reads");
            outln!(
                "  read the SP 800-53 low-baseline OSCAL catalog ({} KB, {} nodes): {:.3} ms",
                text.len() / 1024,
                framework.nodes.len(),
                started.elapsed().as_secs_f64() * 1000.0
            );
            framework
        });
    if let Some(framework) = &low {
        as_catalogue(framework);
    }
    match &low {
        Some(framework) => loaded.push(framework),
        None => outln!("  (run from the repository to include the SP 800-53 fixture)"),
    }
    let nodes: usize = loaded.iter().map(|f| f.nodes.len()).sum();
    let mut slowest = 0.0f64;
    for query in QUERIES {
        let rounds = 50;
        let started = Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(search_nodes(&loaded, query));
        }
        slowest = slowest.max(started.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds));
    }
    outln!(
        "  fw:all search over {nodes} nodes, slowest of {} queries: {slowest:.3} ms",
        QUERIES.len()
    );
    let rounds = 200;
    let started = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(search_text(catalogue, "backup").ok());
    }
    outln!(
        "  ISO search `backup` with the frameworks loaded: {:.3} ms",
        started.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds)
    );
    csf_in_the_workbench(catalogue, csf);
}

/// What the workbench recomputes: the CSF view's coverage after every edit, and the controls a
/// `csf:NODE` search lists as it is typed.
fn csf_in_the_workbench(catalogue: &Catalogue, csf: &Framework) {
    let demo = crate::domain::sample::demo_workspace(catalogue);
    let source = csf.sources().first().copied().unwrap_or_default();
    let rounds = 50;
    let started = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(coverage(csf, source, &demo.soa, &demo.mgmt.system));
    }
    outln!(
        "  CSF 2.0 coverage of the demo through one source (dashboard view, per edit): {:.3} ms",
        started.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds)
    );
    let rounds = 500;
    let started = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(csf.mapped_controls("PR.AA-05"));
    }
    outln!(
        "  controls mapped to csf:PR.AA-05 by every source (search box, per key): {:.3} ms",
        started.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds)
    );
}

/// The same catalog given as `--catalogue FILE.json`: turned into a catalogue, then searched the
/// way `isms search` searches (the index is built at the first search).
fn as_catalogue(framework: &Framework) {
    let started = Instant::now();
    let catalogue = catalogue_from_framework(framework, FIXTURE).expect("the fixture has controls");
    outln!(
        "  turn it into a catalogue for --catalogue ({} controls): {:.3} ms",
        catalogue.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    let started = Instant::now();
    catalogue.prepare_search();
    outln!(
        "  index it for search (once, at the first search): {:.3} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    let rounds = 200;
    let started = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(search_text(&catalogue, "account management").ok());
    }
    outln!(
        "  search it for `account management`: {:.3} ms",
        started.elapsed().as_secs_f64() * 1000.0 / f64::from(rounds)
    );
}
