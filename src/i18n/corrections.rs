//! The words of why the trainer's corrections file cannot be used (`vigil corrections`, and `--corrections` of
//! `report` and `records`), in one language.

use super::{Lang, en, fill, kk, ru};
use crate::cli::corrections::CorrectionsError;
use crate::quiz::characters::MAX_TEXT_CHARS;
use crate::report::corrections::CORRECTIONS_FORMAT;
use crate::report::corrections::problem::{CorrectionProblem, Field};

/// Why the corrections file cannot be used. `{file}` is the file, `{folder}` a results folder, `{error}` the
/// system's own words.
#[derive(Debug)]
pub struct CorrectionStrings {
    /// The corrections file `{file}` lies inside the results folder `{folder}`.
    pub in_results: &'static str,
    /// `{file}` is a file the workstations read.
    pub room_file: &'static str,
    /// The corrections file `{file}` cannot be read: `{error}`.
    pub unreadable: &'static str,
    /// After the mistakes found in the file (`{findings}`, one per line, in English): what to do.
    pub invalid: &'static str,
    /// The corrections file `{file}` could not be written: `{error}`.
    pub unwritable: &'static str,
    /// A merge names `{name}`, which holds a space and is no roster code: a name without its group.
    pub name_without_group: &'static str,
    /// The attempt `{attempt}` is voided already.
    pub already_voided: &'static str,
    /// There is no user config folder for the corrections file.
    pub no_folder: &'static str,
    /// The corrections cannot be written as RON, because `{error}` (the writer's words).
    pub unserialisable: &'static str,
    /// The corrections file is empty.
    pub empty_file: &'static str,
    /// What to do about an empty corrections file.
    pub empty_file_hint: &'static str,
    /// The corrections file is not UTF-8 text: `{byte}` (as 0xFF) cannot start a character.
    pub not_text: &'static str,
    /// What to do about a corrections file that is not UTF-8 text.
    pub not_text_hint: &'static str,
    /// A void names no attempt.
    pub no_attempt: &'static str,
    /// The file's `format` is `{format}`, but this build reads `{expected}`.
    pub format: &'static str,
    /// What to do about a format this build does not read (`{expected}`).
    pub format_hint: &'static str,
    /// A merge's session is empty.
    pub empty_session: &'static str,
    /// What to do about an empty session.
    pub empty_session_hint: &'static str,
    /// `{name}` is named without a group.
    pub no_group: &'static str,
    /// How to name a participant: NAME/GROUP or a roster code.
    pub who_hint: &'static str,
    /// A participant's [code, name] is empty, or a correction has no reason.
    pub empty: [&'static str; 3],
    /// The group `{group}` holds `{character}`.
    pub bad_group: &'static str,
    /// The [code, name, reason] holds `{character}`.
    pub bad_text: [&'static str; 3],
    /// What to do about a character a text may not hold.
    pub bad_char_hint: &'static str,
    /// The [code, name, reason] has `{count}` characters, more than `{max}`.
    pub long_text: [&'static str; 3],
    /// What to do about a text too long.
    pub long_text_hint: &'static str,
    /// A merge of `{who}` into itself does nothing.
    pub into_itself: &'static str,
    /// What to do about a merge into itself.
    pub into_itself_hint: &'static str,
    /// `{attempt}` is not an attempt id.
    pub not_an_attempt: &'static str,
    /// Where to find an attempt id.
    pub not_an_attempt_hint: &'static str,
    /// Why a reason is needed.
    pub no_reason_hint: &'static str,
}

impl Lang {
    /// The words of why the corrections file cannot be used, in this language.
    pub fn corrections(self) -> &'static CorrectionStrings {
        match self {
            Lang::En => &en::CORRECTIONS,
            Lang::Ru => &ru::CORRECTIONS,
            Lang::Kk => &kk::CORRECTIONS,
        }
    }

    /// Why the corrections cannot be used, in this language.
    pub fn corrections_error(self, error: &CorrectionsError) -> String {
        let words = self.corrections();
        let file = |path: &std::path::Path| path.display().to_string();
        match error {
            CorrectionsError::InResults { path, folder } => fill(
                words.in_results,
                &[("file", &file(path)), ("folder", &file(folder))],
            ),
            CorrectionsError::RoomFile { path } => fill(words.room_file, &[("file", &file(path))]),
            CorrectionsError::Unreadable { path, source } => fill(
                words.unreadable,
                &[("file", &file(path)), ("error", &source.to_string())],
            ),
            CorrectionsError::Invalid { findings } => {
                let findings: Vec<String> = findings
                    .iter()
                    .map(|finding| finding.worded(self.finding_labels()))
                    .collect();
                fill(words.invalid, &[("findings", &findings.join("\n"))])
            }
            CorrectionsError::Unwritable { path, source } => fill(
                words.unwritable,
                &[("file", &file(path)), ("error", &source.to_string())],
            ),
            CorrectionsError::NameWithoutGroup { name } => {
                fill(words.name_without_group, &[("name", name)])
            }
            CorrectionsError::AlreadyVoided { attempt } => {
                fill(words.already_voided, &[("attempt", attempt)])
            }
            CorrectionsError::Refused(problems) => problems
                .iter()
                .map(|problem| {
                    let (message, hint) = self.correction_problem(problem);
                    format!("{message}; {hint}")
                })
                .collect::<Vec<_>>()
                .join("\n"),
            CorrectionsError::Unserialisable { error } => {
                fill(words.unserialisable, &[("error", error)])
            }
        }
    }

    /// What is wrong with a correction, and what to do, in this language.
    pub fn correction_problem(self, problem: &CorrectionProblem) -> (String, String) {
        let words = self.corrections();
        let of_field = |texts: [&'static str; 3], field: Field| match field {
            Field::Code => texts[0],
            Field::Name => texts[1],
            Field::Reason => texts[2],
        };
        let expected = CORRECTIONS_FORMAT.to_string();
        match problem {
            CorrectionProblem::EmptyFile => (
                words.empty_file.to_owned(),
                words.empty_file_hint.to_owned(),
            ),
            CorrectionProblem::NotText { byte } => (
                fill(words.not_text, &[("byte", &format!("0x{byte:02X}"))]),
                words.not_text_hint.to_owned(),
            ),
            CorrectionProblem::NoAttempt => (
                words.no_attempt.to_owned(),
                words.not_an_attempt_hint.to_owned(),
            ),
            CorrectionProblem::Format(format) => (
                fill(
                    words.format,
                    &[("format", &format.to_string()), ("expected", &expected)],
                ),
                fill(words.format_hint, &[("expected", &expected)]),
            ),
            CorrectionProblem::EmptySession => (
                words.empty_session.to_owned(),
                words.empty_session_hint.to_owned(),
            ),
            CorrectionProblem::NoGroup { name } => (
                fill(words.no_group, &[("name", name)]),
                words.who_hint.to_owned(),
            ),
            CorrectionProblem::BadGroup { group, bad } => (
                fill(
                    words.bad_group,
                    &[("group", group), ("character", &self.bad_char(bad))],
                ),
                words.bad_char_hint.to_owned(),
            ),
            CorrectionProblem::Empty(field) => (
                of_field(words.empty, *field).to_owned(),
                match field {
                    Field::Reason => words.no_reason_hint,
                    Field::Code | Field::Name => words.who_hint,
                }
                .to_owned(),
            ),
            CorrectionProblem::BadText { field, bad } => (
                fill(
                    of_field(words.bad_text, *field),
                    &[("character", &self.bad_char(bad))],
                ),
                words.bad_char_hint.to_owned(),
            ),
            CorrectionProblem::LongText { field, count } => (
                fill(
                    of_field(words.long_text, *field),
                    &[
                        ("count", &count.to_string()),
                        ("max", &MAX_TEXT_CHARS.to_string()),
                    ],
                ),
                words.long_text_hint.to_owned(),
            ),
            CorrectionProblem::IntoItself { who } => (
                fill(words.into_itself, &[("who", who)]),
                words.into_itself_hint.to_owned(),
            ),
            CorrectionProblem::NotAnAttempt { attempt } => (
                fill(words.not_an_attempt, &[("attempt", attempt)]),
                words.not_an_attempt_hint.to_owned(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::i18n::{assert_translated, assert_worded, every_string};
    use crate::quiz::characters::BadChar;
    use crate::quiz::diagnostic::{Diagnostic, Severity};

    /// Every template of `strings`, field by field (a field left out here does not compile).
    fn templates(strings: &CorrectionStrings) -> Vec<&'static str> {
        every_string!(
            strings,
            CorrectionStrings {
                in_results, room_file, unreadable, invalid, unwritable, name_without_group, already_voided,
                no_folder, unserialisable, empty_file, empty_file_hint, not_text, not_text_hint, no_attempt, format,
                format_hint, empty_session, empty_session_hint, no_group, who_hint, bad_group, bad_char_hint,
                long_text_hint, into_itself, into_itself_hint, not_an_attempt, not_an_attempt_hint, no_reason_hint,
            };
            empty, bad_text, long_text
        )
    }

    #[test]
    fn every_language_has_every_template_with_the_same_placeholders() {
        let english = templates(Lang::En.corrections());
        for lang in [Lang::Ru, Lang::Kk] {
            assert_translated(lang, &templates(lang.corrections()), &english);
        }
    }

    #[test]
    fn every_error_names_its_file_in_every_language_with_nothing_left_unfilled() {
        let file = PathBuf::from("corrections.ron");
        let denied = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let errors = [
            CorrectionsError::InResults {
                path: file.clone(),
                folder: PathBuf::from("results"),
            },
            CorrectionsError::RoomFile { path: file.clone() },
            CorrectionsError::Unreadable {
                path: file.clone(),
                source: denied(),
            },
            CorrectionsError::Invalid {
                findings: vec![Diagnostic::file(
                    Severity::Error,
                    "corrections.ron",
                    "a merge has no reason",
                )],
            },
            CorrectionsError::Unwritable {
                path: file,
                source: denied(),
            },
            CorrectionsError::NameWithoutGroup {
                name: "corrections.ron".to_owned(),
            },
            CorrectionsError::AlreadyVoided {
                attempt: "corrections.ron".to_owned(),
            },
            CorrectionsError::Refused(vec![CorrectionProblem::NoGroup {
                name: "corrections.ron".to_owned(),
            }]),
            CorrectionsError::Unserialisable {
                error: "corrections.ron".to_owned(),
            },
        ];
        for lang in Lang::ALL {
            for error in &errors {
                let said = lang.corrections_error(error);
                assert!(said.contains("corrections.ron"), "{lang:?}: {said}");
                assert!(
                    !said.contains('{') && !said.contains('}'),
                    "{lang:?}: {said}"
                );
            }
        }
        assert_eq!(
            errors[0].to_string(),
            Lang::En.corrections_error(&errors[0])
        );
    }

    /// One of every problem, each naming `Aidos`, `ngo` or a character's code where it names anything.
    fn every_problem() -> Vec<CorrectionProblem> {
        let mut problems = vec![
            CorrectionProblem::Format(2),
            CorrectionProblem::EmptySession,
            CorrectionProblem::NoGroup {
                name: "Aidos".to_owned(),
            },
            CorrectionProblem::BadGroup {
                group: "ngo".to_owned(),
                bad: BadChar::Invisible('\u{200b}'),
            },
            CorrectionProblem::IntoItself {
                who: "Aidos (ngo)".to_owned(),
            },
            CorrectionProblem::NotAnAttempt {
                attempt: "Aidos".to_owned(),
            },
        ];
        for field in [Field::Code, Field::Name, Field::Reason] {
            problems.push(CorrectionProblem::Empty(field));
            problems.push(CorrectionProblem::BadText {
                field,
                bad: BadChar::Control('\u{1b}'),
            });
            problems.push(CorrectionProblem::LongText {
                field,
                count: 20_001,
            });
        }
        problems.extend([
            CorrectionProblem::EmptyFile,
            CorrectionProblem::NotText { byte: 0xff },
            CorrectionProblem::NoAttempt,
        ]);
        problems
    }

    #[test]
    fn every_problem_is_worded_with_what_to_do_in_every_language_with_nothing_left_unfilled() {
        for lang in Lang::ALL {
            let worded: Vec<(String, String)> = every_problem()
                .iter()
                .map(|problem| lang.correction_problem(problem))
                .collect();
            assert_worded(lang, &worded);
            assert!(worded[0].0.contains('2') && worded[0].1.contains("format: 1,"));
            assert!(worded[2].0.contains("Aidos"), "{lang:?}");
            assert!(worded[3].0.contains("ngo") && worded[3].0.contains("U+200B"));
            assert!(worded[4].0.contains("Aidos (ngo)"), "{lang:?}");
            // Each text is named in its own words, and each problem of one text differs from the others.
            let per_field: Vec<&String> = (6..15).map(|at| &worded[at].0).collect();
            for (at, said) in per_field.iter().enumerate() {
                assert!(
                    per_field[at + 1..].iter().all(|other| other != said),
                    "{lang:?}: {said}"
                );
            }
            assert!(worded[7].0.contains("U+001B") && worded[8].0.contains("20001"));
        }
        assert_eq!(
            Lang::Ru.correction_problem(&every_problem()[2]).0,
            "у `Aidos` не указана группа"
        );
    }
}
