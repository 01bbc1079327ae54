//! Teams on git, end to end with the real `git` and the real binary: the merge driver installed by
//! `isms git setup` merges two branches that edited the same SoA entry and sub-clause and both
//! added a risk, a finding and evidence;
//! per-record history and blame; approve → edit → `isms diff` lists exactly the edit; exports
//! stamped with the approval.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A repository in a temporary directory, with git and isms isolated from the user's config.
struct Repo {
    /// Removed with the first repository; clones live in it too.
    _temp: Option<tempfile::TempDir>,
    home: PathBuf,
    dir: PathBuf,
}

impl Repo {
    fn new() -> Repo {
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join("isms");
        std::fs::create_dir(&dir).unwrap();
        let repo = Repo {
            home: home.path().to_path_buf(),
            _temp: Some(home),
            dir,
        };
        repo.git(&["init", "--quiet", "-b", "main"]);
        repo.as_user("Alice");
        repo
    }

    fn env(&self, command: &mut Command) {
        command
            .current_dir(&self.dir)
            .env("HOME", &self.home)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("NO_COLOR", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
    }

    fn as_user(&self, name: &str) {
        self.git(&["config", "user.name", name]);
        let email = format!("{}@example.org", name.to_lowercase());
        self.git(&["config", "user.email", &email]);
    }

    fn git(&self, args: &[&str]) -> String {
        let mut command = Command::new("git");
        self.env(&mut command);
        let output = command.args(args).output().unwrap();
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            text(&output.stderr)
        );
        text(&output.stdout)
    }

    fn isms(&self, args: &[&str]) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_isms"));
        self.env(&mut command);
        command.args(args).output().unwrap()
    }

    fn isms_ok(&self, args: &[&str]) -> String {
        let output = self.isms(args);
        assert!(
            output.status.success(),
            "isms {args:?}: {}",
            text(&output.stderr)
        );
        text(&output.stdout)
    }

    /// A second person's clone, beside this repository.
    fn clone_as(&self, name: &str, user: &str) -> Repo {
        let dir = self.home.join(name);
        self.git(&[
            "clone",
            "--quiet",
            self.dir.to_str().unwrap(),
            dir.to_str().unwrap(),
        ]);
        let clone = Repo {
            _temp: None,
            home: self.home.clone(),
            dir,
        };
        clone.as_user(user);
        clone
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "--quiet", "-m", message]);
    }

    fn path(&self) -> &Path {
        &self.dir
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn json(output: &str) -> serde_json::Value {
    serde_json::from_str(output).unwrap()
}

/// A repository with a fresh workspace committed on `main`, the drivers installed.
fn workspace_repo() -> Repo {
    let repo = Repo::new();
    repo.isms_ok(&["init", "."]);
    repo.isms_ok(&["git", "setup"]);
    let attributes = std::fs::read_to_string(repo.path().join(".gitattributes")).unwrap();
    for file in [
        "soa.ron",
        "isms.ron",
        "evidence.ron",
        "audits.ron",
        "findings.ron",
    ] {
        assert!(attributes.contains(&format!("{file} merge=isms diff=isms")));
    }
    repo.commit("Start the ISMS");
    repo
}

#[test]
#[ignore = "needs git; .ci/run installs it"]
fn branches_editing_one_entry_and_both_adding_a_risk_merge_cleanly() {
    let repo = workspace_repo();
    // Two people in two clones, neither seeing the other's work until the merge.
    let ops = repo.clone_as("ops", "Alice");
    ops.isms_ok(&["soa", "set", "8.13", "--status", "implemented"]);
    ops.isms_ok(&[
        "risk",
        "add",
        "--title",
        "Ransomware",
        "--likelihood",
        "4",
        "--impact",
        "5",
    ]);
    // The management system too: each adds a finding and evidence, and each edits another
    // field of sub-clause 9.2.2.
    ops.isms_ok(&["clause", "set", "9.2.2", "--status", "met"]);
    ops.isms_ok(&[
        "finding",
        "add",
        "--kind",
        "minor_nc",
        "--source",
        "self_identified",
        "--ref",
        "8.13",
        "--statement",
        "Restores are never tested",
    ]);
    ops.isms_ok(&[
        "evidence",
        "add",
        "--title",
        "Backup runbook",
        "--kind",
        "document",
        "--location",
        "https://handbook.example/backups",
        "--supports",
        "8.13",
    ]);
    ops.commit("Backups are in place");

    repo.as_user("Bob");
    repo.isms_ok(&["soa", "set", "8.13", "--owner", "Platform team"]);
    repo.isms_ok(&[
        "risk",
        "add",
        "--title",
        "Laptop theft",
        "--likelihood",
        "3",
        "--impact",
        "3",
    ]);
    repo.isms_ok(&["clause", "set", "9.2.2", "--owner", "Internal auditor"]);
    repo.isms_ok(&[
        "finding",
        "add",
        "--kind",
        "observation",
        "--source",
        "monitoring",
        "--ref",
        "clause:9.2.2",
        "--statement",
        "No audit plan yet",
    ]);
    repo.isms_ok(&[
        "evidence",
        "add",
        "--title",
        "Audit charter",
        "--kind",
        "document",
        "--location",
        "https://handbook.example/audit",
        "--supports",
        "clause:9.2.2",
    ]);
    repo.commit("Backups have an owner");

    repo.git(&["fetch", "--quiet", ops.path().to_str().unwrap(), "main:ops"]);
    let mut merge = Command::new("git");
    repo.env(&mut merge);
    let merged = merge.args(["merge", "--no-edit", "ops"]).output().unwrap();
    assert!(merged.status.success(), "{}", text(&merged.stderr));
    assert!(
        text(&merged.stderr)
            .contains("risk R-001 was added on both sides; the incoming one is now R-002"),
        "{}",
        text(&merged.stderr)
    );
    assert!(!repo.path().join(".isms-conflicts.ron").exists());

    let soa = json(&repo.isms_ok(&["soa", "--format", "json"]));
    let entry = soa["entries"]
        .as_array()
        .or_else(|| soa.as_array())
        .unwrap()
        .iter()
        .find(|e| e["control"] == "8.13")
        .unwrap()
        .clone();
    assert_eq!(entry["status"], "implemented");
    assert_eq!(entry["owner"], "Platform team");
    let risks = std::fs::read_to_string(repo.path().join("risks.ron")).unwrap();
    assert!(risks.contains("Ransomware") && risks.contains("Laptop theft"));
    assert!(risks.contains("id: \"R-001\"") && risks.contains("id: \"R-002\""));
    let stderr = text(&merged.stderr);
    for moved in [
        "finding F-001 was added on both sides; the incoming one is now F-002",
        "evidence E-001 was added on both sides; the incoming one is now E-002",
    ] {
        assert!(stderr.contains(moved), "{stderr}");
    }
    let findings = std::fs::read_to_string(repo.path().join("findings.ron")).unwrap();
    let evidence = std::fs::read_to_string(repo.path().join("evidence.ron")).unwrap();
    for (file, wanted) in [
        (&findings, "No audit plan yet"),
        (&findings, "Restores are never tested"),
        (&findings, "id: \"F-002\""),
        (&evidence, "Audit charter"),
        (&evidence, "Backup runbook"),
        (&evidence, "id: \"E-002\""),
    ] {
        assert!(file.contains(wanted), "{wanted} in {file}");
    }
    let clauses = json(&repo.isms_ok(&["clauses", "--format", "json"]));
    let clause = clauses
        .as_array()
        .or_else(|| clauses["clauses"].as_array())
        .unwrap()
        .iter()
        .find(|c| c["clause"] == "9.2.2" || c["id"] == "9.2.2")
        .unwrap()
        .clone();
    assert_eq!(clause["status"], "met", "{clause}");
    assert_eq!(clause["owner"], "Internal auditor", "{clause}");
    // Written in the canonical format: reading and writing again gives the same bytes.
    let catalogue = isms::domain::catalogue::Catalogue::builtin();
    for file in ["isms.ron", "evidence.ron", "findings.ron"] {
        let written = std::fs::read_to_string(repo.path().join(file)).unwrap();
        let part = isms::domain::workspace_part::parse_part(file, &written, &catalogue).unwrap();
        let again = isms::domain::workspace_part::render_file(file, &part);
        assert_eq!(again.as_deref(), Some(written.as_str()), "{file}");
    }
    let check = repo.isms(&["check"]);
    assert!(
        !text(&check.stderr).contains("isms:"),
        "{}",
        text(&check.stderr)
    );
    // The stamps name git's users.
    let soa_file = std::fs::read_to_string(repo.path().join("soa.ron")).unwrap();
    assert!(soa_file.contains("by: \"Alice\"") || soa_file.contains("by: \"Bob\""));
}

#[test]
#[ignore = "needs git; .ci/run installs it"]
fn the_same_field_changed_on_both_branches_stops_with_a_conflicts_file() {
    let repo = workspace_repo();
    repo.git(&["checkout", "--quiet", "-b", "other"]);
    repo.isms_ok(&["soa", "set", "5.1", "--owner", "CISO"]);
    repo.commit("Owner CISO");
    repo.git(&["checkout", "--quiet", "main"]);
    repo.isms_ok(&["soa", "set", "5.1", "--owner", "CEO"]);
    repo.commit("Owner CEO");
    let mut merge = Command::new("git");
    repo.env(&mut merge);
    let merged = merge
        .args(["merge", "--no-edit", "other"])
        .output()
        .unwrap();
    assert!(!merged.status.success());
    let conflicts = std::fs::read_to_string(repo.path().join(".isms-conflicts.ron")).unwrap();
    assert!(conflicts.contains("record: \"5.1\""), "{conflicts}");
    assert!(conflicts.contains("ours: \"CEO\"") && conflicts.contains("theirs: \"CISO\""));
    // Theirs' version of the file, for the workbench's "take theirs".
    assert!(conflicts.contains("\"soa.ron\":"), "{conflicts}");
    let soa_file = std::fs::read_to_string(repo.path().join("soa.ron")).unwrap();
    assert!(soa_file.contains("owner: \"CEO\"") && !soa_file.contains("<<<<<<<"));
}

#[test]
#[ignore = "needs git; .ci/run installs it"]
fn history_and_blame_name_each_commit_and_field() {
    let repo = workspace_repo();
    repo.isms_ok(&["soa", "set", "8.13", "--status", "partial"]);
    repo.commit("Backups partly done");
    repo.isms_ok(&["soa", "set", "5.1", "--owner", "CISO"]);
    repo.commit("Unrelated entry");
    repo.as_user("Bob");
    repo.isms_ok(&[
        "soa",
        "set",
        "8.13",
        "--status",
        "implemented",
        "--justification",
        "We restore weekly.",
    ]);
    repo.commit("Backups done");

    let history = repo.isms_ok(&["history", "8.13"]);
    assert!(history.contains("Backups partly done"), "{history}");
    assert!(
        history.contains("status: partial → implemented"),
        "{history}"
    );
    assert!(!history.contains("Unrelated entry"), "{history}");
    let rows = json(&repo.isms_ok(&["history", "8.13", "--format", "json"]));
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 3, "created, partial, implemented: {rows:?}");
    assert_eq!(rows[2]["author"], "Bob");

    let blame = json(&repo.isms_ok(&["blame", "8.13", "--format", "json"]));
    let field = |name: &str| {
        blame
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["field"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(field("status")["author"], "Bob");
    assert_eq!(field("justification")["message"], "Backups done");
    assert_eq!(field("control")["message"], "Start the ISMS");
    assert!(repo.isms_ok(&["blame", "8.13"]).contains("status"));
}

#[test]
#[ignore = "needs git; .ci/run installs it"]
fn approve_then_edit_and_diff_lists_exactly_the_edit() {
    let repo = workspace_repo();
    repo.isms_ok(&["soa", "set", "5.1", "--applicability", "applicable"]);
    repo.commit("Policies apply");
    repo.as_user("Carol");
    let approved = repo.isms_ok(&["approve", "soa", "--message", "Board meeting 12"]);
    assert!(approved.contains("soa-v1"), "{approved}");
    let tagger = repo.git(&["for-each-ref", "--format=%(taggername)", "refs/tags/soa-v1"]);
    assert_eq!(tagger.trim(), "Carol");
    let settings = std::fs::read_to_string(repo.path().join("workspace.ron")).unwrap();
    assert!(settings.contains("soa_version: \"1\""), "{settings}");

    repo.isms_ok(&["soa", "set", "8.13", "--status", "planned"]);
    let diff = json(&repo.isms_ok(&["diff", "--format", "json"]));
    let records = diff["records"].as_array().unwrap();
    assert_eq!(records.len(), 1, "{diff}");
    assert_eq!(records[0]["record"], "8.13");
    let changes = records[0]["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{diff}");
    assert_eq!(changes[0]["field"], "status");
    assert_eq!(changes[0]["after"], "planned");
    let markdown = repo.isms_ok(&["diff", "--format", "markdown"]);
    assert!(
        markdown.contains("8.13") && markdown.contains("planned"),
        "{markdown}"
    );
}

#[test]
#[ignore = "needs git; .ci/run installs it"]
fn exports_are_stamped_with_the_approved_version_approver_date_and_commit() {
    let repo = workspace_repo();
    let head = |repo: &Repo| {
        repo.git(&["rev-parse", "--short=12", "HEAD"])
            .trim()
            .to_string()
    };
    let draft = repo.isms_ok(&["soa", "--format", "md"]);
    assert!(draft.contains("- **Status:** draft\n"), "{draft}");
    assert!(
        draft.contains("- **Approved by:** not yet approved\n"),
        "{draft}"
    );
    assert!(
        draft.contains(&format!("- **Commit:** {}\n", head(&repo))),
        "{draft}"
    );

    repo.as_user("Carol");
    repo.isms_ok(&["approve", "soa"]);
    let approved_commit = head(&repo);
    let day = repo.git(&[
        "for-each-ref",
        "--format=%(taggerdate:short)",
        "refs/tags/soa-v1",
    ]);
    let stamp = [
        "- **Status:** approved\n".to_string(),
        "- **Approved version:** 1\n".to_string(),
        "- **Approved by:** Carol\n".to_string(),
        format!("- **Approved on:** {}\n", day.trim()),
        format!("- **Approved commit:** {approved_commit}\n"),
        format!("- **Commit:** {approved_commit}\n"),
    ];
    for document in [
        repo.isms_ok(&["soa", "--format", "md"]),
        repo.isms_ok(&["risks", "--format", "md"]),
    ] {
        for line in &stamp {
            assert!(document.contains(line.as_str()), "{line} in {document}");
        }
    }
    let oscal = repo.path().join("oscal");
    repo.isms_ok(&["soa", "--format", "oscal", "-o", oscal.to_str().unwrap()]);
    for file in ["isms-ssp.json", "isms-profile.json", "isms-catalog.json"] {
        let document = json(&std::fs::read_to_string(oscal.join(file)).unwrap());
        let model = document.as_object().unwrap().values().next().unwrap();
        let props = model["metadata"]["props"].as_array().unwrap();
        let value = |name: &str| {
            let found = props.iter().find(|p| p["name"] == name);
            found.map(|p| p["value"].as_str().unwrap().to_string())
        };
        assert_eq!(
            value("document-status").as_deref(),
            Some("approved"),
            "{file}"
        );
        assert_eq!(value("approved-version").as_deref(), Some("1"), "{file}");
        assert_eq!(value("approved-by").as_deref(), Some("Carol"), "{file}");
        assert_eq!(value("approved-on").as_deref(), Some(day.trim()), "{file}");
        assert_eq!(value("approved-commit"), Some(approved_commit.clone()));
        assert_eq!(
            value("generated-from-commit"),
            Some(approved_commit.clone())
        );
    }
    let html = repo.isms_ok(&["soa", "--format", "html"]);
    assert!(
        html.contains("<th scope=\"row\">Approved by</th><td>Carol</td>"),
        "{html}"
    );
    assert!(html.contains(&approved_commit), "{html}");
    let docx_file = repo.path().join("risks.docx");
    repo.isms_ok(&[
        "risks",
        "--format",
        "docx",
        "-o",
        docx_file.to_str().unwrap(),
    ]);
    let docx = std::fs::read(&docx_file).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut body = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").unwrap(),
        &mut body,
    )
    .unwrap();
    assert!(
        body.contains("Approved version") && body.contains("Carol"),
        "{body}"
    );
    std::fs::remove_file(&docx_file).unwrap();

    // An edit after the approval makes the export a draft again, still naming the approval.
    repo.isms_ok(&["soa", "set", "8.13", "--status", "planned"]);
    let edited = repo.isms_ok(&["soa", "--format", "md"]);
    assert!(
        edited.contains("changed since approved version 1"),
        "{edited}"
    );
    assert!(edited.contains("- **Approved by:** Carol\n"), "{edited}");
    assert!(
        edited.contains(&format!("{approved_commit} with uncommitted changes")),
        "{edited}"
    );
    repo.commit("Backups planned");
    let committed = repo.isms_ok(&["soa", "--format", "md"]);
    assert!(
        committed.contains("changed since approved version 1"),
        "{committed}"
    );
    assert!(
        committed.contains(&format!("- **Commit:** {}\n", head(&repo))),
        "{committed}"
    );
    assert_ne!(head(&repo), approved_commit);
}

#[test]
#[ignore = "needs git; .ci/run installs it"]
fn new_risk_ids_go_above_every_branch_and_check_warns_a_clone_without_the_driver() {
    let repo = workspace_repo();
    repo.git(&["checkout", "--quiet", "-b", "elsewhere"]);
    repo.isms_ok(&[
        "risk",
        "add",
        "--title",
        "Flood",
        "--likelihood",
        "1",
        "--impact",
        "4",
    ]);
    repo.commit("Flood risk");
    repo.git(&["checkout", "--quiet", "main"]);
    let added = repo.isms_ok(&[
        "risk",
        "add",
        "--title",
        "Fraud",
        "--likelihood",
        "2",
        "--impact",
        "4",
    ]);
    assert_eq!(added.trim(), "R-002", "R-001 is taken on another branch");

    let clone = repo.path().with_file_name("clone");
    repo.git(&[
        "clone",
        "--quiet",
        repo.path().to_str().unwrap(),
        clone.to_str().unwrap(),
    ]);
    let mut check = Command::new(env!("CARGO_BIN_EXE_isms"));
    repo.env(&mut check);
    let check = check
        .args(["-w", clone.to_str().unwrap(), "check"])
        .output()
        .unwrap();
    assert!(
        text(&check.stderr).contains("isms git setup"),
        "{}",
        text(&check.stderr)
    );
    let setup = repo.isms(&["check"]);
    assert!(!text(&setup.stderr).contains("isms git setup"));
}

#[test]
#[ignore = "needs git; .ci/run installs it"]
fn auto_commit_commits_each_save_with_a_message_that_says_what_changed() {
    let repo = workspace_repo();
    let settings = repo.path().join("workspace.ron");
    let text = std::fs::read_to_string(&settings).unwrap();
    assert!(
        !text.contains("auto_commit"),
        "off by default and not written"
    );
    let on = text.replacen(
        "    risk_method:",
        "    auto_commit: true,\n    risk_method:",
        1,
    );
    std::fs::write(&settings, on).unwrap();
    repo.commit("Commit every save");
    repo.isms_ok(&[
        "soa", "set", "8.13", "--status", "partial", "--owner", "Ops",
    ]);
    let subject = repo.git(&["log", "-1", "--format=%s"]);
    assert_eq!(
        subject.trim(),
        "soa 8.13: status not_started→partial, owner set"
    );
    assert!(repo.git(&["status", "--porcelain"]).trim().is_empty());
}
