//! Reducing records to report rows: on the threads that read them, against the quiz shapes, so that a report
//! keeps numbers, never whole records.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use super::answer_words::AnswerIdsBuilder;
use super::chosen::ChosenOptions;
use super::corrections::apply::Applier;
use super::dataset::{
    AttemptChoice, AttemptRow, ContentVariant, Dataset, Filter, QuestionShape, QuizShape,
    QuizTexts, choose,
};
use super::identities::{self, Roster};
use super::known::Known;
use super::record_shapes::RecordShapes;
use super::scores::Scores;
use super::shared_text::{Interner, SharedText};
use crate::config::RosterEntry;
use crate::quiz::CheckedQuiz;
use crate::quiz::scoring::{items_on_target, pairs_kept};
use crate::record::check::{Expected, Scrutiny, view_scores};
use crate::record::conflict::Standing;
use crate::record::scan::{Entry, Problem, Reason, scan_with};
use crate::record::view::{self, AnswerView, RecordView};
use crate::record::{Identity, Integrity, IntegrityKey, Status};

/// What one record adds to a report, worked out on the thread that read it.
#[derive(Debug, Clone)]
pub enum Contribution {
    /// Outside the report's filter.
    Excluded,
    /// Left out, and why (edited, unsealed); boxed, as few records are.
    LeftOut(Box<Problem>),
    /// Damaged: it does not match its quiz file, or its points cannot be believed; boxed, as few records are.
    Damaged(Box<Problem>),
    /// Still being taken.
    InProgress,
    /// Discarded by its participant.
    Discarded,
    /// Voided by one of the trainer's corrections.
    Voided,
    /// A completed attempt, reduced to its row.
    Counted(Counted),
}

/// A completed attempt as a report keeps it.
#[derive(Debug, Clone)]
pub struct Counted {
    /// Its row, in the order of `shape`, or of the shape the report already uses for the quiz when `shape` is
    /// `None`; boxed where it is made, so that gathering moves a pointer, not the row.
    row: Box<AttemptRow>,
    /// The content hash of the quiz file it was taken on.
    content_hash: SharedText,
    /// The shape the row follows when no shape was known for the quiz yet (taken from the record itself, and
    /// shared with the records that give the same).
    shape: Option<Arc<QuizShape>>,
    /// The record's own total of full marks, for a quiz whose shape has no questions.
    total_max: f64,
}

/// Reduces records to what a report keeps of them; shared by every thread that reads records.
pub struct Reducer<'q> {
    /// The quiz file of each quiz id (the English one where there are several languages).
    files: HashMap<&'q str, &'q CheckedQuiz>,
    /// The shapes of those quiz files.
    shapes: HashMap<&'q str, QuizShape>,
    /// What those quiz files expect of their records.
    expected: HashMap<&'q str, Expected<'q>>,
    /// Shapes of quizzes without a file, taken from their first record as gathering meets it, so that later
    /// batches reduce against them directly.
    learned: RwLock<HashMap<String, QuizShape>>,
    /// The shapes records of quizzes without a file give, shared between their rows.
    record_shapes: RecordShapes,
    /// Which records count.
    filter: &'q Filter,
    /// The sessions, groups and quizzes of every record reduced, whatever the filter.
    known: Mutex<Known>,
    /// Records read whose room-key hash could not be checked (no room key given).
    unchecked: AtomicUsize,
    /// Whether points are recomputed from the quiz files.
    regrade: bool,
    /// The trainer's corrections, when there are any.
    corrections: Option<&'q Applier>,
    /// The trainer's roster, which names participants of its session by code.
    roster: Option<Roster<'q>>,
    /// What rows keep beyond their scores.
    detail: Detail,
    /// The one copy of each session, group, quiz id, language and content hash the rows share.
    texts: Interner,
}

/// What rows keep of each question beyond its points, for the reports that print it.
#[derive(Debug, Clone, Copy)]
struct Detail {
    /// Its time.
    question_times: bool,
    /// Its answer in ids, where the shape's options do not tell it.
    answers: bool,
}

impl<'q> Reducer<'q> {
    /// A reducer admitting what `filter` admits, with `quizzes` (the bank) giving question order, texts, tags
    /// and answer keys; `regrade` recomputes points from the quiz files.
    pub fn new(quizzes: &'q [CheckedQuiz], filter: &'q Filter, regrade: bool) -> Self {
        let files: HashMap<&str, &CheckedQuiz> = quizzes
            .iter()
            .filter(|q| q.quiz.language == "en")
            .chain(quizzes.iter())
            .fold(HashMap::new(), |mut map, q| {
                map.entry(q.quiz.id.as_str()).or_insert(q);
                map
            });
        let mut shapes: HashMap<&str, QuizShape> = files
            .iter()
            .map(|(id, quiz)| (*id, QuizShape::of(quiz)))
            .collect();
        for quiz in quizzes {
            if let Some(shape) = shapes.get_mut(quiz.quiz.id.as_str()) {
                shape
                    .translations
                    .entry(quiz.quiz.language.clone())
                    .or_insert_with(|| QuizTexts::of(quiz));
            }
        }
        let expected = files
            .iter()
            .map(|(id, quiz)| (*id, Expected::of(&quiz.quiz)))
            .collect();
        Self {
            files,
            shapes,
            expected,
            learned: RwLock::default(),
            record_shapes: RecordShapes::default(),
            filter,
            known: Mutex::default(),
            unchecked: AtomicUsize::new(0),
            regrade,
            corrections: None,
            roster: None,
            detail: Detail {
                question_times: true,
                answers: false,
            },
            texts: Interner::default(),
        }
    }

    /// Leaves each question's time out of the rows (their `question_time_ms` stays empty), for a report that
    /// does not print it: about a third of what a row of 40 questions holds.
    #[must_use]
    pub fn without_question_times(mut self) -> Self {
        self.detail.question_times = false;
        self
    }

    /// Keeps each question's answer in the rows as ids (their `answers`) where the quiz shape's options do not
    /// tell it: `order`, `match` and `branching` answers, and any answer to a quiz whose file is not at hand. For
    /// a report that prints answers (the `responses` table).
    #[must_use]
    pub fn with_answers(mut self) -> Self {
        self.detail.answers = true;
        self
    }

    /// Applies the trainer's `corrections`: merged identities count as one participant, voided attempts not
    /// at all.
    #[must_use]
    pub fn with_corrections(mut self, corrections: &'q Applier) -> Self {
        self.corrections = Some(corrections).filter(|c| !c.is_empty());
        self
    }

    /// Names the participants of the trainer's `session` by the trainer's `roster`: a record signed in by a roster
    /// name counts as the roster's code, and a record that keeps only a code is shown with the roster's name.
    #[must_use]
    pub fn with_roster(mut self, session: &'q str, roster: &'q [RosterEntry]) -> Self {
        self.roster = Some(Roster::new(session, roster)).filter(|_| !roster.is_empty());
        self
    }

    /// What `record`, read from `path` with `integrity`, adds to the report.
    pub fn reduce(
        &self,
        path: &Path,
        record: &RecordView<'_>,
        integrity: Integrity,
    ) -> Contribution {
        if integrity == Integrity::NoKey {
            self.unchecked.fetch_add(1, Ordering::Relaxed);
        }
        self.known
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .note(&record.session, &record.participant.group, &record.quiz.id);
        if let Some(corrections) = self.corrections {
            corrections.note(
                &record.session,
                &Identity::from_parts(
                    &record.participant.name,
                    record.participant.code.as_deref(),
                    &record.participant.group,
                ),
                &record.attempt.to_string(),
            );
        }
        if !self.filter.admits(record) {
            return Contribution::Excluded;
        }
        if self
            .corrections
            .is_some_and(|c| c.voided(&record.attempt.to_string()).is_some())
        {
            return Contribution::Voided;
        }
        let left_out = |reason: Reason| {
            Contribution::LeftOut(Box::new(Problem {
                path: path.to_path_buf(),
                reason,
            }))
        };
        match integrity {
            Integrity::Mismatch => return left_out(Reason::EditedAfterWriting),
            Integrity::Missing => return left_out(Reason::NoRoomKeyHash),
            _ => {}
        }
        if let Some(problem) = self.fault(path, record) {
            return Contribution::Damaged(Box::new(problem));
        }
        match record.status {
            Status::InProgress => Contribution::InProgress,
            Status::Discarded => Contribution::Discarded,
            Status::Completed => {
                let id = &*record.quiz.id;
                let regrade = self.files.get(id).filter(|_| self.regrade).copied();
                let learned = self.learned.read().unwrap_or_else(PoisonError::into_inner);
                let known = self.shapes.get(id).or_else(|| learned.get(id));
                let (mut row, shape) = match known {
                    Some(shape) => (self.row(record, shape, regrade), None),
                    None => {
                        let own = self.record_shapes.of(record);
                        (self.row(record, &own, regrade), Some(own))
                    }
                };
                if let Some(corrections) = self.corrections {
                    corrections.rewrite(&mut row, &self.texts);
                }
                Contribution::Counted(Counted {
                    row: Box::new(row),
                    content_hash: self.texts.get(&record.quiz.content_hash),
                    shape,
                    total_max: record.total.max_points,
                })
            }
        }
    }

    /// The row of `record` against `shape`, its points recomputed from `regrade` when given.
    fn row(
        &self,
        record: &RecordView<'_>,
        shape: &QuizShape,
        regrade: Option<&CheckedQuiz>,
    ) -> AttemptRow {
        row(record, shape, regrade, self.detail, &self.texts)
    }

    /// What is wrong with `record`, read from `path`, in the light of its quiz file: ids or full marks that do
    /// not match it (a record of a version of the quiz that is not loaded is not checked), or, when regrading
    /// without the quiz file, earned points that could not be checked where the record was read.
    fn fault(&self, path: &Path, record: &RecordView<'_>) -> Option<Problem> {
        let id = &*record.quiz.id;
        let fault = match self.expected.get(id) {
            Some(expected) => expected.check(record).err().filter(|f| f.is_damage()),
            None if self.regrade => view_scores(record, Scrutiny::All).err(),
            None => None,
        }?;
        Some(Problem {
            path: path.to_path_buf(),
            reason: Reason::Damaged(fault),
        })
    }

    /// Reads one record file from its `bytes` and reduces it, for a scan: a damaged record is a problem of its
    /// file, so that it never competes with the other files of its attempt.
    pub fn read(
        &self,
        path: &Path,
        bytes: &[u8],
        key: Option<&IntegrityKey>,
    ) -> Result<(Standing, Contribution), Reason> {
        let read =
            view::with_checked_record(path, bytes, key, self.scrutiny(), |record, integrity| {
                self.reduce(path, record, integrity)
            })?;
        match read {
            (_, Contribution::Damaged(problem)) => Err(problem.reason),
            read => Ok(read),
        }
    }

    /// The scores a record must have where it is read: earned points are not held against it when they will
    /// be recomputed.
    fn scrutiny(&self) -> Scrutiny {
        if self.regrade {
            Scrutiny::FullMarksOnly
        } else {
            Scrutiny::All
        }
    }

    /// Gathers the contributions of scanned records, each with its file's path, into the dataset, keeping the
    /// attempts `choice` names.
    pub fn gather(
        &self,
        entries: impl Iterator<Item = Entry<(PathBuf, Contribution)>>,
        choice: AttemptChoice,
    ) -> Dataset {
        let mut data = Dataset {
            regraded: self.regrade,
            ..Dataset::default()
        };
        let mut versions: BTreeMap<SharedText, BTreeSet<u32>> = BTreeMap::new();
        let mut contents: Contents = BTreeMap::new();
        for entry in entries {
            let (file, counted) = match entry {
                Entry::Record((file, Contribution::Counted(counted))) => (file, counted),
                Entry::Record((_, Contribution::Excluded | Contribution::Voided)) => continue,
                Entry::Record((_, Contribution::InProgress)) => {
                    data.in_progress += 1;
                    continue;
                }
                Entry::Record((_, Contribution::Discarded)) => {
                    data.discarded += 1;
                    continue;
                }
                Entry::Record((
                    _,
                    Contribution::LeftOut(problem) | Contribution::Damaged(problem),
                )) => {
                    data.problems.push(*problem);
                    continue;
                }
                Entry::Problem(problem) => {
                    data.problems.push(problem);
                    continue;
                }
                Entry::Duplicate { path, first } => {
                    data.problems.push(Problem::duplicate(path, &first));
                    continue;
                }
            };
            let Counted {
                mut row,
                content_hash,
                shape,
                total_max,
            } = counted;
            row.file = file.into_boxed_path();
            let version = row.version;
            versions
                .entry(row.quiz.clone())
                .or_default()
                .insert(version);
            *contents
                .entry((row.quiz.clone(), row.language.clone()))
                .or_default()
                .entry((version, content_hash))
                .or_default() += 1;
            match shape {
                None => {
                    if !data.quizzes.contains_key(row.quiz.as_str())
                        && let Some(shape) = self.shapes.get(row.quiz.as_str())
                    {
                        data.quizzes.insert(row.quiz.to_string(), shape.clone());
                    }
                }
                Some(own) => match data.quizzes.get(row.quiz.as_str()) {
                    Some(established) => {
                        conform(&mut row, &own, established, total_max, self.detail);
                    }
                    None => {
                        self.learned
                            .write()
                            .unwrap_or_else(PoisonError::into_inner)
                            .insert(row.quiz.to_string(), QuizShape::clone(&own));
                        data.quizzes
                            .insert(row.quiz.to_string(), Arc::unwrap_or_clone(own));
                    }
                },
            }
            data.attempts.push(row);
        }
        data.mixed_versions = versions
            .into_iter()
            .filter(|(_, v)| v.len() > 1)
            .map(|(quiz, v)| (quiz.to_string(), v))
            .collect();
        data.mixed_content = mixed_content(contents);
        data.known =
            std::mem::take(&mut *self.known.lock().unwrap_or_else(PoisonError::into_inner));
        data.unchecked_room_hashes = self.unchecked.load(Ordering::Relaxed);
        if let Some(roster) = &self.roster {
            data.attempts
                .iter_mut()
                .for_each(|row| roster.resolve(row, &self.texts));
        }
        if let Some(corrections) = self.corrections {
            corrections.unify(&mut data.attempts);
            data.corrections = corrections.applied();
        }
        data.identity_notes = identities::notes(&data.attempts);
        data.attempts = choose(std::mem::take(&mut data.attempts), choice);
        data
    }
}

/// Builds the dataset from scanned `entries`, with `quizzes` (the bank) giving question order, texts, tags and
/// answer keys; `regrade` recomputes points from the quiz files.
pub fn build(
    entries: impl Iterator<Item = Entry>,
    quizzes: &[CheckedQuiz],
    filter: &Filter,
    choice: AttemptChoice,
    regrade: bool,
) -> Dataset {
    let reducer = Reducer::new(quizzes, filter, regrade);
    reducer.gather(
        entries.map(|entry| {
            entry.map(|loaded| {
                let contribution = reducer.reduce(
                    &loaded.path,
                    &RecordView::from(&loaded.record),
                    loaded.integrity,
                );
                (loaded.path, contribution)
            })
        }),
        choice,
    )
}

/// Builds the dataset from the records under `folders`, each reduced on the thread that read it so that only
/// rows of numbers are kept; `key` checks their seals.
pub fn build_from_folders(
    folders: &[PathBuf],
    key: Option<&IntegrityKey>,
    quizzes: &[CheckedQuiz],
    filter: &Filter,
    choice: AttemptChoice,
    regrade: bool,
) -> Dataset {
    let reducer = Reducer::new(quizzes, filter, regrade);
    let entries = scan_with(folders, None, |path, bytes| reducer.read(path, bytes, key));
    reducer.gather(entries.with_paths(), choice)
}

/// Per quiz id and language, how many counted records each version and content hash made.
type Contents = BTreeMap<(SharedText, SharedText), BTreeMap<(u32, SharedText), usize>>;

/// Per quiz id, the contents its records of one language were made from, where there is more than one.
fn mixed_content(contents: Contents) -> BTreeMap<String, Vec<ContentVariant>> {
    let mut mixed: BTreeMap<String, Vec<ContentVariant>> = BTreeMap::new();
    for ((quiz, language), variants) in contents.into_iter().filter(|(_, v)| v.len() > 1) {
        mixed
            .entry(quiz.to_string())
            .or_default()
            .extend(
                variants
                    .into_iter()
                    .map(|((version, content_hash), records)| ContentVariant {
                        language: language.to_string(),
                        version,
                        content_hash: content_hash.to_string(),
                        records,
                    }),
            );
    }
    mixed
}

/// Re-expresses `row`, made against the shape `from`, against the shape `to` (another record's idea of the same
/// quiz), as if it had been made against `to`: points of questions `to` lacks are dropped, questions the row
/// lacks score 0; `total_max` is the record's own total of full marks. Its question times and answers are
/// re-expressed too where `detail` kept them.
fn conform(row: &mut AttemptRow, from: &QuizShape, to: &QuizShape, total_max: f64, detail: Detail) {
    let same = from.questions.len() == to.questions.len()
        && from
            .questions
            .iter()
            .zip(&to.questions)
            .all(|(a, b)| a.id == b.id && a.max.to_bits() == b.max.to_bits());
    if same {
        return;
    }
    let index: HashMap<&str, usize> = from
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let scores: Vec<f64> = row.scores.iter().collect();
    row.scores = Scores::from(remapped(&scores, to, &index));
    row.chosen = ChosenOptions::from_masks(remapped(&row.chosen.masks(), to, &index));
    if detail.question_times {
        row.question_time_ms = remapped(&row.question_time_ms, to, &index).into_boxed_slice();
    }
    if detail.answers {
        let answers: Vec<&str> = row.answers.iter().collect();
        row.answers = remapped(&answers, to, &index).into_iter().collect();
    }
    row.points = row.scores.iter().sum();
    row.max = if to.questions.is_empty() {
        total_max
    } else {
        to.questions.iter().map(|q| q.max).sum()
    };
}

/// `values`, one per question at the positions `index` gives by id, re-expressed for the questions of `to`: each
/// takes its value where it had one, the default where it had none.
fn remapped<T: Clone + Default>(
    values: &[T],
    to: &QuizShape,
    index: &HashMap<&str, usize>,
) -> Vec<T> {
    to.questions
        .iter()
        .map(|q| {
            index
                .get(q.id.as_str())
                .and_then(|&i| values.get(i).cloned())
                .unwrap_or_default()
        })
        .collect()
}

/// The bits an answer to `question` sets in its row: a bit per option chosen, or for an `order` or `match`
/// question a bit per part of [`QuestionShape::credited`] earned (only the first 64 of either).
fn answer_bits(question: &QuestionShape, answer: &AnswerView<'_>) -> u64 {
    let credited = || {
        question
            .credited
            .iter()
            .map(|(first, second)| (first.as_str(), second.as_str()))
    };
    match answer {
        AnswerView::Chosen(ids) => mask(
            question
                .options
                .iter()
                .map(|option| ids.iter().any(|id| **id == option.id)),
        ),
        AnswerView::Order(given) if question.kind == "order" => mask(pairs_kept(credited(), given)),
        AnswerView::Pairs(given) if question.kind == "match" => {
            mask(items_on_target(credited(), given))
        }
        _ => 0,
    }
}

/// A bit per `true` of `flags`, the first flag the lowest bit; only the first 64 flags.
fn mask(flags: impl Iterator<Item = bool>) -> u64 {
    flags
        .take(64)
        .enumerate()
        .filter(|(_, flag)| *flag)
        .fold(0, |bits, (at, _)| bits | 1 << at)
}

/// The row of `record` against `shape`, its points recomputed from `regrade` when given; each question's time
/// and answer are kept where `detail` says.
fn row(
    record: &RecordView<'_>,
    shape: &QuizShape,
    regrade: Option<&CheckedQuiz>,
    detail: Detail,
    texts: &Interner,
) -> AttemptRow {
    // A record usually lists the shape's questions in the shape's order: then each is found where it stands,
    // without an index (the shape of a quiz file has no repeated id; a shape made from records is sorted, so a
    // repeated id would stand next to itself).
    let in_order = record.questions.len() == shape.questions.len()
        && record
            .questions
            .iter()
            .zip(&shape.questions)
            .all(|(saved, question)| *saved.id == question.id)
        && (shape.from_quiz_file || shape.questions.windows(2).all(|w| w[0].id != w[1].id));
    let saved_questions = (!in_order).then(|| view::QuestionIndex::of(&record.questions));
    let mut scores = Vec::with_capacity(shape.questions.len());
    let mut chosen = Vec::with_capacity(shape.questions.len());
    let kept = |keep: bool| if keep { shape.questions.len() } else { 0 };
    let mut times = Vec::with_capacity(kept(detail.question_times));
    let mut answers = AnswerIdsBuilder::default();
    for (index, question) in shape.questions.iter().enumerate() {
        let saved = match &saved_questions {
            Some(index) => index.find(&question.id),
            None => record.questions.get(index),
        };
        let answer = saved.and_then(|s| s.answer.as_ref());
        let points = match (regrade, answer) {
            (Some(file), Some(answer)) => file
                .quiz
                .questions
                .get(index)
                .filter(|q| q.id == question.id)
                .or_else(|| file.quiz.questions.iter().find(|q| q.id == question.id))
                .map_or(0.0, |q| q.score(&answer.to_response())),
            (Some(_), None) => 0.0,
            // `+ 0.0`: older records may hold a negative zero (an empty `multiple` answer), never shown as "-0".
            (None, _) => saved.map_or(0.0, |s| s.points + 0.0),
        };
        scores.push(points);
        if detail.question_times {
            times.push(saved.map_or(0, |s| s.time_ms));
        }
        if detail.answers {
            answers.push(answer.filter(|_| question.options.is_empty()));
        }
        chosen.push(answer.map_or(0, |answer| answer_bits(question, answer)));
    }
    let points: f64 = scores.iter().sum();
    let max = if shape.questions.is_empty() {
        record.total.max_points
    } else {
        shape.questions.iter().map(|q| q.max).sum()
    };
    AttemptRow {
        attempt: record.attempt.clone(),
        participant: format!(
            "{}|{}",
            &*record.session,
            Identity::from_parts(
                &record.participant.name,
                record.participant.code.as_deref(),
                &record.participant.group
            )
            .as_str()
        )
        .into(),
        name: record.participant.name.as_ref().into(),
        code: record.participant.code.as_deref().map(Box::from),
        group: texts.get(&record.participant.group),
        session: texts.get(&record.session),
        phase: record.phase,
        quiz: texts.get(&record.quiz.id),
        language: texts.get(&record.quiz.language),
        version: record.quiz.version,
        started: record.started,
        points,
        max,
        scores: Scores::from(scores),
        chosen: ChosenOptions::from_masks(chosen),
        time_ms: record.elapsed_ms(),
        question_time_ms: times.into_boxed_slice(),
        answers: answers.build(),
        feedback: record.feedback,
        file: std::path::PathBuf::new().into_boxed_path(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::test_records::generated_record;

    /// A completed record of the generated quiz with `questions` as (id, points, time in ms).
    fn record(questions: &[(&str, f64, u64)]) -> String {
        let questions: Vec<String> = questions
            .iter()
            .map(|(id, points, time)| {
                format!(
                    r#"("{id}","multiple",["a","b"],[],chosen(["b"]),{points:?},1.0,{time},false)"#
                )
            })
            .collect();
        generated_record(&questions, 3.0)
    }

    fn scores_and_times(text: &str, shape: &QuizShape) -> (Vec<f64>, Vec<u64>) {
        let (view, _) = view::read(text.as_bytes(), None).unwrap();
        let detail = Detail {
            question_times: true,
            answers: false,
        };
        let row = row(&view, shape, None, detail, &Interner::default());
        (row.scores.iter().collect(), row.question_time_ms.into_vec())
    }

    #[test]
    fn a_record_in_the_shapes_order_and_a_shuffled_one_give_the_same_row() {
        let in_order = record(&[("q1", 1.0, 10), ("q2", 0.5, 20), ("q10", 0.0, 30)]);
        let shuffled = record(&[("q10", 0.0, 30), ("q1", 1.0, 10), ("q2", 0.5, 20)]);
        let missing = record(&[("q2", 0.5, 20), ("q1", 1.0, 10)]);
        let (view, _) = view::read(in_order.as_bytes(), None).unwrap();
        let shape = QuizShape::from_record(&view);
        let expected = (vec![1.0, 0.5, 0.0], vec![10, 20, 30]);
        assert_eq!(scores_and_times(&in_order, &shape), expected);
        assert_eq!(scores_and_times(&shuffled, &shape), expected);
        assert_eq!(
            scores_and_times(&missing, &shape),
            (vec![1.0, 0.5, 0.0], vec![10, 20, 0])
        );
    }

    #[test]
    fn ids_that_sort_alike_never_hide_a_repeated_question_from_its_last_answer() {
        let text = record(&[("q1", 1.0, 10), ("q01", 0.5, 20), ("q1", 0.25, 30)]);
        let (view, _) = view::read(text.as_bytes(), None).unwrap();
        let shape = QuizShape::from_record(&view);
        let ids: Vec<&str> = shape.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["q01", "q1", "q1"]);
        assert_eq!(
            scores_and_times(&text, &shape),
            (vec![0.5, 0.25, 0.25], vec![20, 30, 30])
        );
    }

    /// A folder of two records of a quiz without a file, each answering `b` to every question: one of `q1`, `q2`
    /// and `q3`, the other of `q2` and `q1` only, so that its row is conformed to the first one's shape.
    fn two_shapes_folder() -> tempfile::TempDir {
        let folder = tempfile::tempdir().unwrap();
        let entries = |questions: &[(&str, u64)]| -> Vec<String> {
            questions
                .iter()
                .map(|(id, time)| {
                    format!(
                        r#"("{id}","multiple",["a","b"],[],chosen(["b"]),0.0,1.0,{time},false)"#
                    )
                })
                .collect()
        };
        let first = generated_record(&entries(&[("q1", 10), ("q2", 20), ("q3", 5)]), 3.0);
        let other = generated_record(&entries(&[("q2", 20), ("q1", 10)]), 2.0)
            .replace(
                "4df7c323-e19d-4d14-a922-3dde28bbea1d",
                "7a0b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
            )
            .replace(r#"name:"P""#, r#"name:"Q""#);
        std::fs::write(folder.path().join("a.ron"), first).unwrap();
        std::fs::write(folder.path().join("b.ron"), other).unwrap();
        folder
    }

    /// The rows `reducer` makes of the records in `folder`.
    fn rows(reducer: &Reducer<'_>, folder: &Path) -> Vec<Box<AttemptRow>> {
        let entries = scan_with(&[folder.to_path_buf()], None, |path, bytes| {
            reducer.read(path, bytes, None)
        });
        let data = reducer.gather(entries.with_paths(), AttemptChoice::default());
        assert!(data.problems.is_empty(), "{:?}", data.problems);
        data.attempts
    }

    #[test]
    fn a_reducer_told_to_leave_question_times_out_keeps_everything_else() {
        let folder = two_shapes_folder();
        let filter = Filter::default();
        let with_times = rows(&Reducer::new(&[], &filter, false), folder.path());
        let without = rows(
            &Reducer::new(&[], &filter, false).without_question_times(),
            folder.path(),
        );
        assert_eq!(with_times.len(), 2);
        assert!(with_times.iter().all(|row| row.question_time_ms.len() == 3));
        assert!(without.iter().all(|row| row.question_time_ms.is_empty()));
        let leave_times_out = |mut row: Box<AttemptRow>| {
            row.question_time_ms = Box::default();
            row
        };
        assert_eq!(
            with_times
                .into_iter()
                .map(leave_times_out)
                .collect::<Vec<_>>(),
            without
        );
    }

    #[test]
    fn a_reducer_told_to_keep_answers_keeps_them_in_the_shapes_order() {
        let folder = two_shapes_folder();
        let filter = Filter::default();
        let plain = rows(&Reducer::new(&[], &filter, false), folder.path());
        let with_answers = rows(
            &Reducer::new(&[], &filter, false).with_answers(),
            folder.path(),
        );
        assert!(plain.iter().all(|row| row.answers.iter().count() == 0));
        let answers: Vec<Vec<&str>> = with_answers
            .iter()
            .map(|row| row.answers.iter().collect())
            .collect();
        // The second record has no `q3`: its row is conformed to the first one's questions.
        assert_eq!(answers, [vec!["b", "b", "b"], vec!["b", "b", ""]]);
        let leave_answers_out = |mut row: Box<AttemptRow>| {
            row.answers = Default::default();
            row
        };
        assert_eq!(
            with_answers
                .into_iter()
                .map(leave_answers_out)
                .collect::<Vec<_>>(),
            plain
        );
    }

    #[test]
    fn a_negative_zero_saved_in_a_record_becomes_a_plain_zero() {
        let text = record(&[("q1", -0.0, 10), ("q2", 1.0, 20)]);
        let (view, _) = view::read(text.as_bytes(), None).unwrap();
        let shape = QuizShape::from_record(&view);
        let (scores, _) = scores_and_times(&text, &shape);
        assert_eq!(scores[0].to_bits(), 0.0_f64.to_bits());
    }

    #[test]
    fn a_repeated_question_counts_its_last_answer_even_in_the_shapes_order() {
        let repeated = record(&[("q1", 1.0, 10), ("q1", 0.25, 20), ("q2", 0.5, 30)]);
        let (view, _) = view::read(repeated.as_bytes(), None).unwrap();
        let shape = QuizShape::from_record(&view);
        assert_eq!(
            scores_and_times(&repeated, &shape),
            (vec![0.25, 0.25, 0.5], vec![20, 20, 30])
        );
    }
}
