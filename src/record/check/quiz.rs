//! Checking a record against the quiz it claims to be taken on: its questions, the options, items and targets
//! shown, its answers and its full marks.

use std::collections::{HashMap, HashSet};

use super::{IdList, RecordFault, agree};
use crate::quiz::{QuestionKind, Quiz};
use crate::record::model::AttemptRecord;
use crate::record::tally::IdTally;
use crate::record::view::{AnswerView, RecordView};

/// Checks `record` against `quiz`, the quiz it claims to be taken on: the same quiz id and version, every
/// question one of the quiz's (once, of the same kind, with the same full marks), the options, items and targets
/// shown exactly the question's, and the answer naming only those.
///
/// This is what the trainee app checks before resuming a record: a record that fails is refused rather than
/// shown with blank options or unanswerable questions. A [`RecordFault::VersionUnavailable`] says the record is
/// of another version of the quiz (not damaged); every other fault says it is damaged. The scores themselves are
/// checked where the record is read ([`super::record_scores`]).
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

    /// Which list the shown ids of this kind are.
    fn choice_list(&self) -> IdList {
        match self.kind {
            "order" | "match" => IdList::Items,
            _ => IdList::Options,
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
                (expected.choice_list(), question.shown, expected.shown),
                (IdList::Targets, question.shown_targets, expected.targets),
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
    let unknown = |id: &str, what: IdList| RecordFault::UnknownAnswer {
        question: question.to_owned(),
        id: id.to_owned(),
        what,
    };
    let choices = |id: &&str| !expected.choices.contains(id);
    match (answer, expected.kind) {
        (AnswerView::Chosen(ids), "single" | "true_false" | "multiple")
        | (AnswerView::Order(ids), "order") => match ids.iter().map(|id| &**id).find(choices) {
            Some(id) => Err(unknown(id, expected.choice_list())),
            None => Ok(()),
        },
        (AnswerView::Pairs(pairs), "match") => {
            let targets = |id: &&str| !expected.target_ids.contains(id);
            if let Some(item) = pairs.iter().map(|(item, _)| &**item).find(choices) {
                return Err(unknown(item, IdList::Items));
            }
            match pairs.iter().map(|(_, target)| &**target).find(targets) {
                Some(target) => Err(unknown(target, IdList::Targets)),
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
