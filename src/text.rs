//! Text for people: untrusted text (quiz files, names, paths) made safe to print on a terminal, and numbers
//! written without needless zeros.

use std::borrow::Cow;

/// Replaces control characters (escape sequences included) with U+FFFD so `text` cannot drive the terminal.
///
/// Line feeds and tabs are kept when `multiline` is true; otherwise they are replaced too.
pub fn printable(text: &str, multiline: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && !(multiline && (c == '\n' || c == '\t'));
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
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
