//! The trainer's seal: sealing a session folder, and checking it with the key pinned on the trainer's machine
//! only; every record edited, added or deleted since is named; seals by another key or altered are rejected.

#[path = "common/records.rs"]
mod records;

use records::SESSION;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use ed25519_dalek::SigningKey;
use jiff::Timestamp;
use vigil::i18n::Lang;
use vigil::record::scan::scan;
use vigil::record::seal::keys::{PUBLIC_KEY_FILE, SIGNING_KEY_FILE, write_key_pair};
use vigil::record::seal::{
    ChangeKind, KeyError, Outcome, PinnedKey, SEAL_FILE_NAME, SealError, SealStatus, SealSurvey,
    pinned_key, seal_folder,
};
use vigil::record::{AttemptRecord, FsWriter, IntegrityKey, Participant, Phase, Store};

fn completed(seed: u64, points: f64) -> AttemptRecord {
    let participant = Participant {
        name: format!("Trainee {seed}"),
        code: None,
        group: "police".into(),
    };
    records::completed(seed, participant, Phase::Post, points)
}

/// A results folder with a session of `count` completed attempts (records carry a room-key hash with
/// `room_key`); returns the results folder and the record files.
fn session(root: &Path, count: u64, room_key: Option<IntegrityKey>) -> (PathBuf, Vec<PathBuf>) {
    let results = root.join("results");
    let store = Store::new(&results, SESSION, Arc::new(FsWriter), room_key);
    let files = (1..=count)
        .map(|seed| store.create(&completed(seed, 0.0)).unwrap())
        .collect();
    (results, files)
}

fn key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

fn pinned(seed: u8) -> PinnedKey {
    PinnedKey {
        key: key(seed).verifying_key(),
        path: PathBuf::from("pinned.pub.pem"),
    }
}

fn now() -> Timestamp {
    "2010-04-29T18:00:00Z".parse().unwrap()
}

fn survey(results: &Path, pinned: Option<&PinnedKey>) -> SealStatus {
    SealStatus::survey(&[results.to_path_buf()], &[], pinned)
}

fn outcome(status: &SealStatus) -> &Outcome {
    assert_eq!(status.sessions.len(), 1, "{status:?}");
    &status.sessions[0].outcome
}

#[test]
fn seal_and_verify_name_an_edited_an_added_and_a_deleted_record() {
    let dir = tempfile::tempdir().unwrap();
    let (results, files) = session(dir.path(), 3, None);
    let folder = results.join(SESSION);
    let sealed = seal_folder(&folder, &key(1), now(), false, Lang::En).unwrap();
    assert_eq!(
        (sealed.files, sealed.in_progress, sealed.not_records),
        (3, 0, 0)
    );
    let status = survey(&results, Some(&pinned(1)));
    assert_eq!(
        outcome(&status),
        &Outcome::Verified {
            files: 3,
            changes: Vec::new()
        }
    );
    assert!(!status.alarming());
    assert!(
        status.lines(Lang::En)[0].contains("are unchanged"),
        "{:?}",
        status.lines(Lang::En)
    );

    // A record rewritten, a record slipped in, and one taken out.
    let edited = std::fs::read_to_string(&files[0]).unwrap();
    assert!(edited.contains("Trainee 1"));
    std::fs::write(&files[0], edited.replace("Trainee 1", "Trainee 8")).unwrap();
    let added = Store::new(&results, SESSION, Arc::new(FsWriter), None)
        .create(&completed(9, 1.0))
        .unwrap();
    std::fs::remove_file(&files[2]).unwrap();

    let status = survey(&results, Some(&pinned(1)));
    let Outcome::Verified {
        files: sealed,
        changes,
    } = outcome(&status)
    else {
        panic!("{status:?}");
    };
    assert_eq!(*sealed, 3);
    let mut found: Vec<(ChangeKind, &Path)> = changes
        .iter()
        .map(|change| (change.kind, change.path.as_path()))
        .collect();
    found.sort();
    let mut expected = vec![
        (ChangeKind::Edited, files[0].as_path()),
        (ChangeKind::Added, added.as_path()),
        (ChangeKind::Deleted, files[2].as_path()),
    ];
    expected.sort();
    assert_eq!(found, expected);
    let deleted = changes
        .iter()
        .find(|c| c.kind == ChangeKind::Deleted)
        .unwrap();
    assert_eq!(
        deleted.attempt.as_deref(),
        Some(completed(3, 0.0).attempt.to_string().as_str())
    );
    assert_eq!(status.change_of(&files[0]), Some(ChangeKind::Edited));
    assert_eq!(status.change_of(&files[1]), None);
    assert!(status.alarming());
    let lines = status.lines(Lang::En).join("\n");
    assert!(
        lines.contains("CHANGED") && lines.contains("1 edited, 1 added, 1 deleted"),
        "{lines}"
    );
    assert!(lines.contains(&pinned(1).fingerprint()), "{lines}");
}

#[test]
fn a_removed_seal_is_named_when_a_key_is_pinned() {
    let dir = tempfile::tempdir().unwrap();
    let (results, _) = session(dir.path(), 1, None);
    let folder = results.join(SESSION);
    seal_folder(&folder, &key(1), now(), false, Lang::En).unwrap();
    std::fs::remove_file(folder.join(SEAL_FILE_NAME)).unwrap();
    let status = survey(&results, Some(&pinned(1)));
    assert_eq!(outcome(&status), &Outcome::Missing);
    assert!(
        status.lines(Lang::En)[0].contains("no trainer's seal"),
        "{:?}",
        status.lines(Lang::En)
    );
    // Without a pinned key there is nothing to say about a folder without a seal.
    assert!(survey(&results, None).is_empty());
}

#[test]
fn a_seal_made_with_another_key_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (results, _) = session(dir.path(), 2, None);
    seal_folder(&results.join(SESSION), &key(2), now(), false, Lang::En).unwrap();
    let status = survey(&results, Some(&pinned(1)));
    assert_eq!(outcome(&status), &Outcome::OtherKey);
    assert!(status.alarming());
    assert!(
        status.lines(Lang::En)[0].contains("REJECTED"),
        "{:?}",
        status.lines(Lang::En)
    );
}

#[test]
fn a_seal_whose_signature_or_list_was_tampered_with_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (results, files) = session(dir.path(), 2, None);
    let folder = results.join(SESSION);
    seal_folder(&folder, &key(1), now(), false, Lang::En).unwrap();
    let seal = folder.join(SEAL_FILE_NAME);
    let text = std::fs::read_to_string(&seal).unwrap();

    // Someone edits a record and writes its new hash into the seal.
    let record = std::fs::read(&files[0]).unwrap();
    let old = blake3::hash(&record).to_hex().to_string();
    std::fs::write(&files[0], [record.as_slice(), b" "].concat()).unwrap();
    let new = blake3::hash(&std::fs::read(&files[0]).unwrap())
        .to_hex()
        .to_string();
    assert!(text.contains(&old));
    std::fs::write(&seal, text.replace(&old, &new)).unwrap();
    let status = survey(&results, Some(&pinned(1)));
    assert_eq!(outcome(&status), &Outcome::Altered);
    assert!(status.alarming());

    // Or changes the signature itself.
    let start = text.find("signature: \"").unwrap() + "signature: \"".len();
    let mut forged = text.clone();
    let digit = if forged[start..].starts_with('0') {
        "1"
    } else {
        "0"
    };
    forged.replace_range(start..start + 1, digit);
    std::fs::write(&seal, forged).unwrap();
    assert_eq!(
        outcome(&survey(&results, Some(&pinned(1)))),
        &Outcome::Altered
    );

    // Or damages the file.
    std::fs::write(&seal, "(format: 1, session: ").unwrap();
    let status = survey(&results, Some(&pinned(1)));
    assert!(
        matches!(outcome(&status), Outcome::Unreadable { problem } if problem.to_string().starts_with("damaged seal: 1:")),
        "{status:?}"
    );
    assert!(status.alarming());
}

#[test]
fn a_key_found_in_the_results_folder_is_never_used_for_verifying() {
    let dir = tempfile::tempdir().unwrap();
    let (results, _) = session(dir.path(), 2, None);
    let folder = results.join(SESSION);
    // A trainee makes a key pair, leaves its public key in the results and session folders, and seals.
    write_key_pair(&results, &key(7), false).unwrap();
    std::fs::copy(results.join(PUBLIC_KEY_FILE), folder.join(PUBLIC_KEY_FILE)).unwrap();
    seal_folder(&folder, &key(7), now(), false, Lang::En).unwrap();

    let trainer = dir.path().join("trainer-config");
    std::fs::create_dir(&trainer).unwrap();
    let folders = [results.clone()];
    // Nothing pinned on the trainer's machine: nothing is verified, whatever lies in the results folder.
    let found = pinned_key(None, Some(&trainer), &folders).unwrap();
    assert!(found.is_none());
    let status = survey(&results, found.as_ref());
    assert_eq!(outcome(&status), &Outcome::NoKey);
    assert!(
        status.lines(Lang::En)[0].contains("NOT CHECKED"),
        "{:?}",
        status.lines(Lang::En)
    );
    // Naming the key inside the results folder is refused.
    let named = pinned_key(
        Some(&folder.join(PUBLIC_KEY_FILE)),
        Some(&trainer),
        &folders,
    );
    assert!(
        matches!(named, Err(KeyError::InResults { .. })),
        "{named:?}"
    );
    // The trainer's own pinned key rejects the trainee's seal.
    write_key_pair(&trainer, &key(1), false).unwrap();
    let pinned = pinned_key(None, Some(&trainer), &folders).unwrap();
    assert_eq!(
        outcome(&survey(&results, pinned.as_ref())),
        &Outcome::OtherKey
    );
}

#[test]
fn a_config_naming_a_public_or_signing_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for field in ["public_key", "signing_key"] {
        std::fs::write(
            dir.path().join("vigil.ron"),
            format!("(format: 1, session: \"{SESSION}\", phase: post, {field}: \"key.pem\")"),
        )
        .unwrap();
        let output = vigil(&["records", "--config", "vigil.ron"], dir.path());
        assert_eq!(output.status.code(), Some(1));
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(err.contains(&format!("`{field}`")), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn the_signing_key_is_written_owner_only_through_an_atomic_write() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let files = write_key_pair(dir.path(), &key(1), false).unwrap();
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&files.signing), 0o600);
    assert_eq!(mode(&files.public), 0o644);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [SIGNING_KEY_FILE, PUBLIC_KEY_FILE]);
    // Replacing the pair keeps the mode.
    let files = write_key_pair(dir.path(), &key(2), true).unwrap();
    assert_eq!(mode(&files.signing), 0o600);
}

#[test]
fn a_changed_folder_is_sealed_again_only_when_forced() {
    let dir = tempfile::tempdir().unwrap();
    let (results, files) = session(dir.path(), 2, None);
    let folder = results.join(SESSION);
    seal_folder(&folder, &key(1), now(), false, Lang::En).unwrap();
    // Sealing an unchanged folder again is fine.
    seal_folder(&folder, &key(1), now(), false, Lang::En).unwrap();
    std::fs::remove_file(&files[1]).unwrap();
    let refused = seal_folder(&folder, &key(1), now(), false, Lang::En).unwrap_err();
    assert!(matches!(refused, SealError::Changed { .. }));
    assert!(refused.to_string().contains("--force"), "{refused}");
    let sealed = seal_folder(&folder, &key(1), now(), true, Lang::En).unwrap();
    assert_eq!(sealed.files, 1);
    let empty = dir.path().join("results").join("nobody");
    std::fs::create_dir(&empty).unwrap();
    assert!(matches!(
        seal_folder(&empty, &key(1), now(), false, Lang::En),
        Err(SealError::Empty { .. })
    ));
}

/// The seals under `results` checked as a report checks them: with the hashes its scan takes of the files it
/// reads, so that no file is read twice.
fn survey_by_scan(results: &Path, sessions: &[String], pinned: &PinnedKey) -> SealStatus {
    let folders = [results.to_path_buf()];
    let survey = SealSurvey::start(&folders, sessions, Some(pinned));
    let mut scanned = scan(&folders, None, None);
    survey.finish(scanned.hashes())
}

fn changes(status: &SealStatus) -> Vec<(ChangeKind, PathBuf)> {
    let Outcome::Verified { changes, .. } = outcome(status) else {
        panic!("{status:?}");
    };
    changes
        .iter()
        .map(|change| (change.kind, change.path.clone()))
        .collect()
}

#[test]
fn the_hashes_a_scan_takes_check_a_seal_as_reading_the_folder_again_does() {
    let dir = tempfile::tempdir().unwrap();
    let (results, files) = session(dir.path(), 4, None);
    let folder = results.join(SESSION);
    let notes = folder.join("notes.ron");
    std::fs::write(&notes, "(a note, not a record)").unwrap();
    seal_folder(&folder, &key(1), now(), false, Lang::En).unwrap();
    assert!(changes(&survey_by_scan(&results, &[], &pinned(1))).is_empty());

    let edited = std::fs::read_to_string(&files[0]).unwrap();
    std::fs::write(&files[0], edited.replace("Trainee 1", "Trainee 8")).unwrap();
    std::fs::remove_file(&files[2]).unwrap();
    std::fs::write(&notes, "(another note)").unwrap();
    let empty = folder.join("empty.ron");
    std::fs::write(&empty, "").unwrap();
    let added = Store::new(&results, SESSION, Arc::new(FsWriter), None)
        .create(&completed(9, 1.0))
        .unwrap();

    let by_scan = survey_by_scan(&results, &[], &pinned(1));
    assert_eq!(by_scan, survey(&results, Some(&pinned(1))));
    let twice = [SESSION.to_owned(), SESSION.to_owned()];
    let named_twice = survey_by_scan(&results, &twice, &pinned(1));
    assert_eq!(named_twice.sessions.len(), 2);
    assert!(
        named_twice
            .sessions
            .iter()
            .all(|check| check == &by_scan.sessions[0])
    );

    // The seal is checked against the bytes the scan read, which are those its figures count, even when a file
    // changes between the scan and the check.
    let folders = [results.clone()];
    let survey_started = SealSurvey::start(&folders, &[], Some(&pinned(1)));
    let mut scanned = scan(&folders, None, None);
    assert_eq!(scanned.hashes().count(), 6);
    std::fs::write(&files[1], "(changed after the scan)").unwrap();
    assert_eq!(survey_started.finish(scanned.hashes()), by_scan);

    let mut expected = vec![
        (ChangeKind::Edited, files[0].clone()),
        (ChangeKind::Deleted, files[2].clone()),
        (ChangeKind::Edited, notes),
        (ChangeKind::Added, empty),
        (ChangeKind::Added, added),
    ];
    expected.sort_by(|a, b| a.1.cmp(&b.1));
    assert_eq!(changes(&by_scan), expected);
}

#[cfg(unix)]
#[test]
fn a_sealed_folder_the_scan_does_not_read_is_read_for_its_seal() {
    let dir = tempfile::tempdir().unwrap();
    let (elsewhere, files) = session(&dir.path().join("elsewhere"), 2, None);
    seal_folder(&elsewhere.join(SESSION), &key(1), now(), false, Lang::En).unwrap();
    std::fs::remove_file(&files[1]).unwrap();
    // A session folder reached through a link: the scan names the link and never follows it, but a session
    // named on the command line is the folder the link leads to, whose seal is checked.
    let results = dir.path().join("results");
    std::fs::create_dir(&results).unwrap();
    std::os::unix::fs::symlink(elsewhere.join(SESSION), results.join("linked")).unwrap();
    let sessions = ["linked".to_owned()];
    let by_scan = survey_by_scan(&results, &sessions, &pinned(1));
    assert_eq!(
        by_scan,
        SealStatus::survey(std::slice::from_ref(&results), &sessions, Some(&pinned(1)))
    );
    assert_eq!(
        changes(&by_scan),
        vec![(
            ChangeKind::Deleted,
            results.join("linked").join(files[1].file_name().unwrap())
        )]
    );
}

fn vigil(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigil"))
        .args(args)
        .current_dir(cwd)
        .env_remove("VIGIL_RESULTS")
        .env("HOME", cwd)
        .env("XDG_CONFIG_HOME", cwd.join("user-config"))
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn keygen_seal_records_and_report_work_together_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let (_, files) = session(dir.path(), 2, None);
    let keys = dir.path().join("keys");
    let keys_arg = keys.to_str().unwrap();
    let made = vigil(&["keygen", "--dir", keys_arg], dir.path());
    assert_eq!(made.status.code(), Some(0), "{made:?}");
    let signing = keys.join(SIGNING_KEY_FILE);
    let public = keys.join(PUBLIC_KEY_FILE);
    let (signing, public) = (signing.to_str().unwrap(), public.to_str().unwrap());
    assert!(stdout(&made).contains("Keep the signing key on this machine only"));
    let again = vigil(&["keygen", "--dir", keys_arg], dir.path());
    assert_eq!(again.status.code(), Some(1));
    let russian = vigil(
        &["--lang", "ru", "keygen", "--dir", keys_arg, "--force"],
        dir.path(),
    );
    assert!(
        stdout(&russian).contains("Храните ключ подписи только на этом компьютере"),
        "{russian:?}"
    );

    let seal = |first: &[&str], last: &[&str]| {
        let mut args = first.to_vec();
        args.extend([
            "seal",
            "--results",
            "results",
            "--session",
            SESSION,
            "--signing-key",
            signing,
        ]);
        args.extend_from_slice(last);
        vigil(&args, dir.path())
    };
    let sealed = seal(&[], &[]);
    assert_eq!(sealed.status.code(), Some(0), "{sealed:?}");
    let text = stdout(&sealed);
    assert!(
        text.starts_with("sealed 2 files of results/almaty-2010-04")
            && text.contains("certifies what the folder holds at this moment"),
        "{text}"
    );

    let kazakh = seal(&["--lang", "kk"], &["--force"]);
    let text = stdout(&kazakh);
    assert!(
        text.starts_with("results/almaty-2010-04 қалтасы") && text.contains(": 2 файл;"),
        "{text}"
    );

    let records = |extra: &[&str]| {
        let mut args = vec!["records", "--results", "results"];
        args.extend_from_slice(extra);
        vigil(&args, dir.path())
    };
    let listed = records(&["--public-key", public]);
    assert_eq!(listed.status.code(), Some(0), "{listed:?}");
    let text = stdout(&listed);
    assert!(text.contains("verified with the pinned key"), "{text}");
    assert!(
        !text.contains(SEAL_FILE_NAME),
        "the seal is not a record: {text}"
    );

    std::fs::write(&files[0], std::fs::read_to_string(&files[0]).unwrap() + " ").unwrap();
    let listed = records(&["--public-key", public]);
    assert_eq!(listed.status.code(), Some(1));
    let text = stdout(&listed);
    assert!(text.contains("EDITED AFTER SEAL"), "{text}");
    assert!(
        text.contains("edited after sealing: results/almaty-2010-04/"),
        "{text}"
    );

    let json = stdout(&records(&["--public-key", public, "--format", "json"]));
    assert!(json.contains("\"after_seal\": \"edited\""), "{json}");
    assert!(json.contains("\"status\": \"verified\""), "{json}");

    // Without a pinned key the seal is named as not checked, in one visible line.
    let text = stdout(&records(&[]));
    assert!(
        text.lines()
            .any(|line| line.starts_with("seal of results/almaty-2010-04: NOT CHECKED")),
        "{text}"
    );

    let report = vigil(
        &["report", "--results", "results", "--public-key", public],
        dir.path(),
    );
    assert_eq!(report.status.code(), Some(1), "{report:?}");
    let text = stdout(&report);
    let fingerprint = pinned_fingerprint(Path::new(public));
    assert!(
        text.contains(&format!(
            "verified with the pinned key {fingerprint}, but the folder CHANGED"
        )),
        "{text}"
    );
    let html = vigil(
        &[
            "report",
            "--results",
            "results",
            "--public-key",
            public,
            "--format",
            "html",
        ],
        dir.path(),
    );
    let err = String::from_utf8_lossy(&html.stderr);
    assert!(
        err.contains("vigil report: seal of results/almaty-2010-04"),
        "{err}"
    );
}

fn pinned_fingerprint(public: &Path) -> String {
    pinned_key(Some(public), None, &[])
        .unwrap()
        .unwrap()
        .fingerprint()
}

#[test]
fn the_pinned_key_in_the_user_config_folder_is_used_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _) = session(dir.path(), 1, None);
    let made = vigil(&["keygen"], dir.path());
    assert_eq!(made.status.code(), Some(0), "{made:?}");
    let sealed = vigil(
        &["seal", "--results", "results", "--session", SESSION],
        dir.path(),
    );
    assert_eq!(sealed.status.code(), Some(0), "{sealed:?}");
    let text = stdout(&vigil(&["records", "--results", "results"], dir.path()));
    assert!(text.contains("verified with the pinned key"), "{text}");
}

#[test]
fn records_and_report_say_when_room_key_hashes_go_unchecked() {
    let dir = tempfile::tempdir().unwrap();
    let room = IntegrityKey::from_secret(b"a room secret of enough bytes").unwrap();
    session(dir.path(), 2, Some(room));
    let text = stdout(&vigil(&["records", "--results", "results"], dir.path()));
    let line = "2 records carry a room-key hash that was NOT CHECKED: no room key is set";
    assert!(text.contains(line), "{text}");
    let text = stdout(&vigil(&["report", "--results", "results"], dir.path()));
    assert!(text.contains(line), "{text}");
    std::fs::write(dir.path().join("room.key"), "a room secret of enough bytes").unwrap();
    std::fs::write(
        dir.path().join("vigil.ron"),
        format!("(format: 1, session: \"{SESSION}\", phase: post, room_key: \"room.key\")"),
    )
    .unwrap();
    let text = stdout(&vigil(&["records", "--results", "results"], dir.path()));
    assert!(!text.contains("NOT CHECKED"), "{text}");
}

#[test]
fn the_seal_lines_follow_the_language_of_the_command_or_of_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let (_, files) = session(dir.path(), 2, None);
    let keys = dir.path().join("keys");
    let made = vigil(&["keygen", "--dir", keys.to_str().unwrap()], dir.path());
    assert_eq!(made.status.code(), Some(0), "{made:?}");
    let (signing, public) = (keys.join(SIGNING_KEY_FILE), keys.join(PUBLIC_KEY_FILE));
    let (signing, public) = (signing.to_str().unwrap(), public.to_str().unwrap());
    let seal = |extra: &[&str]| {
        let mut args = vec!["seal", "--results", "results", "--session", SESSION];
        args.extend_from_slice(&["--signing-key", signing]);
        args.extend_from_slice(extra);
        vigil(&args, dir.path())
    };
    assert_eq!(seal(&[]).status.code(), Some(0));
    std::fs::write(&files[0], std::fs::read_to_string(&files[0]).unwrap() + " ").unwrap();

    let report = vigil(
        &[
            "report",
            "--results",
            "results",
            "--public-key",
            public,
            "--lang",
            "ru",
        ],
        dir.path(),
    );
    assert_eq!(report.status.code(), Some(1), "{report:?}");
    let text = stdout(&report);
    let fingerprint = pinned_fingerprint(Path::new(public));
    assert!(
        text.contains(&format!(
            "печать results/almaty-2010-04: ПРОВЕРЕНО ключом, закреплённым на этом компьютере, {fingerprint}, \
             но содержимое папки ИЗМЕНЕНО после печати"
        )),
        "{text}"
    );
    assert!(
        text.contains("2 файла): изменено 1, добавлено 0, удалено 0"),
        "{text}"
    );
    assert!(
        text.contains("  изменён после печати: results/almaty-2010-04/"),
        "{text}"
    );
    assert!(!text.contains("seal of"), "{text}");

    // Without a pinned key, `records --lang kk` says the seal was not checked, in Kazakh.
    let text = stdout(&vigil(
        &["records", "--results", "results", "--lang", "kk"],
        dir.path(),
    ));
    assert!(
        text.lines()
            .any(|line| line.starts_with("results/almaty-2010-04 мөрі: ТЕКСЕРІЛМЕГЕН")),
        "{text}"
    );

    // With no --lang, the config's language is used; --lang overrides it.
    std::fs::write(
        dir.path().join("vigil.ron"),
        format!("(format: 1, session: \"{SESSION}\", phase: post, language: \"ru\")"),
    )
    .unwrap();
    let records = |extra: &[&str]| {
        let mut args = vec!["records", "--results", "results", "--public-key", public];
        args.extend_from_slice(extra);
        stdout(&vigil(&args, dir.path()))
    };
    let text = records(&[]);
    assert!(text.contains("ИЗМЕНЕНО после печати"), "{text}");
    let text = records(&["--lang", "en"]);
    assert!(text.contains("but the folder CHANGED"), "{text}");

    // `vigil seal` says in the same language what the present seal shows when it refuses.
    let refused = seal(&[]);
    assert_eq!(refused.status.code(), Some(1), "{refused:?}");
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("уже есть печать") && err.contains("ПРОВЕРЕНО") && err.contains("ИЗМЕНЕНО"),
        "{err}"
    );
}

#[test]
fn why_a_key_or_a_seal_cannot_be_used_is_said_in_the_trainers_language() {
    let dir = tempfile::tempdir().unwrap();
    session(dir.path(), 1, None);
    let stderr = |args: &[&str]| {
        let output = vigil(args, dir.path());
        assert_eq!(output.status.code(), Some(1), "{args:?}: {output:?}");
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let results = ["--results", "results", "--session", SESSION];

    let seal_args = |extra: &[&'static str]| [&["seal"], &results[..], extra].concat();
    let err = stderr(&seal_args(&[
        "--signing-key",
        "missing.pem",
        "--lang",
        "ru",
    ]));
    assert!(
        err.contains("файл ключа подписи missing.pem не читается")
            && err.contains("выполните `vigil keygen`"),
        "{err}"
    );

    std::fs::write(dir.path().join("not-a-key.pem"), "hello").unwrap();
    let err = stderr(&[
        "report",
        "--results",
        "results",
        "--public-key",
        "not-a-key.pem",
        "--lang",
        "kk",
    ]);
    assert!(
        err.contains("not-a-key.pem ашық кілт файлында PEM пішіміндегі Ed25519 ашық кілті жоқ"),
        "{err}"
    );

    let keygen = ["keygen", "--dir", "keys", "--lang", "ru"];
    assert_eq!(vigil(&keygen, dir.path()).status.code(), Some(0));
    let err = stderr(&keygen);
    assert!(
        err.contains("уже существует") && err.contains("--force"),
        "{err}"
    );

    let signing = dir.path().join("keys").join(SIGNING_KEY_FILE);
    let signing = signing.to_str().unwrap();
    std::fs::create_dir(dir.path().join("results").join("nobody")).unwrap();
    let err = stderr(&[
        "seal",
        "--results",
        "results",
        "--session",
        "nobody",
        "--signing-key",
        signing,
        "--lang",
        "kk",
    ]);
    assert!(err.contains("ішінде әрекет жазбалары жоқ"), "{err}");

    // A session name mistyped is named with the sessions there are.
    let err = stderr(&[
        "seal",
        "--results",
        "results",
        "--session",
        "almaty-2010-4",
        "--signing-key",
        signing,
        "--lang",
        "ru",
    ]);
    assert!(
        err.contains("--session `almaty-2010-4`") && err.contains(&format!("`{SESSION}`?")),
        "{err}"
    );

    std::fs::copy(signing, dir.path().join("results").join("exposed.pem")).unwrap();
    let err = stderr(&seal_args(&[
        "--signing-key",
        "results/exposed.pem",
        "--lang",
        "ru",
    ]));
    assert!(
        err.contains("ключ подписи results/exposed.pem лежит в папке результатов"),
        "{err}"
    );
}
