//! Files that try to turn isms against its user: links planted where isms writes (the lock, the
//! temporary files, the workspace files), FIFOs and devices where it reads, read-only files, and
//! special files given to `-o`. Nothing outside the workspace changes, nothing hangs.

use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const GOOD: &str = "tests/bad_workspaces/good";

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in ["workspace.ron", "soa.ron", "risks.ron"] {
        std::fs::copy(Path::new(GOOD).join(file), dir.path().join(file)).unwrap();
    }
    dir
}

/// Runs isms in `dir`; fails the test instead of hanging when isms does not finish in 20 s.
fn isms(dir: &Path, args: &[&str]) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || send.send(child.wait_with_output().unwrap()));
    match receive.recv_timeout(Duration::from_secs(20)) {
        Ok(output) => output,
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("isms {args:?} hung");
        }
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[test]
fn a_symlinked_lock_leaves_its_target_untouched() {
    let dir = workspace();
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(outside.path(), "precious\n").unwrap();
    symlink(outside.path(), dir.path().join(".isms.lock")).unwrap();
    let output = isms(dir.path(), &["soa", "set", "5.1", "--owner", "Z"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("symbolic link"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(outside.path()).unwrap(), b"precious\n");
    // `isms unlock` removes the link itself, never its target.
    let output = isms(dir.path(), &["unlock", "--yes"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(std::fs::read(outside.path()).unwrap(), b"precious\n");
    let output = isms(dir.path(), &["soa", "set", "5.1", "--owner", "Z"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn planted_temporary_file_links_are_never_written_through() {
    let dir = workspace();
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(outside.path(), "precious\n").unwrap();
    // The names older versions used (pid-based), for every pid a short run could get.
    for pid in 1..2000 {
        symlink(
            outside.path(),
            dir.path().join(format!(".soa.ron.tmp-{pid}")),
        )
        .unwrap();
    }
    let output = isms(dir.path(), &["soa", "set", "5.1", "--owner", "Z"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(std::fs::read(outside.path()).unwrap(), b"precious\n");
    let soa = std::fs::read_to_string(dir.path().join("soa.ron")).unwrap();
    assert!(soa.contains("owner: \"Z\""));
    assert!(
        !std::fs::symlink_metadata(dir.path().join("soa.ron"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn workspace_files_that_are_links_fifos_or_devices_are_refused_by_kind() {
    type Make = fn(&Path);
    let cases: [(&str, Make); 3] = [
        ("a symbolic link", |p| {
            symlink(std::fs::canonicalize(GOOD).unwrap().join("soa.ron"), p).unwrap()
        }),
        ("a named pipe (FIFO)", mkfifo),
        ("a symbolic link", |p| symlink("/dev/zero", p).unwrap()),
    ];
    for (kind, make) in cases {
        let dir = workspace();
        std::fs::remove_file(dir.path().join("soa.ron")).unwrap();
        make(&dir.path().join("soa.ron"));
        for args in [&["check"][..], &["soa", "set", "5.1", "--owner", "Z"]] {
            let output = isms(dir.path(), args);
            assert_eq!(output.status.code(), Some(2), "{kind} {args:?}");
            assert_eq!(
                stderr(&output),
                format!("isms: soa.ron: is {kind}; isms reads only regular files\n")
            );
        }
    }
}

#[test]
fn a_device_as_catalogue_is_refused() {
    let dir = workspace();
    let output = isms(dir.path(), &["show", "5.1", "--catalogue", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "isms: /dev/zero: is a device; isms reads only regular files\n"
    );
}

#[test]
fn a_read_only_workspace_file_is_refused_not_replaced() {
    let dir = workspace();
    let soa = dir.path().join("soa.ron");
    std::fs::set_permissions(&soa, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&soa).unwrap();
    let output = isms(dir.path(), &["soa", "set", "5.1", "--owner", "Z"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no write permission"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&soa).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&soa).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

#[test]
fn output_to_a_fifo_writes_into_it() {
    let dir = workspace();
    let fifo = dir.path().join("out.fifo");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let output = isms(
        dir.path(),
        &["soa", "--format", "csv", "-o", fifo.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = reader.join().unwrap();
    assert!(text.starts_with("Control"), "{text:.80}");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn output_to_a_missing_directory_says_so() {
    let dir = workspace();
    let output = isms(
        dir.path(),
        &["soa", "--format", "md", "-o", "/nonexistent/dir/x.md"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).ends_with(
            "isms: /nonexistent/dir/x.md: the directory does not exist; nothing was written\n"
        ),
        "{}",
        stderr(&output)
    );
}
