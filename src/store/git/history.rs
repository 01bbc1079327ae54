//! Per-file history from git: the commits that changed a workspace file, each with the file's
//! version before (first parent) and after. One `git log` and one `git cat-file --batch` for the
//! whole history; each distinct version is read once, and only what the caller takes from it is
//! kept (a record, not the whole file).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use serde::Serialize;

use super::{GitError, git, repo_path};

/// A commit as history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Commit {
    pub id: String,
    /// The author date, ISO 8601.
    pub date: String,
    pub author: String,
    /// The subject line of the message.
    pub message: String,
}

/// The commits that changed one file, oldest first, with what `take` found in the file before and
/// after each (`None` where the file did not exist or `take` found nothing).
pub struct History<T> {
    pub changes: Vec<(Commit, Option<T>, Option<T>)>,
}

impl<T: Clone> History<T> {
    /// Reads the history of `file` in the workspace `dir`.
    pub fn of(
        dir: &Path,
        file: &str,
        take: impl Fn(&str) -> Option<T>,
    ) -> Result<History<T>, GitError> {
        let path = repo_path(dir, file)?;
        let log = git(
            dir,
            &[
                "log",
                "--reverse",
                "--format=%H%x1f%P%x1f%aI%x1f%an%x1f%s",
                "--",
                &path,
            ],
        )?;
        let mut commits = Vec::new();
        for line in log.lines() {
            let parts: Vec<&str> = line.split('\x1f').collect();
            let [id, parents, date, author, message] = parts[..] else {
                continue;
            };
            let parent = parents.split(' ').next().filter(|p| !p.is_empty());
            commits.push((
                Commit {
                    id: id.to_string(),
                    date: date.to_string(),
                    author: author.to_string(),
                    message: message.to_string(),
                },
                parent.map(str::to_string),
            ));
        }
        let mut names = Vec::new();
        for (commit, parent) in &commits {
            names.push(format!("{}:{path}", commit.id));
            if let Some(parent) = parent {
                names.push(format!("{parent}:{path}"));
            }
        }
        let mut versions = read_versions(dir, &names, &take)?.into_iter();
        let changes = commits
            .into_iter()
            .map(|(commit, parent)| {
                let after = versions.next().flatten();
                let before = if parent.is_some() {
                    versions.next().flatten()
                } else {
                    None
                };
                (commit, before, after)
            })
            .collect();
        Ok(History { changes })
    }
}

/// The text of `file` of the workspace `dir` at revision `rev`; `None` when it did not exist there.
pub fn file_at(dir: &Path, rev: &str, file: &str) -> Result<Option<String>, GitError> {
    let path = repo_path(dir, file)?;
    let mut found = read_versions(dir, &[format!("{rev}:{path}")], &|text: &str| {
        Some(text.to_string())
    })?;
    Ok(found.pop().flatten())
}

/// Reads every `REV:PATH` in `names` with one `git cat-file --batch`, applying `take` once per
/// distinct object.
pub(super) fn read_versions<T: Clone>(
    dir: &Path,
    names: &[String],
    take: &impl Fn(&str) -> Option<T>,
) -> Result<Vec<Option<T>>, GitError> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| GitError(format!("cannot run git ({e}); is git installed?")))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input: String = names.iter().map(|n| format!("{n}\n")).collect();
    // Written from a thread: git answers while it reads, and both pipes have limited room.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut out = BufReader::new(child.stdout.take().expect("stdout is piped"));
    let mut seen: HashMap<String, Option<T>> = HashMap::new();
    let mut found = Vec::with_capacity(names.len());
    let broken = || GitError("git cat-file: unexpected output".to_string());
    for _ in names {
        let mut header = String::new();
        out.read_line(&mut header).map_err(|_| broken())?;
        let fields: Vec<&str> = header.split_whitespace().collect();
        let (oid, size) = match fields[..] {
            [oid, "blob", size] => (
                oid.to_string(),
                size.parse::<usize>().map_err(|_| broken())?,
            ),
            [.., "missing"] | [.., "ambiguous"] => {
                found.push(None);
                continue;
            }
            _ => return Err(broken()),
        };
        let mut body = vec![0; size + 1];
        out.read_exact(&mut body).map_err(|_| broken())?;
        body.pop();
        let value = seen
            .entry(oid)
            .or_insert_with(|| take(&String::from_utf8_lossy(&body)))
            .clone();
        found.push(value);
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(found)
}
