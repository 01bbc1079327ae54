//! New risk ids that rarely collide across branches.
//!
//! Scheme: a new risk takes the number above the highest risk id on *any* branch git can see
//! (local and remote-tracking), not just the checked-out one. Two people who fetched each other's
//! work never pick the same id; only work neither has fetched yet can still collide, and the merge
//! driver renumbers that case. Plain `R-NNN` ids stay short and readable, which a per-user suffix
//! would not, and auditors quote them.

use std::path::Path;

use super::history::read_versions;
use super::{git, repo_path};
use crate::domain::risk::{RiskRegister, risk_number};
use crate::domain::workspace_format::RISKS_FILE;

/// The next risk id for the workspace in `dir`: above `register` and above every branch's
/// `risks.ron`. Outside a repository (or without git) it is `register.next_id()`.
pub fn next_risk_id(dir: &Path, register: &RiskRegister) -> String {
    let local = register
        .risks
        .iter()
        .filter_map(|r| risk_number(&r.id))
        .max();
    let elsewhere = highest_on_branches(dir).unwrap_or(None);
    match (local, elsewhere) {
        (_, None) => register.next_id(),
        (local, Some(other)) => format!("R-{:03}", local.unwrap_or(0).max(other) + 1),
    }
}

fn highest_on_branches(dir: &Path) -> Option<Option<u32>> {
    let path = repo_path(dir, RISKS_FILE).ok()?;
    let refs = git(
        dir,
        &[
            "for-each-ref",
            "--format=%(refname)",
            "refs/heads",
            "refs/remotes",
        ],
    )
    .ok()?;
    let names: Vec<String> = refs
        .lines()
        .filter(|r| !r.ends_with("/HEAD"))
        .map(|r| format!("{r}:{path}"))
        .collect();
    let highest = |text: &str| {
        text.lines()
            .filter_map(|line| line.trim().strip_prefix("id: \""))
            .filter_map(|rest| risk_number(rest.trim_end_matches(['"', ','])))
            .max()
    };
    let found = read_versions(dir, &names, &highest).ok()?;
    Some(found.into_iter().flatten().max())
}

/// Gives the risk just added as `id` the id `above_branches` when that is higher (another branch
/// already uses `id`); returns the id the risk ends up with.
pub fn renumber_added(register: &mut RiskRegister, id: &str, above_branches: String) -> String {
    let higher = risk_number(&above_branches) > risk_number(id);
    match register.get_mut(id) {
        Some(risk) if higher => {
            risk.id = above_branches.clone();
            register.sort();
            above_branches
        }
        _ => id.to_string(),
    }
}
