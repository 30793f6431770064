//! The record store: round trips, resume, failing writers, damaged files, tamper evidence, many workstations
//! writing at once, and workstations killed in the middle of a write.

use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

use jiff::Timestamp;
use rand::SeedableRng;
use rand::rngs::StdRng;
use vigil::quiz::{FeedbackMode, Response};
use vigil::record::scan::{Entry, scan};
use vigil::record::{
    AttemptId, AttemptRecord, FsWriter, Integrity, IntegrityKey, Participant, Phase,
    QuestionRecord, QuizRef, RecordWriter, Status, Store, StoreError, Totals,
};

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn participant(name: &str, group: &str) -> Participant {
    Participant {
        name: name.into(),
        code: None,
        group: group.into(),
    }
}

fn sample(seed: u64, who: Participant, quiz: &str) -> AttemptRecord {
    let mut rng = StdRng::seed_from_u64(seed);
    let started = at("2010-04-29T09:00:00Z");
    AttemptRecord {
        format: 1,
        attempt: AttemptId::new(started, &mut rng),
        participant: who,
        session: "almaty-2010-04".into(),
        phase: Phase::Pre,
        quiz: QuizRef {
            id: quiz.into(),
            language: "ru".into(),
            version: 3,
            content_hash: "blake3:abcd".into(),
            title: "Признаки «торговли» людьми".into(),
            form_group: Some("curriculum-assessment".into()),
        },
        feedback: FeedbackMode::Deferred,
        started,
        updated: started,
        ended: None,
        status: Status::InProgress,
        current: 1,
        questions: vec![
            QuestionRecord {
                id: "signs".into(),
                kind: "multiple".into(),
                shown: vec!["papers".into(), "debt".into(), "languages".into()],
                answer: Some(Response::Chosen(vec!["debt".into(), "papers".into()])),
                points: 2.0,
                max_points: 2.0,
                shown_targets: vec![],
                time_ms: 41_200,
                flagged: true,
            },
            QuestionRecord {
                id: "visit".into(),
                kind: "branching".into(),
                shown: vec![],
                answer: Some(Response::Path(vec![
                    "talk-privately".into(),
                    "ticket".into(),
                ])),
                points: 1.0,
                max_points: 3.0,
                shown_targets: vec![],
                time_ms: 90_000,
                flagged: false,
            },
            QuestionRecord {
                id: "roles".into(),
                kind: "match".into(),
                shown: vec!["shelter".into(), "guardian".into()],
                answer: None,
                points: 0.0,
                max_points: 1.0,
                shown_targets: vec![],
                time_ms: 0,
                flagged: false,
            },
        ],
        total: Totals {
            points: 3.0,
            max_points: 6.0,
        },
        writer: String::new(),
        saves: 0,
    }
}

fn store(results: &Path, key: Option<IntegrityKey>) -> Store {
    Store::new(results, "almaty-2010-04", Arc::new(FsWriter), key)
}

fn records(folder: &Path, key: Option<IntegrityKey>) -> Vec<Entry> {
    scan(&[folder.to_path_buf()], None, key).collect()
}

fn loaded(entries: &[Entry]) -> Vec<&AttemptRecord> {
    entries
        .iter()
        .filter_map(|e| match e {
            Entry::Record(l) => Some(&l.record),
            _ => None,
        })
        .collect()
}

#[test]
fn a_record_round_trips_exactly_and_is_named_by_its_id_only() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path(), None);
    store.probe().unwrap();
    let record = sample(1, participant("Айгерім <script>/../x", "ngo"), "indicators");
    let path = store.create(&record).unwrap();
    assert_eq!(
        path,
        dir.path()
            .join("almaty-2010-04")
            .join(record.attempt.file_name())
    );
    let entries = records(dir.path(), None);
    assert_eq!(loaded(&entries), vec![&record]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 1, "compact: one line");
    assert!(matches!(
        store.create(&record),
        Err(StoreError::AlreadyExists(_))
    ));
}

#[test]
fn autosave_resume_complete_and_discard() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path(), None);
    let aigerim = participant("Aigerim  Seitova", "ngo");
    let mut first = sample(1, aigerim.clone(), "indicators");
    store.create(&first).unwrap();
    let mut newer = sample(2, aigerim.clone(), "indicators");
    newer.updated = at("2010-04-29T10:00:00Z");
    store.create(&newer).unwrap();
    store
        .create(&sample(3, participant("Nurlan", "police"), "indicators"))
        .unwrap();
    store
        .create(&sample(4, aigerim.clone(), "definitions"))
        .unwrap();

    let same_person = participant("aigerim seitova", "ngo");
    let found = store.find_unfinished(&same_person, "indicators").unwrap();
    assert_eq!(found.attempt, newer.attempt);
    assert_eq!(found.current, 1);
    assert_eq!(
        found.questions[0].shown,
        vec!["papers", "debt", "languages"]
    );
    assert_eq!(found.elapsed_ms(), 131_200);

    store
        .discard(&mut newer, at("2010-04-29T10:05:00Z"))
        .unwrap();
    assert_eq!(
        store
            .find_unfinished(&same_person, "indicators")
            .unwrap()
            .attempt,
        first.attempt
    );
    store
        .complete(&mut first, at("2010-04-29T10:06:00Z"))
        .unwrap();
    assert!(store.find_unfinished(&same_person, "indicators").is_none());
    assert!(
        store
            .find_unfinished(&participant("Aigerim Seitova", "police"), "indicators")
            .is_none()
    );

    let entries = records(dir.path(), None);
    let statuses: Vec<Status> = loaded(&entries).iter().map(|r| r.status).collect();
    assert_eq!(statuses.len(), 4);
    assert!(statuses.contains(&Status::Discarded) && statuses.contains(&Status::Completed));
}

/// A writer whose every operation fails with `kind`.
struct Failing(io::ErrorKind);

impl RecordWriter for Failing {
    fn create_dir_all(&self, _: &Path) -> io::Result<()> {
        Err(self.0.into())
    }
    fn write_atomic(&self, _: &Path, _: &[u8]) -> io::Result<()> {
        Err(self.0.into())
    }
    fn remove(&self, _: &Path) -> io::Result<()> {
        Err(self.0.into())
    }
}

/// A writer that can create folders but not write files.
struct FullDisk;

impl RecordWriter for FullDisk {
    fn create_dir_all(&self, folder: &Path) -> io::Result<()> {
        std::fs::create_dir_all(folder)
    }
    fn write_atomic(&self, _: &Path, _: &[u8]) -> io::Result<()> {
        Err(io::ErrorKind::StorageFull.into())
    }
    fn remove(&self, _: &Path) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn failing_writes_come_back_as_errors_a_trainer_can_act_on() {
    let dir = tempfile::tempdir().unwrap();
    let failing = |kind: io::ErrorKind| Store::new(dir.path(), "s", Arc::new(Failing(kind)), None);
    let read_only = failing(io::ErrorKind::ReadOnlyFilesystem)
        .probe()
        .unwrap_err();
    assert!(
        matches!(read_only, StoreError::ReadOnly { .. }),
        "{read_only}"
    );
    assert!(read_only.to_string().contains("read-only"));
    let missing = failing(io::ErrorKind::NotFound).probe().unwrap_err();
    assert!(
        matches!(missing, StoreError::NotCreatable { .. }),
        "{missing}"
    );
    let full = Store::new(dir.path(), "s", Arc::new(FullDisk), None)
        .probe()
        .unwrap_err();
    assert!(matches!(full, StoreError::Full { .. }), "{full}");
    assert!(full.to_string().contains("free some space"));

    let record = sample(1, participant("A", "ngo"), "q");
    let vanished = failing(io::ErrorKind::NotFound).save(&record).unwrap_err();
    assert!(matches!(vanished, StoreError::Vanished { .. }));
    assert!(vanished.to_string().contains("answers are kept"));
}

#[test]
fn damaged_foreign_and_duplicate_files_are_reported_by_name_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path(), None);
    let good = sample(1, participant("A", "ngo"), "q");
    let path = store.create(&good).unwrap();
    let session = dir.path().join("almaty-2010-04");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(session.join("empty.ron"), "").unwrap();
    std::fs::write(session.join("truncated.ron"), &text[..text.len() / 2]).unwrap();
    std::fs::write(session.join("garbage.ron"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    std::fs::write(
        session.join("quiz.ron"),
        "(format: 1, id: \"x\", questions: [])",
    )
    .unwrap();
    std::fs::write(
        session.join("newer.ron"),
        "(format: 9, attempt: \"x\", hologram: true)",
    )
    .unwrap();
    std::fs::write(
        session.join("damaged.ron"),
        text.replace("(\"signs\",\"multiple\"", "(\"signs\",multiple"),
    )
    .unwrap();
    std::fs::write(session.join("copy.ron"), &text).unwrap();
    // A newer record that still reads as this format's fields.
    std::fs::write(
        session.join("newer-alike.ron"),
        text.replacen("(format:1,", "(format:2,", 1),
    )
    .unwrap();
    std::fs::write(session.join(".vigil-tmp-abc.tmp"), "half a wri").unwrap();
    std::fs::write(session.join("notes.txt"), "not a record").unwrap();

    let entries = records(dir.path(), None);
    assert_eq!(loaded(&entries), vec![&good]);
    let mut problems: Vec<(String, String)> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Problem(p) => Some((
                p.path.file_name().unwrap().to_string_lossy().into_owned(),
                p.message(),
            )),
            Entry::Duplicate { path, first } => Some((
                path.file_name().unwrap().to_string_lossy().into_owned(),
                format!("duplicate of {}", first.display()),
            )),
            Entry::Record(_) => None,
        })
        .collect();
    problems.sort();
    let names: Vec<&str> = problems.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "copy.ron",
            "damaged.ron",
            "empty.ron",
            "garbage.ron",
            "newer-alike.ron",
            "newer.ron",
            "quiz.ron",
            "truncated.ron"
        ]
    );
    let message = |name: &str| &problems.iter().find(|(n, _)| n == name).unwrap().1;
    assert!(message("copy.ron").contains(&path.display().to_string()));
    assert!(
        message("damaged.ron").starts_with("damaged record"),
        "{}",
        message("damaged.ron")
    );
    assert!(message("empty.ron").starts_with("empty file"));
    assert!(message("garbage.ron").contains("not UTF-8"));
    assert!(message("newer.ron").contains("newer Vigil"));
    assert!(
        message("newer-alike.ron").contains("newer Vigil (record format 2)"),
        "{}",
        message("newer-alike.ron")
    );
    // The reader of views says the same.
    let newer = std::fs::read(session.join("newer-alike.ron")).unwrap();
    let by_view =
        vigil::record::view::with_record(Path::new("newer-alike.ron"), &newer, None, |_, _| ())
            .map(|_| ())
            .map_err(|reason| reason.to_string());
    assert_eq!(by_view, Err(message("newer-alike.ron").clone()));
    assert_eq!(message("quiz.ron"), "not a Vigil attempt record");
    assert!(
        message("truncated.ron").starts_with("truncated record"),
        "{}",
        message("truncated.ron")
    );
}

#[test]
fn an_edited_record_is_detected_with_the_trainer_key() {
    let dir = tempfile::tempdir().unwrap();
    let key = IntegrityKey::from_secret(b"a trainer secret of enough bytes").unwrap();
    let store = store(dir.path(), Some(key.clone()));
    let path = store
        .create(&sample(1, participant("A", "ngo"), "q"))
        .unwrap();
    let unsigned = Store::new(dir.path(), "almaty-2010-04", Arc::new(FsWriter), None);
    unsigned
        .create(&sample(2, participant("B", "ngo"), "q"))
        .unwrap();

    let integrity = |entries: &[Entry]| -> Vec<Integrity> {
        let mut found: Vec<Integrity> = entries
            .iter()
            .filter_map(|e| match e {
                Entry::Record(l) => Some(l.integrity),
                _ => None,
            })
            .collect();
        found.sort_by_key(|i| format!("{i:?}"));
        found
    };
    assert_eq!(
        integrity(&records(dir.path(), Some(key.clone()))),
        [Integrity::Missing, Integrity::Verified]
    );
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("name:\"A\"", "name:\"Z\"")).unwrap();
    assert_eq!(
        integrity(&records(dir.path(), Some(key))),
        [Integrity::Mismatch, Integrity::Missing]
    );
}

fn helper_program() -> PathBuf {
    let deps = std::env::current_exe().unwrap();
    let debug = deps.parent().unwrap().parent().unwrap();
    debug
        .join("examples")
        .join(format!("record_writer{}", std::env::consts::EXE_SUFFIX))
}

#[test]
fn forty_workstations_writing_at_once_leave_forty_intact_records() {
    let dir = tempfile::tempdir().unwrap();
    let children: Vec<_> = (0..40)
        .map(|n| {
            Command::new(helper_program())
                .args([
                    dir.path().to_str().unwrap(),
                    "room",
                    "concurrent",
                    &format!("trainee {n}"),
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("the record_writer example is built by cargo test")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&output.stdout), "done\n");
    }
    let entries = records(dir.path(), None);
    let found = loaded(&entries);
    assert_eq!(found.len(), 40);
    assert_eq!(entries.len(), 40, "no problem files");
    assert!(
        found
            .iter()
            .all(|r| r.status == Status::Completed && r.answered() == 20)
    );
    let mut names: Vec<&str> = found.iter().map(|r| r.participant.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 40);
}

#[cfg(unix)]
#[test]
fn a_workstation_killed_mid_write_loses_no_saved_answer() {
    use std::io::{BufRead, BufReader};
    for (round, kill_after) in [1usize, 2, 3, 5, 8, 13, 21, 34, 55, 89]
        .into_iter()
        .enumerate()
    {
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new(helper_program())
            .args([dir.path().to_str().unwrap(), "room", "endless", "killed"])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut acknowledged = 0;
        // The pipe stays open until after the kill: closed early, it would make the writer stop on its own.
        let mut lines = BufReader::new(stdout).lines();
        for line in lines.by_ref() {
            let line = line.unwrap();
            if let Some(n) = line.strip_prefix("saved ") {
                acknowledged = n.parse().unwrap();
                if acknowledged >= kill_after {
                    break;
                }
            }
        }
        child.kill().unwrap();
        child.wait().unwrap();
        drop(lines);
        let entries = records(dir.path(), None);
        assert_eq!(
            entries.len(),
            1,
            "round {round}: exactly one intact record, no torn file"
        );
        let record = loaded(&entries)[0];
        assert!(
            record.answered() >= acknowledged,
            "round {round}: {} answers on disk, {acknowledged} acknowledged",
            record.answered()
        );
    }
}

/// A reader that panics (a bug) on one file: that file and any others its thread had read are reported as
/// problems, by name; nothing is dropped and the scan goes on.
#[test]
fn a_reader_that_panics_loses_no_file_silently() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s");
    std::fs::create_dir_all(&session).unwrap();
    for n in 0..40 {
        std::fs::write(session.join(format!("{n:02}.ron")), format!("{n}")).unwrap();
    }
    let entries: Vec<Entry<String>> =
        vigil::record::scan::scan_with(&[dir.path().to_path_buf()], None, |path, bytes| {
            let text = String::from_utf8_lossy(bytes).into_owned();
            assert!(text != "7", "a bug while reading {}", path.display());
            let id = AttemptId::new(
                at("2010-04-29T09:00:00Z"),
                &mut StdRng::seed_from_u64(text.parse().unwrap()),
            );
            Ok((id, text))
        })
        .collect();
    assert_eq!(entries.len(), 40);
    let problems: Vec<&Path> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Problem(p) => {
                assert!(
                    p.message().contains("failed unexpectedly"),
                    "{}",
                    p.message()
                );
                Some(p.path.as_path())
            }
            _ => None,
        })
        .collect();
    assert!(
        problems.contains(&session.join("07.ron").as_path()),
        "{problems:?}"
    );
    let read: Vec<&str> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Record(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(read.len() + problems.len(), 40);
    assert!(!read.contains(&"7"));
}

/// Records of every shape: any text (quotes, backslashes, control characters, any script), any number, every
/// kind of answer.
mod reading {
    use super::*;
    use proptest::collection::vec;
    use proptest::option;
    use proptest::prelude::*;
    use vigil::quiz::parse::ron_options;
    use vigil::record::scan::load;
    use vigil::record::view::{self, RecordView};
    use vigil::record::{check, compact};

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z0-9-]{0,10}",
            any::<String>(),
            Just("\"\\'\n\t\r\0\u{7f}\u{301}é «»".to_owned()),
        ]
    }

    fn number() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<f64>().prop_filter("finite", |n| n.is_finite()),
            Just(0.0),
            Just(1.0),
            Just(-0.0),
            Just(0.5),
            Just(1e300),
            Just(5e-324),
            Just(1e16),
        ]
    }

    fn answer() -> impl Strategy<Value = Response> {
        prop_oneof![
            vec(text(), 0..4).prop_map(Response::Chosen),
            vec(text(), 0..4).prop_map(Response::Order),
            vec((text(), text()), 0..3).prop_map(Response::Pairs),
            vec(text(), 0..4).prop_map(Response::Path),
        ]
    }

    fn question() -> impl Strategy<Value = QuestionRecord> {
        (
            (text(), text(), vec(text(), 0..4), vec(text(), 0..3)),
            option::of(answer()),
            (number(), number(), any::<u64>(), any::<bool>()),
        )
            .prop_map(
                |(
                    (id, kind, shown, shown_targets),
                    answer,
                    (points, max_points, time_ms, flagged),
                )| {
                    QuestionRecord {
                        id,
                        kind,
                        shown,
                        shown_targets,
                        answer,
                        points,
                        max_points,
                        time_ms,
                        flagged,
                    }
                },
            )
    }

    fn time() -> impl Strategy<Value = Timestamp> {
        (-377_705_116_800i64..253_402_207_200, 0i32..1_000_000_000)
            .prop_map(|(s, ns)| Timestamp::new(s, ns).unwrap_or(Timestamp::UNIX_EPOCH))
    }

    prop_compose! {
        fn record()(
            seed in any::<u64>(),
            who in (text(), option::of(text()), text()),
            session in text(),
            quiz in (text(), text(), any::<u32>(), text(), text(), option::of(text())),
            times in (time(), time(), option::of(time())),
            states in (0usize..3, 0usize..2, 0usize..3, any::<usize>()),
            questions in vec(question(), 0..6),
            total in (number(), number()),
            version in (text(), any::<u64>()),
        ) -> AttemptRecord {
            let (started, updated, ended) = times;
            let (phase, feedback, status, current) = states;
            AttemptRecord {
                format: 1,
                attempt: AttemptId::new(started, &mut StdRng::seed_from_u64(seed)),
                participant: Participant { name: who.0, code: who.1, group: who.2 },
                session,
                phase: [Phase::Pre, Phase::Practice, Phase::Post][phase],
                quiz: QuizRef {
                    id: quiz.0,
                    language: quiz.1,
                    version: quiz.2,
                    content_hash: quiz.3,
                    title: quiz.4,
                    form_group: quiz.5,
                },
                feedback: [FeedbackMode::Immediate, FeedbackMode::Deferred][feedback],
                started,
                updated,
                ended,
                status: [Status::InProgress, Status::Completed, Status::Discarded][status],
                current,
                questions,
                total: Totals { points: total.0, max_points: total.1 },
                writer: version.0,
                saves: version.1,
            }
        }
    }

    /// Records whose scores are possible and add up: full marks finite and not negative, points between 0 and
    /// full marks, totals the sums.
    fn believable() -> impl Strategy<Value = AttemptRecord> {
        record().prop_map(|mut record| {
            for question in &mut record.questions {
                question.max_points = question.max_points.abs().min(1e300);
                question.points = question.points.abs().min(question.max_points);
            }
            record.retotal();
            record
        })
    }

    /// Believable records with one figure made impossible: not a number, infinite, negative or above full
    /// marks, in a question or a total.
    fn spoiled() -> impl Strategy<Value = AttemptRecord> {
        (
            believable(),
            any::<prop::sample::Index>(),
            0usize..4,
            prop::sample::select(vec![
                f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
                -50.0,
                100.0,
            ]),
        )
            .prop_map(|(mut record, at, field, bad)| {
                match (record.questions.len(), field) {
                    (0, _) | (_, 2) => record.total.points = bad,
                    (_, 3) => record.total.max_points = bad,
                    (n, 0) => record.questions[at.index(n)].points = bad,
                    (n, _) => record.questions[at.index(n)].max_points = bad,
                }
                record
            })
    }

    /// Edits that break or bend the compact form: syntax characters, escapes, keywords, spaces, numbers.
    fn edit() -> impl Strategy<Value = (prop::sample::Index, usize, &'static str)> {
        (
            any::<prop::sample::Index>(),
            0usize..4,
            prop::sample::select(vec![
                "", "\"", "\\", "\\u{41}", "\\x41", ",", "(", ")", "[", "]", ":", " ", "\n", "//",
                "1", "0", "-", ".", "e", "_", "None", "Some(", "r#", "x", "true", "1u8", "inf",
                "é", "\u{7f}", "\t",
            ]),
        )
    }

    fn apply(text: &str, (at, remove, insert): &(prop::sample::Index, usize, &str)) -> String {
        let chars: Vec<char> = text.chars().collect();
        let start = at.index(chars.len() + 1);
        let end = (start + remove).min(chars.len());
        let mut out: String = chars[..start].iter().collect();
        out.push_str(insert);
        out.extend(&chars[end..]);
        out
    }

    proptest! {
        #[test]
        fn every_record_reads_back_the_same_through_the_fast_reader_ron_and_the_view(
            record in believable(),
        ) {
            let text = ron_options().to_string(&record).unwrap() + "\n";
            prop_assert_eq!(compact::from_str::<AttemptRecord>(&text), Some(record.clone()));
            prop_assert_eq!(ron_options().from_str::<AttemptRecord>(&text).unwrap(), record.clone());
            let loaded = load(Path::new("r.ron"), text.as_bytes(), None).unwrap();
            prop_assert_eq!(&loaded.record, &record);
            let (view, integrity) = view::read(text.as_bytes(), None).unwrap();
            prop_assert_eq!(view, RecordView::from(&record));
            prop_assert_eq!(integrity, Integrity::Unchecked);
            let (standing, ()) = view::with_record(Path::new("r.ron"), text.as_bytes(), None, |_, _| ()).unwrap();
            prop_assert_eq!(standing.attempt, record.attempt);
        }

        #[test]
        fn the_fast_reader_and_ron_find_the_same_scores_impossible(
            record in prop_oneof![record().boxed(), believable().boxed(), spoiled().boxed()],
            pretty in any::<bool>(),
        ) {
            let text = if pretty {
                ron::ser::to_string_pretty(&record, ron::ser::PrettyConfig::default()).unwrap()
            } else {
                ron_options().to_string(&record).unwrap()
            };
            let path = Path::new("r.ron");
            // Compared in words: a fault may hold NaN, which equals nothing.
            let by_load = load(path, text.as_bytes(), None).map(|_| ()).map_err(|r| r.to_string());
            let by_view = view::with_record(path, text.as_bytes(), None, |_, _| ())
                .map(|_| ())
                .map_err(|r| r.to_string());
            prop_assert_eq!(&by_load, &by_view);
            let verdict = check::record_scores(&record, check::Scrutiny::All);
            prop_assert_eq!(by_load.is_ok(), verdict.is_ok(), "{:?}", verdict);
        }

        #[test]
        fn the_fast_reader_and_the_view_accept_nothing_ron_reads_differently(
            record in record(),
            edits in vec(edit(), 1..4),
        ) {
            let mut text = ron_options().to_string(&record).unwrap();
            for edit in &edits {
                text = apply(&text, edit);
            }
            let by_ron = ron_options().from_str::<AttemptRecord>(&text).ok();
            if let Some(fast) = compact::from_str::<AttemptRecord>(&text) {
                prop_assert_eq!(Some(fast), by_ron.clone(), "{}", text);
            }
            if let Some((view, _)) = view::read(text.as_bytes(), None) {
                let full = by_ron.as_ref().filter(|r| r.format == 1);
                prop_assert!(full.is_some(), "the view read what ron rejects: {}", text);
                prop_assert_eq!(Some(view), full.map(RecordView::from));
            }
        }
    }

    #[test]
    fn a_hand_edited_record_in_ron_s_other_forms_is_still_read() {
        let record = sample(5, participant("Aigerim", "ngo"), "indicators");
        let pretty =
            ron::ser::to_string_pretty(&record, ron::ser::PrettyConfig::default()).unwrap();
        let pretty = format!("// edited by hand\n{pretty}");
        assert_eq!(compact::from_str::<AttemptRecord>(&pretty), None);
        assert!(view::read(pretty.as_bytes(), None).is_none());
        assert_eq!(
            load(Path::new("r.ron"), pretty.as_bytes(), None)
                .unwrap()
                .record,
            record
        );
    }
}

#[path = "records/validation.rs"]
mod validation;

#[path = "records/collected.rs"]
mod collected;

#[path = "records/delivery.rs"]
mod delivery;

#[cfg(unix)]
#[path = "records/special_files.rs"]
mod special_files;
