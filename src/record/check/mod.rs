//! Whether a record can be believed: scores that are possible and add up, checked wherever a record is read,
//! and questions, options and full marks that match the quiz it was taken on, checked against the loaded quiz.

mod quiz;

pub use quiz::{Expected, against_quiz};

use super::model::{AttemptRecord, Totals};
use super::view::RecordView;
use crate::i18n::Lang;

/// How far two point figures may differ and still agree, relative to the larger (at least 1).
const TOLERANCE: f64 = 1e-6;

/// Why a record cannot be believed. Every fault but [`RecordFault::VersionUnavailable`] makes the record
/// damaged.
#[derive(Debug, Clone, PartialEq)]
pub enum RecordFault {
    /// Points that no answer can earn: not a number, infinite or negative.
    ImpossiblePoints {
        /// Question id.
        question: String,
        /// The points recorded.
        points: f64,
    },
    /// More points than the question's full marks.
    AboveMaximum {
        /// Question id.
        question: String,
        /// The points recorded.
        points: f64,
        /// The question's full marks, as recorded.
        max: f64,
    },
    /// Full marks that are not a number, infinite or negative.
    ImpossibleMaximum {
        /// Question id.
        question: String,
        /// The full marks recorded.
        max: f64,
    },
    /// A total of points that is not the sum of the questions' points.
    TotalPoints {
        /// The total recorded.
        stated: f64,
        /// The sum of the questions' points.
        sum: f64,
    },
    /// A total of full marks that is not the sum of the questions' full marks.
    TotalMaximum {
        /// The total recorded.
        stated: f64,
        /// The sum of the questions' full marks.
        sum: f64,
    },
    /// The record is of another quiz than the one it is checked against.
    OtherQuiz {
        /// The record's quiz id.
        record: String,
        /// The quiz id checked against.
        quiz: String,
    },
    /// The record was taken on another version of the quiz than the one loaded: it cannot be checked or
    /// resumed against it, but it is not damaged.
    VersionUnavailable {
        /// Quiz id.
        quiz: String,
        /// The version the record was taken on.
        record: u32,
        /// The version loaded.
        loaded: u32,
    },
    /// A question the quiz does not have.
    UnknownQuestion {
        /// Question id.
        question: String,
        /// Quiz id.
        quiz: String,
        /// Quiz version.
        version: u32,
    },
    /// A question recorded more than once.
    RepeatedQuestion {
        /// Question id.
        question: String,
    },
    /// A question recorded as another kind than the quiz's.
    OtherKind {
        /// Question id.
        question: String,
        /// The kind recorded.
        record: String,
        /// The quiz's kind.
        quiz: &'static str,
    },
    /// Option, item or target ids shown that are not exactly the question's.
    ShownMismatch {
        /// Question id.
        question: String,
        /// Which of the question's lists.
        what: IdList,
        /// How many ids were recorded as shown.
        shown: usize,
        /// How many the question has.
        expected: usize,
    },
    /// An answer naming an id the question does not have.
    UnknownAnswer {
        /// Question id.
        question: String,
        /// The id named.
        id: String,
        /// Which of the question's lists.
        what: IdList,
    },
    /// An answer of another kind than the question takes.
    AnswerKind {
        /// Question id.
        question: String,
        /// The question's kind.
        kind: &'static str,
    },
    /// Full marks that differ from the quiz's.
    OtherMaximum {
        /// Question id.
        question: String,
        /// The full marks recorded.
        record: f64,
        /// The quiz's full marks.
        quiz: f64,
    },
}

impl std::fmt::Display for RecordFault {
    /// In English: [`Lang::fault`] says it in another language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.fault(self))
    }
}

impl std::error::Error for RecordFault {}

impl RecordFault {
    /// Whether the fault makes the record damaged (every fault but an unavailable quiz version does).
    pub fn is_damage(&self) -> bool {
        !matches!(self, RecordFault::VersionUnavailable { .. })
    }
}

/// Which list of a question's ids a fault is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdList {
    /// The options of a `single`, `true_false` or `multiple` question.
    Options,
    /// The items of an `order` or `match` question.
    Items,
    /// The targets of a `match` question.
    Targets,
}

/// How much of a record's scoring is checked where it is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scrutiny {
    /// Everything: earned points, full marks and both totals.
    #[default]
    All,
    /// Full marks only: the earned points are recomputed from the answers (`--regrade`), so they and their
    /// total are not held against the record.
    FullMarksOnly,
}

/// Whether two point figures agree within [`TOLERANCE`]; never when either is not a number.
fn agree(a: f64, b: f64) -> bool {
    (a - b).abs() <= TOLERANCE * a.abs().max(b.abs()).max(1.0)
}

/// Checks scores that need no quiz: each question's `(id, points, full marks)` possible, and `total` their sum.
pub fn scores<'a>(
    questions: impl IntoIterator<Item = (&'a str, f64, f64)>,
    total: Totals,
    scrutiny: Scrutiny,
) -> Result<(), RecordFault> {
    let earned = scrutiny == Scrutiny::All;
    let (mut points_sum, mut max_sum) = (0.0, 0.0);
    for (question, points, max) in questions {
        if !max.is_finite() || max < 0.0 {
            return Err(RecordFault::ImpossibleMaximum {
                question: question.to_owned(),
                max,
            });
        }
        if earned && (!points.is_finite() || points < 0.0) {
            return Err(RecordFault::ImpossiblePoints {
                question: question.to_owned(),
                points,
            });
        }
        if earned && points > max && !agree(points, max) {
            return Err(RecordFault::AboveMaximum {
                question: question.to_owned(),
                points,
                max,
            });
        }
        points_sum += points;
        max_sum += max;
    }
    if !agree(total.max_points, max_sum) {
        return Err(RecordFault::TotalMaximum {
            stated: total.max_points,
            sum: max_sum,
        });
    }
    if earned && !agree(total.points, points_sum) {
        return Err(RecordFault::TotalPoints {
            stated: total.points,
            sum: points_sum,
        });
    }
    Ok(())
}

/// Checks the scores of a whole record (see [`scores`]).
pub fn record_scores(record: &AttemptRecord, scrutiny: Scrutiny) -> Result<(), RecordFault> {
    scores(
        record
            .questions
            .iter()
            .map(|q| (q.id.as_str(), q.points, q.max_points)),
        record.total,
        scrutiny,
    )
}

/// Checks the scores of a record as reports read it (see [`scores`]).
pub fn view_scores(record: &RecordView<'_>, scrutiny: Scrutiny) -> Result<(), RecordFault> {
    scores(
        record
            .questions
            .iter()
            .map(|q| (&*q.id, q.points, q.max_points)),
        record.total,
        scrutiny,
    )
}
