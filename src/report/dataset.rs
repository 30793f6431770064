//! The data a report is built from: the shape of each quiz, one row of numbers per completed attempt, which
//! records count and which attempt of several.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use jiff::Timestamp;
use serde::Serialize;

use super::answer_words::{AnswerIds, PartTexts};
use super::chosen::ChosenOptions;
use super::corrections::Who;
use super::corrections::apply::{Applied, Change};
use super::identities::IdentityNotes;
use super::known::Known;
use super::pseudonym::PseudonymKey;
use super::scores::Scores;
use super::shared_text::SharedText;
use crate::quiz::scoring::{item_targets, neighbouring_pairs};
use crate::quiz::{CheckedQuiz, FeedbackMode, QuestionKind};
use crate::record::scan::Problem;
use crate::record::view::RecordView;
use crate::record::{AttemptId, Phase};

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
    /// The texts of the items, targets and choices of `order`, `match` and `branching` questions (from the quiz
    /// file, when known), for showing an answer in words.
    #[serde(skip)]
    pub parts: PartTexts,
    /// What an `order` or `match` answer earns its points for, part by part, as ids (from the quiz file, when
    /// known): each neighbouring pair of the right order, or each item with its right target.
    #[serde(skip)]
    pub credited: Vec<(String, String)>,
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
    /// The texts of the quiz in each language it has a file in, by language code (see
    /// [`crate::report::Report::translate`]).
    #[serde(skip)]
    pub translations: BTreeMap<String, QuizTexts>,
}

/// The texts of a quiz in one language: title, prompts and option texts by question and option id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuizTexts {
    /// Title.
    pub title: String,
    /// Per question id, its texts.
    pub questions: BTreeMap<String, QuestionTexts>,
}

/// The texts of a question in one language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuestionTexts {
    /// The prompt.
    pub prompt: String,
    /// Option texts by option id.
    pub options: BTreeMap<String, String>,
    /// The texts of its items, targets and choices.
    pub parts: PartTexts,
}

impl QuizTexts {
    /// The texts of a quiz file.
    pub fn of(checked: &CheckedQuiz) -> Self {
        let questions = QuizShape::questions_of(checked)
            .into_iter()
            .map(|q| {
                let texts = QuestionTexts {
                    prompt: q.prompt,
                    options: q.options.into_iter().map(|o| (o.id, o.text)).collect(),
                    parts: q.parts,
                };
                (q.id, texts)
            })
            .collect();
        Self {
            title: checked.quiz.title.clone(),
            questions,
        }
    }
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
            questions: Self::questions_of(checked),
            translations: BTreeMap::from([(quiz.language.clone(), QuizTexts::of(checked))]),
        }
    }

    /// The questions of a quiz file.
    fn questions_of(checked: &CheckedQuiz) -> Vec<QuestionShape> {
        checked
            .quiz
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
                parts: PartTexts::of(&q.kind),
                credited: match &q.kind {
                    QuestionKind::Order { items } => neighbouring_pairs(items)
                        .map(|(first, second)| (first.to_owned(), second.to_owned()))
                        .collect(),
                    QuestionKind::Match { items, .. } => item_targets(items)
                        .map(|(item, target)| (item.to_owned(), target.to_owned()))
                        .collect(),
                    _ => Vec::new(),
                },
            })
            .collect()
    }

    /// A shape known only from a record: question ids, kinds and maxima.
    pub(crate) fn from_record(record: &RecordView<'_>) -> Self {
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
                parts: PartTexts::default(),
                credited: Vec::new(),
            })
            .collect();
        // Ids that only look alike (`q1`, `q01`) are ordered by their text, so that copies of one id always
        // stand together.
        questions.sort_by_cached_key(|q| (natural_key(&q.id), q.id.clone()));
        Self {
            id: record.quiz.id.to_string(),
            title: record.quiz.title.to_string(),
            pass_mark: None,
            form_group: record.quiz.form_group.as_deref().map(str::to_owned),
            questions,
            from_quiz_file: false,
            translations: BTreeMap::new(),
        }
    }
}

impl QuizShape {
    /// Whether [`QuizShape::from_record`] would make exactly this shape of `record`, found without making it:
    /// this shape was made from a record, and `record` lists the same questions in this shape's order (already
    /// in order, so sorting them changes nothing).
    pub(crate) fn is_shape_of(&self, record: &RecordView<'_>) -> bool {
        !self.from_quiz_file
            && self.pass_mark.is_none()
            && self.translations.is_empty()
            && self.id == *record.quiz.id
            && self.title == *record.quiz.title
            && self.form_group.as_deref() == record.quiz.form_group.as_deref()
            && self.questions.len() == record.questions.len()
            && self
                .questions
                .iter()
                .zip(&record.questions)
                .all(|(mine, theirs)| {
                    mine.id == *theirs.id
                        && mine.kind == *theirs.kind
                        && mine.max.to_bits() == theirs.max_points.to_bits()
                        && mine.prompt.is_empty()
                        && mine.tags.is_empty()
                        && mine.options.is_empty()
                        && mine.parts == PartTexts::default()
                })
    }

    /// Whether `other` is this shape to the bit (full marks of -0 and 0 differ, as they print differently).
    pub(crate) fn is_identical(&self, other: &QuizShape) -> bool {
        self == other
            && self
                .questions
                .iter()
                .zip(&other.questions)
                .all(|(a, b)| a.max.to_bits() == b.max.to_bits())
            && self.pass_mark.map(f64::to_bits) == other.pass_mark.map(f64::to_bits)
    }
}

/// One completed attempt, reduced to keys and numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttemptRow {
    /// Attempt id.
    pub attempt: AttemptId,
    /// Who, as one identity within the session.
    pub participant: Box<str>,
    /// Name.
    pub name: Box<str>,
    /// Roster code.
    pub code: Option<Box<str>>,
    /// Group id.
    pub group: SharedText,
    /// Session.
    pub session: SharedText,
    /// Phase.
    pub phase: Phase,
    /// Quiz id.
    pub quiz: SharedText,
    /// Quiz language.
    pub language: SharedText,
    /// Quiz version.
    pub version: u32,
    /// Start time.
    pub started: Timestamp,
    /// Points earned.
    pub points: f64,
    /// Points possible.
    pub max: f64,
    /// Points per question, in the quiz shape's order (0 where a question is missing).
    pub scores: Scores,
    /// Per question, a bit per option of the shape (bit i: option i chosen), or for an `order` or `match`
    /// question a bit per part it earns its points for (bit i: part i of [`QuestionShape::credited`] earned).
    pub chosen: ChosenOptions,
    /// Time spent, milliseconds.
    pub time_ms: u64,
    /// Time spent per question, milliseconds, in the quiz shape's order (0 where a question is missing).
    pub question_time_ms: Box<[u64]>,
    /// Per question, in the quiz shape's order, the answer as ids where the shape's options do not tell it (and
    /// nothing where they do); none at all unless the report prints answers.
    #[serde(skip)]
    pub answers: AnswerIds,
    /// The feedback mode the attempt was taken with.
    pub feedback: FeedbackMode,
    /// The record's file, for drilling down into the attempt.
    #[serde(skip)]
    pub file: Box<std::path::Path>,
}

impl AttemptRow {
    /// Whether option `option` of question `question` (both in the quiz shape's order) was chosen; only the
    /// first 64 options of a question are tracked.
    pub fn chose(&self, question: usize, option: usize) -> bool {
        option < 64
            && self
                .chosen
                .mask(question)
                .is_some_and(|bits| bits >> option & 1 == 1)
    }

    /// Whether the answer to `order` or `match` question `question` earned its part `part` (of the shape's
    /// [`QuestionShape::credited`]); only the first 64 parts are tracked.
    pub fn earned(&self, question: usize, part: usize) -> bool {
        // An order or match question has no options: its bits are its parts.
        self.chose(question, part)
    }

    /// The score as a percentage of the maximum.
    pub fn percent(&self) -> f64 {
        if self.max > 0.0 {
            100.0 * self.points / self.max
        } else {
            0.0
        }
    }
}

/// One content of a quiz file that counted records were made from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ContentVariant {
    /// The quiz file's language.
    pub language: String,
    /// The version it declared.
    pub version: u32,
    /// The hash of its content, as the records store it.
    pub content_hash: String,
    /// Counted records made from it.
    pub records: usize,
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
    pub(crate) fn admits(&self, record: &RecordView<'_>) -> bool {
        self.admits_session(&record.session)
            && self.quiz.as_ref().is_none_or(|q| **q == *record.quiz.id)
            && self.phase.is_none_or(|p| p == record.phase)
            && self
                .group
                .as_ref()
                .is_none_or(|g| **g == *record.participant.group)
    }

    /// Whether records of `session` can count.
    pub fn admits_session(&self, session: &str) -> bool {
        self.sessions.is_empty() || self.sessions.iter().any(|s| s == session)
    }
}

/// The records of a report, compacted, with everything that was left out and why.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Dataset {
    /// The quizzes, by id.
    pub quizzes: BTreeMap<String, QuizShape>,
    /// The attempts that count.
    pub attempts: Vec<Box<AttemptRow>>,
    /// Files that could not be used, copies, and records left out (edited, unsealed).
    pub problems: Vec<Problem>,
    /// Attempts still in progress (not counted).
    pub in_progress: usize,
    /// Attempts discarded by their participant (not counted).
    pub discarded: usize,
    /// Quiz ids whose records were made with more than one version of the quiz.
    pub mixed_versions: BTreeMap<String, BTreeSet<u32>>,
    /// Quiz ids whose records of one language were made from quiz files of different content.
    pub mixed_content: BTreeMap<String, Vec<ContentVariant>>,
    /// The sessions, groups and quizzes of every record read, whatever the filter.
    #[serde(skip)]
    pub known: Known,
    /// Records read whose room-key hash went unchecked because no room key was given.
    #[serde(skip)]
    pub unchecked_room_hashes: usize,
    /// Whether scores were recomputed from the current quiz files.
    pub regraded: bool,
    /// The trainer's corrections applied, each with the records it matched.
    pub corrections: Vec<Applied>,
    /// Likely one person counted as two, and participants with several attempts at a quiz.
    pub identity_notes: IdentityNotes,
}

/// Keeps the attempt `choice` names per participant, quiz and phase.
pub(crate) fn choose(
    mut rows: Vec<Box<AttemptRow>>,
    choice: AttemptChoice,
) -> Vec<Box<AttemptRow>> {
    if choice == AttemptChoice::All {
        rows.sort_by(|a, b| started_before(a, b));
        return rows;
    }
    // Which row each participant keeps of each quiz and phase, found by borrowed keys in a hash map; the rows
    // are sorted afterwards, so the map's order does not matter.
    let mut kept: HashMap<(&str, &str, Phase), usize> = HashMap::new();
    for (index, row) in rows.iter().enumerate() {
        let key = (&*row.participant, row.quiz.as_str(), row.phase);
        let replace = match kept.get(&key) {
            None => true,
            Some(&old) => {
                let old = &rows[old];
                match choice {
                    AttemptChoice::First => {
                        (row.started, &row.attempt) < (old.started, &old.attempt)
                    }
                    AttemptChoice::Last => {
                        (row.started, &row.attempt) > (old.started, &old.attempt)
                    }
                    AttemptChoice::Best => row.percent() > old.percent(),
                    AttemptChoice::All => true,
                }
            }
        };
        if replace {
            kept.insert(key, index);
        }
    }
    let mut keep = vec![false; rows.len()];
    for index in kept.into_values() {
        keep[index] = true;
    }
    let mut keep = keep.into_iter();
    rows.retain(|_| keep.next().unwrap_or(false));
    rows.shrink_to_fit();
    rows.sort_by(|a, b| started_before(a, b));
    rows
}

/// The order of rows by start time, then attempt id.
fn started_before(a: &AttemptRow, b: &AttemptRow) -> Ordering {
    (a.started, &a.attempt).cmp(&(b.started, &b.attempt))
}

impl Dataset {
    /// Replaces every name by the participant's roster code, or by a pseudonym derived from their identity with
    /// the trainer's secret `key`, so a report can be shared without names; the identities the trainer's merges
    /// name too.
    pub fn pseudonymise(&mut self, key: &PseudonymKey) {
        for row in &mut self.attempts {
            let pseudonym = key.pseudonym(&row.participant);
            row.name = row
                .code
                .clone()
                .unwrap_or_else(|| pseudonym.as_str().into());
            row.participant = pseudonym.into();
        }
        let notes = &mut self.identity_notes;
        for same in &mut notes.same_name {
            let names: Vec<String> = same.participants.iter().map(|p| key.pseudonym(p)).collect();
            same.name = names.join(", ");
        }
        for repeated in &mut notes.repeated {
            if !repeated.participant.contains("|code:") {
                repeated.name = key.pseudonym(&repeated.participant);
            }
        }
        for applied in &mut self.corrections {
            if let Change::Merge {
                session,
                from,
                into,
                identities: [from_who, into_who],
            } = &mut applied.change
            {
                let shown = |who: &Who| match who {
                    Who::Code(_) => who.describe(),
                    Who::Name { .. } => {
                        key.pseudonym(&format!("{session}|{}", who.identity().as_str()))
                    }
                };
                *from = shown(from_who);
                *into = shown(into_who);
            }
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
