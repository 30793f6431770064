//! Text for people: untrusted text (quiz files, names, paths) made safe to print on a terminal, numbers
//! written without needless zeros, and lines cut or wrapped to a width.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

/// `text` cut to `width` columns, ending in "…" when cut (nothing at all in no columns).
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    // The width so far is carried along, so that a long text is measured once.
    let mut out = String::new();
    let mut taken = 0;
    for c in text.chars() {
        let columns = UnicodeWidthChar::width(c).unwrap_or(0);
        if taken + columns + 1 > width {
            break;
        }
        taken += columns;
        out.push(c);
    }
    // No space before the mark: "входной…", not "входной …".
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// Wraps `text` to `width` columns at spaces, breaking words longer than a line; keeps line breaks.
///
/// Linear in the text: each word's width is measured once and the line's width is carried along.
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0;
        for whole in paragraph.split_whitespace() {
            let mut word = whole;
            let mut word_width = word.width();
            while word_width > width {
                let cut = widest_prefix(word, width);
                if cut == 0 {
                    break;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                lines.push(word[..cut].to_owned());
                word = &word[cut..];
                word_width = word.width();
            }
            let needed = if line.is_empty() {
                word_width
            } else {
                line_width + 1 + word_width
            };
            if needed > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if line.is_empty() {
                line_width = word_width;
            } else {
                line.push(' ');
                line_width += 1 + word_width;
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

/// The length in bytes of the longest run of whole characters at the start of `word` that fits in `width`
/// columns (0 when not even the first character fits).
fn widest_prefix(word: &str, width: usize) -> usize {
    let mut fits = 0;
    for (at, c) in word.char_indices() {
        let end = at + c.len_utf8();
        if word[..end].width() > width {
            break;
        }
        fits = end;
    }
    fits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_ends_in_a_mark_within_its_columns() {
        assert_eq!(truncate("входной тест", 12), "входной тест");
        assert_eq!(truncate("входной тест", 9), "входной…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("abc", 1), "…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn wrapping_respects_width_words_and_line_breaks() {
        assert_eq!(wrap("aa bb cc", 5), vec!["aa bb", "cc"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
        assert_eq!(wrap("Айгерім сатушы", 8), vec!["Айгерім", "сатушы"]);
        assert_eq!(wrap("x", 0), vec!["x"]);
        assert_eq!(wrap("ab 日本語 c", 2), vec!["ab", "日", "本", "語", "c"]);
        assert_eq!(wrap("日本", 1), vec!["日本"]);
        assert_eq!(wrap("a  b\n\nc d e", 3), vec!["a b", "", "c d", "e"]);
    }

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
