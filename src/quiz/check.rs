//! Checking a set of files: read, parse, validate each, then check them against each other.

use std::path::Path;

use serde::Serialize;

use super::diagnostic::{Diagnostic, Severity};
pub use super::files::{gather, read_file, unreadable};
use super::findings::Findings;
use super::limits::within_limits;
use super::lint::{lint_pools, lint_quiz};
use super::model::{QUIZ_FORMAT, Quiz};
use super::parse::{decode, parse};
use super::source::SourceText;
use super::taxonomy::{TAG_FILE_NAME, TAG_FORMAT, TagFile, Taxonomy};
use super::translation::{ParsedQuiz, cross_check};
use super::validate::{is_valid_id, validate};
use crate::parallel::map_in_order;

/// One file to check: its name as shown to people, and its bytes or why they could not be read.
#[derive(Debug)]
pub struct Input {
    /// The path as the author gave it, or `built-in/NAME` for the embedded bank.
    pub name: String,
    /// The file's bytes, or the finding that explains why there are none.
    pub content: Result<Vec<u8>, Diagnostic>,
}

/// A quiz that parsed, with its origin and whether it passed validation.
#[derive(Debug, Clone)]
pub struct CheckedQuiz {
    /// The quiz.
    pub quiz: Quiz,
    /// The file it came from.
    pub file: String,
    /// BLAKE3 hash of the file's bytes, as `blake3:HEX`.
    pub content_hash: String,
    /// Whether any error was found in it.
    pub has_errors: bool,
}

/// The outcome of checking a set of files.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// How many files were looked at.
    pub files: usize,
    /// The quizzes that parsed.
    pub quizzes: Vec<CheckedQuiz>,
    /// The tag taxonomy in force: the checked `tags.ron` files, else the one given.
    pub taxonomy: Taxonomy,
    /// Every finding, grouped by file in input order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Counts for the closing line of a check.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Summary {
    /// Files looked at.
    pub files: usize,
    /// Quizzes among them that parsed.
    pub quizzes: usize,
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
}

impl CheckReport {
    /// The counts of files, quizzes, errors and warnings.
    pub fn summary(&self) -> Summary {
        let errors = self.diagnostics.iter().filter(|d| d.is_error()).count();
        Summary {
            files: self.files,
            quizzes: self.quizzes.len(),
            errors,
            warnings: self.diagnostics.len() - errors,
        }
    }
}

/// Checks every input; `fallback_taxonomy` declares the tags when no `tags.ron` is among the inputs.
pub fn check(inputs: &[Input], fallback_taxonomy: &Taxonomy) -> CheckReport {
    check_with(inputs, fallback_taxonomy, true)
}

/// Checks every input for what makes a quiz unusable (errors), leaving out the item-writing lint, whose findings
/// are only warnings: what loading a bank needs (the app, reports and the dashboard use quizzes without errors and
/// never show warnings).
pub fn check_usable(inputs: &[Input], fallback_taxonomy: &Taxonomy) -> CheckReport {
    check_with(inputs, fallback_taxonomy, false)
}

fn check_with(inputs: &[Input], fallback_taxonomy: &Taxonomy, with_lint: bool) -> CheckReport {
    let mut report = CheckReport {
        files: inputs.len(),
        ..CheckReport::default()
    };
    let mut per_file: Vec<Vec<Diagnostic>> = vec![Vec::new(); inputs.len()];
    let mut texts: Vec<Option<&str>> = vec![None; inputs.len()];
    for (index, input) in inputs.iter().enumerate() {
        match &input.content {
            Err(finding) => per_file[index].push(finding.clone()),
            Ok(bytes) => match decode(&input.name, bytes) {
                Ok(text) => texts[index] = Some(text),
                Err(finding) => per_file[index].push(*finding),
            },
        }
    }
    let mut taxonomy = Taxonomy::default();
    let mut found_tag_file = false;
    for (index, input) in inputs.iter().enumerate() {
        if let (true, Some(text)) = (is_tag_file(&input.name), texts[index]) {
            found_tag_file = true;
            let source = SourceText::new(text);
            match parse::<TagFile>(&input.name, &source, TAG_FORMAT) {
                Ok(file) => {
                    per_file[index].extend(check_tag_file(&input.name, &source, &file));
                    taxonomy.extend(file);
                }
                Err(finding) => per_file[index].push(*finding),
            }
        }
    }
    report.taxonomy = if found_tag_file {
        taxonomy
    } else {
        fallback_taxonomy.clone()
    };
    let sources: Vec<Option<SourceText<'_>>> = texts
        .iter()
        .enumerate()
        .map(|(index, text)| {
            text.filter(|_| !is_tag_file(&inputs[index].name))
                .map(SourceText::new)
        })
        .collect();
    let mut parsed: Vec<(usize, Quiz)> = Vec::new();
    let mut own_lints: Vec<std::thread::Result<Vec<Diagnostic>>> =
        (0..inputs.len()).map(|_| Ok(Vec::new())).collect();
    for (index, outcome) in parse_quizzes(inputs, &sources, &report.taxonomy, with_lint) {
        match outcome {
            Ok(file) => {
                per_file[index].extend(file.findings);
                own_lints[index] = file.lints;
                parsed.push((index, file.quiz));
            }
            Err(finding) => per_file[index].push(*finding),
        }
    }
    let cross: Vec<ParsedQuiz<'_>> = parsed
        .iter()
        .filter_map(|(index, quiz)| {
            Some(ParsedQuiz {
                file: &inputs[*index].name,
                source: sources[*index].as_ref()?,
                quiz,
            })
        })
        .collect();
    for finding in cross_check(&cross) {
        if let Some(index) = inputs.iter().position(|i| i.name == finding.file) {
            per_file[index].push(finding);
        }
    }
    let mut sound: Vec<ParsedQuiz<'_>> = Vec::new();
    for (index, quiz) in cross
        .into_iter()
        .zip(&parsed)
        .map(|(quiz, (index, _))| (*index, quiz))
    {
        if !per_file[index].iter().any(Diagnostic::is_error) {
            match std::mem::replace(&mut own_lints[index], Ok(Vec::new())) {
                Ok(mut lints) => per_file[index].append(&mut lints),
                Err(panic) => std::panic::resume_unwind(panic),
            }
            sound.push(quiz);
        }
    }
    let pooled = if with_lint {
        lint_pools(&sound)
    } else {
        Vec::new()
    };
    for finding in pooled {
        if let Some(index) = inputs.iter().position(|i| i.name == finding.file) {
            per_file[index].push(finding);
        }
    }
    for (index, quiz) in parsed {
        let input = &inputs[index];
        let hash = match &input.content {
            Ok(bytes) => format!("blake3:{}", blake3::hash(bytes).to_hex()),
            Err(_) => String::new(),
        };
        report.quizzes.push(CheckedQuiz {
            quiz,
            file: input.name.clone(),
            content_hash: hash,
            has_errors: per_file[index].iter().any(Diagnostic::is_error),
        });
    }
    for mut findings in per_file {
        findings.sort_by_key(|d| (d.line.unwrap_or(0), d.column.unwrap_or(0)));
        report.diagnostics.extend(findings);
    }
    report
}

/// A quiz file that parsed: the quiz, what validating it found, and what the item-writing lint found in it on its
/// own (shown only if the quiz has no error), or the lint's panic, carried on only if it has none.
struct ParsedFile {
    quiz: Quiz,
    findings: Vec<Diagnostic>,
    lints: std::thread::Result<Vec<Diagnostic>>,
}

/// What parsing one quiz file gave, or why it could not be parsed.
type Parsed = Result<ParsedFile, Box<Diagnostic>>;

/// Parses and validates every quiz file of `sources` (by index into `inputs`), and lints each on its own when
/// `with_lint`; the files are shared out between the cores (a bank is a few dozen files, each parsed on its own),
/// and a file's lint runs beside its validation. Gives each file's outcome in file order.
fn parse_quizzes(
    inputs: &[Input],
    sources: &[Option<SourceText<'_>>],
    taxonomy: &Taxonomy,
    with_lint: bool,
) -> Vec<(usize, Parsed)> {
    let files: Vec<(usize, &SourceText<'_>)> = sources
        .iter()
        .enumerate()
        .filter_map(|(index, source)| Some((index, source.as_ref()?)))
        .collect();
    let one = |(index, source): (usize, &SourceText<'_>)| -> (usize, Parsed) {
        let name = &inputs[index].name;
        let outcome = parse::<Quiz>(name, source, QUIZ_FORMAT).map(|quiz| {
            let validated = || {
                let mut findings = Findings::new(name, source);
                validate(&quiz, taxonomy, &mut findings);
                findings.into_diagnostics()
            };
            // The lint is shown only for a quiz without errors, but runs beside validation to save time: on any
            // quiz whose lists are within the limits (one outside them always has an error). What it found, even
            // a panic, is dropped if the quiz turns out to have an error.
            let (findings, lints) = if with_lint && within_limits(&quiz) {
                let parsed = ParsedQuiz {
                    file: name,
                    source,
                    quiz: &quiz,
                };
                std::thread::scope(|scope| {
                    let lints = scope.spawn(|| lint_quiz(&parsed));
                    let findings = validated();
                    (findings, lints.join())
                })
            } else {
                (validated(), Ok(Vec::new()))
            };
            ParsedFile {
                quiz,
                findings,
                lints,
            }
        });
        (index, outcome)
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    map_in_order(files, workers, one)
}

fn is_tag_file(name: &str) -> bool {
    Path::new(name).file_name().and_then(|n| n.to_str()) == Some(TAG_FILE_NAME)
}

fn check_tag_file(name: &str, source: &SourceText<'_>, file: &TagFile) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for tag in &file.tags {
        let at = source.find_key_value(0, "id", &tag.id).unwrap_or(0);
        let problem = if !is_valid_id(&tag.id) {
            Some(format!("`{}` is not a valid tag id", tag.id))
        } else if !seen.insert(tag.id.as_str()) {
            Some(format!("tag `{}` is declared twice", tag.id))
        } else if [&tag.label.en, &tag.label.ru, &tag.label.kk]
            .iter()
            .any(|label| label.trim().is_empty())
        {
            Some(format!("tag `{}` has an empty label", tag.id))
        } else {
            None
        };
        if let Some(message) = problem {
            found.push(
                Diagnostic::file(Severity::Error, name, message)
                    .at_offset(source, at)
                    .with_hint("each tag has a unique id and a label in en, ru and kk"),
            );
        }
    }
    found
}
