//! Converting Moodle question banks (GIFT and Aiken) into Vigil quizzes.
//!
//! The importers are pure: text in, an [`Imported`] quiz and a report on every item of the source out.
//! Reading files and printing is the job of `cli::import`. `docs/importing.md` tells authors what converts,
//! what is lost and what is skipped.

pub mod aiken;
mod builder;
pub mod gift;
pub mod html;
pub mod ids;

use std::fmt;
use std::path::Path;

use ron::ser::PrettyConfig;

use crate::quiz::bank::built_in_taxonomy;
use crate::quiz::check::{Input, check};
use crate::quiz::model::Quiz;
use crate::quiz::parse::{MAX_FILE_BYTES, ron_options};
use crate::quiz::validate::is_valid_id;
use crate::text::printable_line;

/// How deeply the written quiz nests before values go on one line: options, items and targets take a line each.
const RON_DEPTH: usize = 5;

/// A question bank format Vigil imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SourceFormat {
    /// Moodle's GIFT format.
    Gift,
    /// The Aiken format: one-line questions, lettered options, `ANSWER: X`.
    Aiken,
}

impl fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SourceFormat::Gift => "GIFT",
            SourceFormat::Aiken => "Aiken",
        })
    }
}

/// The metadata of the quiz an import makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// The quiz id.
    pub id: String,
    /// The quiz's language code.
    pub language: String,
    /// The quiz title.
    pub title: String,
    /// The name of the imported file, for the quiz description.
    pub source_name: String,
}

impl ImportOptions {
    /// The options for importing `file`: `id` and `language` as given, else the file's name as a slug and `en`.
    pub fn for_file(
        file: &Path,
        id: Option<&str>,
        language: Option<&str>,
    ) -> Result<Self, ImportError> {
        let stem = file
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = match id {
            Some(id) if is_valid_id(id) && !id.chars().any(|c| c.is_ascii_uppercase()) => {
                id.to_owned()
            }
            Some(id) => return Err(ImportError::InvalidId(id.to_owned())),
            None => match ids::slugify(&stem) {
                slug if slug.is_empty() => "imported".to_owned(),
                slug => slug,
            },
        };
        let language = language.unwrap_or("en");
        if !((2..=3).contains(&language.len()) && language.chars().all(|c| c.is_ascii_lowercase()))
        {
            return Err(ImportError::InvalidLanguage(language.to_owned()));
        }
        Ok(Self {
            id,
            language: language.to_owned(),
            title: stem,
            source_name: file
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default(),
        })
    }
}

/// The result of an import: the quiz and a note on every item of the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The converted quiz; it has no questions when nothing converted.
    pub quiz: Quiz,
    /// What happened to each item, in source order.
    pub report: Vec<ImportNote>,
}

impl Imported {
    /// How many notes of the report have `outcome`.
    pub fn count(&self, outcome: Outcome) -> usize {
        self.report.iter().filter(|n| n.outcome == outcome).count()
    }
}

/// What happened to an item of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Converted with nothing lost.
    Converted,
    /// Converted, but something (partial credit, an image) has no place in Vigil.
    ConvertedWithLosses,
    /// Not converted; the message says why.
    Skipped,
    /// Something worth knowing that is not about one question (a category, the file's line endings).
    Notice,
}

/// One line of the import report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportNote {
    /// The 1-based line of the source it is about.
    pub line: usize,
    /// What happened.
    pub outcome: Outcome,
    /// What it was and, for losses and skips, what was lost or why.
    pub message: String,
}

impl ImportNote {
    /// The note as printed for `file`: `FILE:LINE: converted question "name" ...`.
    pub fn render(&self, file: &str) -> String {
        let what = match self.outcome {
            Outcome::Converted => "converted",
            Outcome::ConvertedWithLosses => "converted with losses:",
            Outcome::Skipped => "skipped:",
            Outcome::Notice => "note:",
        };
        format!(
            "{}:{}: {what} {}",
            printable_line(file),
            self.line,
            printable_line(&self.message)
        )
    }
}

/// Why an import could not start or its quiz could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file is larger than Vigil reads.
    #[error("the file is larger than the {} MiB Vigil imports; split it into several files", MAX_FILE_BYTES / (1024 * 1024))]
    TooLarge,
    /// The file is not UTF-8.
    #[error(
        "the file is not UTF-8 text (byte 0x{byte:02X} at column {column} cannot start a character); save it as UTF-8 and import it again"
    )]
    NotUtf8 {
        /// The 1-based line of the first bad byte.
        line: usize,
        /// Its 1-based column, in characters.
        column: usize,
        /// The bad byte.
        byte: u8,
    },
    /// The `--id` given is not a usable quiz id.
    #[error(
        "`{0}` is not a valid quiz id: use lower-case letters, digits and `-`, such as `child-indicators`"
    )]
    InvalidId(String),
    /// The `--lang` given is not a language code.
    #[error(
        "`{0}` is not a language code: write two or three lower-case letters, such as `en`, `ru` or `kk`"
    )]
    InvalidLanguage(String),
    /// The quiz could not be written as RON.
    #[error("could not write the quiz as RON: {0}")]
    Serialize(#[from] ron::Error),
    /// The written quiz does not read back as the same quiz.
    #[error("the written quiz does not read back as the quiz converted: {0}")]
    ReadBack(String),
    /// The written quiz fails `vigil check`.
    #[error("the converted quiz fails `vigil check`: {0}")]
    Invalid(String),
}

impl ImportError {
    /// The line of the source the error is about, when there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            ImportError::NotUtf8 { line, .. } => Some(*line),
            _ => None,
        }
    }
}

/// `bytes` as text, if they are UTF-8 of a size Vigil reads.
pub fn decode(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge);
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = bytes
            .get(..error.valid_up_to())
            .and_then(|valid| std::str::from_utf8(valid).ok())
            .unwrap_or_default();
        let last_line = valid.rsplit('\n').next().unwrap_or_default();
        ImportError::NotUtf8 {
            line: valid.matches('\n').count() + 1,
            column: last_line.chars().count() + 1,
            byte: bytes.get(error.valid_up_to()).copied().unwrap_or_default(),
        }
    })
}

/// The format of `file`: from its extension (`.gift`, `.aiken`), else from its `text`; `None` when unclear.
pub fn detect(file: &Path, text: &str) -> Option<SourceFormat> {
    let extension = file
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("gift") => return Some(SourceFormat::Gift),
        Some("aiken") => return Some(SourceFormat::Aiken),
        _ => {}
    }
    let lines = || text.lines().map(str::trim);
    let answer_lines = lines().filter(|l| l.starts_with("ANSWER:")).count();
    let answer_blocks = text.matches('{').count();
    if answer_lines > 0 && answer_lines >= answer_blocks {
        Some(SourceFormat::Aiken)
    } else if answer_blocks > 0
        || lines().any(|l| l.starts_with("::") || l.starts_with("$CATEGORY:"))
    {
        Some(SourceFormat::Gift)
    } else {
        None
    }
}

/// Converts `text`, written in `format`, into a quiz described by `options`.
pub fn import(text: &str, format: SourceFormat, options: &ImportOptions) -> Imported {
    match format {
        SourceFormat::Gift => gift::import(text, options),
        SourceFormat::Aiken => aiken::import(text, options),
    }
}

/// `quiz` as a RON quiz file, verified: it reads back as the same quiz and `vigil check` finds no errors in it.
pub fn to_ron(quiz: &Quiz) -> Result<String, ImportError> {
    let config = PrettyConfig::new()
        .depth_limit(RON_DEPTH)
        .indentor("    ".to_owned());
    // RON escapes `'` inside strings as `\'`; it reads the same unescaped, and authors edit these files.
    let mut text = ron_options()
        .to_string_pretty(quiz, config)?
        .replace("\\'", "'");
    text.push('\n');
    let input = Input {
        name: format!("{}.ron", quiz.id),
        content: Ok(text.as_bytes().to_vec()),
    };
    let report = check(&[input], &built_in_taxonomy());
    if let Some(error) = report.diagnostics.iter().find(|d| d.is_error()) {
        return Err(ImportError::Invalid(error.to_string()));
    }
    if report.quizzes.first().map(|checked| &checked.quiz) != Some(quiz) {
        return Err(ImportError::ReadBack(
            "a value changed on the way".to_owned(),
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_come_from_the_file_name_unless_given() {
        let options =
            ImportOptions::for_file(Path::new("banks/Week 1 — Indicators.txt"), None, None)
                .unwrap();
        assert_eq!(options.id, "week-1-indicators");
        assert_eq!(options.language, "en");
        assert_eq!(options.title, "Week 1 — Indicators");
        assert_eq!(options.source_name, "Week 1 — Indicators.txt");
        let given =
            ImportOptions::for_file(Path::new("x.gift"), Some("my-quiz"), Some("ru")).unwrap();
        assert_eq!(
            (given.id.as_str(), given.language.as_str()),
            ("my-quiz", "ru")
        );
        let unnamed = ImportOptions::for_file(Path::new("???.gift"), None, None).unwrap();
        assert_eq!(unnamed.id, "imported");
    }

    #[test]
    fn bad_ids_and_languages_are_refused() {
        let file = Path::new("x.gift");
        assert!(matches!(
            ImportOptions::for_file(file, Some("My Quiz"), None),
            Err(ImportError::InvalidId(_))
        ));
        assert!(matches!(
            ImportOptions::for_file(file, None, Some("English")),
            Err(ImportError::InvalidLanguage(_))
        ));
    }

    #[test]
    fn invalid_utf8_is_placed() {
        let error = decode(b"line one\nab\xFFcd").unwrap_err();
        assert!(matches!(
            error,
            ImportError::NotUtf8 {
                line: 2,
                column: 3,
                byte: 0xFF
            }
        ));
        assert_eq!(error.line(), Some(2));
        assert_eq!(decode("Вопрос".as_bytes()).unwrap(), "Вопрос");
        assert!(matches!(
            decode(&vec![b'a'; MAX_FILE_BYTES + 1]),
            Err(ImportError::TooLarge)
        ));
    }

    #[test]
    fn the_format_is_told_by_extension_then_content() {
        let gift = "Who? {=a ~b}";
        let aiken = "Who?\nA. a\nB. b\nANSWER: A";
        assert_eq!(
            detect(Path::new("x.aiken"), gift),
            Some(SourceFormat::Aiken)
        );
        assert_eq!(detect(Path::new("x.GIFT"), aiken), Some(SourceFormat::Gift));
        assert_eq!(detect(Path::new("x.txt"), gift), Some(SourceFormat::Gift));
        assert_eq!(detect(Path::new("x.txt"), aiken), Some(SourceFormat::Aiken));
        assert_eq!(
            detect(Path::new("x"), "::intro:: Read this."),
            Some(SourceFormat::Gift)
        );
        assert_eq!(detect(Path::new("x.txt"), "just text"), None);
    }

    #[test]
    fn notes_render_with_file_and_line() {
        let note = ImportNote {
            line: 7,
            outcome: Outcome::Skipped,
            message: "question \"x\": numerical\u{1b}[2J".to_owned(),
        };
        assert_eq!(
            note.render("bank.gift"),
            "bank.gift:7: skipped: question \"x\": numerical\u{FFFD}[2J"
        );
    }
}
