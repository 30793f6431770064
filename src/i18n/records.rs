//! The words of `vigil records`' table, in one language.

use super::{Lang, en, kk, ru};

/// The words of the table of attempt records. `{name}` marks a placeholder; counted words are [one, few, many].
#[derive(Debug)]
pub struct RecordsStrings {
    /// Column heads: participant, group, quiz, phase, status, score, file (in capitals).
    pub heads: [&'static str; 7],
    /// When the folders hold no record.
    pub none: &'static str,
    /// An attempt still going, `{answered}` of `{total}` questions answered.
    pub in_progress: &'static str,
    /// A completed attempt.
    pub completed: &'static str,
    /// An attempt given up.
    pub discarded: &'static str,
    /// Marks after the status, in capitals: edited after the seal, added after the seal, edited after it was
    /// written (its room-key hash does not match), no room-key hash although a room key is set, voided by a
    /// correction.
    pub marks: [&'static str; 5],
    /// The heading of the files that could not be used.
    pub unusable: &'static str,
    /// Counted: record.
    pub records: [&'static str; 3],
    /// Counted: file that could not be used.
    pub problem_files: [&'static str; 3],
    /// How many records were edited after they were written, `{edited}`.
    pub edited: &'static str,
}

impl Lang {
    /// The words of `vigil records` in this language.
    pub fn records(self) -> &'static RecordsStrings {
        match self {
            Lang::En => &en::RECORDS,
            Lang::Ru => &ru::RECORDS,
            Lang::Kk => &kk::RECORDS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_translated;

    /// Every string of `strings`, field by field (a field left out here does not compile).
    fn all(strings: &RecordsStrings) -> Vec<&'static str> {
        let RecordsStrings {
            heads,
            none,
            in_progress,
            completed,
            discarded,
            marks,
            unusable,
            records,
            problem_files,
            edited,
        } = strings;
        let mut all = vec![
            *none,
            *in_progress,
            *completed,
            *discarded,
            *unusable,
            *edited,
        ];
        all.extend(heads);
        all.extend(marks);
        all.extend(records);
        all.extend(problem_files);
        all
    }

    #[test]
    fn every_language_has_every_string_with_the_same_placeholders() {
        let english = all(Lang::En.records());
        for lang in [Lang::Ru, Lang::Kk] {
            assert_translated(lang, &all(lang.records()), &english);
        }
    }

    #[test]
    fn marks_are_in_capitals_so_that_a_trainer_sees_them() {
        for lang in Lang::ALL {
            for mark in lang.records().marks {
                assert_eq!(mark, mark.to_uppercase(), "{lang:?}");
            }
        }
    }
}
