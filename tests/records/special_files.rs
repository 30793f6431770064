//! Only regular files are read: a pipe named like a record is named and skipped at once, links to folders
//! (loops among them) are named and never followed, and a link to a record is read once.

use std::sync::mpsc;
use std::time::Duration;

use super::*;

/// How long a scan may take before it counts as hanging: far beyond what it needs.
const DEADLINE: Duration = Duration::from_secs(60);

/// Scans `results` on another thread; fails the test if the scan does not finish by the deadline.
fn scan_within_deadline(results: &Path) -> Vec<Entry> {
    let (sender, receiver) = mpsc::channel();
    let folders = vec![results.to_path_buf()];
    std::thread::spawn(move || {
        let entries: Vec<Entry> = scan(&folders, None, None).collect();
        let _ = sender.send(entries);
    });
    receiver
        .recv_timeout(DEADLINE)
        .expect("the scan did not finish: it hangs on a special file or a link loop")
}

fn problem(entries: &[Entry], name: &str) -> String {
    entries
        .iter()
        .find_map(|e| match e {
            Entry::Problem(p) if p.path.file_name().is_some_and(|n| n == name) => Some(p.message()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no problem named {name}: {entries:#?}"))
}

/// A results folder holding one record in its session folder.
fn results_with_one_record() -> (tempfile::TempDir, AttemptRecord) {
    let dir = tempfile::tempdir().unwrap();
    let good = sample(1, participant("A", "ngo"), "q");
    store(dir.path(), None).create(&good).unwrap();
    (dir, good)
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

#[test]
fn a_pipe_named_like_a_record_is_named_and_skipped_without_waiting() {
    let (dir, good) = results_with_one_record();
    mkfifo(&dir.path().join("almaty-2010-04/x.ron"));

    let entries = scan_within_deadline(dir.path());
    assert_eq!(loaded(&entries), vec![&good]);
    assert!(problem(&entries, "x.ron").starts_with("not a regular file"));
}

#[test]
fn a_pipe_that_replaces_a_listed_file_is_refused_once_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("late.ron");
    mkfifo(&path);
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(vigil::record::listing::read_regular(&path));
    });
    let read = receiver
        .recv_timeout(DEADLINE)
        .expect("opening a pipe waited");
    assert!(
        read.unwrap_err()
            .to_string()
            .starts_with("not a regular file")
    );
}

#[test]
fn link_loops_are_named_and_never_followed() {
    let (dir, good) = results_with_one_record();
    let session = dir.path().join("almaty-2010-04");
    std::os::unix::fs::symlink(".", session.join("a")).unwrap();
    std::os::unix::fs::symlink(".", session.join("b")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("up")).unwrap();
    std::os::unix::fs::symlink("gone.ron", session.join("nowhere.ron")).unwrap();

    let entries = scan_within_deadline(dir.path());
    assert_eq!(loaded(&entries), vec![&good], "the record is read once");
    for name in ["a", "b", "up"] {
        assert!(problem(&entries, name).starts_with("a link to a folder"));
    }
    assert!(problem(&entries, "nowhere.ron").starts_with("a link that leads nowhere"));
    assert_eq!(entries.len(), 5, "{entries:#?}");
}

#[test]
fn a_link_to_a_record_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let good = sample(1, participant("A", "ngo"), "q");
    let target = store(elsewhere.path(), None).create(&good).unwrap();
    let session = dir.path().join("almaty-2010-04");
    std::fs::create_dir_all(&session).unwrap();
    std::os::unix::fs::symlink(&target, session.join("linked.ron")).unwrap();

    let entries = scan_within_deadline(dir.path());
    assert_eq!(loaded(&entries), vec![&good]);
    assert_eq!(entries.len(), 1);
}
