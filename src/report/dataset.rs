//! From records to a compact score matrix: one row of numbers per completed attempt, never whole records.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{PoisonError, RwLock};

use jiff::Timestamp;
use serde::Serialize;

use crate::quiz::{CheckedQuiz, QuestionKind};
use crate::record::scan::{Entry, Problem, scan_with};
use crate::record::view::{self, AnswerView, RecordView};
use crate::record::{Identity, Integrity, IntegrityKey, Phase, Status};

/// An option of a question, as reports need it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionShape {
    /// Option id.
    pub id: String,
    /// Option text (from the quiz file, when known).
    pub text: String,
    /// Whether it is a right answer.
    pub correct: bool,
    /// The indicator tags it stands for.
    pub tags: Vec<String>,
}

/// A question, as reports need it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionShape {
    /// Question id.
    pub id: String,
    /// The prompt (from the quiz file, when known).
    pub prompt: String,
    /// Kind name.
    pub kind: String,
    /// Full marks.
    pub max: f64,
    /// Topic tags.
    pub tags: Vec<String>,
    /// Options of `single`, `true_false` and `multiple` questions.
    pub options: Vec<OptionShape>,
}

/// A quiz, as reports need it: from the quiz files when they are at hand, else from the records.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuizShape {
    /// Quiz id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Pass mark, percent (unknown without the quiz file).
    pub pass_mark: Option<f64>,
    /// Form group of parallel forms.
    pub form_group: Option<String>,
    /// The questions, in the quiz file's order.
    pub questions: Vec<QuestionShape>,
    /// Whether the shape came from the quiz file (else only ids and maxima from records are known).
    pub from_quiz_file: bool,
}

impl QuizShape {
    /// The shape of a quiz file.
    pub fn of(checked: &CheckedQuiz) -> Self {
        let quiz = &checked.quiz;
        Self {
            id: quiz.id.clone(),
            title: quiz.title.clone(),
            pass_mark: Some(f64::from(quiz.pass_mark)),
            form_group: quiz.form_group.clone(),
            from_quiz_file: true,
            questions: quiz
                .questions
                .iter()
                .map(|q| QuestionShape {
                    id: q.id.clone(),
                    prompt: q.prompt.clone(),
                    kind: q.kind.name().to_owned(),
                    max: q.max_points(),
                    tags: q.tags.clone(),
                    options: match &q.kind {
                        QuestionKind::Single { options }
                        | QuestionKind::TrueFalse { options }
                        | QuestionKind::Multiple { options } => options
                            .iter()
                            .map(|o| OptionShape {
                                id: o.id.clone(),
                                text: o.text.clone(),
                                correct: o.correct,
                                tags: o.tags.clone(),
                            })
                            .collect(),
                        _ => Vec::new(),
                    },
                })
                .collect(),
        }
    }

    /// A shape known only from a record: question ids, kinds and maxima.
    fn from_record(record: &RecordView<'_>) -> Self {
        let mut questions: Vec<QuestionShape> = record
            .questions
            .iter()
            .map(|q| QuestionShape {
                id: q.id.to_string(),
                prompt: String::new(),
                kind: q.kind.to_string(),
                max: q.max_points,
                tags: Vec::new(),
                options: Vec::new(),
            })
            .collect();
        questions.sort_by_cached_key(|q| natural_key(&q.id));
        Self {
            id: record.quiz.id.to_string(),
            title: record.quiz.title.to_string(),
            pass_mark: None,
            form_group: record.quiz.form_group.as_deref().map(str::to_owned),
            questions,
            from_quiz_file: false,
        }
    }
}

/// One completed attempt, reduced to keys and numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttemptRow {
    /// Attempt id.
    pub attempt: String,
    /// Who, as one identity within the session.
    pub participant: String,
    /// Name.
    pub name: String,
    /// Roster code.
    pub code: Option<String>,
    /// Group id.
    pub group: String,
    /// Session.
    pub session: String,
    /// Phase.
    pub phase: Phase,
    /// Quiz id.
    pub quiz: String,
    /// Quiz language.
    pub language: String,
    /// Quiz version.
    pub version: u32,
    /// Start time.
    pub started: Timestamp,
    /// Points earned.
    pub points: f64,
    /// Points possible.
    pub max: f64,
    /// Points per question, in the quiz shape's order (0 where a question is missing).
    pub scores: Vec<f64>,
    /// Per question, a bit per option of the shape (bit i: option i chosen).
    pub chosen: Vec<u64>,
    /// Time spent, milliseconds.
    pub time_ms: u64,
    /// The record's file, for drilling down into the attempt.
    #[serde(skip)]
    pub file: std::path::PathBuf,
}

impl AttemptRow {
    /// The score as a percentage of the maximum.
    pub fn percent(&self) -> f64 {
        if self.max > 0.0 {
            100.0 * self.points / self.max
        } else {
            0.0
        }
    }
}

/// Which attempt counts when a participant took a quiz several times in one phase.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum AttemptChoice {
    /// The first started.
    #[default]
    First,
    /// The last started.
    Last,
    /// The highest score.
    Best,
    /// Every attempt.
    All,
}

/// Which records a report covers.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only these sessions (empty: all).
    pub sessions: Vec<String>,
    /// Only this quiz.
    pub quiz: Option<String>,
    /// Only this phase.
    pub phase: Option<Phase>,
    /// Only this group.
    pub group: Option<String>,
}

impl Filter {
    fn admits(&self, record: &RecordView<'_>) -> bool {
        (self.sessions.is_empty() || self.sessions.iter().any(|s| **s == *record.session))
            && self.quiz.as_ref().is_none_or(|q| **q == *record.quiz.id)
            && self.phase.is_none_or(|p| p == record.phase)
            && self
                .group
                .as_ref()
                .is_none_or(|g| **g == *record.participant.group)
    }
}

/// The records of a report, compacted, with everything that was left out and why.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Dataset {
    /// The quizzes, by id.
    pub quizzes: BTreeMap<String, QuizShape>,
    /// The attempts that count.
    pub attempts: Vec<AttemptRow>,
    /// Files that could not be used, copies, and records left out (edited, unsealed).
    pub problems: Vec<Problem>,
    /// Attempts still in progress (not counted).
    pub in_progress: usize,
    /// Attempts discarded by their participant (not counted).
    pub discarded: usize,
    /// Quiz ids whose records were made with more than one version of the quiz.
    pub mixed_versions: BTreeMap<String, BTreeSet<u32>>,
    /// Whether scores were recomputed from the current quiz files.
    pub regraded: bool,
}

/// What one record adds to a report, worked out on the thread that read it.
#[derive(Debug)]
pub enum Contribution {
    /// Outside the report's filter.
    Excluded,
    /// Left out, and why (edited, unsealed).
    LeftOut(Problem),
    /// Still being taken.
    InProgress,
    /// Discarded by its participant.
    Discarded,
    /// A completed attempt, reduced to its row.
    Counted(Box<Counted>),
}

/// A completed attempt as a report keeps it.
#[derive(Debug)]
pub struct Counted {
    /// Its row, in the order of `shape`, or of the shape the report already uses for the quiz when `shape` is
    /// `None`.
    row: AttemptRow,
    /// The version of the quiz it was taken on.
    version: u32,
    /// The shape the row follows when no shape was known for the quiz yet (taken from the record itself).
    shape: Option<QuizShape>,
    /// The record's own total of full marks, for a quiz whose shape has no questions.
    total_max: f64,
}

/// Reduces records to what a report keeps of them; shared by every thread that reads records.
pub struct Reducer<'q> {
    files: HashMap<&'q str, &'q CheckedQuiz>,
    shapes: HashMap<&'q str, QuizShape>,
    learned: RwLock<HashMap<String, QuizShape>>,
    filter: &'q Filter,
    regrade: bool,
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
        let shapes = files
            .iter()
            .map(|(id, quiz)| (*id, QuizShape::of(quiz)))
            .collect();
        Self {
            files,
            shapes,
            learned: RwLock::default(),
            filter,
            regrade,
        }
    }

    /// What `record`, read from `path` with `integrity`, adds to the report.
    pub fn reduce(
        &self,
        path: &Path,
        record: &RecordView<'_>,
        integrity: Integrity,
    ) -> Contribution {
        if !self.filter.admits(record) {
            return Contribution::Excluded;
        }
        let left_out = |message: &str| {
            Contribution::LeftOut(Problem {
                path: path.to_path_buf(),
                message: message.to_owned(),
            })
        };
        match integrity {
            Integrity::Mismatch => {
                return left_out("edited after it was written (the seal does not match); left out");
            }
            Integrity::Missing => {
                return left_out("has no seal although a trainer key is set; left out");
            }
            _ => {}
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
                    Some(shape) => (row(record, shape, regrade), None),
                    None => {
                        let own = QuizShape::from_record(record);
                        (row(record, &own, regrade), Some(own))
                    }
                };
                row.file = path.to_path_buf();
                Contribution::Counted(Box::new(Counted {
                    row,
                    version: record.quiz.version,
                    shape,
                    total_max: record.total.max_points,
                }))
            }
        }
    }

    /// Gathers the contributions of scanned records into the dataset, keeping the attempts `choice` names.
    pub fn gather(
        &self,
        entries: impl Iterator<Item = Entry<Contribution>>,
        choice: AttemptChoice,
    ) -> Dataset {
        let mut data = Dataset {
            regraded: self.regrade,
            ..Dataset::default()
        };
        let mut versions: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
        for entry in entries {
            let counted = match entry {
                Entry::Record(Contribution::Counted(counted)) => counted,
                Entry::Record(Contribution::Excluded) => continue,
                Entry::Record(Contribution::InProgress) => {
                    data.in_progress += 1;
                    continue;
                }
                Entry::Record(Contribution::Discarded) => {
                    data.discarded += 1;
                    continue;
                }
                Entry::Record(Contribution::LeftOut(problem)) | Entry::Problem(problem) => {
                    data.problems.push(problem);
                    continue;
                }
                Entry::Duplicate { path, first } => {
                    data.problems.push(Problem {
                        message: format!("a copy of {}; counted once", first.display()),
                        path,
                    });
                    continue;
                }
            };
            let Counted {
                mut row,
                version,
                shape,
                total_max,
            } = *counted;
            versions
                .entry(row.quiz.clone())
                .or_default()
                .insert(version);
            match shape {
                None => {
                    if !data.quizzes.contains_key(&row.quiz)
                        && let Some(shape) = self.shapes.get(row.quiz.as_str())
                    {
                        data.quizzes.insert(row.quiz.clone(), shape.clone());
                    }
                }
                Some(own) => match data.quizzes.get(&row.quiz) {
                    Some(established) => conform(&mut row, &own, established, total_max),
                    None => {
                        self.learned
                            .write()
                            .unwrap_or_else(PoisonError::into_inner)
                            .insert(row.quiz.clone(), own.clone());
                        data.quizzes.insert(row.quiz.clone(), own);
                    }
                },
            }
            data.attempts.push(row);
        }
        data.mixed_versions = versions.into_iter().filter(|(_, v)| v.len() > 1).collect();
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
                reducer.reduce(
                    &loaded.path,
                    &RecordView::from(&loaded.record),
                    loaded.integrity,
                )
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
    let entries = scan_with(folders, None, |path, bytes| {
        view::with_record(path, bytes, key, |record, integrity| {
            reducer.reduce(path, record, integrity)
        })
    });
    reducer.gather(entries, choice)
}

/// Re-expresses `row`, made against the shape `from`, against the shape `to` (another record's idea of the same
/// quiz), as if it had been made against `to`: points of questions `to` lacks are dropped, questions the row
/// lacks score 0; `total_max` is the record's own total of full marks.
fn conform(row: &mut AttemptRow, from: &QuizShape, to: &QuizShape, total_max: f64) {
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
    let position = |id: &str| index.get(id).copied();
    row.scores = to
        .questions
        .iter()
        .map(|q| {
            position(&q.id)
                .and_then(|i| row.scores.get(i).copied())
                .unwrap_or(0.0)
        })
        .collect();
    row.chosen = to
        .questions
        .iter()
        .map(|q| {
            position(&q.id)
                .and_then(|i| row.chosen.get(i).copied())
                .unwrap_or(0)
        })
        .collect();
    row.points = row.scores.iter().sum();
    row.max = if to.questions.is_empty() {
        total_max
    } else {
        to.questions.iter().map(|q| q.max).sum()
    };
}

fn row(record: &RecordView<'_>, shape: &QuizShape, regrade: Option<&CheckedQuiz>) -> AttemptRow {
    let by_id: HashMap<&str, &view::QuestionView<'_>> =
        record.questions.iter().map(|q| (&*q.id, q)).collect();
    let mut scores = Vec::with_capacity(shape.questions.len());
    let mut chosen = Vec::with_capacity(shape.questions.len());
    for question in &shape.questions {
        let saved = by_id.get(question.id.as_str());
        let answer = saved.and_then(|s| s.answer.as_ref());
        let points = match (regrade, answer) {
            (Some(file), Some(answer)) => file
                .quiz
                .questions
                .iter()
                .find(|q| q.id == question.id)
                .map_or(0.0, |q| q.score(&answer.to_response())),
            (Some(_), None) => 0.0,
            (None, _) => saved.map_or(0.0, |s| s.points),
        };
        scores.push(points);
        let mut bits = 0u64;
        if let Some(AnswerView::Chosen(ids)) = answer {
            for (index, option) in question.options.iter().enumerate().take(64) {
                if ids.iter().any(|id| **id == option.id) {
                    bits |= 1 << index;
                }
            }
        }
        chosen.push(bits);
    }
    let points: f64 = scores.iter().sum();
    let max = if shape.questions.is_empty() {
        record.total.max_points
    } else {
        shape.questions.iter().map(|q| q.max).sum()
    };
    AttemptRow {
        attempt: record.attempt.to_string(),
        participant: format!(
            "{}|{}",
            &*record.session,
            Identity::from_parts(
                &record.participant.name,
                record.participant.code.as_deref(),
                &record.participant.group
            )
            .as_str()
        ),
        name: record.participant.name.to_string(),
        code: record.participant.code.as_deref().map(str::to_owned),
        group: record.participant.group.to_string(),
        session: record.session.to_string(),
        phase: record.phase,
        quiz: record.quiz.id.to_string(),
        language: record.quiz.language.to_string(),
        version: record.quiz.version,
        started: record.started,
        points,
        max,
        scores,
        chosen,
        time_ms: record.elapsed_ms(),
        file: std::path::PathBuf::new(),
    }
}

/// Keeps the attempt `choice` names per participant, quiz and phase.
fn choose(mut rows: Vec<AttemptRow>, choice: AttemptChoice) -> Vec<AttemptRow> {
    if choice == AttemptChoice::All {
        rows.sort_by(|a, b| (a.started, &a.attempt).cmp(&(b.started, &b.attempt)));
        return rows;
    }
    let mut kept: BTreeMap<(String, String, Phase), AttemptRow> = BTreeMap::new();
    for row in rows {
        let key = (row.participant.clone(), row.quiz.clone(), row.phase);
        let replace = match kept.get(&key) {
            None => true,
            Some(old) => match choice {
                AttemptChoice::First => (row.started, &row.attempt) < (old.started, &old.attempt),
                AttemptChoice::Last => (row.started, &row.attempt) > (old.started, &old.attempt),
                AttemptChoice::Best => row.percent() > old.percent(),
                AttemptChoice::All => true,
            },
        };
        if replace {
            kept.insert(key, row);
        }
    }
    let mut rows: Vec<AttemptRow> = kept.into_values().collect();
    rows.sort_by(|a, b| (a.started, &a.attempt).cmp(&(b.started, &b.attempt)));
    rows
}

impl Dataset {
    /// Replaces every name by the participant's roster code, or by a stable pseudonym derived from their
    /// identity, so a report can be shared without names.
    pub fn pseudonymise(&mut self) {
        for row in &mut self.attempts {
            let hash = blake3::hash(row.participant.as_bytes()).to_hex();
            let pseudonym = format!("participant-{}", &hash.as_str()[..8]);
            row.name = row.code.clone().unwrap_or_else(|| pseudonym.clone());
            row.participant = pseudonym;
        }
    }
}

/// A sort key that orders embedded numbers by value: `q2` before `q10`.
fn natural_key(id: &str) -> Vec<(String, u64)> {
    let mut key = Vec::new();
    let mut text = String::new();
    let mut digits = String::new();
    for c in id.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            if !digits.is_empty() {
                key.push((
                    std::mem::take(&mut text),
                    digits.parse().unwrap_or(u64::MAX),
                ));
                digits.clear();
            }
            text.push(c);
        }
    }
    key.push((text, digits.parse().unwrap_or(0)));
    key
}
