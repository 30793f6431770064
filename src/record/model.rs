//! The attempt record: everything about one participant's run through one quiz, as stored on disk.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::attempt_id::AttemptId;
use crate::quiz::{FeedbackMode, Response};

/// The newest record format this build reads and writes.
pub const RECORD_FORMAT: u32 = 1;

/// Which part of a training event an attempt belongs to.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Before the training: the baseline.
    Pre,
    /// During the training.
    #[default]
    Practice,
    /// After the training: measures the gain.
    Post,
}

impl Phase {
    /// The phase's name as written in files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Pre => "pre",
            Phase::Practice => "practice",
            Phase::Post => "post",
        }
    }
}

/// Where an attempt stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Started and not yet submitted; can be resumed.
    InProgress,
    /// Submitted; counts in reports.
    Completed,
    /// Given up by the participant at resume time; kept on disk, left out of reports.
    Discarded,
}

/// Who took the attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// The name as typed (or from the roster).
    pub name: String,
    /// The roster code, when the trainer uses a roster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The group id, such as `police` or `ngo`.
    pub group: String,
}

/// Which quiz, exactly, the attempt was made on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizRef {
    /// Quiz id (shared by its translations).
    pub id: String,
    /// Language of the file used.
    pub language: String,
    /// The quiz's content version.
    pub version: u32,
    /// BLAKE3 hash of the quiz file, as `blake3:HEX`.
    pub content_hash: String,
    /// Title, so listings need not load the quiz.
    pub title: String,
    /// Form group of parallel forms, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_group: Option<String>,
}

/// One question as the participant met it.
///
/// Stored as a tuple, `(id, kind, shown, shown_targets, answer, points, max_points, time_ms, flagged)`, which keeps
/// records small and reading 10,000 of them fast.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "QuestionTuple", from = "QuestionTuple")]
pub struct QuestionRecord {
    /// Question id.
    pub id: String,
    /// Kind name (`single`, `multiple`, ...).
    pub kind: String,
    /// Option or item ids in the order shown (empty for `branching`).
    pub shown: Vec<String>,
    /// `match` only: target ids in the order shown.
    pub shown_targets: Vec<String>,
    /// The answer, once given.
    pub answer: Option<Response>,
    /// Points earned.
    pub points: f64,
    /// Full marks.
    pub max_points: f64,
    /// Time spent on the question, in milliseconds.
    pub time_ms: u64,
    /// Whether the participant flagged it to come back to.
    pub flagged: bool,
}

/// The stored form of a [`QuestionRecord`].
#[derive(Serialize, Deserialize)]
struct QuestionTuple(
    String,
    String,
    Vec<String>,
    Vec<String>,
    Option<Response>,
    f64,
    f64,
    u64,
    bool,
);

impl From<QuestionRecord> for QuestionTuple {
    fn from(q: QuestionRecord) -> Self {
        Self(
            q.id,
            q.kind,
            q.shown,
            q.shown_targets,
            q.answer,
            q.points,
            q.max_points,
            q.time_ms,
            q.flagged,
        )
    }
}

impl From<QuestionTuple> for QuestionRecord {
    fn from(t: QuestionTuple) -> Self {
        let QuestionTuple(
            id,
            kind,
            shown,
            shown_targets,
            answer,
            points,
            max_points,
            time_ms,
            flagged,
        ) = t;
        Self {
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
    }
}

/// Points earned and possible over the whole attempt.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Totals {
    /// Points earned.
    pub points: f64,
    /// Points possible.
    pub max_points: f64,
}

/// One attempt: one participant going through one quiz once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttemptRecord {
    /// Record format version; see [`RECORD_FORMAT`].
    pub format: u32,
    /// Unique across machines; also the file name.
    pub attempt: AttemptId,
    /// Who.
    pub participant: Participant,
    /// The training event, such as `almaty-2010-04`.
    pub session: String,
    /// Pre-test, practice or post-test.
    pub phase: Phase,
    /// Which quiz.
    pub quiz: QuizRef,
    /// The feedback mode in force.
    pub feedback: FeedbackMode,
    /// When the attempt started (UTC).
    pub started: Timestamp,
    /// When it was last saved (UTC).
    pub updated: Timestamp,
    /// When it was submitted (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Timestamp>,
    /// In progress, completed or discarded.
    pub status: Status,
    /// Index (in `questions`) of the question on screen at the last save, for resuming.
    pub current: usize,
    /// The questions in the order shown.
    pub questions: Vec<QuestionRecord>,
    /// Points over all questions.
    pub total: Totals,
    /// The random id of the running app that saved the record last; empty in records written before it was kept.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub writer: String,
    /// How many times the attempt was saved, by any app; 0 in records written before it was counted.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub saves: u64,
}

/// Whether a count is 0 (left out of the file).
fn is_zero(count: &u64) -> bool {
    *count == 0
}

impl AttemptRecord {
    /// Recomputes `total` from the questions.
    pub fn retotal(&mut self) {
        self.total = Totals {
            points: self.questions.iter().map(|q| q.points).sum(),
            max_points: self.questions.iter().map(|q| q.max_points).sum(),
        };
    }

    /// The score as a percentage of the maximum (0 when the maximum is 0).
    pub fn percent(&self) -> f64 {
        if self.total.max_points > 0.0 {
            100.0 * self.total.points / self.total.max_points
        } else {
            0.0
        }
    }

    /// Time spent on all questions, in milliseconds.
    pub fn elapsed_ms(&self) -> u64 {
        self.questions.iter().map(|q| q.time_ms).sum()
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.questions.iter().filter(|q| q.answer.is_some()).count()
    }
}
