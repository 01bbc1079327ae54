//! `isms unlock`: clears a lock left by a session on another host, or by a process whose pid was
//! reused. Asks first (or `--yes`); a session still running on this machine is never unlocked.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use super::EXIT_FINDINGS;
use crate::store::lock;

pub fn run(dir: &Path, yes: bool) -> anyhow::Result<ExitCode> {
    let shown = crate::store::display_name(dir, lock::LOCK_FILE);
    let holder = lock::holder(dir).unwrap_or_else(|_| Some("a lock isms cannot read".into()));
    let Some(holder) = holder else {
        outln!("{shown}: no lock; nothing to do.");
        return Ok(ExitCode::SUCCESS);
    };
    if !yes {
        if !std::io::stdin().is_terminal() {
            anyhow::bail!("{shown}: held by {holder}; add --yes to remove it");
        }
        let holder = crate::domain::text::for_terminal(&holder);
        eprint!("The workspace is locked by {holder}. Remove the lock? [y/N] ");
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            errln!("isms: the lock was left in place");
            return Ok(ExitCode::from(EXIT_FINDINGS));
        }
    }
    lock::clear(dir).map_err(|reason| anyhow::anyhow!("{shown}: {reason}"))?;
    outln!("Removed the lock held by {holder}.");
    Ok(ExitCode::SUCCESS)
}
