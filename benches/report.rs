//! `vigil report` speed on 10,000 generated records of 40 questions each (product target: <= 1 s on two
//! cores, memory flat in the number of records).

use std::path::Path;
use std::sync::Arc;

use jiff::Timestamp;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use vigil::config::model::default_groups;
use vigil::i18n::Lang;
use vigil::quiz::Taxonomy;
use vigil::quiz::{FeedbackMode, Response};
use vigil::record::scan::scan;
use vigil::record::{
    AttemptId, AttemptRecord, FsWriter, Participant, Phase, QuestionRecord, QuizRef, Status, Store,
    Totals,
};
use vigil::report::export::{Labels, text};
use vigil::report::stats::Thresholds;
use vigil::report::{AttemptChoice, Filter, analyse, build_from_folders};

fn main() {
    divan::main();
}

const RECORDS: usize = 10_000;
const QUESTIONS: usize = 40;

fn record(n: usize, rng: &mut StdRng) -> AttemptRecord {
    let started = Timestamp::from_second(1_272_531_600 + n as i64).unwrap_or(Timestamp::UNIX_EPOCH);
    let questions: Vec<QuestionRecord> = (0..QUESTIONS)
        .map(|q| {
            let right = rng.random_bool(0.6);
            QuestionRecord {
                id: format!("q{q}"),
                kind: "multiple".into(),
                shown: vec!["a".into(), "b".into(), "c".into(), "d".into()],
                shown_targets: vec![],
                answer: Some(Response::Chosen(vec![if right { "a" } else { "b" }.into()])),
                points: if right { 1.0 } else { 0.0 },
                max_points: 1.0,
                time_ms: 20_000,
                flagged: false,
            }
        })
        .collect();
    let points = questions.iter().map(|q| q.points).sum();
    AttemptRecord {
        format: 1,
        attempt: AttemptId::new(started, rng),
        participant: Participant {
            name: format!("Participant {n}"),
            code: None,
            group: ["police", "ngo"][n % 2].into(),
        },
        session: "bench".into(),
        phase: [Phase::Pre, Phase::Post][n % 2],
        quiz: QuizRef {
            id: "generated".into(),
            language: "en".into(),
            version: 1,
            content_hash: "blake3:00".into(),
            title: "Generated".into(),
            form_group: None,
        },
        feedback: FeedbackMode::Deferred,
        started,
        updated: started,
        ended: Some(started),
        status: Status::Completed,
        current: 0,
        questions,
        total: Totals {
            points,
            max_points: QUESTIONS as f64,
        },
        writer: String::new(),
        saves: 0,
    }
}

fn write_records(folder: &Path) {
    let store = Store::new(folder, "bench", Arc::new(FsWriter), None);
    let mut rng = StdRng::seed_from_u64(1);
    let session = folder.join("bench");
    std::fs::create_dir_all(&session).expect("a session folder");
    for n in 0..RECORDS {
        let record = record(n, &mut rng);
        let text = store.encode(&record).expect("encodes");
        std::fs::write(session.join(record.attempt.file_name()), text).expect("writes");
    }
}

/// Reading the folder, the statistics and the text a trainer reads: `vigil report` without the terminal.
#[divan::bench(sample_count = 5)]
fn report_10000_records(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_records(dir.path());
    let folders = vec![dir.path().to_path_buf()];
    let taxonomy = Taxonomy::default();
    let groups = default_groups();
    let labels = Labels {
        lang: Lang::En,
        taxonomy: &taxonomy,
        groups: &groups,
    };
    bencher.bench(|| {
        let data = build_from_folders(
            &folders,
            None,
            &[],
            &Filter::default(),
            AttemptChoice::All,
            false,
        );
        let report = analyse(data, Thresholds::default());
        assert_eq!(report.quizzes[0].attempts.len(), RECORDS);
        text::render(&report, &labels, 100)
    });
}

/// Reading whole records (as `vigil records` does), for comparison with the report, which keeps only rows.
#[divan::bench(sample_count = 5)]
fn scan_10000_records(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_records(dir.path());
    let folders = vec![dir.path().to_path_buf()];
    bencher.bench(|| scan(&folders, None, None).count());
}
