//! Records the command-line tests write: completed attempts on the one-question fixture quiz
//! (`tests/fixtures/valid`, question `consent`, 1 point).

use jiff::Timestamp;
use rand::SeedableRng;
use rand::rngs::StdRng;
use vigil::quiz::{FeedbackMode, Response};
use vigil::record::{
    AttemptId, AttemptRecord, Participant, Phase, QuestionRecord, QuizRef, Status, Totals,
};

/// The session of every record built here.
pub const SESSION: &str = "almaty-2010-04";

/// A completed attempt `seed` (which sets its id and start time) by `participant`, in `phase`, scoring `points`
/// of 1 on the fixture quiz.
pub fn completed(seed: u64, participant: Participant, phase: Phase, points: f64) -> AttemptRecord {
    let started = Timestamp::from_second(1_272_531_600 + seed as i64 * 60).unwrap();
    AttemptRecord {
        format: 1,
        attempt: AttemptId::new(started, &mut StdRng::seed_from_u64(seed)),
        participant,
        session: SESSION.into(),
        phase,
        quiz: QuizRef {
            id: "fixture".into(),
            language: "en".into(),
            version: 1,
            content_hash: "blake3:00".into(),
            title: "Fixture".into(),
            form_group: None,
        },
        feedback: FeedbackMode::Deferred,
        started,
        updated: started,
        ended: Some(started),
        status: Status::Completed,
        current: 0,
        questions: vec![QuestionRecord {
            id: "consent".into(),
            kind: "single".into(),
            shown: vec!["no".into(), "yes".into()],
            shown_targets: vec![],
            answer: Some(Response::Chosen(vec!["no".into()])),
            points,
            max_points: 1.0,
            time_ms: 30_000,
            flagged: false,
        }],
        total: Totals {
            points,
            max_points: 1.0,
        },
        writer: String::new(),
        saves: 0,
    }
}
