//! `vigil check` and `vigil list` run as a user would: the real binary, real files, exact output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn vigil(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigil"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the vigil binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).replace('\\', "/")
}

/// Every file (or folder, for cross-file cases) in `tests/fixtures/invalid/` gives exactly the report in its
/// `.expected` file. Set `VIGIL_BLESS=1` to rewrite the expected files after a deliberate change, then review them.
#[test]
fn each_invalid_fixture_gives_its_exact_report() {
    let root = manifest_dir();
    let folder = root.join("tests/fixtures/invalid");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "ron"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "only {} fixtures", cases.len());
    let bless = std::env::var_os("VIGIL_BLESS").is_some();
    let mut failures = Vec::new();
    for case in cases {
        let relative = case
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let output = vigil(&["check", &relative], &root);
        let actual = stdout(&output);
        let expected_path = case.with_extension("expected");
        if bless {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "{relative}:\n--- expected\n{expected}\n--- actual\n{actual}"
            ));
        }
        let warnings_only = relative.ends_with("warnings.ron");
        let expected_code = if warnings_only { 0 } else { 1 };
        if output.status.code() != Some(expected_code) {
            failures.push(format!("{relative}: exit code {:?}", output.status.code()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn warnings_fail_only_when_denied() {
    let root = manifest_dir();
    let file = "tests/fixtures/invalid/warnings.ron";
    assert_eq!(vigil(&["check", file], &root).status.code(), Some(0));
    let denied = vigil(&["check", "--deny-warnings", file], &root);
    assert_eq!(denied.status.code(), Some(1));
    assert!(stdout(&denied).ends_with("0 errors, 4 warnings; failed: warnings are denied\n"));
}

#[test]
fn valid_fixtures_and_the_documented_example_pass_with_warnings_denied() {
    let root = manifest_dir();
    let output = vigil(
        &[
            "check",
            "--deny-warnings",
            "tests/fixtures/valid",
            "docs/examples",
        ],
        &root,
    );
    assert_eq!(
        stdout(&output),
        "checked 3 files (3 quizzes): no problems found\n"
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn json_report_counts_match_the_findings() {
    let root = manifest_dir();
    let output = vigil(
        &[
            "check",
            "--format",
            "json",
            "tests/fixtures/invalid/warnings.ron",
            "tests/fixtures/invalid/branch-cycle.ron",
        ],
        &root,
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["files"], 2);
    assert_eq!(report["errors"], 1);
    assert_eq!(report["warnings"], 4);
    assert_eq!(report["passed"], false);
    let first = &report["diagnostics"][0];
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["line"], 15);
    assert_eq!(first["subject"], "question `consent`");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_missing_path_is_named_and_fails() {
    let root = manifest_dir();
    let output = vigil(&["check", "no/such/quiz.ron"], &root);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).starts_with("no/such/quiz.ron: error: no such file or folder\n"));
}

#[test]
fn an_oversized_file_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    let mut text = String::from("(format: 1, title: \"");
    text.push_str(&"a".repeat(50 * 1024 * 1024));
    std::fs::write(&big, text).unwrap();
    let output = vigil(&["check", "big.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).starts_with("big.ron: error: the file is larger than 16 MiB"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_hundred_thousand_nested_parentheses_are_refused_without_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("deep.ron"), "(".repeat(100_000)).unwrap();
    let output = vigil(&["check", "deep.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).starts_with("deep.ron:1:"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let root = manifest_dir();
    assert_eq!(
        vigil(&["check", "--format", "xml"], &root).status.code(),
        Some(2)
    );
    assert_eq!(vigil(&["frobnicate"], &root).status.code(), Some(2));
}

#[test]
fn check_without_paths_uses_quizzes_here_else_the_built_in_bank() {
    let dir = tempfile::tempdir().unwrap();
    let built_in = vigil(&["check"], dir.path());
    assert_eq!(built_in.status.code(), Some(0), "{}", stdout(&built_in));
    std::fs::create_dir(dir.path().join("quizzes")).unwrap();
    std::fs::write(dir.path().join("quizzes/broken.ron"), "(").unwrap();
    let local = vigil(&["check"], dir.path());
    assert_eq!(local.status.code(), Some(1));
    assert!(stdout(&local).contains("broken.ron"));
}

#[test]
fn list_shows_added_folders_with_their_source() {
    let root = manifest_dir();
    let output = vigil(
        &["list", "--format", "json", "--quizzes", "docs/examples"],
        &root,
    );
    assert_eq!(output.status.code(), Some(0));
    let entries: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let example = entries
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "example-every-kind")
        .expect("the example quiz is listed");
    assert_eq!(example["questions"], 6);
    assert_eq!(example["language"], "en");
    assert!(
        example["source"]
            .as_str()
            .unwrap()
            .ends_with("every-kind.ron")
    );
}

#[test]
fn list_leaves_out_broken_files_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.ron"), "(format: 1").unwrap();
    let output = vigil(&["list", "--quizzes", "."], dir.path());
    assert_eq!(output.status.code(), Some(0));
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.contains("broken.ron:1:"), "{errors}");
    assert!(errors.contains("left out"), "{errors}");
}

#[test]
fn a_quiz_that_does_not_exist_is_reported_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let output = vigil(&["run", "no-such-quiz"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty(), "no escape codes on stdout");
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        errors.contains("there is no quiz `no-such-quiz`; `vigil list` shows the quizzes"),
        "{errors}"
    );
}

#[test]
fn without_a_terminal_the_app_says_so_in_one_line_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&[][..], &["run"][..], &["run", "warm-up"][..]] {
        let output = vigil(args, dir.path());
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "no escape codes on stdout");
        let errors = String::from_utf8_lossy(&output.stderr);
        assert_eq!(errors.lines().count(), 1, "{errors}");
        assert!(
            errors.starts_with("vigil: vigil needs an interactive terminal"),
            "{errors}"
        );
    }
}

/// Runs vigil and gives up (killing it and failing) when it has not finished within `seconds`, so a read that
/// hangs can never hang the test run.
#[cfg(unix)]
fn vigil_within(seconds: u64, args: &[&str], cwd: &Path) -> Output {
    use std::process::Stdio;
    use std::sync::mpsc;
    use std::time::Duration;
    let child = Command::new(env!("CARGO_BIN_EXE_vigil"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the vigil binary runs");
    let pid = child.id().to_string();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || sender.send(child.wait_with_output()));
    match receiver.recv_timeout(Duration::from_secs(seconds)) {
        Ok(output) => output.expect("vigil's output is collected"),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid]).status();
            panic!("vigil {args:?} did not finish within {seconds} s");
        }
    }
}

#[cfg(unix)]
fn make_fifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

/// A temporary folder holding `quizzes/small.ron`, a valid quiz; returns it and the `quizzes` folder.
#[cfg(unix)]
fn folder_with_a_valid_quiz() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let quizzes = dir.path().join("quizzes");
    std::fs::create_dir(&quizzes).unwrap();
    std::fs::copy(
        manifest_dir().join("tests/fixtures/valid/small.ron"),
        quizzes.join("small.ron"),
    )
    .unwrap();
    (dir, quizzes)
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_quiz_is_named_as_a_problem_not_waited_on() {
    let (dir, quizzes) = folder_with_a_valid_quiz();
    make_fifo(&quizzes.join("x.ron"));
    let output = vigil_within(20, &["check", "quizzes"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(
        report.starts_with(
            "quizzes/x.ron: error: this is a named pipe (FIFO), not a regular file; it was not read\n"
        ),
        "{report}"
    );
    assert!(report.contains("checked 2 files (1 quiz)"), "{report}");

    let listed = vigil_within(20, &["list", "--quizzes", "quizzes"], dir.path());
    assert_eq!(listed.status.code(), Some(0));
    let errors = String::from_utf8_lossy(&listed.stderr);
    assert!(
        errors.contains("x.ron: error: this is a named pipe"),
        "{errors}"
    );
    assert!(stdout(&listed).contains("quizzes/small.ron"));
}

#[cfg(unix)]
#[test]
fn a_fifo_given_by_name_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    make_fifo(&dir.path().join("x.ron"));
    let output = vigil_within(20, &["check", "x.ron"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output)
            .starts_with("x.ron: error: this is a named pipe (FIFO), not a regular file"),
        "{}",
        stdout(&output)
    );
    let config = vigil_within(20, &["--config", "x.ron", "records"], dir.path());
    assert_eq!(config.status.code(), Some(1));
    let errors = String::from_utf8_lossy(&config.stderr);
    assert!(errors.contains("this is a named pipe (FIFO)"), "{errors}");
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_named_once_and_never_followed() {
    let (dir, quizzes) = folder_with_a_valid_quiz();
    std::os::unix::fs::symlink(".", quizzes.join("a")).unwrap();
    std::os::unix::fs::symlink(".", quizzes.join("b")).unwrap();
    let output = vigil_within(20, &["check", "quizzes"], dir.path());
    let report = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{report}");
    for link in ["quizzes/a", "quizzes/b"] {
        assert!(
            report.contains(&format!(
                "{link}: error: this is a link to a folder, not a regular file; it was not read\n"
            )),
            "{report}"
        );
    }
    assert!(!report.contains("also defined in"), "{report}");
    assert!(
        report.ends_with("checked 3 files (1 quiz): 2 errors, 0 warnings; failed\n"),
        "{report}"
    );

    for args in [
        &["list", "--quizzes", "quizzes"][..],
        &["report", "--quizzes", "quizzes", "--results", "results"][..],
    ] {
        let output = vigil_within(20, args, dir.path());
        assert_eq!(output.status.code(), Some(0), "{args:?}");
    }
}

fn has_raw_control(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes)
        .chars()
        .any(|c| c.is_control() && c != '\n')
}

#[test]
fn json_output_never_carries_a_raw_control_character() {
    let dir = tempfile::tempdir().unwrap();
    let small =
        std::fs::read_to_string(manifest_dir().join("tests/fixtures/valid/small.ron")).unwrap();
    let hostile = small.replacen("id: \"", "id: \"q\u{9b}31m\u{7f}\u{85}", 1);
    std::fs::write(dir.path().join("hostile.ron"), hostile).unwrap();
    std::fs::write(dir.path().join("f\u{9b}2J.ron"), "(").unwrap();
    let checked = vigil(
        &["check", "--format", "json", "hostile.ron", "f\u{9b}2J.ron"],
        dir.path(),
    );
    assert_eq!(checked.status.code(), Some(1));
    assert!(!has_raw_control(&checked.stdout), "{}", stdout(&checked));
    let raw = String::from_utf8_lossy(&checked.stdout);
    assert!(raw.contains("\"file\": \"f\\u009b2J.ron\""), "{raw}");
    assert!(raw.contains("U+009B"), "{raw}");
    let report: serde_json::Value = serde_json::from_slice(&checked.stdout).unwrap();
    assert!(
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["file"] == "f\u{9b}2J.ron"),
        "{report}"
    );

    let quizzes = dir.path().join("quizzes");
    std::fs::create_dir(&quizzes).unwrap();
    std::fs::write(quizzes.join("name\u{9b}2J.ron"), small).unwrap();
    let listed = vigil(
        &["list", "--format", "json", "--quizzes", "quizzes"],
        dir.path(),
    );
    assert_eq!(listed.status.code(), Some(0));
    assert!(!has_raw_control(&listed.stdout), "{}", stdout(&listed));
    let entries: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert!(
        entries
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["source"] == "quizzes/name\u{9b}2J.ron"),
        "{entries}"
    );
}

/// Item-writing cues are warnings: the check passes, and fails once warnings are denied, naming each rule.
#[test]
fn item_writing_cues_fail_the_check_only_when_warnings_are_denied() {
    let root = manifest_dir();
    let file = "tests/fixtures/invalid/lint-warnings.ron";
    assert_eq!(vigil(&["check", file], &root).status.code(), Some(0));
    let denied = vigil(
        &["check", "--deny-warnings", "--format", "json", file],
        &root,
    );
    assert_eq!(denied.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&denied.stdout).unwrap();
    assert_eq!(report["passed"], false);
    let messages: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["message"].as_str())
        .collect();
    for rule in [
        "true-false-balance",
        "all-none-of-the-above",
        "longest-option",
        "duplicate-options",
    ] {
        let tag = format!("({rule})");
        assert!(
            messages.iter().any(|m| m.ends_with(&tag)),
            "{rule}: {messages:#?}"
        );
    }
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert!(
        diagnostics.iter().all(|d| d["subject"]
            .as_str()
            .is_none_or(|s| !s.contains("allowed-long"))),
        "a reasoned allowance silences its rule: {diagnostics:#?}"
    );
    assert!(
        diagnostics
            .iter()
            .any(|d| d["subject"].as_str() == Some("question `long-key`, option `specialist`")),
        "{diagnostics:#?}"
    );
}
