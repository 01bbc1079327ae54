//! Per-file history from git: the commits that changed a workspace file, each with the file's
//! version before (first parent) and after. One `git log --raw` (which names both versions' blobs)
//! and one `git cat-file --batch` for the whole history; each distinct version is read once, and
//! only what the caller takes from it is kept (a record, not the whole file).

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
        // `--raw` names the file's blob before (first parent) and after each commit, so each
        // distinct version is asked of `cat-file` once, by its id, without resolving paths.
        let log = git(
            dir,
            &[
                "log",
                "--reverse",
                "--no-renames",
                "--raw",
                "--no-abbrev",
                "--diff-merges=first-parent",
                "--format=%x1e%H%x1f%aI%x1f%an%x1f%s",
                "--",
                &path,
            ],
        )?;
        let commits: Vec<(Commit, Option<&str>, Option<&str>)> = log
            .split('\x1e')
            .filter_map(|record| logged_commit(record, &path))
            .collect();
        // Each distinct blob once, in the order of history, so that `take` sees versions in turn.
        let mut order: HashMap<&str, usize> = HashMap::new();
        let mut names = Vec::new();
        for blob in commits.iter().flat_map(|(_, b, a)| [*b, *a]).flatten() {
            order.entry(blob).or_insert_with(|| {
                names.push(blob.to_string());
                names.len() - 1
            });
        }
        let versions = read_versions(dir, &names, &take)?;
        let version = |blob: Option<&str>| versions[*order.get(blob?)?].clone();
        let changes = commits
            .into_iter()
            .map(|(commit, before, after)| (commit, version(before), version(after)))
            .collect();
        Ok(History { changes })
    }
}

/// One commit of `git log --raw` with the blob ids of `path` before and after it (`None` where
/// the file did not exist).
fn logged_commit<'a>(
    record: &'a str,
    path: &str,
) -> Option<(Commit, Option<&'a str>, Option<&'a str>)> {
    let mut lines = record.lines();
    let header: Vec<&str> = lines.next()?.split('\x1f').collect();
    let [id, date, author, message] = header[..] else {
        return None;
    };
    let commit = Commit {
        id: id.to_string(),
        date: date.to_string(),
        author: author.to_string(),
        message: message.to_string(),
    };
    // `:100644 100644 OLD NEW M<TAB>path`; the id of a missing side is all zeros.
    let (before, after) = lines
        .filter_map(|line| line.strip_prefix(':')?.split_once('\t'))
        .find(|(_, name)| *name == path)
        .and_then(|(fields, _)| {
            let fields: Vec<&str> = fields.split(' ').collect();
            Some((*fields.get(2)?, *fields.get(3)?))
        })?;
    let present = |blob: &'a str| Some(blob).filter(|b| !b.bytes().all(|c| c == b'0'));
    Some((commit, present(before), present(after)))
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
