//! `vigil dashboard` refresh on 10,000 records of 40 questions (issue target: proportional to what changed,
//! under 50 ms CPU when nothing did): the first reading, a refresh when nothing changed, and a refresh after
//! one trainee's file was saved again, in a folder not sealed yet and in a sealed one.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use vigil::cli::dashboard::FolderSource;
use vigil::i18n::Lang;
use vigil::quiz::{CheckedQuiz, Input, Taxonomy, check};
use vigil::record::seal::{PinnedKey, seal_folder};
use vigil::report::Filter;
use vigil::tui::dashboard::DashboardSource;

fn main() {
    divan::main();
}

const RECORDS: usize = 10_000;
const QUESTIONS: usize = 40;

/// Attempt `n` in the compact form Vigil writes, with `answered` questions answered; completed when all are.
fn record(n: usize, answered: usize) -> String {
    let mut questions = String::new();
    for q in 0..QUESTIONS {
        let right = (n * 7 + q * 3) % 5 < 3;
        let (answer, points) = match (q < answered, right) {
            (false, _) => ("None".to_owned(), 0.0),
            (true, true) => ("Some(chosen([\"a\"]))".to_owned(), 1.0),
            (true, false) => ("Some(chosen([\"b\"]))".to_owned(), 0.0),
        };
        let comma = if q == 0 { "" } else { "," };
        let _ = write!(
            questions,
            "{comma}(\"q{q}\",\"multiple\",[\"a\",\"b\",\"c\",\"d\"],[],{answer},{points:?},1.0,20000,false)"
        );
    }
    let status = if answered == QUESTIONS {
        "completed"
    } else {
        "in_progress"
    };
    let points: f64 = (0..answered)
        .filter(|q| (n * 7 + q * 3) % 5 < 3)
        .map(|_| 1.0)
        .sum();
    format!(
        "(format:1,attempt:\"0190c0de-0000-7000-8000-{n:012x}\",participant:(name:\"Participant {n}\",\
         group:\"police\"),session:\"bench\",phase:pre,quiz:(id:\"generated\",language:\"en\",version:1,\
         content_hash:\"blake3:00\",title:\"Generated\"),feedback:deferred,started:\"2010-04-29T09:00:00Z\",\
         updated:\"2010-04-29T09:00:00Z\",status:{status},current:0,questions:[{questions}],\
         total:(points:{points:?},max_points:{QUESTIONS}.0))\n"
    )
}

/// The quiz the records were taken on, as the dashboard's bank holds it: 40 `multiple` questions of options
/// a-d, a right.
fn quiz() -> Vec<CheckedQuiz> {
    let mut text = String::from(
        "(format: 1, id: \"generated\", version: 1, language: \"en\", title: \"Generated\", \
         description: \"Benchmark quiz.\", estimated_minutes: 60, pass_mark: 70, scenarios: [], questions: [\n",
    );
    for q in 0..QUESTIONS {
        let _ = writeln!(
            text,
            "(id: \"q{q}\", prompt: \"Question {q}?\", explanation: \"Because.\", references: [\"UNODC\"], \
             kind: multiple(options: [(id: \"a\", text: \"A\", correct: true, feedback: \"Yes.\"), \
             (id: \"b\", text: \"B\", feedback: \"No.\"), (id: \"c\", text: \"C\", feedback: \"No.\"), \
             (id: \"d\", text: \"D\", feedback: \"No.\")])),"
        );
    }
    text.push_str("],)\n");
    let input = Input {
        name: "generated.ron".into(),
        content: Ok(text.into_bytes()),
    };
    let report = check(std::slice::from_ref(&input), &Taxonomy::default());
    assert!(
        report.quizzes.iter().all(|q| !q.has_errors),
        "{:?}",
        report.diagnostics.first()
    );
    report.quizzes
}

fn file(results: &Path, n: usize) -> PathBuf {
    results.join("bench").join(format!("{n:05}.ron"))
}

/// A results folder of `RECORDS` completed attempts, sealed by the trainer when `sealed`, and a source that has
/// read it once (checking the seal with the trainer's key).
fn folder(sealed: bool) -> (tempfile::TempDir, FolderSource) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let session = dir.path().join("bench");
    std::fs::create_dir_all(&session).expect("a session folder");
    for n in 0..RECORDS {
        std::fs::write(file(dir.path(), n), record(n, QUESTIONS)).expect("writes");
    }
    let signing = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
    if sealed {
        seal_folder(
            &session,
            &signing,
            jiff::Timestamp::UNIX_EPOCH,
            false,
            Lang::En,
        )
        .expect("seals");
    }
    let mut source = FolderSource::new(
        vec![dir.path().to_path_buf()],
        Filter::default(),
        quiz(),
        None,
    )
    .with_pinned_key(Some(PinnedKey {
        key: signing.verifying_key(),
        path: PathBuf::new(),
    }));
    let report = source.load(None).report;
    assert_eq!(
        report.quizzes[0].attempts.len(),
        RECORDS,
        "{:?}",
        report.problems.first()
    );
    (dir, source)
}

/// Reading every file, as the dashboard does when it starts.
#[divan::bench(sample_count = 3)]
fn first_reading(bencher: divan::Bencher) {
    let (dir, _) = folder(false);
    bencher.bench_local(|| {
        FolderSource::new(
            vec![dir.path().to_path_buf()],
            Filter::default(),
            quiz(),
            None,
        )
        .load(None)
    });
}

/// A timed refresh when no file changed: the folder is listed and every file's size and time looked at.
#[divan::bench(sample_count = 10)]
fn refresh_nothing_changed(bencher: divan::Bencher) {
    nothing_changed(bencher, false);
}

/// A timed refresh after one trainee saved an answer: one file is read, the figures are computed again.
#[divan::bench(sample_count = 10)]
fn refresh_one_file_changed(bencher: divan::Bencher) {
    one_file_changed(bencher, false);
}

/// The same in a sealed folder: its seal is read and checked again too, and the file changed is left out of the
/// figures every other time (it differs from the sealed one).
#[divan::bench(sample_count = 10)]
fn refresh_one_file_changed_sealed(bencher: divan::Bencher) {
    one_file_changed(bencher, true);
}

/// A timed refresh when no file changed in a sealed folder: its seal's time and size are looked at too.
#[divan::bench(sample_count = 10)]
fn refresh_nothing_changed_sealed(bencher: divan::Bencher) {
    nothing_changed(bencher, true);
}

/// Refreshes of a folder (`sealed` or not) in which nothing changed.
fn nothing_changed(bencher: divan::Bencher, sealed: bool) {
    let (_dir, mut source) = folder(sealed);
    bencher.bench_local(|| {
        let figures = source.refresh(None);
        assert!(figures.is_none());
    });
}

/// Refreshes after file 0 of a folder (`sealed` or not) was saved again, alternately in progress and completed.
fn one_file_changed(bencher: divan::Bencher, sealed: bool) {
    let (dir, mut source) = folder(sealed);
    let mut answered = QUESTIONS;
    bencher
        .with_inputs(|| {
            answered = if answered == QUESTIONS { 10 } else { QUESTIONS };
            std::fs::write(file(dir.path(), 0), record(0, answered)).expect("writes");
        })
        .bench_local_values(|()| {
            let figures = source.refresh(None);
            assert!(figures.is_some());
        });
}
