//! The footer of keys, laid out from the keymap table: every key on one line when it fits, else on two, else
//! the keys a trainee cannot do without plus "? all keys" (on up to three lines in a narrow window). An essential
//! key is never dropped.

use unicode_width::UnicodeWidthStr;

use super::keymap::{Binding, Label, Weight};
use crate::i18n::Lang;

/// The most lines the footer takes when it shows every key.
pub const MAX_LINES: usize = 2;

/// The most lines it takes to show the essential keys in a narrow window.
const MAX_ESSENTIAL_LINES: usize = 3;

/// What separates two keys on a footer line.
pub const GAP: &str = "  ";

/// "Enter answer": a binding as the footer prints it.
pub fn entry(lang: Lang, binding: &Binding) -> String {
    format!(
        "{} {}",
        key_name(lang, binding.shown),
        lang.strings().keys.word(binding.label)
    )
}

/// The name of a key as printed (`shown` of a binding) in `lang`: only the space bar has a name of its own in
/// each language; other keys are printed as their keycaps say.
pub fn key_name(lang: Lang, shown: &'static str) -> &'static str {
    if shown == "Space" {
        lang.strings().keys.space
    } else {
        shown
    }
}

/// Puts `entries` on lines of at most `width` columns, in order; an entry wider than a line gets a line of its
/// own.
pub fn pack(entries: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for entry in entries {
        match lines.last_mut() {
            Some(line) if line.width() + GAP.len() + entry.width() <= width => {
                line.push_str(GAP);
                line.push_str(entry);
            }
            _ => lines.push(entry.clone()),
        }
    }
    lines
}

/// The footer lines for `bindings` at `width` columns (one or two).
pub fn lines(lang: Lang, bindings: &[Binding], width: u16) -> Vec<String> {
    let width = usize::from(width);
    let shown: Vec<String> = bindings
        .iter()
        .filter(|b| b.weight != Weight::HelpOnly)
        .map(|b| entry(lang, b))
        .collect();
    let all = pack(&shown, width);
    if all.len() <= MAX_LINES {
        return all;
    }
    let help = bindings.iter().find(|b| b.label == Label::Help);
    let mut essential: Vec<String> = bindings
        .iter()
        .filter(|b| b.weight == Weight::Essential && b.label != Label::Help)
        .map(|b| entry(lang, b))
        .collect();
    if let Some(help) = help {
        essential.push(format!(
            "{} {}",
            key_name(lang, help.shown),
            lang.strings().keys.all_keys
        ));
    }
    let mut packed = pack(&essential, width);
    packed.truncate(MAX_ESSENTIAL_LINES);
    packed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{Answering, Mode, bindings};

    #[test]
    fn every_essential_key_stays_when_the_footer_is_short() {
        let keys = bindings(Mode::Question {
            answering: Answering::Several,
            deferred: true,
            scenario: true,
        });
        for lang in Lang::ALL {
            for width in [78, 60, 50] {
                let text = lines(lang, &keys, width).join("\n");
                for binding in keys.iter().filter(|b| b.weight == Weight::Essential) {
                    if binding.label != Label::Help {
                        assert!(
                            text.contains(&entry(lang, binding)),
                            "{lang:?} {width}: {text}"
                        );
                    }
                }
                assert!(text.contains("? "), "{lang:?} {width}: {text}");
            }
        }
    }

    #[test]
    fn a_wide_footer_is_one_line_with_every_key() {
        let keys = bindings(Mode::Picker);
        let text = lines(Lang::En, &keys, 200);
        assert_eq!(text, vec!["↑↓ move  Enter continue  ? help  Esc back"]);
    }
}
