//! Approved SoA versions: annotated tags `soa-vN` whose tagger is the approver.

use std::path::Path;

use serde::Serialize;

use super::{GitError, git};

/// The tag names: `soa-v1`, `soa-v2`, …
pub const TAG_PREFIX: &str = "soa-v";

/// One approval, as exports stamp it and `isms diff` starts from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Approval {
    pub version: u32,
    pub tag: String,
    pub approver: String,
    /// The tag's date, ISO 8601.
    pub date: String,
    /// The approved commit.
    pub commit: String,
    pub message: String,
}

/// Every approval in the repository holding `dir`, oldest version first.
pub fn approvals(dir: &Path) -> Result<Vec<Approval>, GitError> {
    let out = git(
        dir,
        &[
            "for-each-ref",
            "--format=%(refname:short)%1f%(taggername)%1f%(taggerdate:iso-strict)%1f%(*objectname)%1f%(contents:subject)",
            &format!("refs/tags/{TAG_PREFIX}*"),
        ],
    )?;
    let mut found: Vec<Approval> = out
        .lines()
        .filter_map(|line| {
            let parts: Vec<&str> = line.split('\x1f').collect();
            let [tag, approver, date, commit, message] = parts[..] else {
                return None;
            };
            Some(Approval {
                version: tag.strip_prefix(TAG_PREFIX)?.parse().ok()?,
                tag: tag.to_string(),
                approver: approver.to_string(),
                date: date.to_string(),
                // A lightweight tag has no peeled object: it names the commit itself.
                commit: commit.to_string(),
                message: message.to_string(),
            })
        })
        .filter(|a| !a.commit.is_empty())
        .collect();
    found.sort_by_key(|a| a.version);
    Ok(found)
}

/// The latest approval, if any: what exports are stamped with.
pub fn last_approval(dir: &Path) -> Option<Approval> {
    approvals(dir).ok()?.pop()
}

/// Tags HEAD as the next approved version, with the user's git identity as the tagger; signed
/// when git is set up to sign (`user.signingkey` or `tag.gpgSign`).
pub fn approve(dir: &Path, version: u32, message: &str) -> Result<Approval, GitError> {
    let tag = format!("{TAG_PREFIX}{version}");
    let signs = git(dir, &["config", "--get", "user.signingkey"]).is_ok()
        || git(dir, &["config", "--get", "--type=bool", "tag.gpgSign"])
            .is_ok_and(|v| v.trim() == "true");
    let mut args = vec!["tag", "-a"];
    if signs {
        args.push("-s");
    }
    args.extend([tag.as_str(), "-m", message, "HEAD"]);
    git(dir, &args)?;
    approvals(dir)?
        .into_iter()
        .find(|a| a.tag == tag)
        .ok_or_else(|| {
            GitError(format!(
                "git tag {tag}: the tag was not found after creating it"
            ))
        })
}
