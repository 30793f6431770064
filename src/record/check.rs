//! Whether a record can be believed: scores that are possible and add up, checked wherever a record is read,
//! and questions, options and full marks that match the quiz it was taken on, checked against the loaded quiz.

use std::collections::{HashMap, HashSet};

use super::model::{AttemptRecord, Totals};
use super::tally::IdTally;
use super::view::{AnswerView, RecordView};
use crate::quiz::{QuestionKind, Quiz};

/// What to do about a record whose earned points cannot be believed.
const RESCORE: &str = "the file was damaged or edited; it is left out: restore it from the workstation's copy, \
                       or run the report with --regrade to score its answers again";

/// What to do about a record that does not fit its quiz.
const RESTORE: &str = "the file was damaged or edited; it is left out: restore it from the workstation's copy \
                       or a backup";

/// How far two point figures may differ and still agree, relative to the larger (at least 1).
const TOLERANCE: f64 = 1e-6;

/// Why a record cannot be believed. Every fault but [`RecordFault::VersionUnavailable`] makes the record
/// damaged.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RecordFault {
    /// Points that no answer can earn: not a number, infinite or negative.
    #[error("question {question} has {points} points, which no answer can earn; {advice}", advice = RESCORE)]
    ImpossiblePoints {
        /// Question id.
        question: String,
        /// The points recorded.
        points: f64,
    },
    /// More points than the question's full marks.
    #[error("question {question} has {points} points of at most {max}; {advice}", advice = RESCORE)]
    AboveMaximum {
        /// Question id.
        question: String,
        /// The points recorded.
        points: f64,
        /// The question's full marks, as recorded.
        max: f64,
    },
    /// Full marks that are not a number, infinite or negative.
    #[error("question {question} has full marks of {max}, which is not possible; {advice}", advice = RESTORE)]
    ImpossibleMaximum {
        /// Question id.
        question: String,
        /// The full marks recorded.
        max: f64,
    },
    /// A total of points that is not the sum of the questions' points.
    #[error("the total is {stated} points but the questions add up to {sum}; {advice}", advice = RESCORE)]
    TotalPoints {
        /// The total recorded.
        stated: f64,
        /// The sum of the questions' points.
        sum: f64,
    },
    /// A total of full marks that is not the sum of the questions' full marks.
    #[error("the total of full marks is {stated} but the questions add up to {sum}; {advice}", advice = RESTORE)]
    TotalMaximum {
        /// The total recorded.
        stated: f64,
        /// The sum of the questions' full marks.
        sum: f64,
    },
    /// The record is of another quiz than the one it is checked against.
    #[error(
        "the record is of quiz {record}, not of quiz {quiz}; choose the quiz the record was taken on"
    )]
    OtherQuiz {
        /// The record's quiz id.
        record: String,
        /// The quiz id checked against.
        quiz: String,
    },
    /// The record was taken on another version of the quiz than the one loaded: it cannot be checked or
    /// resumed against it, but it is not damaged.
    #[error(
        "quiz version unavailable: the record was taken on version {record} of quiz {quiz} and version {loaded} \
         is loaded; add the quiz file of version {record} (with --quizzes) to check it against its questions"
    )]
    VersionUnavailable {
        /// Quiz id.
        quiz: String,
        /// The version the record was taken on.
        record: u32,
        /// The version loaded.
        loaded: u32,
    },
    /// A question the quiz does not have.
    #[error("question {question} is not in quiz {quiz} version {version}; {advice}", advice = RESTORE)]
    UnknownQuestion {
        /// Question id.
        question: String,
        /// Quiz id.
        quiz: String,
        /// Quiz version.
        version: u32,
    },
    /// A question recorded more than once.
    #[error("question {question} is recorded more than once; {advice}", advice = RESTORE)]
    RepeatedQuestion {
        /// Question id.
        question: String,
    },
    /// A question recorded as another kind than the quiz's.
    #[error("question {question} is recorded as a {record} question but the quiz has a {quiz} question; {advice}", advice = RESTORE)]
    OtherKind {
        /// Question id.
        question: String,
        /// The kind recorded.
        record: String,
        /// The quiz's kind.
        quiz: &'static str,
    },
    /// Option, item or target ids shown that are not exactly the question's.
    #[error(
        "the {what} shown for question {question} ({shown} of them) are not the question's {expected} {what}; {advice}",
        advice = RESTORE
    )]
    ShownMismatch {
        /// Question id.
        question: String,
        /// `options`, `items` or `targets`.
        what: &'static str,
        /// How many ids were recorded as shown.
        shown: usize,
        /// How many the question has.
        expected: usize,
    },
    /// An answer naming an id the question does not have.
    #[error("the answer to question {question} names {id:?}, which is not one of its {what}; {advice}", advice = RESTORE)]
    UnknownAnswer {
        /// Question id.
        question: String,
        /// The id named.
        id: String,
        /// `options`, `items` or `targets`.
        what: &'static str,
    },
    /// An answer of another kind than the question takes.
    #[error("the answer to question {question} is not an answer a {kind} question takes; {advice}", advice = RESTORE)]
    AnswerKind {
        /// Question id.
        question: String,
        /// The question's kind.
        kind: &'static str,
    },
    /// Full marks that differ from the quiz's.
    #[error("question {question} has full marks of {record} but the quiz gives {quiz}; {advice}", advice = RESTORE)]
    OtherMaximum {
        /// Question id.
        question: String,
        /// The full marks recorded.
        record: f64,
        /// The quiz's full marks.
        quiz: f64,
    },
}

impl RecordFault {
    /// Whether the fault makes the record damaged (every fault but an unavailable quiz version does).
    pub fn is_damage(&self) -> bool {
        !matches!(self, RecordFault::VersionUnavailable { .. })
    }
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

/// Checks `record` against `quiz`, the quiz it claims to be taken on: the same quiz id and version, every
/// question one of the quiz's (once, of the same kind, with the same full marks), the options, items and targets
/// shown exactly the question's, and the answer naming only those.
///
/// This is what the trainee app checks before resuming a record: a record that fails is refused rather than
/// shown with blank options or unanswerable questions. A [`RecordFault::VersionUnavailable`] says the record is
/// of another version of the quiz (not damaged); every other fault says it is damaged. The scores themselves are
/// checked where the record is read ([`record_scores`]).
pub fn against_quiz(record: &AttemptRecord, quiz: &Quiz) -> Result<(), RecordFault> {
    Expected::of(quiz).check(&RecordView::from(record))
}

/// One question as records of it must be.
struct ExpectedQuestion<'q> {
    kind: &'static str,
    /// The options or items, tallied, and by id.
    shown: IdTally,
    choices: HashSet<&'q str>,
    /// The `match` targets, tallied, and by id.
    targets: IdTally,
    target_ids: HashSet<&'q str>,
    max: f64,
}

impl<'q> ExpectedQuestion<'q> {
    fn of(kind: &'q QuestionKind, max: f64) -> Self {
        let (choices, targets): (Vec<&str>, Vec<&str>) = match kind {
            QuestionKind::Single { options }
            | QuestionKind::TrueFalse { options }
            | QuestionKind::Multiple { options } => {
                (options.iter().map(|o| o.id.as_str()).collect(), Vec::new())
            }
            QuestionKind::Order { items } => {
                (items.iter().map(|i| i.id.as_str()).collect(), Vec::new())
            }
            QuestionKind::Match { items, targets } => (
                items.iter().map(|i| i.id.as_str()).collect(),
                targets.iter().map(|t| t.id.as_str()).collect(),
            ),
            QuestionKind::Branching { .. } => (Vec::new(), Vec::new()),
        };
        Self {
            kind: kind.name(),
            shown: IdTally::of(choices.iter().copied()),
            targets: IdTally::of(targets.iter().copied()),
            choices: choices.into_iter().collect(),
            target_ids: targets.into_iter().collect(),
            max,
        }
    }

    /// What the shown ids of this kind are called.
    fn choice_word(&self) -> &'static str {
        match self.kind {
            "order" | "match" => "items",
            _ => "options",
        }
    }
}

/// What a quiz expects of the records taken on it, built once and used for every record.
pub struct Expected<'q> {
    quiz: &'q str,
    version: u32,
    questions: HashMap<&'q str, ExpectedQuestion<'q>>,
}

impl<'q> Expected<'q> {
    /// What records of `quiz` must be.
    pub fn of(quiz: &'q Quiz) -> Self {
        Self {
            quiz: &quiz.id,
            version: quiz.version,
            questions: quiz
                .questions
                .iter()
                .map(|q| (q.id.as_str(), ExpectedQuestion::of(&q.kind, q.max_points())))
                .collect(),
        }
    }

    /// Checks `record` as [`against_quiz`] does.
    pub fn check(&self, record: &RecordView<'_>) -> Result<(), RecordFault> {
        if *record.quiz.id != *self.quiz {
            return Err(RecordFault::OtherQuiz {
                record: record.quiz.id.to_string(),
                quiz: self.quiz.to_owned(),
            });
        }
        if record.quiz.version != self.version {
            return Err(RecordFault::VersionUnavailable {
                quiz: self.quiz.to_owned(),
                record: record.quiz.version,
                loaded: self.version,
            });
        }
        let mut seen = HashSet::with_capacity(record.questions.len());
        for question in &record.questions {
            let id = &*question.id;
            let Some(expected) = self.questions.get(id) else {
                return Err(RecordFault::UnknownQuestion {
                    question: id.to_owned(),
                    quiz: self.quiz.to_owned(),
                    version: self.version,
                });
            };
            if !seen.insert(id) {
                return Err(RecordFault::RepeatedQuestion {
                    question: id.to_owned(),
                });
            }
            if *question.kind != *expected.kind {
                return Err(RecordFault::OtherKind {
                    question: id.to_owned(),
                    record: question.kind.to_string(),
                    quiz: expected.kind,
                });
            }
            for (what, shown, wanted) in [
                (expected.choice_word(), question.shown, expected.shown),
                ("targets", question.shown_targets, expected.targets),
            ] {
                if shown != wanted {
                    return Err(RecordFault::ShownMismatch {
                        question: id.to_owned(),
                        what,
                        shown: shown.count,
                        expected: wanted.count,
                    });
                }
            }
            if !agree(question.max_points, expected.max) {
                return Err(RecordFault::OtherMaximum {
                    question: id.to_owned(),
                    record: question.max_points,
                    quiz: expected.max,
                });
            }
            if let Some(answer) = &question.answer {
                check_answer(id, answer, expected)?;
            }
        }
        Ok(())
    }
}

/// Checks that `answer` is of the kind `expected` takes and names only its ids.
fn check_answer(
    question: &str,
    answer: &AnswerView<'_>,
    expected: &ExpectedQuestion<'_>,
) -> Result<(), RecordFault> {
    let unknown = |id: &str, what: &'static str| RecordFault::UnknownAnswer {
        question: question.to_owned(),
        id: id.to_owned(),
        what,
    };
    let choices = |id: &&str| !expected.choices.contains(id);
    match (answer, expected.kind) {
        (AnswerView::Chosen(ids), "single" | "true_false" | "multiple")
        | (AnswerView::Order(ids), "order") => match ids.iter().map(|id| &**id).find(choices) {
            Some(id) => Err(unknown(id, expected.choice_word())),
            None => Ok(()),
        },
        (AnswerView::Pairs(pairs), "match") => {
            let targets = |id: &&str| !expected.target_ids.contains(id);
            if let Some(item) = pairs.iter().map(|(item, _)| &**item).find(choices) {
                return Err(unknown(item, "items"));
            }
            match pairs.iter().map(|(_, target)| &**target).find(targets) {
                Some(target) => Err(unknown(target, "targets")),
                None => Ok(()),
            }
        }
        (AnswerView::Path(_), "branching") => Ok(()),
        _ => Err(RecordFault::AnswerKind {
            question: question.to_owned(),
            kind: expected.kind,
        }),
    }
}
