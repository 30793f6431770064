//! The words of why a file in a results folder could not be used (the problems the reports and `vigil records`
//! list), in one language. The English words are also what the problems' `Display` says.

use std::path::Path;

use super::{Lang, en, fill, kk, ru};
use crate::record::check::{IdList, RecordFault};
use crate::record::model::Status;
use crate::record::problem::{Preference, Reason};

/// Why a file could not be used. `{name}` marks a placeholder; `{advice}` is filled with [`Self::rescore`] or
/// [`Self::restore`], `{error}` and `{detail}` with the system's or the parser's own words.
#[derive(Debug)]
pub struct ProblemStrings {
    /// A byte-identical copy of `{first}`.
    pub copy: &'static str,
    /// Reading the file failed unexpectedly (a bug).
    pub unexpected: &'static str,
    /// Reading the file failed unexpectedly (a bug) in the dashboard, which reads it again when it changes.
    pub unexpected_until_changed: &'static str,
    /// An empty file.
    pub empty: &'static str,
    /// A file larger than any record.
    pub too_large: &'static str,
    /// A file that is not UTF-8 text.
    pub not_text: &'static str,
    /// A file that is not a record.
    pub not_record: &'static str,
    /// A record of an unknown `{format}`.
    pub unknown_format: &'static str,
    /// A record of a newer `{format}`.
    pub newer: &'static str,
    /// A record that cannot be parsed: `{detail}`.
    pub unparsable: &'static str,
    /// A record cut short: `{detail}`.
    pub truncated: &'static str,
    /// A record whose scores or answers cannot be believed: `{fault}`.
    pub damaged: &'static str,
    /// A pipe, socket or device.
    pub not_regular: &'static str,
    /// A folder entry whose kind could not be found out: `{error}`.
    pub unexaminable: &'static str,
    /// A link to a folder.
    pub link_to_folder: &'static str,
    /// A link to nothing.
    pub broken_link: &'static str,
    /// A folder that does not exist.
    pub no_folder: &'static str,
    /// A folder that may not be read.
    pub folder_denied: &'static str,
    /// A folder that could not be read: `{error}`.
    pub folder_unreadable: &'static str,
    /// A file that could not be read: `{error}`.
    pub unreadable: &'static str,
    /// Another file of `{attempt}`, `{kept}`, is kept because `{why}`.
    pub conflict: &'static str,
    /// A record whose room-key hash does not match.
    pub edited_after_writing: &'static str,
    /// A record without a room-key hash although a room key is set.
    pub no_room_key_hash: &'static str,
    /// A record edited after the trainer's seal.
    pub edited_after_seal: &'static str,
    /// A record added after the trainer's seal.
    pub added_after_seal: &'static str,
    /// Why a file was kept over another (`{why}` of `conflict`): its room-key hash verifies; the other was
    /// edited; the other has no room-key hash; it was saved later, at `{at}`; it was saved later (time unknown);
    /// neither is further, so the content decides.
    pub preferences: [&'static str; 6],
    /// Why a file was kept over another: it is `{kept}` and the other `{other}` (words of `statuses`).
    pub further: &'static str,
    /// Why a file was kept over another: it has `{kept}` answers against `{other}`.
    pub more_answers: &'static str,
    /// An attempt's status, for `further`: completed, discarded, in progress, unknown.
    pub statuses: [&'static str; 4],
    /// A question's lists of ids, for `{what}`: options, items, targets.
    pub id_lists: [&'static str; 3],
    /// What to do about a record whose earned points cannot be believed.
    pub rescore: &'static str,
    /// What to do about a record that does not fit its quiz.
    pub restore: &'static str,
    /// `{question}` has `{points}` points, which no answer can earn; `{advice}`.
    pub impossible_points: &'static str,
    /// `{question}` has `{points}` points of at most `{max}`; `{advice}`.
    pub above_maximum: &'static str,
    /// `{question}` has impossible full marks `{max}`; `{advice}`.
    pub impossible_maximum: &'static str,
    /// The total is `{stated}` points but the questions add up to `{sum}`; `{advice}`.
    pub total_points: &'static str,
    /// The total of full marks is `{stated}` but the questions add up to `{sum}`; `{advice}`.
    pub total_maximum: &'static str,
    /// The record is of quiz `{record}`, not `{quiz}`.
    pub other_quiz: &'static str,
    /// The record was taken on version `{record}` of `{quiz}` and version `{loaded}` is loaded.
    pub version_unavailable: &'static str,
    /// `{question}` is not in quiz `{quiz}` version `{version}`; `{advice}`.
    pub unknown_question: &'static str,
    /// `{question}` is recorded more than once; `{advice}`.
    pub repeated_question: &'static str,
    /// `{question}` is recorded as a `{record}` question but the quiz has a `{quiz}` one; `{advice}`.
    pub other_kind: &'static str,
    /// The `{what}` shown for `{question}` (`{shown}`) are not its `{expected}`; `{advice}`.
    pub shown_mismatch: &'static str,
    /// The answer to `{question}` names `{id}`, which is not one of its `{what}`; `{advice}`.
    pub unknown_answer: &'static str,
    /// The answer to `{question}` is not one a `{kind}` question takes; `{advice}`.
    pub answer_kind: &'static str,
    /// `{question}` has full marks of `{record}` but the quiz gives `{quiz}`; `{advice}`.
    pub other_maximum: &'static str,
}

impl Lang {
    /// The words of problems in this language.
    pub fn problems(self) -> &'static ProblemStrings {
        match self {
            Lang::En => &en::PROBLEMS,
            Lang::Ru => &ru::PROBLEMS,
            Lang::Kk => &kk::PROBLEMS,
        }
    }

    /// Why a file could not be used, in this language.
    pub fn reason(self, reason: &Reason) -> String {
        let words = self.problems();
        let path = |path: &Path| path.display().to_string();
        match reason {
            Reason::Copy { first } => fill(words.copy, &[("first", &path(first))]),
            Reason::Unexpected => words.unexpected.to_owned(),
            Reason::UnexpectedUntilChanged => words.unexpected_until_changed.to_owned(),
            Reason::Empty => words.empty.to_owned(),
            Reason::TooLarge => words.too_large.to_owned(),
            Reason::NotText => words.not_text.to_owned(),
            Reason::NotRecord => words.not_record.to_owned(),
            Reason::UnknownFormat { format } => {
                fill(words.unknown_format, &[("format", &format.to_string())])
            }
            Reason::Newer { format } => fill(words.newer, &[("format", &format.to_string())]),
            Reason::Unparsable { detail } => fill(words.unparsable, &[("detail", detail)]),
            Reason::Truncated { detail } => fill(words.truncated, &[("detail", detail)]),
            Reason::Damaged(fault) => fill(words.damaged, &[("fault", &self.fault(fault))]),
            Reason::NotRegular => words.not_regular.to_owned(),
            Reason::Unexaminable { error } => fill(words.unexaminable, &[("error", error)]),
            Reason::LinkToFolder => words.link_to_folder.to_owned(),
            Reason::BrokenLink => words.broken_link.to_owned(),
            Reason::NoFolder => words.no_folder.to_owned(),
            Reason::FolderDenied => words.folder_denied.to_owned(),
            Reason::FolderUnreadable { error } => {
                fill(words.folder_unreadable, &[("error", error)])
            }
            Reason::Unreadable { error } => fill(words.unreadable, &[("error", error)]),
            Reason::Conflict { attempt, kept, why } => fill(
                words.conflict,
                &[
                    ("attempt", attempt),
                    ("kept", &path(kept)),
                    ("why", &self.preference(why)),
                ],
            ),
            Reason::EditedAfterWriting => words.edited_after_writing.to_owned(),
            Reason::NoRoomKeyHash => words.no_room_key_hash.to_owned(),
            Reason::EditedAfterSeal => words.edited_after_seal.to_owned(),
            Reason::AddedAfterSeal => words.added_after_seal.to_owned(),
        }
    }

    /// Why one file of an attempt was kept over another, in this language.
    pub fn preference(self, preference: &Preference) -> String {
        let words = self.problems();
        let [
            verified,
            other_edited,
            other_unhashed,
            saved_at,
            saved,
            content,
        ] = words.preferences;
        let status = |status: &Option<Status>| match status {
            Some(Status::Completed) => words.statuses[0],
            Some(Status::Discarded) => words.statuses[1],
            Some(Status::InProgress) => words.statuses[2],
            None => words.statuses[3],
        };
        match preference {
            Preference::Verified => verified.to_owned(),
            Preference::OtherEdited => other_edited.to_owned(),
            Preference::OtherUnhashed => other_unhashed.to_owned(),
            Preference::Further { kept, other } => fill(
                words.further,
                &[("kept", status(kept)), ("other", status(other))],
            ),
            Preference::SavedLater { saved: Some(at) } => {
                fill(saved_at, &[("at", &at.to_string())])
            }
            Preference::SavedLater { saved: None } => saved.to_owned(),
            Preference::MoreAnswers { kept, other } => fill(
                words.more_answers,
                &[("kept", &kept.to_string()), ("other", &other.to_string())],
            ),
            Preference::Content => content.to_owned(),
        }
    }

    /// Why a record cannot be believed, in this language.
    pub fn fault(self, fault: &RecordFault) -> String {
        let words = self.problems();
        let list = |list: &IdList| match list {
            IdList::Options => words.id_lists[0],
            IdList::Items => words.id_lists[1],
            IdList::Targets => words.id_lists[2],
        };
        // Points as the reports print them, with a decimal point in every language.
        let points = |value: &f64| value.to_string();
        let owned = |text: &str| text.to_owned();
        let (template, advice, values) = match fault {
            RecordFault::ImpossiblePoints {
                question,
                points: p,
            } => (
                words.impossible_points,
                words.rescore,
                vec![("question", question.clone()), ("points", points(p))],
            ),
            RecordFault::AboveMaximum {
                question,
                points: p,
                max,
            } => (
                words.above_maximum,
                words.rescore,
                vec![
                    ("question", question.clone()),
                    ("points", points(p)),
                    ("max", points(max)),
                ],
            ),
            RecordFault::ImpossibleMaximum { question, max } => (
                words.impossible_maximum,
                words.restore,
                vec![("question", question.clone()), ("max", points(max))],
            ),
            RecordFault::TotalPoints { stated, sum } => (
                words.total_points,
                words.rescore,
                vec![("stated", points(stated)), ("sum", points(sum))],
            ),
            RecordFault::TotalMaximum { stated, sum } => (
                words.total_maximum,
                words.restore,
                vec![("stated", points(stated)), ("sum", points(sum))],
            ),
            RecordFault::OtherQuiz { record, quiz } => (
                words.other_quiz,
                "",
                vec![("record", record.clone()), ("quiz", quiz.clone())],
            ),
            RecordFault::VersionUnavailable {
                quiz,
                record,
                loaded,
            } => (
                words.version_unavailable,
                "",
                vec![
                    ("quiz", quiz.clone()),
                    ("record", record.to_string()),
                    ("loaded", loaded.to_string()),
                ],
            ),
            RecordFault::UnknownQuestion {
                question,
                quiz,
                version,
            } => (
                words.unknown_question,
                words.restore,
                vec![
                    ("question", question.clone()),
                    ("quiz", quiz.clone()),
                    ("version", version.to_string()),
                ],
            ),
            RecordFault::RepeatedQuestion { question } => (
                words.repeated_question,
                words.restore,
                vec![("question", question.clone())],
            ),
            RecordFault::OtherKind {
                question,
                record,
                quiz,
            } => (
                words.other_kind,
                words.restore,
                vec![
                    ("question", question.clone()),
                    ("record", record.clone()),
                    ("quiz", owned(quiz)),
                ],
            ),
            RecordFault::ShownMismatch {
                question,
                what,
                shown,
                expected,
            } => (
                words.shown_mismatch,
                words.restore,
                vec![
                    ("question", question.clone()),
                    ("what", owned(list(what))),
                    ("shown", shown.to_string()),
                    ("expected", expected.to_string()),
                ],
            ),
            RecordFault::UnknownAnswer { question, id, what } => (
                words.unknown_answer,
                words.restore,
                vec![
                    ("question", question.clone()),
                    ("id", format!("{id:?}")),
                    ("what", owned(list(what))),
                ],
            ),
            RecordFault::AnswerKind { question, kind } => (
                words.answer_kind,
                words.restore,
                vec![("question", question.clone()), ("kind", owned(kind))],
            ),
            RecordFault::OtherMaximum {
                question,
                record,
                quiz,
            } => (
                words.other_maximum,
                words.restore,
                vec![
                    ("question", question.clone()),
                    ("record", points(record)),
                    ("quiz", points(quiz)),
                ],
            ),
        };
        let mut values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        values.push(("advice", advice));
        fill(template, &values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_translated;

    /// Every string of `strings`, field by field (a field left out here does not compile).
    fn all(strings: &ProblemStrings) -> Vec<&'static str> {
        let ProblemStrings {
            copy,
            unexpected,
            unexpected_until_changed,
            empty,
            too_large,
            not_text,
            not_record,
            unknown_format,
            newer,
            unparsable,
            truncated,
            damaged,
            not_regular,
            unexaminable,
            link_to_folder,
            broken_link,
            no_folder,
            folder_denied,
            folder_unreadable,
            unreadable,
            conflict,
            edited_after_writing,
            no_room_key_hash,
            edited_after_seal,
            added_after_seal,
            preferences,
            further,
            more_answers,
            statuses,
            id_lists,
            rescore,
            restore,
            impossible_points,
            above_maximum,
            impossible_maximum,
            total_points,
            total_maximum,
            other_quiz,
            version_unavailable,
            unknown_question,
            repeated_question,
            other_kind,
            shown_mismatch,
            unknown_answer,
            answer_kind,
            other_maximum,
        } = strings;
        let mut all = vec![
            *copy,
            *unexpected,
            *unexpected_until_changed,
            *empty,
            *too_large,
            *not_text,
            *not_record,
            *unknown_format,
            *newer,
            *unparsable,
            *truncated,
            *damaged,
            *not_regular,
            *unexaminable,
            *link_to_folder,
            *broken_link,
            *no_folder,
            *folder_denied,
            *folder_unreadable,
            *unreadable,
            *conflict,
            *edited_after_writing,
            *no_room_key_hash,
            *edited_after_seal,
            *added_after_seal,
            *further,
            *more_answers,
            *rescore,
            *restore,
            *impossible_points,
            *above_maximum,
            *impossible_maximum,
            *total_points,
            *total_maximum,
            *other_quiz,
            *version_unavailable,
            *unknown_question,
            *repeated_question,
            *other_kind,
            *shown_mismatch,
            *unknown_answer,
            *answer_kind,
            *other_maximum,
        ];
        all.extend(preferences);
        all.extend(statuses);
        all.extend(id_lists);
        all
    }

    #[test]
    fn every_language_has_every_string_with_the_same_placeholders() {
        let english = all(Lang::En.problems());
        for lang in [Lang::Ru, Lang::Kk] {
            assert_translated(lang, &all(lang.problems()), &english);
        }
    }

    /// A reason of every kind, and a damaged record of every fault.
    fn every_reason() -> Vec<Reason> {
        let question = || "q1".to_owned();
        let faults = [
            RecordFault::ImpossiblePoints {
                question: question(),
                points: -1.0,
            },
            RecordFault::AboveMaximum {
                question: question(),
                points: 2.0,
                max: 1.0,
            },
            RecordFault::ImpossibleMaximum {
                question: question(),
                max: f64::NAN,
            },
            RecordFault::TotalPoints {
                stated: 3.0,
                sum: 2.0,
            },
            RecordFault::TotalMaximum {
                stated: 3.0,
                sum: 2.0,
            },
            RecordFault::OtherQuiz {
                record: "a".to_owned(),
                quiz: "b".to_owned(),
            },
            RecordFault::VersionUnavailable {
                quiz: "a".to_owned(),
                record: 1,
                loaded: 2,
            },
            RecordFault::UnknownQuestion {
                question: question(),
                quiz: "a".to_owned(),
                version: 1,
            },
            RecordFault::RepeatedQuestion {
                question: question(),
            },
            RecordFault::OtherKind {
                question: question(),
                record: "single".to_owned(),
                quiz: "multiple",
            },
            RecordFault::ShownMismatch {
                question: question(),
                what: IdList::Items,
                shown: 3,
                expected: 4,
            },
            RecordFault::UnknownAnswer {
                question: question(),
                id: "x".to_owned(),
                what: IdList::Targets,
            },
            RecordFault::AnswerKind {
                question: question(),
                kind: "order",
            },
            RecordFault::OtherMaximum {
                question: question(),
                record: 1.0,
                quiz: 2.0,
            },
        ];
        let error = || "os error 5".to_owned();
        let conflict = |why| Reason::Conflict {
            attempt: "a1".to_owned(),
            kept: "b/a1.ron".into(),
            why,
        };
        let mut reasons = vec![
            Reason::Copy {
                first: "b/a1.ron".into(),
            },
            Reason::Unexpected,
            Reason::UnexpectedUntilChanged,
            Reason::Empty,
            Reason::TooLarge,
            Reason::NotText,
            Reason::NotRecord,
            Reason::UnknownFormat { format: 0 },
            Reason::Newer { format: 2 },
            Reason::Unparsable {
                detail: "1:2: Expected string".to_owned(),
            },
            Reason::Truncated {
                detail: "1:2: Expected string".to_owned(),
            },
            Reason::NotRegular,
            Reason::Unexaminable { error: error() },
            Reason::LinkToFolder,
            Reason::BrokenLink,
            Reason::NoFolder,
            Reason::FolderDenied,
            Reason::FolderUnreadable { error: error() },
            Reason::Unreadable { error: error() },
            Reason::EditedAfterWriting,
            Reason::NoRoomKeyHash,
            Reason::EditedAfterSeal,
            Reason::AddedAfterSeal,
            conflict(Preference::Verified),
            conflict(Preference::OtherEdited),
            conflict(Preference::OtherUnhashed),
            conflict(Preference::Further {
                kept: Some(Status::Discarded),
                other: None,
            }),
            conflict(Preference::SavedLater {
                saved: Some(jiff::Timestamp::UNIX_EPOCH),
            }),
            conflict(Preference::SavedLater { saved: None }),
            conflict(Preference::MoreAnswers { kept: 3, other: 2 }),
            conflict(Preference::Content),
        ];
        reasons.extend(faults.into_iter().map(Reason::Damaged));
        reasons
    }

    #[test]
    fn every_reason_is_worded_whole_and_differently_in_every_language() {
        for reason in every_reason() {
            let english = Lang::En.reason(&reason);
            assert_eq!(english, reason.to_string());
            for lang in Lang::ALL {
                let words = lang.reason(&reason);
                assert!(
                    !words.contains('{') && !words.contains('}'),
                    "{lang:?}: a placeholder left in {words}"
                );
                if lang != Lang::En {
                    assert_ne!(words, english, "{lang:?}: not translated");
                }
            }
        }
    }

    #[test]
    fn a_damaged_record_is_explained_with_its_question_and_what_to_do_in_each_language() {
        let fault = RecordFault::AboveMaximum {
            question: "q7".to_owned(),
            points: 2.5,
            max: 1.0,
        };
        let reason = Reason::Damaged(fault);
        assert_eq!(
            Lang::En.reason(&reason),
            "damaged record: question q7 has 2.5 points of at most 1; the file was damaged or edited; it is left \
             out: restore it from the workstation's copy, or run the report with --regrade to score its answers \
             again"
        );
        for lang in [Lang::Ru, Lang::Kk] {
            let words = lang.reason(&reason);
            assert!(words.contains("q7") && words.contains("2.5"), "{words}");
            assert!(words.contains("--regrade"), "{words}");
            assert!(!words.contains('{'), "{words}");
        }
    }

    #[test]
    fn a_conflict_names_the_kept_file_and_why_in_each_language() {
        let reason = Reason::Conflict {
            attempt: "01a2".to_owned(),
            kept: "b/01a2.ron".into(),
            why: Preference::Further {
                kept: Some(Status::Completed),
                other: Some(Status::InProgress),
            },
        };
        assert_eq!(
            Lang::En.reason(&reason),
            "conflict: attempt 01a2 has a different record in b/01a2.ron, which is kept because it is completed \
             and the other is in progress; this file is left out (check which workstation wrote it)"
        );
        for lang in [Lang::Ru, Lang::Kk] {
            let words = lang.reason(&reason);
            let statuses = lang.problems().statuses;
            assert!(
                words.contains("01a2") && words.contains("b/01a2.ron"),
                "{words}"
            );
            assert!(
                words.contains(statuses[0]) && words.contains(statuses[2]),
                "{words}"
            );
        }
    }
}
