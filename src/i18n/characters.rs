//! The words for a character that a name, code or text may not hold, in one language.

use super::{Lang, en, fill, kk, ru};
use crate::quiz::characters::BadChar;

/// The words for each kind of character a text may not hold, `{code}` as U+0000: [a line break, a lone carriage
/// return, the control character `{code}`, the bidirectional control `{code}`, the invisible character `{code}`].
pub type CharacterStrings = [&'static str; 5];

impl Lang {
    /// The character `bad` as a trainer reads it in this language, such as "the control character U+001B".
    pub fn bad_char(self, bad: &BadChar) -> String {
        let words = match self {
            Lang::En => &en::CHARACTERS,
            Lang::Ru => &ru::CHARACTERS,
            Lang::Kk => &kk::CHARACTERS,
        };
        let [line_break, carriage_return, control, bidi, invisible] = *words;
        let (template, code) = match bad {
            BadChar::LineBreak => (line_break, None),
            BadChar::LoneCarriageReturn => (carriage_return, None),
            BadChar::Control(c) => (control, Some(*c)),
            BadChar::Bidi(c) => (bidi, Some(*c)),
            BadChar::Invisible(c) => (invisible, Some(*c)),
        };
        let code = code.map_or_else(String::new, |c| format!("U+{:04X}", u32::from(c)));
        fill(template, &[("code", &code)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_translated;

    #[test]
    fn every_language_names_every_character_by_its_code() {
        assert_translated(Lang::Ru, &ru::CHARACTERS, &en::CHARACTERS);
        assert_translated(Lang::Kk, &kk::CHARACTERS, &en::CHARACTERS);
        for lang in Lang::ALL {
            for bad in [
                BadChar::Control('\u{1b}'),
                BadChar::Bidi('\u{202e}'),
                BadChar::Invisible('\u{200b}'),
            ] {
                let said = lang.bad_char(&bad);
                assert!(said.contains("U+"), "{lang:?}: {said}");
                assert!(!said.contains('{'), "{lang:?}: {said}");
            }
        }
        assert_eq!(
            Lang::Ru.bad_char(&BadChar::Control('\u{1b}')),
            "управляющий символ U+001B"
        );
    }
}
