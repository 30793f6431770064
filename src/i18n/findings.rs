//! The labels of a finding's lines (`file:line:col: error: …`, `= hint: …`), in one language.

use super::{Lang, en, kk, ru};

/// The labels of a finding's lines: [error, warning, hint].
pub type FindingLabels = [&'static str; 3];

impl Lang {
    /// The labels of a finding's lines in this language, for [`crate::quiz::diagnostic::Diagnostic::worded`].
    pub fn finding_labels(self) -> FindingLabels {
        match self {
            Lang::En => en::FINDING_LABELS,
            Lang::Ru => ru::FINDING_LABELS,
            Lang::Kk => kk::FINDING_LABELS,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_translated;

    #[test]
    fn every_language_labels_every_line_and_english_is_what_display_says() {
        for lang in [Lang::Ru, Lang::Kk] {
            assert_translated(lang, &lang.finding_labels(), &Lang::En.finding_labels());
        }
        let finding = crate::quiz::diagnostic::Diagnostic::file(
            crate::quiz::diagnostic::Severity::Error,
            "f.ron",
            "wrong",
        )
        .with_hint("mend it");
        assert_eq!(
            finding.worded(Lang::En.finding_labels()),
            finding.to_string()
        );
        assert_eq!(
            finding.worded(Lang::Ru.finding_labels()),
            "f.ron: ошибка: wrong\n  = подсказка: mend it"
        );
    }
}
