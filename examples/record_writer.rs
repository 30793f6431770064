//! Test helper for the record store: writes attempt records as a workstation would, so tests can run many at
//! once or kill one in the middle of a write. Not part of Vigil's interface.
//!
//! Usage: `record_writer RESULTS SESSION concurrent|endless NAME`
//! - `concurrent`: one attempt of 20 questions, autosaved after each answer, then completed; prints `done`.
//! - `endless`: one attempt of 500 questions, prints `saved N` after the Nth answer is safely on disk.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use jiff::Timestamp;
use vigil::quiz::{FeedbackMode, Response};
use vigil::record::{
    AttemptId, AttemptRecord, FsWriter, Participant, Phase, QuestionRecord, QuizRef, Status, Store,
    Totals,
};

fn record(name: &str, questions: usize, now: Timestamp) -> AttemptRecord {
    let mut rng = rand::rng();
    AttemptRecord {
        format: 1,
        attempt: AttemptId::new(now, &mut rng),
        participant: Participant {
            name: name.to_owned(),
            code: None,
            group: "police".to_owned(),
        },
        session: "s".to_owned(),
        phase: Phase::Practice,
        quiz: QuizRef {
            id: "stress".to_owned(),
            language: "en".to_owned(),
            version: 1,
            content_hash: "blake3:00".to_owned(),
            title: "Stress".to_owned(),
            form_group: None,
        },
        feedback: FeedbackMode::Immediate,
        started: now,
        updated: now,
        ended: None,
        status: Status::InProgress,
        current: 0,
        questions: (0..questions)
            .map(|n| QuestionRecord {
                id: format!("q{n}"),
                kind: "single".to_owned(),
                shown: vec!["a".into(), "b".into()],
                answer: None,
                points: 0.0,
                max_points: 1.0,
                shown_targets: vec![],
                time_ms: 0,
                flagged: false,
            })
            .collect(),
        total: Totals {
            points: 0.0,
            max_points: questions as f64,
        },
        writer: String::new(),
        saves: 0,
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let [_, results, session, mode, name] = args.as_slice() else {
        anyhow::bail!("usage: record_writer RESULTS SESSION concurrent|endless NAME");
    };
    let store = Store::new(&PathBuf::from(results), session, Arc::new(FsWriter), None);
    store.probe()?;
    let questions = if mode == "endless" { 500 } else { 20 };
    let mut attempt = record(name, questions, Timestamp::now());
    store.create(&attempt)?;
    let mut out = std::io::stdout().lock();
    for n in 0..questions {
        let question = &mut attempt.questions[n];
        question.answer = Some(Response::Chosen(vec!["a".into()]));
        question.points = 1.0;
        question.time_ms = 1000;
        attempt.current = n;
        attempt.updated = Timestamp::now();
        attempt.retotal();
        store.save(&attempt)?;
        if mode == "endless" {
            writeln!(out, "saved {}", n + 1)?;
            out.flush()?;
        }
    }
    store.complete(&mut attempt, Timestamp::now())?;
    writeln!(out, "done")?;
    Ok(())
}
