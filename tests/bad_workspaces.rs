//! Each broken file in `tests/bad_workspaces/` (named `<file>.<case>.ron`, replacing `<file>.ron`
//! of the good workspace in `good/`) gives exactly the message in its `.expected` file, exit 2,
//! for a read and for a write, and leaves every file byte-for-byte as it was. Also: a 50 MB
//! file, a read-only directory and a full disk.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CASES: &str = "tests/bad_workspaces";
const FILES: [&str; 3] = ["workspace.ron", "soa.ron", "risks.ron"];

fn isms(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// A temporary copy of the good workspace, with `file` replaced by `content` when given.
fn workspace(replace: Option<(&str, &[u8])>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in FILES {
        std::fs::copy(
            Path::new(CASES).join("good").join(file),
            dir.path().join(file),
        )
        .unwrap();
    }
    if let Some((file, content)) = replace {
        std::fs::write(dir.path().join(file), content).unwrap();
    }
    dir
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

/// Runs a read and a write; both must fail with `expected` and change nothing.
fn assert_refused(dir: &Path, expected: &str, case: &str) {
    let before = snapshot(dir);
    for args in [&["check"][..], &["soa", "set", "5.1", "--owner", "Z"][..]] {
        let output = isms(dir, args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{case} {args:?}: {stderr}");
        assert_eq!(stderr, expected, "{case} {args:?}");
        assert!(
            output.stdout.is_empty(),
            "{case} {args:?} printed to stdout"
        );
        assert_eq!(snapshot(dir), before, "{case} {args:?} changed a file");
    }
}

#[test]
fn the_good_workspace_is_good() {
    let dir = workspace(None);
    let output = isms(dir.path(), &["soa", "set", "5.1", "--owner", "Z"]);
    assert!(output.status.success(), "{output:?}");
}

#[test]
fn every_broken_file_gives_its_expected_message() {
    let mut cases = 0;
    for entry in std::fs::read_dir(CASES).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "ron") {
            continue;
        }
        cases += 1;
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let target = format!("{}.ron", name.split('.').next().unwrap());
        let expected = std::fs::read_to_string(path.with_extension("expected"))
            .unwrap_or_else(|_| panic!("{name} has no .expected file"));
        let content = std::fs::read(&path).unwrap();
        let dir = workspace(Some((&target, &content)));
        assert_refused(dir.path(), &expected, &name);
    }
    assert!(cases >= 25, "only {cases} broken files found");
}

#[test]
fn a_50_mb_file_is_refused_before_reading() {
    let mut big = std::fs::read(Path::new(CASES).join("good/risks.ron")).unwrap();
    big.truncate(big.len() - 8);
    big.resize(50 * 1024 * 1024, b' ');
    let dir = workspace(Some(("risks.ron", &big)));
    assert_refused(
        dir.path(),
        "isms: risks.ron: is 50 MB, larger than the 32 MB isms reads; is it the right file?\n",
        "50 MB",
    );
}

/// Runs `script` as root of a new user and mount namespace, where tmpfs and read-only mounts are
/// allowed; `None` when this machine does not allow that.
fn in_namespace(script: &str) -> Option<Output> {
    let probe = Command::new("unshare")
        .args(["-rm", "true"])
        .output()
        .ok()?;
    if !probe.status.success() {
        return None;
    }
    Command::new("unshare")
        .args(["-rm", "sh", "-ec", script])
        .env("ISMS", env!("CARGO_BIN_EXE_isms"))
        .env("NO_COLOR", "1")
        .output()
        .ok()
}

#[test]
fn a_read_only_directory_gives_one_message_and_changes_nothing() {
    let dir = workspace(None);
    let before = snapshot(dir.path());
    let script = r#"
        mount --bind "$DIR" "$DIR"
        mount -o remount,bind,ro "$DIR"
        cd "$DIR"
        "$ISMS" soa set 5.1 --owner Z || echo "exit $?"
    "#
    .replace("$DIR", &dir.path().display().to_string());
    let Some(output) = in_namespace(&script) else {
        eprintln!("skipped: this machine does not allow user namespaces (unshare -rm)");
        return;
    };
    assert_eq!(String::from_utf8_lossy(&output.stdout), "exit 2\n");
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "isms: .: the workspace is read-only here (cannot create the lock file: the file system is read-only); nothing was saved\n"
    );
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_full_disk_gives_one_message_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let script = r#"
        mount -t tmpfs -o size=128k tmpfs "$DIR"
        cp "$GOOD"/*.ron "$DIR"/
        cd "$DIR"
        "$ISMS" soa set 5.1 --owner Z >/dev/null 2>&1
        dd if=/dev/zero of=filler bs=4k 2>/dev/null || true
        truncate -s -8K filler
        sha1sum workspace.ron soa.ron risks.ron > ../before.sum
        "$ISMS" soa set 5.1 --owner "$(head -c 60000 /dev/zero | tr '\0' x)" || echo "exit $?"
        sha1sum -c --quiet ../before.sum && echo unchanged
        ls -A
    "#
    .replace("$DIR", &dir.path().join("ws").display().to_string())
    .replace(
        "$GOOD",
        &std::fs::canonicalize(Path::new(CASES).join("good"))
            .unwrap()
            .display()
            .to_string(),
    );
    std::fs::create_dir(dir.path().join("ws")).unwrap();
    let Some(output) = in_namespace(&script) else {
        eprintln!(
            "skipped: no user namespaces; tests/workspace_store.rs covers this through the writer seam"
        );
        return;
    };
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "exit 2\nunchanged\nfiller\nrisks.ron\nsoa.ron\nworkspace.ron\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "isms: soa.ron: cannot save: the disk is full; the file on disk is unchanged\n"
    );
}

#[test]
fn a_30_mb_unknown_control_id_is_refused_with_a_short_message() {
    let good = std::fs::read_to_string(Path::new(CASES).join("good/soa.ron")).unwrap();
    let huge = format!("\"8.13{}\"", "9".repeat(30 * 1024 * 1024));
    let soa = good.replacen("\"8.13\"", &huge, 1);
    let dir = workspace(Some(("soa.ron", soa.as_bytes())));
    let started = std::time::Instant::now();
    let output = isms(dir.path(), &["check"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    eprintln!(
        "figure: a 30 MB unknown id refused in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(output.status.code(), Some(2), "{stderr:.300}");
    assert!(stderr.len() < 300, "{} bytes: {stderr:.300}", stderr.len());
    assert!(
        stderr.starts_with("isms: soa.ron:19:13: unknown control id \"8.13999"),
        "{stderr}"
    );
}
