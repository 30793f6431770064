//! The one way text reaches standard output and standard error: a writer that knows whether its destination is
//! a terminal.
//!
//! On a terminal every character [`unsafe_on_terminal`] names (control characters, so every escape sequence;
//! bidirectional controls; zero-width characters) is shown as U+FFFD, and bytes that are not UTF-8 too, so no
//! quiz file, name or record can drive the terminal or disguise what it shows. To a pipe or a file the bytes
//! pass unchanged: each format escapes what it must itself (CSV neutralises formulas, JSON writes `\u` escapes).

use std::io::{self, IsTerminal, StderrLock, StdoutLock, Write};

use crate::text::unsafe_on_terminal;

/// What stands for a character or byte that must not reach a terminal.
const REPLACEMENT: char = '\u{FFFD}';

/// A writer to a terminal, a pipe or a file; on a terminal, untrusted text is made harmless on its way.
pub struct Console<W: Write> {
    inner: W,
    terminal: bool,
    /// The start of a UTF-8 sequence whose other bytes have not been written yet.
    pending: Vec<u8>,
}

impl Console<StdoutLock<'static>> {
    /// Standard output, sanitised when it is a terminal.
    pub fn stdout() -> Self {
        let out = io::stdout();
        let terminal = out.is_terminal();
        Self::new(out.lock(), terminal)
    }
}

impl Console<StderrLock<'static>> {
    /// Standard error, sanitised when it is a terminal.
    pub fn stderr() -> Self {
        let err = io::stderr();
        let terminal = err.is_terminal();
        Self::new(err.lock(), terminal)
    }
}

impl<W: Write> Console<W> {
    /// Writes to `inner`, sanitising when `terminal` is true.
    pub fn new(inner: W, terminal: bool) -> Self {
        Self {
            inner,
            terminal,
            pending: Vec::new(),
        }
    }

    /// Whether the destination is a terminal, where text is sanitised.
    pub fn is_terminal(&self) -> bool {
        self.terminal
    }

    /// Ends the text: an unfinished UTF-8 sequence is shown as U+FFFD, and everything is flushed.
    pub fn finish(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            self.pending.clear();
            let mut buffer = [0; 4];
            self.inner
                .write_all(REPLACEMENT.encode_utf8(&mut buffer).as_bytes())?;
        }
        self.inner.flush()
    }

    /// Finishes the text and gives back the destination.
    pub fn into_inner(mut self) -> io::Result<W> {
        self.finish()?;
        Ok(self.inner)
    }

    /// Writes the complete UTF-8 in `pending`, sanitised, and keeps an unfinished sequence at its end.
    fn write_sanitised(&mut self) -> io::Result<()> {
        let mut shown = String::with_capacity(self.pending.len());
        let mut rest: &[u8] = &self.pending;
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    push_sanitised(&mut shown, text);
                    rest = &[];
                    break;
                }
                Err(error) => {
                    let (valid, after) = rest.split_at(error.valid_up_to());
                    push_sanitised(&mut shown, std::str::from_utf8(valid).unwrap_or_default());
                    match error.error_len() {
                        Some(bad) => {
                            shown.push(REPLACEMENT);
                            rest = &after[bad..];
                        }
                        None => {
                            rest = after;
                            break;
                        }
                    }
                }
            }
        }
        let unfinished = rest.to_vec();
        self.inner.write_all(shown.as_bytes())?;
        self.pending = unfinished;
        Ok(())
    }
}

/// Appends `text` to `shown` with every character unsafe on a terminal replaced.
fn push_sanitised(shown: &mut String, text: &str) {
    shown.extend(text.chars().map(|c| {
        if unsafe_on_terminal(c, true) {
            REPLACEMENT
        } else {
            c
        }
    }));
}

impl<W: Write> Write for Console<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if !self.terminal {
            return self.inner.write(bytes);
        }
        self.pending.extend_from_slice(bytes);
        self.write_sanitised()?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str =
        "a\u{1b}]52;c;ZXZpbA==\u{7}b\u{0}c\u{9b}2J\u{202E}d\u{200D}e\r\u{7f}\tf\nж";

    fn shown_on(terminal: bool, chunks: &[&[u8]]) -> Vec<u8> {
        let mut console = Console::new(Vec::new(), terminal);
        for chunk in chunks {
            console.write_all(chunk).unwrap();
        }
        console.into_inner().unwrap()
    }

    #[test]
    fn a_terminal_sees_no_control_bidi_or_zero_width_character() {
        let shown = String::from_utf8(shown_on(true, &[HOSTILE.as_bytes()])).unwrap();
        assert_eq!(
            shown,
            "a\u{FFFD}]52;c;ZXZpbA==\u{FFFD}b\u{FFFD}c\u{FFFD}2J\u{FFFD}d\u{FFFD}e\u{FFFD}\u{FFFD}\tf\nж"
        );
    }

    #[test]
    fn a_pipe_gets_the_bytes_unchanged() {
        let bytes = [HOSTILE.as_bytes(), b"\xff\xfe"].concat();
        assert_eq!(shown_on(false, &[&bytes]), bytes);
    }

    #[test]
    fn a_character_split_between_writes_is_kept_and_bad_bytes_are_replaced() {
        let word = "Айгерім".as_bytes();
        let (first, second) = word.split_at(3);
        assert_eq!(shown_on(true, &[first, second]), word);
        assert_eq!(
            String::from_utf8(shown_on(true, &[b"x\xffy", &word[..1]])).unwrap(),
            "x\u{FFFD}y\u{FFFD}"
        );
    }
}
