//! `isms bench`, workspace part: load and save of a workspace holding the full SoA and 10 000
//! risks, timed in-process, and peak memory (VmHWM) measured in a child process.

use std::process::{Command, ExitCode};
use std::time::Instant;

use crate::domain::catalogue::Catalogue;
use crate::domain::risk::Risk;
use crate::domain::soa::{Applicability, Reason, Status};
use crate::domain::stamp::Stamp;
use crate::domain::workspace::{Settings, Workspace};
use crate::domain::workspace_format::render_risks;
use crate::domain::workspace_load::parse_risks;
use crate::store::{self, Access};

/// The number of risks in the benchmark workspace.
pub const RISKS: usize = 10_000;

/// A realistic large workspace: every control decided and justified, 10 000 filled-in risks.
pub fn generated_workspace(catalogue: &Catalogue) -> Workspace {
    let mut workspace = Workspace::new(Settings::default(), catalogue);
    let stamp = Stamp::new(chrono::DateTime::UNIX_EPOCH, "bench");
    for (n, entry) in workspace.soa.entries.iter_mut().enumerate() {
        entry.applicability = Applicability::Applicable;
        entry.reasons = vec![Reason::Business];
        entry.justification = format!("Needed for the scope of the ISMS, entry {n}.\nSecond line.");
        entry.status = Status::Partial;
        entry.owner = "IT operations".into();
        entry.evidence = vec![format!("DOC-{n}"), "https://wiki.example/isms".into()];
        entry.updated = Some(stamp.clone());
    }
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let ids: Vec<String> = catalogue.controls().iter().map(|c| c.id.clone()).collect();
    for n in 0..RISKS {
        let mut risk = Risk::new(
            &format!("R-{:05}", n + 1),
            &format!("Risk number {n}: data loss on system {}", n % 97),
            (n % 5 + 1) as u8,
            (n / 5 % 5 + 1) as u8,
            day,
        );
        risk.description = format!("An attacker or an accident causes loss of records ({n}).");
        risk.asset = format!("System {}", n % 97);
        risk.threat = "Ransomware".into();
        risk.vulnerability = "Unpatched software".into();
        risk.owner = "CISO".into();
        risk.controls = vec![ids[n % ids.len()].clone(), ids[(n * 7) % ids.len()].clone()];
        risk.updated = Some(stamp.clone());
        workspace.risks.risks.push(risk);
    }
    workspace
}

pub fn run() -> anyhow::Result<()> {
    let catalogue = Catalogue::builtin();
    let dir = tempfile_dir()?;
    let workspace = generated_workspace(&catalogue);
    drop(store::create(&dir, &workspace)?);
    let bytes: u64 = ["workspace.ron", "soa.ron", "risks.ron"]
        .iter()
        .filter_map(|f| std::fs::metadata(dir.join(f)).ok())
        .map(|m| m.len())
        .sum();
    outln!(
        "\nworkspace: 93 SoA entries + {RISKS} risks, {:.1} MB on disk",
        bytes as f64 / 1e6
    );
    let rounds: u32 = 5;
    let mut load = std::time::Duration::ZERO;
    let mut save = std::time::Duration::ZERO;
    for round in 0..rounds {
        let started = Instant::now();
        let mut opened = store::open(&dir, &catalogue, Access::Edit)?;
        load += started.elapsed();
        opened.workspace.risks.risks[round as usize]
            .title
            .push_str(" (edited)");
        let started = Instant::now();
        opened.handle.save(&opened.workspace)?;
        save += started.elapsed();
    }
    outln!(
        "  load (read, parse, validate; mean of {rounds}): {:.1} ms",
        load.as_secs_f64() * 1000.0 / f64::from(rounds)
    );
    outln!(
        "  save after one edit (render, compare, atomic write; mean of {rounds}): {:.1} ms",
        save.as_secs_f64() * 1000.0 / f64::from(rounds)
    );
    let risks_text = std::fs::read_to_string(dir.join("risks.ron"))?;
    let method = &workspace.settings.risk_method;
    let started = Instant::now();
    let parsed = parse_risks(&risks_text, "risks.ron", &catalogue, method)?;
    let parse = started.elapsed();
    let started = Instant::now();
    let rendered = render_risks(&parsed);
    let render = started.elapsed();
    outln!(
        "  of which risks.ron alone ({:.1} MB): parse + validate {:.1} ms, render {:.1} ms",
        rendered.len() as f64 / 1e6,
        parse.as_secs_f64() * 1000.0,
        render.as_secs_f64() * 1000.0,
    );
    let exe = std::env::current_exe()?;
    let output = Command::new(exe)
        .args(["bench-workspace-child", &dir.display().to_string()])
        .output()?;
    out!("{}", String::from_utf8_lossy(&output.stdout));
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

/// Run in a child process: load, edit, save once, and print the peak resident memory.
pub fn child(dir: &std::path::Path) -> anyhow::Result<ExitCode> {
    let catalogue = Catalogue::builtin();
    let mut opened = store::open(dir, &catalogue, Access::Edit)?;
    opened.workspace.risks.risks[0].title.push_str(" (child)");
    opened.handle.save(&opened.workspace)?;
    let status = std::fs::read_to_string("/proc/self/status")?;
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .map_or("unknown".to_string(), |l| {
            l["VmHWM:".len()..].trim().to_string()
        });
    outln!("  peak memory of a process that loads, edits and saves it (VmHWM): {peak}");
    Ok(ExitCode::SUCCESS)
}

fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("isms-bench-ws-{}", std::process::id()));
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    Ok(dir)
}
