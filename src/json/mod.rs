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

mod layout;

pub use layout::Layout;

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
    // Every character to escape is DEL or above it, so ASCII without DEL (checked a word at a time) needs none.
    let plain = json.is_ascii() && !json.as_bytes().contains(&0x7f);
    if plain || !json.chars().any(needs_escape) {
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

/// `value` as indented JSON (see [`Layout`]) with every control character escaped.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut json = Vec::new();
    let mut escaping = Escaping::new(&mut json);
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut escaping,
        Layout::default(),
    ))?;
    escaping.finish().map_err(serde_json::Error::io)?;
    String::from_utf8(json).map_err(|error| serde_json::Error::io(io::Error::other(error)))
}

/// Writes `value` to `out` as indented JSON (see [`Layout`]) with every control character escaped, then a line break; the JSON
/// goes out a block at a time as it is made, never held whole.
pub fn write_pretty<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut escaping = Escaping::new(&mut *out);
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut escaping,
        Layout::default(),
    ))?;
    escaping.finish()?;
    writeln!(out)
}

/// How much JSON is gathered before it is escaped and passed on.
const BLOCK: usize = 64 * 1024;

/// Gathers the JSON written to it and passes it on to `out` a block at a time with the characters
/// [`escape_controls`] escapes escaped; a character split between two blocks waits for the next.
struct Escaping<W: Write> {
    out: W,
    block: Vec<u8>,
}

impl<W: Write> Escaping<W> {
    fn new(out: W) -> Self {
        Self {
            out,
            block: Vec::with_capacity(BLOCK),
        }
    }

    /// Escapes and passes on every whole character gathered.
    fn pass_on(&mut self) -> io::Result<()> {
        let whole = match std::str::from_utf8(&self.block) {
            Ok(text) => text,
            Err(error) if error.error_len().is_none() => {
                std::str::from_utf8(&self.block[..error.valid_up_to()]).map_err(invalid)?
            }
            Err(error) => return Err(invalid(error)),
        };
        self.out.write_all(escape_controls(whole).as_bytes())?;
        let passed = whole.len();
        self.block.drain(..passed);
        Ok(())
    }

    /// Passes on everything gathered; JSON that ends inside a character is refused.
    fn finish(mut self) -> io::Result<()> {
        self.pass_on()?;
        if self.block.is_empty() {
            Ok(())
        } else {
            Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "the JSON ends inside a character",
            ))
        }
    }
}

/// The error of JSON that is not UTF-8.
fn invalid(error: std::str::Utf8Error) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, error)
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.block.extend_from_slice(bytes);
        if self.block.len() >= BLOCK {
            self.pass_on()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
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
    fn a_character_split_between_two_blocks_is_escaped_whole() {
        let mut out = Vec::new();
        let mut writer = Escaping::new(&mut out);
        let text = "a\u{9b}b\u{202E}c".as_bytes();
        writer.write_all(&text[..2]).unwrap();
        writer.pass_on().unwrap();
        writer.write_all(&text[2..6]).unwrap();
        writer.pass_on().unwrap();
        writer.write_all(&text[6..]).unwrap();
        writer.finish().unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a\\u009bb\\u202ec");
    }

    #[test]
    fn large_json_is_passed_on_a_block_at_a_time_and_reads_back_the_same() {
        struct Largest(Vec<u8>, usize);
        impl Write for Largest {
            fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
                self.1 = self.1.max(bytes.len());
                self.0.extend_from_slice(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let texts: Vec<String> = (0..40_000).map(|i| format!("text {i} \u{9b}")).collect();
        let mut out = Largest(Vec::new(), 0);
        write_pretty(&mut out, &texts).unwrap();
        assert!(out.0.len() > 8 * BLOCK, "{}", out.0.len());
        assert!(out.1 < 2 * BLOCK, "{}", out.1);
        let back: Vec<String> = serde_json::from_slice(&out.0).unwrap();
        assert_eq!(back, texts);
    }

    #[test]
    fn json_without_controls_is_left_alone() {
        assert!(matches!(
            escape_controls("{\"a\": \"Айгерім\"}"),
            Cow::Borrowed(_)
        ));
    }
}
