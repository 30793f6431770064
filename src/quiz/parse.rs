//! Turning a file's bytes into a typed value, or into one positioned, friendly syntax finding.

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::diagnostic::{Diagnostic, Severity};
use super::source::SourceText;

/// The largest file Vigil reads: far above any real quiz, far below what would strain a workstation.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// How deeply values may nest; real files need about 8 levels.
const NESTING_LIMIT: usize = 64;

/// The RON options every Vigil file is read with: optional fields are written bare (`time_limit_minutes: 30`).
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(NESTING_LIMIT)
}

/// Checks that `bytes` are non-empty UTF-8 of a sane size and returns the text without a byte-order mark.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Box<Diagnostic>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Box::new(
            Diagnostic::file(
                Severity::Error,
                file,
                format!(
                    "the file is larger than {} MiB, the most Vigil reads",
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            )
            .with_hint("is this the right file? Split a very large quiz into several quizzes"),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let source = SourceText::new(valid);
            return Err(Box::new(Diagnostic::file(
                Severity::Error,
                file,
                format!(
                    "the file is not UTF-8 text (byte 0x{:02X} cannot start a character here)",
                    bytes[error.valid_up_to()]
                ),
            )
            .at_offset(&source, valid.len())
            .with_hint("save the file as UTF-8 in your editor; if it is not a Vigil file, remove it from this folder")));
        }
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Box::new(
            Diagnostic::file(Severity::Error, file, "the file is empty").with_hint(
                "a quiz file starts with `(` and lists the quiz's fields; see docs/quiz-format.md",
            ),
        ));
    }
    Ok(text)
}

/// The `format` field alone, read when a full parse fails, to tell "written for a newer Vigil" apart.
#[derive(Deserialize)]
pub(crate) struct FormatProbe {
    /// The format the file names, if it names one.
    pub format: Option<u32>,
}

/// Parses `source` as a `T` in the current format, naming `file` in any finding.
pub fn parse<T: DeserializeOwned>(
    file: &str,
    source: &SourceText<'_>,
    newest_format: u32,
) -> Result<T, Box<Diagnostic>> {
    let options = ron_options();
    match options.from_str::<T>(source.text()) {
        Ok(value) => Ok(value),
        Err(error) => {
            if let Ok(FormatProbe {
                format: Some(format),
            }) = options.from_str::<FormatProbe>(source.text())
                && format > newest_format
            {
                let at = source.find_field(0, "format").unwrap_or(0);
                return Err(Box::new(
                    newer_format(file, format, newest_format).at_offset(source, at),
                ));
            }
            Err(Box::new(syntax_finding(file, source, &error)))
        }
    }
}

/// The finding for a file written in a format newer than this build reads.
pub fn newer_format(file: &str, found: u32, newest: u32) -> Diagnostic {
    Diagnostic::file(
        Severity::Error,
        file,
        format!("the file is in format {found}, but this Vigil reads formats up to {newest}"),
    )
    .with_hint("install the newer Vigil the file was written for")
}

fn syntax_finding(file: &str, source: &SourceText<'_>, error: &SpannedError) -> Diagnostic {
    let position = error.span.start;
    if let Some(opened) = unclosed_text_before(source, position.line, position.col) {
        let at = source.position(opened);
        return Diagnostic::file(
            Severity::Error,
            file,
            "this text seems to have no closing `\"`: it runs on to a later line",
        )
        .with_hint("end the text with `\"`; write a quote inside a text as `\\\"`")
        .at(source, at.line, at.column);
    }
    let (message, hint) = explain(&error.code);
    let mut diagnostic = Diagnostic::file(Severity::Error, file, message);
    if let Some(hint) = hint {
        diagnostic = diagnostic.with_hint(hint);
    }
    diagnostic.at(source, position.line.max(1), position.col.max(1))
}

/// When the parser stopped right after a text that spans lines (the usual sign of a missing closing quote),
/// the byte offset where that text opened.
fn unclosed_text_before(source: &SourceText<'_>, line: usize, column: usize) -> Option<usize> {
    let text = source.text();
    let line_text = source.line(line)?;
    let line_start = line_text.as_ptr() as usize - text.as_ptr() as usize;
    let offset = line_start
        + line_text
            .char_indices()
            .nth(column.checked_sub(1)?)
            .map_or(line_text.len(), |(i, _)| i);
    let before = text.get(..offset)?;
    let closing = before.trim_end().strip_suffix('"')?;
    let opening = closing.rfind('"')?;
    let (_, last_line) = closing[opening..].rsplit_once('\n')?;
    let swallowed_field = last_line.trim().strip_suffix(':').is_some_and(|name| {
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    });
    swallowed_field.then_some(opening)
}

/// The author's word for a type name that RON reports.
fn thing(outer: Option<&str>) -> String {
    let name = match outer.unwrap_or_default() {
        "Quiz" => "the quiz",
        "Question" => "a question",
        "QuestionKind" => "a question's `kind`",
        "AnswerOption" => "an option",
        "OrderItem" => "an `order` item",
        "MatchItem" => "a `match` item",
        "MatchTarget" => "a `match` target",
        "BranchNode" => "a branching node",
        "BranchChoice" => "a branching choice",
        "Ending" => "a branching ending",
        "Scenario" => "a scenario",
        "FeedbackMode" => "`feedback`",
        "TagFile" => "the tag file",
        "TagDefinition" => "a tag",
        "TagKind" => "a tag's `kind`",
        "Labels" => "a tag's `label`",
        "Config" => "the config",
        "Phase" => "`phase`",
        "Group" => "a group",
        "RosterEntry" => "a roster entry",
        "Phases" => "`phases`",
        "PhaseRules" => "a phase's rules",
        "Corrections" => "the corrections file",
        "Merge" => "a merge",
        "Void" => "a void",
        "" => "this value",
        other => return format!("`{other}`"),
    };
    name.to_owned()
}

/// Where the fields of the value `outer` names are explained: the trainer's guide for the config and the
/// corrections file, the quiz format for the rest.
fn explained_in(outer: Option<&str>) -> &'static str {
    match outer.unwrap_or_default() {
        "Config" | "Group" | "RosterEntry" | "Phases" | "PhaseRules" => {
            "docs/trainer-guide.md (The config file)"
        }
        "Corrections" | "Merge" | "Void" => "docs/trainer-guide.md (Corrections)",
        _ => "docs/quiz-format.md",
    }
}

/// The closest of `candidates` to `found`, if it is close enough to be a typo.
pub(crate) fn closest<'a>(found: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|candidate| (strsim::damerau_levenshtein(found, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= 1.max(candidate.len() / 3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

fn one_of(candidates: &[&str]) -> String {
    candidates
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A plain-words message and hint for a RON error.
fn explain(code: &RonError) -> (String, Option<String>) {
    match code {
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => (
            format!("unknown field `{found}` in {}", thing(outer.as_deref())),
            Some(match closest(found, expected) {
                Some(name) => format!("did you mean `{name}`?"),
                None => format!("the fields here are {}", one_of(expected)),
            }),
        ),
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => (
            format!("unknown value `{found}` for {}", thing(outer.as_deref())),
            Some(match closest(found, expected) {
                Some(name) => format!("did you mean `{name}`?"),
                None => format!("write one of {}", one_of(expected)),
            }),
        ),
        RonError::MissingStructField { field, outer } => (
            format!("{} has no `{field}` field", thing(outer.as_deref())),
            Some(format!(
                "add `{field}: ...` before the closing `)`; see {} for its meaning",
                explained_in(outer.as_deref())
            )),
        ),
        RonError::DuplicateStructField { field, outer } => (
            format!("`{field}` is written twice in {}", thing(outer.as_deref())),
            Some("keep one of the two".to_owned()),
        ),
        RonError::ExpectedComma => (
            "expected a comma here".to_owned(),
            Some(
                "every field and list item is followed by `,`; a missing `,` on the line above is the usual cause"
                    .to_owned(),
            ),
        ),
        RonError::ExpectedStringEnd => (
            "this text has no closing `\"`".to_owned(),
            Some("end the text with `\"`; write a quote inside a text as `\\\"`".to_owned()),
        ),
        RonError::ExpectedString => (
            "expected a text in double quotes".to_owned(),
            Some("write it as \"...\"".to_owned()),
        ),
        RonError::Eof => (
            "the file ends in the middle of a value".to_owned(),
            Some(
                "a closing `)`, `]` or `\"` is probably missing; check that every bracket is closed"
                    .to_owned(),
            ),
        ),
        RonError::ExceededRecursionLimit => (
            format!("values are nested more than {NESTING_LIMIT} levels deep"),
            Some("a quiz nests a few levels only; check for a run of unclosed brackets".to_owned()),
        ),
        RonError::TrailingCharacters => (
            "unexpected text after the end of the file's value".to_owned(),
            Some("the file holds one value, from its first `(` to the matching `)`; remove what follows or move it inside".to_owned()),
        ),
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => (
            "expected `(` to open a group of fields".to_owned(),
            Some("see docs/quiz-format.md for the shape of a quiz file".to_owned()),
        ),
        RonError::ExpectedStructLikeEnd | RonError::ExpectedOptionEnd => (
            "expected `)` to close the group of fields".to_owned(),
            Some("a `,` or a `:` may be missing before this point".to_owned()),
        ),
        RonError::ExpectedArray => (
            "expected a list in `[` `]`".to_owned(),
            Some("write a list as [\"a\", \"b\"], even for a single item".to_owned()),
        ),
        RonError::ExpectedArrayEnd => (
            "expected `]` to close the list".to_owned(),
            Some("a `,` between items may be missing".to_owned()),
        ),
        RonError::ExpectedBoolean => (
            "expected `true` or `false`".to_owned(),
            None,
        ),
        RonError::ExpectedInteger | RonError::IntegerOutOfBounds => (
            "expected a whole number (0 or more)".to_owned(),
            Some("write digits without quotes, such as 15".to_owned()),
        ),
        RonError::ExpectedFloat => ("expected a number".to_owned(), Some("write decimals with a point: 0.5".to_owned())),
        RonError::InvalidValueForType { expected, found } => (
            format!("expected {expected}, found {found}"),
            None,
        ),
        RonError::UnexpectedChar(c) => (
            format!("unexpected character {c:?}"),
            Some("texts go in double quotes; fields are written `name: value,`".to_owned()),
        ),
        RonError::UnclosedBlockComment => (
            "a `/*` comment is never closed".to_owned(),
            Some("close it with `*/`".to_owned()),
        ),
        RonError::Message(message) => (message.clone(), None),
        other => (other.to_string(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::model::{QUIZ_FORMAT, Quiz};

    fn parse_quiz(text: &str) -> Result<Quiz, Box<Diagnostic>> {
        let source = SourceText::new(text);
        parse::<Quiz>("t.ron", &source, QUIZ_FORMAT)
    }

    #[test]
    fn typo_in_a_field_name_suggests_the_field() {
        let error = parse_quiz("(\n  format: 1,\n  titel: \"x\",\n)").unwrap_err();
        assert_eq!(error.message, "unknown field `titel` in the quiz");
        assert_eq!(error.hint.as_deref(), Some("did you mean `title`?"));
        assert_eq!((error.line, error.column), (Some(3), Some(3)));
    }

    #[test]
    fn a_missing_field_points_to_the_document_that_explains_it() {
        let error = parse_quiz("(format: 1)").unwrap_err();
        assert!(
            error
                .hint
                .as_deref()
                .is_some_and(|hint| hint.ends_with("see docs/quiz-format.md for its meaning")),
            "{error:?}"
        );
        let source = SourceText::new("(format: 1, phase: pre)");
        let error = parse::<crate::config::Config>(
            "vigil.ron",
            &source,
            crate::config::model::CONFIG_FORMAT,
        )
        .unwrap_err();
        assert_eq!(error.message, "the config has no `session` field");
        assert!(
            error
                .hint
                .as_deref()
                .is_some_and(|hint| hint.contains("docs/trainer-guide.md (The config file)")),
            "{error:?}"
        );
    }

    #[test]
    fn a_newer_format_is_named_instead_of_its_unknown_fields() {
        let error = parse_quiz("(format: 7, shiny_new_field: 1)").unwrap_err();
        assert!(error.message.contains("format 7"), "{}", error.message);
    }

    #[test]
    fn empty_and_invalid_utf8_files_are_named() {
        assert_eq!(
            decode("e.ron", b"  \n").unwrap_err().message,
            "the file is empty"
        );
        let error = decode("b.ron", b"(\nab\xFF").unwrap_err();
        assert_eq!((error.line, error.column), (Some(2), Some(3)));
        assert_eq!(decode("bom.ron", "\u{FEFF}(x)".as_bytes()).unwrap(), "(x)");
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        for text in [
            "(".repeat(100_000),
            format!("(format: 1, extra: {}", "[".repeat(100_000)),
            format!("(format: 1, title: {}", "Some(".repeat(100_000)),
        ] {
            let error = parse_quiz(&text).unwrap_err();
            assert_eq!(error.line, Some(1), "{}", error.message);
        }
    }
}
