//! `isms bench`, git part: the time `isms history` and `isms blame` take for one record on a
//! repository of 1 000 commits (made with `git fast-import`, so that building it is quick).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::domain::catalogue::Catalogue;
use crate::domain::soa::Status;
use crate::domain::workspace::{Settings, Workspace};
use crate::domain::workspace_format::{SOA_FILE, render_soa};

const COMMITS: usize = 1_000;

pub fn run() -> anyhow::Result<()> {
    outln!();
    if Command::new("git").arg("--version").output().is_err() {
        outln!("git history: skipped (git is not installed)");
        return Ok(());
    }
    let dir = tempfile_dir()?;
    let result = measure(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn measure(dir: &Path) -> anyhow::Result<()> {
    let catalogue = Catalogue::builtin();
    let started = Instant::now();
    scripted_repository(dir, &catalogue)?;
    outln!(
        "git history: a repository of {COMMITS} commits of soa.ron built in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let (_, rows, _) = super::history::rows(dir, &catalogue, "8.13")?;
    outln!(
        "  history of one record (8.13, {} changes): {:.1} ms (target: under 300 ms)",
        rows.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    let started = Instant::now();
    let (_, rows, _) = super::history::rows(dir, &catalogue, "5.1")?;
    outln!(
        "  history of a record changed in {} commits (5.1): {:.1} ms",
        rows.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    Ok(())
}

fn tempfile_dir() -> anyhow::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("isms-bench-git-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Commits `COMMITS` versions of soa.ron: each edits one entry's justification; every tenth also
/// moves 8.13's status along, so that 8.13 has a long history among many unrelated commits.
fn scripted_repository(dir: &Path, catalogue: &Catalogue) -> anyhow::Result<()> {
    let git = |args: &[&str]| Command::new("git").arg("-C").arg(dir).args(args).output();
    git(&["init", "--quiet", "-b", "main"])?;
    let mut workspace = Workspace::new(Settings::default(), catalogue);
    let mut stream = Vec::new();
    for n in 0..COMMITS {
        let entry = &mut workspace.soa.entries[(n * 7) % catalogue.len()];
        entry.justification = format!("Reviewed in round {n}.");
        if n % 10 == 0 {
            let backups = workspace
                .soa
                .entry_mut("8.13")
                .expect("8.13 is in the catalogue");
            backups.status = Status::ALL[(n / 10) % Status::ALL.len()];
        }
        let text = render_soa(&workspace.soa);
        let message = format!("Edit {n}");
        let who = ["Alice", "Bob", "Carol", "Dan"][n % 4];
        write!(
            stream,
            "commit refs/heads/main\ncommitter {who} <{who}@example.org> {} +0000\ndata {}\n{message}\nM 100644 inline {SOA_FILE}\ndata {}\n{text}\n",
            1_700_000_000 + n * 60,
            message.len(),
            text.len()
        )?;
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()?;
    child.stdin.take().expect("piped").write_all(&stream)?;
    anyhow::ensure!(child.wait()?.success(), "git fast-import failed");
    Ok(())
}
