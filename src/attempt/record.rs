//! Turning an attempt into its record, and a record back into an attempt (resuming).

use std::sync::Arc;

use jiff::Timestamp;

use super::draft::Draft;
use super::order::Layout;
use super::state::{Attempt, Item};
use crate::quiz::{Question, Quiz};
use crate::record::{
    AttemptId, AttemptRecord, Participant, Phase, QuestionRecord, QuizRef, Status, Totals,
};

/// What a record holds beyond the attempt itself.
#[derive(Debug, Clone)]
pub struct RecordHeader {
    /// The attempt's id.
    pub attempt: AttemptId,
    /// Who.
    pub participant: Participant,
    /// The session.
    pub session: String,
    /// The phase.
    pub phase: Phase,
    /// The quiz file used.
    pub quiz: QuizRef,
    /// When the attempt started.
    pub started: Timestamp,
}

/// Why a record cannot be resumed with the quiz at hand.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResumeError {
    /// The quiz file changed since the attempt started.
    #[error(
        "the quiz changed since this attempt was started (question `{0}` is no longer in it); start a new attempt"
    )]
    QuizChanged(String),
}

/// The reference to a quiz file that records store.
pub fn quiz_ref(quiz: &Quiz, content_hash: &str) -> QuizRef {
    QuizRef {
        id: quiz.id.clone(),
        language: quiz.language.clone(),
        version: quiz.version,
        content_hash: content_hash.to_owned(),
        title: quiz.title.clone(),
        form_group: quiz.form_group.clone(),
    }
}

impl Attempt {
    /// The record of this attempt as of `now`.
    pub fn to_record(&self, header: &RecordHeader, now: Timestamp) -> AttemptRecord {
        let questions: Vec<QuestionRecord> = self
            .items()
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let question = self.question_at(index);
                QuestionRecord {
                    id: question.id.clone(),
                    kind: question.kind.name().to_owned(),
                    shown: item.layout.shown.clone(),
                    shown_targets: item.layout.shown_targets.clone(),
                    answer: item.answer.clone(),
                    points: item.points,
                    max_points: question.max_points(),
                    time_ms: item.time_ms,
                    flagged: item.flagged,
                }
            })
            .collect();
        AttemptRecord {
            format: crate::record::model::RECORD_FORMAT,
            attempt: header.attempt.clone(),
            participant: header.participant.clone(),
            session: header.session.clone(),
            phase: header.phase,
            quiz: header.quiz.clone(),
            feedback: self.feedback(),
            started: header.started,
            updated: now,
            ended: self.is_finished().then_some(now),
            status: if self.is_finished() {
                Status::Completed
            } else {
                Status::InProgress
            },
            current: self.position(),
            total: Totals {
                points: self.points(),
                max_points: self.max_points(),
            },
            questions,
            writer: String::new(),
            saves: 0,
        }
    }

    /// The attempt saved in `record`, on `quiz`, with its order, answers, flags and times.
    pub fn resume(quiz: Arc<Quiz>, record: &AttemptRecord) -> Result<Attempt, ResumeError> {
        let mut items = Vec::with_capacity(record.questions.len());
        for saved in &record.questions {
            let Some(index) = quiz.questions.iter().position(|q| q.id == saved.id) else {
                return Err(ResumeError::QuizChanged(saved.id.clone()));
            };
            let question: &Question = &quiz.questions[index];
            let layout = Layout {
                question: index,
                shown: saved.shown.clone(),
                shown_targets: saved.shown_targets.clone(),
            };
            let draft = match &saved.answer {
                Some(answer) => Draft::from_response(&question.kind, &layout, answer),
                None => Draft::new(&question.kind, &layout),
            };
            items.push(Item {
                draft,
                answer: saved.answer.clone(),
                points: saved.answer.as_ref().map_or(0.0, |a| question.score(a)),
                time_ms: saved.time_ms,
                flagged: saved.flagged,
                layout,
            });
        }
        if let Some(missing) = quiz
            .questions
            .iter()
            .find(|q| !record.questions.iter().any(|s| s.id == q.id))
        {
            return Err(ResumeError::QuizChanged(missing.id.clone()));
        }
        Ok(Attempt::restore(
            quiz,
            record.feedback,
            items,
            record.current,
        ))
    }
}
