//! JSON for programs, safe to print on a terminal: no control character, bidirectional control or zero-width
//! character ever appears raw.
//!
//! serde_json escapes C0 controls but writes U+007F, the C1 controls U+0080-U+009F (U+009B starts an escape
//! sequence on many terminals), bidi overrides such as U+202E and zero-width joiners as they are; here they
//! become `\u` escapes too, whether the JSON goes to a terminal, a pipe or a file (a file may be shown later),
//! and a JSON reader reads the same text back.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

use crate::text::unsafe_on_terminal;

/// Whether `c` is a character unsafe on a terminal that serde_json leaves raw (it escapes C0 itself).
fn needs_escape(c: char) -> bool {
    c > '\u{7e}' && unsafe_on_terminal(c, true)
}

/// `json` (as serde_json writes it) with DEL, every C1 control, bidi control and zero-width character written
/// as a `\uXXXX` escape.
///
/// Outside strings JSON is ASCII with no character above U+007E, so every such character is inside a string,
/// where the escape means the same character.
pub fn escape_controls(json: &str) -> Cow<'_, str> {
    if !json.chars().any(needs_escape) {
        return Cow::Borrowed(json);
    }
    let mut escaped = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs_escape(c) {
            escaped.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

/// `value` as indented JSON with every control character escaped.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let json = serde_json::to_string_pretty(value)?;
    Ok(escape_controls(&json).into_owned())
}

/// Writes `value` to `out` as indented JSON with every control character escaped, then a line break.
pub fn write_pretty<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let json = to_string_pretty(value)?;
    out.write_all(json.as_bytes())?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c0_del_and_c1_controls_are_escaped_and_read_back_the_same() {
        let text = "a\u{1b}[2J\u{7f}\u{80}\u{9b}31m\u{9f}\tб\n";
        let json = to_string_pretty(&[text]).unwrap();
        assert!(!json.chars().any(|c| c.is_control() && c != '\n'), "{json}");
        assert!(json.contains("\\u009b31m"), "{json}");
        assert!(json.contains("\\u007f"), "{json}");
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [text]);
    }

    #[test]
    fn bidi_and_zero_width_characters_are_escaped_and_read_back_the_same() {
        let text = "exe.\u{202E}fdp A\u{200D}B\u{FEFF}";
        let json = to_string_pretty(&[text]).unwrap();
        assert!(
            json.contains("\\u202e") && json.contains("\\u200d"),
            "{json}"
        );
        assert!(json.contains("\\ufeff"), "{json}");
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [text]);
    }

    #[test]
    fn json_without_controls_is_left_alone() {
        assert!(matches!(
            escape_controls("{\"a\": \"Айгерім\"}"),
            Cow::Borrowed(_)
        ));
    }
}
