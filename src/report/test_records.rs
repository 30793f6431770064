//! Compact attempt records written by hand, and report rows, for the report's unit tests.

use rand::SeedableRng;

use super::answer_words::AnswerIds;
use super::chosen::ChosenOptions;
use super::dataset::AttemptRow;
use crate::quiz::FeedbackMode;
use crate::record::{AttemptId, Identity, Phase};

/// A completed record of quiz `generated` whose questions are the compact entries `questions`, its total worth
/// `max_points`.
pub(crate) fn generated_record(questions: &[String], max_points: f64) -> String {
    format!(
        concat!(
            r#"(format:1,attempt:"4df7c323-e19d-4d14-a922-3dde28bbea1d","#,
            r#"participant:(name:"P",group:"ngo"),session:"s",phase:pre,"#,
            r#"quiz:(id:"generated",language:"en",version:1,content_hash:"blake3:00",title:"Generated"),"#,
            r#"feedback:deferred,started:"2010-04-29T09:00:00Z",updated:"2010-04-29T09:00:00Z","#,
            r#"ended:"2010-04-29T09:00:00Z",status:completed,current:0,questions:[{}],"#,
            r#"total:(points:0.0,max_points:{:?}))"#
        ),
        questions.join(","),
        max_points
    )
}

/// A pre-test row of quiz `quiz` in session `session`, signed in as `name` (with `code`) in `group`: one question,
/// no points.
pub(crate) fn row(
    session: &str,
    name: &str,
    code: Option<&str>,
    group: &str,
    quiz: &str,
) -> Box<AttemptRow> {
    let identity = Identity::from_parts(name, code, group);
    Box::new(AttemptRow {
        // An id of its own for each participant and quiz.
        attempt: AttemptId::new(
            jiff::Timestamp::UNIX_EPOCH,
            &mut rand::rngs::StdRng::seed_from_u64(
                [session, name, group, quiz]
                    .iter()
                    .flat_map(|part| part.bytes())
                    .fold(0u64, |hash, byte| {
                        hash.wrapping_mul(31).wrapping_add(u64::from(byte))
                    }),
            ),
        ),
        participant: format!("{session}|{}", identity.as_str()).into(),
        name: name.into(),
        code: code.map(Box::from),
        group: group.into(),
        session: session.into(),
        phase: Phase::Pre,
        quiz: quiz.into(),
        language: "en".into(),
        version: 1,
        started: jiff::Timestamp::UNIX_EPOCH,
        points: 0.0,
        max: 1.0,
        scores: vec![0.0].into(),
        chosen: ChosenOptions::default(),
        time_ms: 0,
        question_time_ms: Box::default(),
        answers: AnswerIds::default(),
        feedback: FeedbackMode::Deferred,
        file: std::path::PathBuf::new().into_boxed_path(),
    })
}
