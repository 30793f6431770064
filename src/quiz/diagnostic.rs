//! Findings about a file, and how they are printed for authors.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use serde::Serialize;

use super::characters::is_bidi_control;
use super::source::SourceText;
use crate::text::printable_line;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The file cannot be used as it is.
    Error,
    /// The file works, but something is probably missing.
    Warning,
}

/// One finding: what is wrong, where, and what to do about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the author named it.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column in characters, when known.
    pub column: Option<usize>,
    /// What inside the file it is about, such as "question `q3`, option `b`".
    pub subject: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// The text of the line, shown under the message with a caret.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A finding about a whole file, with no position.
    pub fn file(severity: Severity, file: &str, message: impl Into<String>) -> Self {
        Self {
            severity,
            file: file.to_owned(),
            line: None,
            column: None,
            subject: None,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds what inside the file the finding is about.
    pub fn with_subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    /// Places the finding at `line:column` of `source`, keeping the line's text for display.
    pub fn at(mut self, source: &SourceText<'_>, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self.source_line = source.line(line).map(str::to_owned);
        self
    }

    /// Places the finding at byte `offset` of `source`.
    pub fn at_offset(self, source: &SourceText<'_>, offset: usize) -> Self {
        let position = source.position(offset);
        self.at(source, position.line, position.column)
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The widest stretch of a source line shown under a message.
const SHOWN_LINE: usize = 100;

/// The labels of a finding's lines in English: [error, warning, hint].
const ENGLISH_LABELS: [&str; 3] = ["error", "warning", "hint"];

impl Diagnostic {
    /// The finding as `Display` gives it, its lines labelled with `labels` ([error, warning, hint]) in the
    /// reader's language.
    pub fn worded(&self, labels: [&str; 3]) -> String {
        let mut out = String::new();
        let _ = self.write_labelled(&mut out, labels);
        out
    }

    /// Writes `file:line:col: error: subject: message`, then the source line with a caret, then the hint, to
    /// `f`, its lines labelled with `labels`.
    fn write_labelled(&self, f: &mut impl fmt::Write, labels: [&str; 3]) -> fmt::Result {
        let [error, warning, hint_label] = labels;
        let mut head = shown(&self.file).into_owned();
        if let Some(line) = self.line {
            write!(head, ":{line}")?;
            if let Some(column) = self.column {
                write!(head, ":{column}")?;
            }
        }
        let label = match self.severity {
            Severity::Error => error,
            Severity::Warning => warning,
        };
        write!(f, "{head}: {label}: ")?;
        if let Some(subject) = &self.subject {
            write!(f, "{}: ", shown(subject))?;
        }
        write!(f, "{}", shown(&self.message))?;
        if let (Some(line), Some(text)) = (self.line, &self.source_line) {
            let column = self.column.unwrap_or(1);
            let (shown, caret) = window(text, column);
            let gutter = " ".repeat(line.to_string().len());
            write!(f, "\n{gutter} |\n{line} | {shown}\n{gutter} | ")?;
            write!(f, "{}^", " ".repeat(caret))?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  = {hint_label}: {}", shown(hint))?;
        }
        Ok(())
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:col: error: subject: message`, then the source line with a caret, then the hint.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_labelled(f, ENGLISH_LABELS)
    }
}

/// `text` on one line with control characters and bidirectional controls replaced by U+FFFD, so a message
/// can neither drive the terminal nor reorder what it says.
fn shown(text: &str) -> Cow<'_, str> {
    let text = printable_line(text);
    if !text.chars().any(is_bidi_control) {
        return text;
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_bidi_control(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// The part of `line` shown around `column` (1-based), made printable, and the caret's offset in it.
fn window(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let caret = column.saturating_sub(1).min(chars.len());
    let start = caret.saturating_sub(SHOWN_LINE / 2);
    let end = (start + SHOWN_LINE).min(chars.len());
    let part: String = chars[start..end].iter().collect();
    (shown(&part).into_owned(), caret - start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_position_source_line_caret_and_hint() {
        let source = SourceText::new("(\n    titel: \"x\",\n)");
        let diagnostic =
            Diagnostic::file(Severity::Error, "quizzes/a.ron", "unknown field `titel`")
                .at(&source, 2, 5)
                .with_hint("did you mean `title`?");
        assert_eq!(
            diagnostic.to_string(),
            "quizzes/a.ron:2:5: error: unknown field `titel`\n  |\n2 |     titel: \"x\",\n  |     ^\n  = hint: did you mean `title`?"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_caret_and_escapes_removed() {
        let line = format!("{}\u{1b}[31m{}", "a".repeat(500), "b".repeat(500));
        let source = SourceText::new(&line);
        let text = Diagnostic::file(Severity::Warning, "f", "m")
            .at(&source, 1, 501)
            .to_string();
        assert!(!text.contains('\u{1b}'));
        let reordered =
            Diagnostic::file(Severity::Error, "f\u{202E}nor.exe", "m\u{2066}").to_string();
        assert_eq!(reordered, "f\u{FFFD}nor.exe: error: m\u{FFFD}");
        let shown = text.lines().nth(2).unwrap();
        assert!(shown.chars().count() < 120, "{shown}");
    }
}
