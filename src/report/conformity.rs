//! Attempts that do not follow the trainer's config: a trainee can edit the shared `vigil.ron` (take the
//! post-test in the pre phase, turn feedback on during a test), so the report holds each attempt of the
//! config's session against the trainer's own copy and points out those that differ.

use std::path::PathBuf;

use serde::Serialize;

use super::dataset::AttemptRow;
use crate::config::Config;
use crate::quiz::{CheckedQuiz, FeedbackMode};
use crate::record::Phase;

/// How an attempt differs from the trainer's config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Departure {
    /// Its stored phase is one in which the config does not offer its quiz.
    NotOffered,
    /// It was taken with another feedback mode than the config gives its quiz in its phase.
    Feedback {
        /// The mode stored in the record.
        stored: FeedbackMode,
        /// The mode the config gives.
        expected: FeedbackMode,
    },
}

/// One attempt that does not follow the trainer's config.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deviation {
    /// Attempt id.
    pub attempt: String,
    /// Participant name.
    pub name: String,
    /// Quiz id.
    pub quiz: String,
    /// The phase stored in the record.
    pub phase: Phase,
    /// How it differs.
    pub departure: Departure,
    /// The record's file.
    pub file: PathBuf,
}

/// The counted `attempts` of the config's session that differ from what `config` says for their phase: a quiz
/// the phase does not offer, or a feedback mode other than the one the phase gives the quiz (its own file,
/// from `quizzes`, in the attempt's language where loaded).
pub fn deviations(
    attempts: &[Box<AttemptRow>],
    config: &Config,
    quizzes: &[CheckedQuiz],
) -> Vec<Deviation> {
    let mut found = Vec::new();
    for row in attempts.iter().filter(|r| r.session == config.session) {
        let rules = config.phases.of(row.phase);
        let deviation = |departure| Deviation {
            attempt: row.attempt.to_string(),
            name: row.name.to_string(),
            quiz: row.quiz.to_string(),
            phase: row.phase,
            departure,
            file: row.file.to_path_buf(),
        };
        if !rules.allows(&row.quiz) {
            found.push(deviation(Departure::NotOffered));
        }
        let file = quizzes
            .iter()
            .find(|q| q.quiz.id == row.quiz && q.quiz.language == row.language)
            .or_else(|| quizzes.iter().find(|q| q.quiz.id == row.quiz));
        if let Some(file) = file {
            let expected = rules.effective_feedback(&file.quiz);
            if row.feedback != expected {
                found.push(deviation(Departure::Feedback {
                    stored: row.feedback,
                    expected,
                }));
            }
        }
    }
    found
}
