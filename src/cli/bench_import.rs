//! `isms bench`, import figures: reading and planning a 20 000-row risk register as CSV and as
//! XLSX, and how fast (and in how much memory) each crafted hostile XLSX file is refused. Each
//! hostile file is read in a child process so that its peak memory is its own.

use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use crate::domain::catalogue::Catalogue;
use crate::domain::workspace::{Settings, Workspace};
use crate::export::import::{Options, plan_risks, read_sheets};

const PROBE: &str = "ISMS_BENCH_IMPORT_PROBE";

/// The crafted files of `tests/import_fixtures`, built into the binary for this benchmark.
const HOSTILE: [(&str, &[u8]); 5] = [
    (
        "hostile_unique_count.xlsx",
        include_bytes!("../../tests/import_fixtures/hostile_unique_count.xlsx"),
    ),
    (
        "hostile_far_cell.xlsx",
        include_bytes!("../../tests/import_fixtures/hostile_far_cell.xlsx"),
    ),
    (
        "hostile_dimension.xlsx",
        include_bytes!("../../tests/import_fixtures/hostile_dimension.xlsx"),
    ),
    (
        "hostile_long_string.xlsx",
        include_bytes!("../../tests/import_fixtures/hostile_long_string.xlsx"),
    ),
    (
        "hostile_unpacks_huge.xlsx",
        include_bytes!("../../tests/import_fixtures/hostile_unpacks_huge.xlsx"),
    ),
];

const ROWS: usize = 20_000;

/// In a child started by [`run`]: refuse one hostile file and print the peak memory (KiB).
pub fn memory_probe() -> Option<ExitCode> {
    let index: usize = std::env::var(PROBE).ok()?.parse().ok()?;
    let (name, bytes) = HOSTILE.get(index)?;
    let refused = read_sheets(bytes, name).is_err();
    outln!(
        "{} {}",
        crate::store::process::peak_resident_kib().unwrap_or(0),
        if refused { "refused" } else { "READ" }
    );
    Some(ExitCode::SUCCESS)
}

fn register_rows() -> Vec<[String; 6]> {
    (0..ROWS)
        .map(|n| {
            [
                format!("R-{:05}", n + 1),
                format!("Risk number {n} to a system"),
                format!("{}", n % 5 + 1),
                format!("{}", (n / 5) % 5 + 1),
                ["Mitigate", "Accept", "Avoid", "Transfer"][n % 4].to_string(),
                "8.13, 5.23".to_string(),
            ]
        })
        .collect()
}

const HEADINGS: [&str; 6] = [
    "Risk ID",
    "Title",
    "Likelihood",
    "Impact",
    "Treatment",
    "Controls",
];

fn register_csv() -> Vec<u8> {
    let mut text = HEADINGS.join(",") + "\n";
    for row in register_rows() {
        text.push_str(&format!(
            "{},{},{},{},{},\"{}\"\n",
            row[0], row[1], row[2], row[3], row[4], row[5]
        ));
    }
    text.into_bytes()
}

fn register_xlsx() -> anyhow::Result<Vec<u8>> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, heading) in HEADINGS.iter().enumerate() {
        sheet.write_string(0, col as u16, *heading)?;
    }
    for (i, row) in register_rows().iter().enumerate() {
        for (col, text) in row.iter().enumerate() {
            sheet.write_string(i as u32 + 1, col as u16, text)?;
        }
    }
    Ok(book.save_to_buffer()?)
}

fn import_once(bytes: &[u8], name: &str) -> anyhow::Result<(Duration, usize)> {
    let catalogue = Catalogue::builtin();
    let workspace = Workspace::new(Settings::default(), &catalogue);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let started = Instant::now();
    let sheets = read_sheets(bytes, name)?;
    let plan = plan_risks(
        &sheets,
        name,
        &workspace,
        &catalogue,
        today,
        &Options::default(),
    )?;
    Ok((started.elapsed(), plan.changes.len()))
}

pub fn run() -> anyhow::Result<()> {
    outln!("\nimport (read + plan, into an empty workspace):");
    let csv = register_csv();
    let (took, risks) = import_once(&csv, "bench.csv")?;
    outln!(
        "  {ROWS}-row risk register, CSV ({} KB): {} ({risks} risks)",
        csv.len() / 1024,
        millis(took)
    );
    let xlsx = register_xlsx()?;
    let (took, risks) = import_once(&xlsx, "bench.xlsx")?;
    outln!(
        "  {ROWS}-row risk register, XLSX ({} KB): {} ({risks} risks)",
        xlsx.len() / 1024,
        millis(took)
    );
    let exe = std::env::current_exe()?;
    for (index, (name, bytes)) in HOSTILE.iter().enumerate() {
        let started = Instant::now();
        let refused = read_sheets(bytes, name).is_err();
        let took = started.elapsed();
        let output = Command::new(&exe)
            .arg("bench")
            .env(PROBE, index.to_string())
            .stderr(Stdio::null())
            .output()?;
        let probe = String::from_utf8_lossy(&output.stdout);
        let peak_kib: u64 = probe
            .split_whitespace()
            .next()
            .and_then(|k| k.parse().ok())
            .unwrap_or(0);
        outln!(
            "  {name} ({} KB): {} in {}, peak memory of a process refusing it {} MB",
            bytes.len() / 1024,
            if refused {
                "refused"
            } else {
                "READ (not refused!)"
            },
            millis(took),
            peak_kib / 1024
        );
    }
    Ok(())
}

fn millis(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}
