//! `isms bench`: prints speed figures for the catalogue and its search. Figures, never assertions:
//! the machines this runs on are shared and noisy. Build with `--release` for meaningful numbers.

use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use crate::domain::catalogue::{BUILTIN_FILE_NAME, BUILTIN_SOURCE, Catalogue};
use crate::domain::control::Control;
use crate::domain::search::{SearchIndex, search_text};

/// The queries timed in-process: ids, 2013 ids, words, phrases, acronyms, typos and filters.
const QUERIES: [&str; 10] = [
    "8.9",
    "A.12.3.1",
    "backup",
    "threat intel",
    "mfa",
    "bakcup",
    "#preventive",
    "theme:physical",
    "supplier cloud",
    "encryption keys",
];

pub fn run() -> anyhow::Result<ExitCode> {
    if let Some(code) = super::bench_tui::memory_probe() {
        return Ok(code);
    }
    if let Some(code) = super::bench_tui::undo_probe() {
        return Ok(code);
    }
    if let Some(code) = super::bench_import::memory_probe() {
        return Ok(code);
    }
    // Only the workbench's figures (to compare two builds quickly).
    if std::env::var_os("ISMS_BENCH_ONLY_WORKBENCH").is_some() {
        super::bench_tui::run()?;
        return Ok(ExitCode::SUCCESS);
    }
    if cfg!(debug_assertions) {
        outln!(
            "note: this is a debug build; run `cargo run --release -- bench` for real figures\n"
        );
    }
    let load = time_per_run(20, || {
        Catalogue::builtin();
    });
    outln!(
        "load built-in catalogue (93 controls, compiled at build time, index included): {}",
        millis(load)
    );
    let parse = time_per_run(20, || {
        Catalogue::parse(BUILTIN_SOURCE, BUILTIN_FILE_NAME).expect("built-in catalogue");
    });
    outln!(
        "parse + validate its RON text (as --catalogue FILE does): {}",
        millis(parse)
    );
    let builtin = Catalogue::builtin();
    let index = time_per_run(20, || {
        SearchIndex::build(builtin.controls());
    });
    outln!(
        "build its search index (a --catalogue FILE's, once, at the first search): {}",
        millis(index)
    );

    report_queries("93 controls", &builtin, 200);

    let large = generated_catalogue(&builtin, 10_000);
    let started = Instant::now();
    let large = Catalogue::parse(&large, "generated").expect("generated catalogue is valid");
    outln!(
        "\nload generated catalogue (10 000 controls): {}",
        millis(started.elapsed())
    );
    let started = Instant::now();
    SearchIndex::build(large.controls());
    outln!("build its search index: {}", millis(started.elapsed()));
    report_queries("10 000 controls", &large, 10);
    super::bench_frameworks::run(&builtin);

    super::bench_workspace::run()?;
    super::bench_git::run()?;
    super::bench_import::run()?;

    outln!();
    whole_process()?;
    super::bench_tui::run()?;
    Ok(ExitCode::SUCCESS)
}

fn report_queries(label: &str, catalogue: &Catalogue, rounds: u32) {
    // The index is built at the first search; build it before timing queries.
    search_text(catalogue, "warm").ok();
    outln!("in-process query, {label} (mean of {rounds} runs each):");
    let mut worst = Duration::ZERO;
    for query in QUERIES {
        let mut hits = 0;
        let each = time_per_run(rounds, || {
            hits = search_text(catalogue, query).map(|h| h.len()).unwrap_or(0)
        });
        worst = worst.max(each);
        outln!("  {query:<18} {:>10}  ({hits} hits)", millis(each));
    }
    outln!("  slowest            {:>10}", millis(worst));
}

/// A large catalogue made from the shipped one: each control copied under a new id, with a
/// distinct word added so that the vocabulary grows as a real large catalogue's would.
pub fn generated_catalogue(base: &Catalogue, count: usize) -> String {
    let controls: Vec<Control> = (0..count)
        .map(|n| {
            let mut control = base.controls()[n % base.len()].clone();
            control.id = format!("{}.{}", 100 + n / 1000, n % 1000);
            control.guidance = format!("{} term{n} variant{}", control.guidance, n % 977);
            control.related.clear();
            control
        })
        .collect();
    #[derive(serde::Serialize)]
    struct File<'a> {
        format: u32,
        name: &'a str,
        controls: &'a [Control],
    }
    ron::to_string(&File {
        format: 1,
        name: "generated",
        controls: &controls,
    })
    .expect("serializable")
}

fn whole_process() -> anyhow::Result<()> {
    let exe = std::env::current_exe()?;
    let runs = 30;
    let isms = time_per_run(runs, || {
        Command::new(&exe)
            .args(["search", "backup"])
            .stdout(Stdio::null())
            .status()
            .expect("run isms");
    });
    outln!(
        "whole process `isms search backup` (mean of {runs}): {}",
        millis(isms)
    );

    let lines: String = Catalogue::builtin()
        .controls()
        .iter()
        .map(|c| {
            format!(
                "{} {} {} {} {}\n",
                c.id,
                c.title,
                c.aliases.join(" "),
                c.purpose,
                c.guidance.replace('\n', " ")
            )
        })
        .collect();
    let file = std::env::temp_dir().join(format!("isms-bench-{}.txt", std::process::id()));
    std::fs::write(&file, lines)?;
    let fzf_available = Command::new("fzf")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok();
    if fzf_available {
        let fzf = time_per_run(runs, || {
            let input = std::fs::File::open(&file).expect("bench file");
            Command::new("fzf")
                .args(["--filter", "backup"])
                .stdin(input)
                .stdout(Stdio::null())
                .status()
                .expect("run fzf");
        });
        outln!(
            "whole process `fzf --filter backup` over the same catalogue (mean of {runs}): {}",
            millis(fzf)
        );
        outln!(
            "ratio isms / fzf, this run: {:.2} (target: at most 0.30)",
            isms.as_secs_f64() / fzf.as_secs_f64()
        );
    } else {
        outln!("fzf is not installed (apt-get install fzf) — no comparison figure");
    }
    std::fs::remove_file(&file)?;
    Ok(())
}

fn time_per_run(rounds: u32, mut work: impl FnMut()) -> Duration {
    let started = Instant::now();
    for _ in 0..rounds {
        work();
    }
    started.elapsed() / rounds
}

fn millis(duration: Duration) -> String {
    format!("{:.3} ms", duration.as_secs_f64() * 1000.0)
}
