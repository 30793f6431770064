//! Text for people: untrusted text (quiz files, names, paths) made safe to print on a terminal, and numbers
//! written without needless zeros.

use std::borrow::Cow;

use crate::quiz::characters::{is_bidi_control, is_zero_width};

/// Whether `c` must never reach a terminal raw: control characters (C0, DEL, C1, so every escape sequence),
/// bidirectional controls (which reorder what the screen shows) and zero-width characters (which join or hide
/// text). Line feeds and tabs are safe when `multiline` is true.
///
/// This is the one rule for everything Vigil shows: [`printable`], the console and the JSON writer use it.
pub fn unsafe_on_terminal(c: char, multiline: bool) -> bool {
    let layout = multiline && (c == '\n' || c == '\t');
    (c.is_control() && !layout) || is_bidi_control(c) || is_zero_width(c)
}

/// Replaces every character [`unsafe_on_terminal`] names with U+FFFD so `text` can neither drive the terminal
/// nor reorder or hide what it shows.
///
/// Line feeds and tabs are kept when `multiline` is true; otherwise they are replaced too.
pub fn printable(text: &str, multiline: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| unsafe_on_terminal(c, multiline);
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if unsafe_char(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// Same as [`printable`] on one line: every control character, line feeds included, is replaced.
pub fn printable_line(text: &str) -> Cow<'_, str> {
    printable(text, false)
}

/// A number with at most two decimals and no trailing zeros: 3, 2.5, 0.67.
pub fn number(value: f64) -> String {
    number_to(value, 2)
}

/// A number with at most `decimals` decimals and no trailing zeros; a value that rounds to nothing is 0, whatever
/// its sign (older records may hold `-0.0`).
pub fn number_to(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0" } else { text }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_negative_zero_is_shown_as_zero() {
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(-0.001), "0");
        assert_eq!(number(-1.5), "-1.5");
        assert_eq!(number(0.67), "0.67");
        assert_eq!(number_to(-0.0, 4), "0");
        assert_eq!(number_to(-0.00001, 4), "0");
        assert_eq!(number_to(-0.5, 4), "-0.5");
        assert_eq!(number_to(2.25, 4), "2.25");
    }

    #[test]
    fn escape_sequences_are_neutralised() {
        assert_eq!(printable_line("a\u{1b}[2Jb"), "a\u{FFFD}[2Jb");
        assert_eq!(printable_line("bell\u{7}"), "bell\u{FFFD}");
        assert_eq!(printable_line("c1\u{9b}31m"), "c1\u{FFFD}31m");
    }

    #[test]
    fn line_breaks_survive_only_in_multiline_text() {
        assert_eq!(printable("a\nb\tc", true), "a\nb\tc");
        assert_eq!(printable("a\nb", false), "a\u{FFFD}b");
        assert!(matches!(printable("Айгерім", false), Cow::Borrowed(_)));
    }

    #[test]
    fn bidi_controls_and_zero_width_characters_are_neutralised() {
        assert_eq!(printable_line("exe.\u{202E}fdp"), "exe.\u{FFFD}fdp");
        assert_eq!(
            printable("A\u{200D}B\u{2066}C\u{FEFF}", true),
            "A\u{FFFD}B\u{FFFD}C\u{FFFD}"
        );
        assert!(!unsafe_on_terminal('é', false));
        assert!(unsafe_on_terminal('\u{200B}', true));
    }
}
