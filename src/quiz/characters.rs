//! Characters a text or id must not contain: control characters, lone carriage returns, bidirectional controls
//! (which reorder what the screen shows) and, in ids, invisible characters.

use std::fmt;

/// The most characters in one text; real quizzes stay far below it.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Whether a text is one line (titles, labels, names) or may hold line breaks (prompts, narratives, feedback).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// One line: every control character is refused.
    One,
    /// Several lines: line feeds, CR LF pairs and tabs are allowed.
    Many,
}

/// A character that must not be in a text or an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadChar {
    /// A line feed in a one-line text.
    LineBreak,
    /// A carriage return not followed by a line feed.
    LoneCarriageReturn,
    /// Any other control character (C0, DEL, C1).
    Control(char),
    /// A bidirectional control, which reorders the text around it on screen.
    Bidi(char),
    /// A zero-width or other invisible character in an id.
    Invisible(char),
}

impl BadChar {
    /// What to do about it.
    pub fn hint(self) -> &'static str {
        match self {
            Self::LineBreak => "keep it on one line: remove the line break",
            Self::LoneCarriageReturn => {
                "trainees would see it as `\u{FFFD}`: remove it, or save the file with ordinary line ends"
            }
            Self::Control(_) => "remove it; it is invisible and could disturb the trainee's screen",
            Self::Bidi(_) => {
                "remove it: it reorders the text on screen, so trainees would read something other than what the file says"
            }
            Self::Invisible(_) => "retype the id: it contains a character you cannot see",
        }
    }
}

impl fmt::Display for BadChar {
    /// The character, for "... contains {self}".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::LineBreak => write!(f, "a line break (U+000A)"),
            Self::LoneCarriageReturn => {
                write!(f, "a carriage return (U+000D) without a line feed")
            }
            Self::Control(c) => write!(f, "the control character U+{:04X}", u32::from(*c)),
            Self::Bidi(c) => write!(f, "the bidirectional control U+{:04X}", u32::from(*c)),
            Self::Invisible(c) => write!(f, "the invisible character U+{:04X}", u32::from(*c)),
        }
    }
}

/// Whether `c` is a bidirectional formatting control: embeddings, overrides, isolates and marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Whether `c` is a zero-width character: space, joiners, word joiner, byte-order mark.
pub fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// The first character `text` must not contain, if any.
pub fn bad_char_in_text(text: &str, lines: Lines) -> Option<BadChar> {
    if text.bytes().all(|b| matches!(b, b' '..=b'~')) {
        // Printable ASCII, the bulk of every quiz: nothing to look for.
        return None;
    }
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let found = match c {
            '\r' if chars.peek() == Some(&'\n') => match lines {
                Lines::Many => None,
                Lines::One => Some(BadChar::LineBreak),
            },
            '\r' => Some(BadChar::LoneCarriageReturn),
            '\n' | '\t' if lines == Lines::Many => None,
            '\n' => Some(BadChar::LineBreak),
            c if c.is_control() => Some(BadChar::Control(c)),
            c if is_bidi_control(c) => Some(BadChar::Bidi(c)),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The first character an id must not contain, if any: controls, bidirectional controls and invisible ones.
pub fn bad_char_in_id(id: &str) -> Option<BadChar> {
    id.chars().find_map(|c| {
        if is_zero_width(c) {
            Some(BadChar::Invisible(c))
        } else {
            bad_char_in_text(c.encode_utf8(&mut [0; 4]), Lines::One)
        }
    })
}

/// What is wrong with a text, for the caller to word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFault {
    /// It holds a character it must not.
    Bad(BadChar),
    /// It has this many characters, more than [`MAX_TEXT_CHARS`].
    TooLong(usize),
}

/// What is wrong with `text`, if anything: a character it must not contain, or too many characters.
pub fn text_fault(text: &str, lines: Lines) -> Option<TextFault> {
    if let Some(bad) = bad_char_in_text(text, lines) {
        return Some(TextFault::Bad(bad));
    }
    if text.len() <= MAX_TEXT_CHARS {
        // No more characters than bytes.
        return None;
    }
    let count = text.chars().count();
    (count > MAX_TEXT_CHARS).then_some(TextFault::TooLong(count))
}

/// The problem with `text` as a `field`, if any: a character it must not contain, or too many characters.
/// Returns the message and the hint.
pub fn text_problem(field: &str, text: &str, lines: Lines) -> Option<(String, &'static str)> {
    Some(match text_fault(text, lines)? {
        TextFault::Bad(bad) => (format!("`{field}` contains {bad}"), bad.hint()),
        TextFault::TooLong(count) => (
            format!("`{field}` has {count} characters; at most {MAX_TEXT_CHARS} are allowed"),
            "shorten it: a trainee cannot take in a text that long; split long material over several questions",
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_keep_line_ends_and_tabs_but_not_lone_carriage_returns() {
        assert_eq!(bad_char_in_text("a\nb\r\nc\td", Lines::Many), None);
        assert_eq!(
            bad_char_in_text("a\rb", Lines::Many),
            Some(BadChar::LoneCarriageReturn)
        );
        assert_eq!(
            bad_char_in_text("a\r", Lines::Many),
            Some(BadChar::LoneCarriageReturn)
        );
        assert_eq!(
            bad_char_in_text("a\nb", Lines::One),
            Some(BadChar::LineBreak)
        );
        assert_eq!(
            bad_char_in_text("a\r\nb", Lines::One),
            Some(BadChar::LineBreak)
        );
        assert_eq!(
            bad_char_in_text("a\tb", Lines::One),
            Some(BadChar::Control('\t'))
        );
        assert_eq!(
            bad_char_in_text("Plain text, ~all ASCII!", Lines::One),
            None
        );
        assert_eq!(
            bad_char_in_text("a\u{7f}b", Lines::Many),
            Some(BadChar::Control('\u{7f}'))
        );
    }

    #[test]
    fn c1_controls_and_every_bidi_control_are_refused() {
        assert_eq!(
            bad_char_in_text("x\u{9b}31m", Lines::Many),
            Some(BadChar::Control('\u{9b}'))
        );
        for c in [
            '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
        ] {
            let text = format!("abc{c}def");
            assert_eq!(bad_char_in_text(&text, Lines::Many), Some(BadChar::Bidi(c)));
        }
        assert_eq!(bad_char_in_text("Қазақша, русский", Lines::One), None);
    }

    #[test]
    fn ids_refuse_zero_width_characters_that_texts_allow() {
        for c in ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'] {
            assert_eq!(
                bad_char_in_id(&format!("q{c}1")),
                Some(BadChar::Invisible(c))
            );
        }
        assert_eq!(bad_char_in_text("a\u{200D}b", Lines::One), None);
        assert_eq!(bad_char_in_id("q-1"), None);
    }

    #[test]
    fn texts_over_the_limit_are_refused_with_their_length() {
        let long = "a".repeat(MAX_TEXT_CHARS + 1);
        let (message, _) = text_problem("prompt", &long, Lines::Many).unwrap();
        assert_eq!(
            message,
            "`prompt` has 20001 characters; at most 20000 are allowed"
        );
        assert_eq!(
            text_problem("prompt", &"я".repeat(MAX_TEXT_CHARS), Lines::Many),
            None
        );
    }
}
