//! A record as reports read it: the same format and the same checks as [`AttemptRecord`], but its text is
//! borrowed from the file and the option lists are checked and tallied rather than kept, so reading thousands
//! of records allocates next to nothing.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;
use std::path::Path;

use jiff::Timestamp;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::attempt_id::AttemptId;
use super::check::{Scrutiny, view_scores};
use super::compact;
use super::conflict::Standing;
use super::integrity::{Integrity, IntegrityKey, open};
use super::model::{AttemptRecord, Phase, QuestionRecord, RECORD_FORMAT, Status, Totals};
use super::scan::{Reason, load_body, record_text};
use super::tally::IdTally;
use crate::quiz::{FeedbackMode, Response};

/// Text borrowed from the file when it has no escapes, else owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text<'a>(pub Cow<'a, str>);

impl Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text<'_> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(text: &'a str) -> Self {
        Self(Cow::Borrowed(text))
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(text)))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text)))
            }
        }

        deserializer.deserialize_str(TextVisitor)
    }
}

/// Who took the attempt.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantView<'a> {
    /// Name as typed at sign-in.
    #[serde(borrow)]
    pub name: Text<'a>,
    /// Roster code, if any.
    #[serde(default, borrow)]
    pub code: Option<Text<'a>>,
    /// Group id.
    #[serde(borrow)]
    pub group: Text<'a>,
}

/// Which quiz, and which version of it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizView<'a> {
    /// Quiz id.
    #[serde(borrow)]
    pub id: Text<'a>,
    /// Language of the version taken.
    #[serde(borrow)]
    pub language: Text<'a>,
    /// Quiz version.
    pub version: u32,
    /// Hash of the quiz file's content.
    #[serde(borrow)]
    pub content_hash: Text<'a>,
    /// Title at the time.
    #[serde(borrow)]
    pub title: Text<'a>,
    /// Form group of parallel forms.
    #[serde(default, borrow)]
    pub form_group: Option<Text<'a>>,
}

/// A trainee's answer to one question, as ids.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerView<'a> {
    /// Chosen option ids.
    Chosen(#[serde(borrow)] Vec<Text<'a>>),
    /// Item ids in the order given.
    Order(#[serde(borrow)] Vec<Text<'a>>),
    /// `(item id, target id)` pairs.
    Pairs(#[serde(borrow)] Vec<(Text<'a>, Text<'a>)>),
    /// Choice ids taken from the start node.
    Path(#[serde(borrow)] Vec<Text<'a>>),
}

impl AnswerView<'_> {
    /// The answer as the quiz model scores it.
    pub fn to_response(&self) -> Response {
        let ids = |ids: &[Text<'_>]| ids.iter().map(|id| id.to_string()).collect();
        match self {
            AnswerView::Chosen(chosen) => Response::Chosen(ids(chosen)),
            AnswerView::Order(order) => Response::Order(ids(order)),
            AnswerView::Pairs(pairs) => Response::Pairs(
                pairs
                    .iter()
                    .map(|(item, target)| (item.to_string(), target.to_string()))
                    .collect(),
            ),
            AnswerView::Path(path) => Response::Path(ids(path)),
        }
    }

    fn of(response: &Response) -> AnswerView<'_> {
        fn ids(ids: &[String]) -> Vec<Text<'_>> {
            ids.iter().map(|id| Text::from(id.as_str())).collect()
        }
        match response {
            Response::Chosen(chosen) => AnswerView::Chosen(ids(chosen)),
            Response::Order(order) => AnswerView::Order(ids(order)),
            Response::Pairs(pairs) => AnswerView::Pairs(
                pairs
                    .iter()
                    .map(|(item, target)| (Text::from(item.as_str()), Text::from(target.as_str())))
                    .collect(),
            ),
            Response::Path(path) => AnswerView::Path(ids(path)),
        }
    }
}

/// One question of the attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionView<'a> {
    /// Question id.
    pub id: Text<'a>,
    /// Kind name.
    pub kind: Text<'a>,
    /// The options or items shown, tallied.
    pub shown: IdTally,
    /// The `match` targets shown, tallied.
    pub shown_targets: IdTally,
    /// The answer, once given.
    pub answer: Option<AnswerView<'a>>,
    /// Points earned.
    pub points: f64,
    /// Full marks.
    pub max_points: f64,
    /// Time spent, milliseconds.
    pub time_ms: u64,
    /// Whether it was flagged.
    pub flagged: bool,
}

/// The stored form of a question, as in [`QuestionRecord`].
#[derive(Deserialize)]
struct QuestionTupleView<'a>(
    #[serde(borrow)] Text<'a>,
    #[serde(borrow)] Text<'a>,
    IdTally,
    IdTally,
    #[serde(borrow)] Option<AnswerView<'a>>,
    f64,
    f64,
    u64,
    bool,
);

impl<'de: 'a, 'a> Deserialize<'de> for QuestionView<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let QuestionTupleView(
            id,
            kind,
            shown,
            shown_targets,
            answer,
            points,
            max_points,
            time_ms,
            flagged,
        ) = QuestionTupleView::deserialize(deserializer)?;
        Ok(Self {
            id,
            kind,
            shown,
            shown_targets,
            answer,
            points,
            max_points,
            time_ms,
            flagged,
        })
    }
}

impl<'a> From<&'a QuestionRecord> for QuestionView<'a> {
    fn from(q: &'a QuestionRecord) -> Self {
        Self {
            id: Text::from(q.id.as_str()),
            kind: Text::from(q.kind.as_str()),
            shown: IdTally::of(q.shown.iter().map(String::as_str)),
            shown_targets: IdTally::of(q.shown_targets.iter().map(String::as_str)),
            answer: q.answer.as_ref().map(AnswerView::of),
            points: q.points,
            max_points: q.max_points,
            time_ms: q.time_ms,
            flagged: q.flagged,
        }
    }
}

/// The questions of a record by id, the last where a record repeats an id; a sorted list rather than a hash
/// map, which costs less to build for the few dozen questions of a record.
pub struct QuestionIndex<'r, 'a> {
    by_id: Vec<(&'r str, &'r QuestionView<'a>)>,
}

impl<'r, 'a> QuestionIndex<'r, 'a> {
    /// The index of `questions`.
    pub fn of(questions: &'r [QuestionView<'a>]) -> Self {
        let mut by_id: Vec<(&str, &QuestionView<'_>)> =
            questions.iter().map(|q| (&*q.id, q)).collect();
        by_id.sort_by(|a, b| a.0.cmp(b.0));
        Self { by_id }
    }

    /// The question with `id` (the last of them, as the record lists them).
    pub fn find(&self, id: &str) -> Option<&'r QuestionView<'a>> {
        let after = self.by_id.partition_point(|(saved, _)| *saved <= id);
        after
            .checked_sub(1)
            .and_then(|last| self.by_id.get(last))
            .filter(|(saved, _)| *saved == id)
            .map(|(_, question)| *question)
    }
}

/// One attempt, as reports read it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordView<'a> {
    /// Record format version.
    pub format: u32,
    /// Attempt id.
    pub attempt: AttemptId,
    /// Who.
    #[serde(borrow)]
    pub participant: ParticipantView<'a>,
    /// Session id.
    #[serde(borrow)]
    pub session: Text<'a>,
    /// Phase.
    pub phase: Phase,
    /// Which quiz.
    #[serde(borrow)]
    pub quiz: QuizView<'a>,
    /// Feedback mode of the attempt.
    pub feedback: FeedbackMode,
    /// Start time.
    pub started: Timestamp,
    /// Last save.
    pub updated: Timestamp,
    /// Submission time.
    #[serde(default)]
    pub ended: Option<Timestamp>,
    /// Where the attempt stands.
    pub status: Status,
    /// The question on screen at the last save.
    pub current: usize,
    /// The questions in the order shown.
    #[serde(borrow)]
    pub questions: Vec<QuestionView<'a>>,
    /// Totals.
    pub total: Totals,
    /// The id of the app that saved the record last, if it says.
    #[serde(default, borrow)]
    pub writer: Option<Text<'a>>,
    /// How many times the attempt was saved.
    #[serde(default)]
    pub saves: u64,
}

impl<'a> From<&'a AttemptRecord> for RecordView<'a> {
    fn from(record: &'a AttemptRecord) -> Self {
        Self {
            format: record.format,
            attempt: record.attempt.clone(),
            participant: ParticipantView {
                name: Text::from(record.participant.name.as_str()),
                code: record.participant.code.as_deref().map(Text::from),
                group: Text::from(record.participant.group.as_str()),
            },
            session: Text::from(record.session.as_str()),
            phase: record.phase,
            quiz: QuizView {
                id: Text::from(record.quiz.id.as_str()),
                language: Text::from(record.quiz.language.as_str()),
                version: record.quiz.version,
                content_hash: Text::from(record.quiz.content_hash.as_str()),
                title: Text::from(record.quiz.title.as_str()),
                form_group: record.quiz.form_group.as_deref().map(Text::from),
            },
            feedback: record.feedback,
            started: record.started,
            updated: record.updated,
            ended: record.ended,
            status: record.status,
            current: record.current,
            questions: record.questions.iter().map(QuestionView::from).collect(),
            total: record.total,
            writer: (!record.writer.is_empty()).then(|| Text::from(record.writer.as_str())),
            saves: record.saves,
        }
    }
}

impl RecordView<'_> {
    /// Time spent over all questions, milliseconds.
    pub fn elapsed_ms(&self) -> u64 {
        self.questions.iter().map(|q| q.time_ms).sum()
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.questions.iter().filter(|q| q.answer.is_some()).count()
    }
}

/// Reads a record file's bytes as a view when it is in the compact form Vigil writes, with what its seal says;
/// `None` for anything else, which [`super::scan::load`] reads or explains. Its scores are not checked here:
/// [`with_record`] checks them.
pub fn read<'a>(
    bytes: &'a [u8],
    key: Option<&IntegrityKey>,
) -> Option<(RecordView<'a>, Integrity)> {
    let (body, integrity) = open(record_text(bytes).ok()?, key);
    view_of(body).map(|view| (view, integrity))
}

/// The view of a record body in the compact form.
fn view_of(body: &str) -> Option<RecordView<'_>> {
    compact::from_str::<RecordView<'_>>(body).filter(|view| view.format == RECORD_FORMAT)
}

/// Reads a record file's bytes and hands the record to `use_record` as a view, quickly when the file is in
/// the compact form and as [`super::scan::load`] does otherwise; returns the record's standing with what
/// `use_record` made of it, or says why the file cannot be used. A record whose scores are impossible
/// is damaged, whichever way it was read.
pub fn with_record<R>(
    path: &Path,
    bytes: &[u8],
    key: Option<&IntegrityKey>,
    use_record: impl FnOnce(&RecordView<'_>, Integrity) -> R,
) -> Result<(Standing, R), Reason> {
    with_checked_record(path, bytes, key, Scrutiny::All, use_record)
}

/// Reads a record file's bytes as [`with_record`] does, checking its scores with `scrutiny`.
pub fn with_checked_record<R>(
    path: &Path,
    bytes: &[u8],
    key: Option<&IntegrityKey>,
    scrutiny: Scrutiny,
    use_record: impl FnOnce(&RecordView<'_>, Integrity) -> R,
) -> Result<(Standing, R), Reason> {
    let (body, integrity) = open(record_text(bytes)?, key);
    let standing = |record: &RecordView<'_>, integrity| {
        Standing::new(
            record.attempt.clone(),
            integrity,
            record.status,
            record.updated,
            record.answered(),
        )
    };
    if let Some(record) = view_of(body) {
        view_scores(&record, scrutiny).map_err(Reason::Damaged)?;
        return Ok((standing(&record, integrity), use_record(&record, integrity)));
    }
    let loaded = load_body(path, body, integrity, scrutiny)?;
    let record = RecordView::from(&loaded.record);
    Ok((
        standing(&record, loaded.integrity),
        use_record(&record, loaded.integrity),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &'static str, points: f64) -> QuestionView<'static> {
        QuestionView {
            id: Text::from(id),
            kind: Text::from("single"),
            shown: IdTally::default(),
            shown_targets: IdTally::default(),
            answer: None,
            points,
            max_points: 1.0,
            time_ms: 0,
            flagged: false,
        }
    }

    #[test]
    fn the_index_finds_each_id_and_the_last_of_a_repeated_one() {
        let questions = [
            question("q2", 1.0),
            question("q10", 0.5),
            question("q2", 0.25),
            question("a", 0.0),
        ];
        let index = QuestionIndex::of(&questions);
        assert_eq!(index.find("q2").map(|q| q.points), Some(0.25));
        assert_eq!(index.find("q10").map(|q| q.points), Some(0.5));
        assert_eq!(index.find("a").map(|q| q.points), Some(0.0));
        assert!(
            index.find("q1").is_none() && index.find("").is_none() && index.find("z").is_none()
        );
        assert!(QuestionIndex::of(&[]).find("q2").is_none());
    }
}
