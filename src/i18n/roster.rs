//! The words of `vigil roster import`, in one language.

use super::{Lang, en, kk, ru};

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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_translated;

    /// Every string of `strings`, field by field (a field left out here does not compile).
    fn all(strings: &RosterStrings) -> Vec<&'static str> {
        let RosterStrings {
            windows_1251,
            header_row,
            printed,
            written,
            unwritable,
            refused,
            problems,
        } = strings;
        let mut all = vec![
            *windows_1251,
            *header_row,
            *printed,
            *written,
            *unwritable,
            *refused,
        ];
        all.extend(problems);
        all
    }

    #[test]
    fn every_language_has_every_string_with_the_same_placeholders() {
        let english = all(Lang::En.roster());
        for lang in [Lang::Ru, Lang::Kk] {
            assert_translated(lang, &all(lang.roster()), &english);
        }
    }
}
