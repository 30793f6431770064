//! The words of `vigil roster import`, in one language.

use super::{Lang, en, fill, kk, ru};
use crate::config::roster_csv::{Column, RosterProblem};

/// What `vigil roster import` says besides the block it makes. `{name}` marks a placeholder; counted words are
/// [one, few, many].
#[derive(Debug)]
pub struct RosterStrings {
    /// The file was not UTF-8 and was read as Windows-1251.
    pub windows_1251: &'static str,
    /// Line `{line}` was taken for the header row.
    pub header_row: &'static str,
    /// The block was printed: `{participants}` (counted).
    pub printed: &'static str,
    /// The block was written into `{file}`: `{participants}` (counted).
    pub written: &'static str,
    /// `{file}` could not be written, because `{error}`.
    pub unwritable: &'static str,
    /// The file has `{problems}` (counted), so nothing was imported.
    pub refused: &'static str,
    /// Counted: problem.
    pub problems: [&'static str; 3],
    /// The file is larger than any roster.
    pub too_large: &'static str,
    /// What to do about a file too large.
    pub too_large_hint: &'static str,
    /// A line cannot be read as CSV, because `{error}` (the CSV reader's words).
    pub not_csv: &'static str,
    /// What to do about a line that cannot be read.
    pub not_csv_hint: &'static str,
    /// The cell of `{column}` is empty.
    pub empty: &'static str,
    /// What to do about an empty cell.
    pub empty_hint: &'static str,
    /// The names of the columns, as `{column}`: [code, name, group].
    pub columns: [&'static str; 3],
    /// The code `{code}` holds `{character}`.
    pub bad_code: &'static str,
    /// The name holds `{character}`.
    pub bad_name: &'static str,
    /// What to do about a character a code or name may not hold.
    pub bad_char_hint: &'static str,
    /// The name has `{count}` characters, more than `{max}`.
    pub long_name: &'static str,
    /// What to do about a name too long.
    pub long_name_hint: &'static str,
    /// `{group}` is none of the config's groups.
    pub unknown_group: &'static str,
    /// What to do: use one of the config's groups, `{groups}`.
    pub unknown_group_hint: &'static str,
    /// `{group}` is no valid group id (there is no config).
    pub bad_group_id: &'static str,
    /// What to do about a group id that is not valid.
    pub bad_group_id_hint: &'static str,
    /// The code `{code}` is also on line `{first}`.
    pub repeated_code: &'static str,
    /// What to do about a code given twice.
    pub repeated_code_hint: &'static str,
    /// The file lists no participant.
    pub no_participant: &'static str,
    /// What to do about a file that lists no participant.
    pub no_participant_hint: &'static str,
}

impl Lang {
    /// The words of `vigil roster import` in this language.
    pub fn roster(self) -> &'static RosterStrings {
        match self {
            Lang::En => &en::ROSTER,
            Lang::Ru => &ru::ROSTER,
            Lang::Kk => &kk::ROSTER,
        }
    }

    /// Why a roster file or row cannot be imported, and what to do, in this language.
    pub fn roster_problem(self, problem: &RosterProblem) -> (String, String) {
        let words = self.roster();
        let (message, hint) = match problem {
            RosterProblem::TooLarge => {
                (words.too_large.to_owned(), words.too_large_hint.to_owned())
            }
            RosterProblem::NotCsv { error } => (
                fill(words.not_csv, &[("error", error)]),
                words.not_csv_hint.to_owned(),
            ),
            RosterProblem::Empty(column) => {
                let [code, name, group] = words.columns;
                let column = match column {
                    Column::Code => code,
                    Column::Name => name,
                    Column::Group => group,
                };
                (
                    fill(words.empty, &[("column", column)]),
                    words.empty_hint.to_owned(),
                )
            }
            RosterProblem::BadCode { code, bad } => (
                fill(
                    words.bad_code,
                    &[("code", code), ("character", &self.bad_char(bad))],
                ),
                words.bad_char_hint.to_owned(),
            ),
            RosterProblem::BadName(bad) => (
                fill(words.bad_name, &[("character", &self.bad_char(bad))]),
                words.bad_char_hint.to_owned(),
            ),
            RosterProblem::LongName(count) => (
                fill(
                    words.long_name,
                    &[
                        ("count", &count.to_string()),
                        ("max", &crate::quiz::characters::MAX_TEXT_CHARS.to_string()),
                    ],
                ),
                words.long_name_hint.to_owned(),
            ),
            RosterProblem::UnknownGroup {
                given,
                groups: Some(groups),
            } => (
                fill(words.unknown_group, &[("group", given)]),
                fill(words.unknown_group_hint, &[("groups", &groups.join(", "))]),
            ),
            RosterProblem::UnknownGroup {
                given,
                groups: None,
            } => (
                fill(words.bad_group_id, &[("group", given)]),
                words.bad_group_id_hint.to_owned(),
            ),
            RosterProblem::RepeatedCode { code, first } => (
                fill(
                    words.repeated_code,
                    &[("code", code), ("first", &first.to_string())],
                ),
                words.repeated_code_hint.to_owned(),
            ),
            RosterProblem::NoParticipant => (
                words.no_participant.to_owned(),
                words.no_participant_hint.to_owned(),
            ),
        };
        (message, hint)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{assert_translated, assert_worded, every_string};
    use crate::quiz::characters::BadChar;

    /// Every string of `strings`, field by field (a field left out here does not compile).
    fn all(strings: &RosterStrings) -> Vec<&'static str> {
        every_string!(
            strings,
            RosterStrings {
                windows_1251, header_row, printed, written, unwritable, refused, too_large, too_large_hint,
                not_csv, not_csv_hint, empty, empty_hint, bad_code, bad_name, bad_char_hint, long_name,
                long_name_hint, unknown_group, unknown_group_hint, bad_group_id, bad_group_id_hint,
                repeated_code, repeated_code_hint, no_participant, no_participant_hint,
            };
            problems, columns
        )
    }

    #[test]
    fn every_language_has_every_string_with_the_same_placeholders() {
        let english = all(Lang::En.roster());
        for lang in [Lang::Ru, Lang::Kk] {
            assert_translated(lang, &all(lang.roster()), &english);
        }
    }

    /// One of every problem, each naming `P01`, `social` or a character's code where it names anything.
    fn every_problem() -> Vec<RosterProblem> {
        let mut problems = vec![
            RosterProblem::TooLarge,
            RosterProblem::NotCsv {
                error: "unclosed quote".to_owned(),
            },
            RosterProblem::LongName(20_001),
            RosterProblem::UnknownGroup {
                given: "social".to_owned(),
                groups: Some(vec!["police".to_owned(), "ngo".to_owned()]),
            },
            RosterProblem::UnknownGroup {
                given: "social".to_owned(),
                groups: None,
            },
            RosterProblem::RepeatedCode {
                code: "P01".to_owned(),
                first: 2,
            },
            RosterProblem::NoParticipant,
        ];
        problems.extend([Column::Code, Column::Name, Column::Group].map(RosterProblem::Empty));
        for bad in [
            BadChar::LineBreak,
            BadChar::LoneCarriageReturn,
            BadChar::Control('\u{1b}'),
            BadChar::Bidi('\u{202e}'),
            BadChar::Invisible('\u{200b}'),
        ] {
            problems.push(RosterProblem::BadCode {
                code: "P01".to_owned(),
                bad,
            });
            problems.push(RosterProblem::BadName(bad));
        }
        problems
    }

    #[test]
    fn every_problem_is_worded_with_what_to_do_in_every_language_with_nothing_left_unfilled() {
        for lang in Lang::ALL {
            let worded: Vec<(String, String)> = every_problem()
                .iter()
                .map(|p| lang.roster_problem(p))
                .collect();
            assert_worded(lang, &worded);
            let said = |at: usize| &worded[at].0;
            assert!(said(3).contains("social") && worded[3].1.contains("police, ngo"));
            assert!(said(5).contains("P01") && said(5).contains('2'));
            assert!(
                worded.iter().any(|(message, _)| message.contains("U+202E")),
                "{lang:?}"
            );
            let columns: Vec<&String> = (7..10).map(said).collect();
            for (column, name) in columns.iter().zip(lang.roster().columns) {
                assert!(column.contains(name), "{lang:?}: {column}");
            }
        }
        assert_eq!(
            Lang::Ru.roster_problem(&every_problem()[5]).0,
            "код `P01` уже есть в строке 2"
        );
    }
}
