//! The quiz bank: the quizzes built into the binary, plus any folders the user adds.

use std::path::{Path, PathBuf};

use super::check::{CheckedQuiz, Input, check_usable, gather, read_file};
use super::diagnostic::{Diagnostic, Severity};
use super::taxonomy::{TAG_FILE_NAME, TAG_FORMAT, TagFile, Taxonomy};

/// The `.ron` files of the repository's `quizzes/` folder, packed at build time (see `build.rs`): one LZ4 block
/// per file, its length first.
static PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bank.lz4"));

/// Each packed file: its path under `quizzes/` (with `/` between folders), and where its block starts and ends
/// in [`PACKED`]; sorted by path.
static PACKED_FILES: &[(&str, usize, usize)] = include!(concat!(env!("OUT_DIR"), "/bank_index.rs"));

/// The bytes of a packed file, from its block between `start` and `end`; `None` if they cannot be unpacked,
/// which only a damaged binary gives.
fn unpack(start: usize, end: usize) -> Option<Vec<u8>> {
    let block = PACKED.get(start..end)?;
    lz4_flex::block::decompress_size_prepended(block).ok()
}

/// The name prefix of built-in files in messages and listings.
pub const BUILT_IN_PREFIX: &str = "built-in/";

/// The built-in quizzes in teaching order, as the quiz picker offers them when the trainer's config does not
/// list an order: the warm-up, the legal definition, indicators, the forms of exploitation (forced marriage
/// among them), first contact and referral, victims' rights and assistance, prevention, then the assessment forms.
pub const TEACHING_ORDER: [&str; 12] = [
    "warm-up",
    "definitions",
    "indicators",
    "labour-domestic",
    "sexual-exploitation",
    "begging-criminality",
    "forced-marriage",
    "interview-referral",
    "victim-assistance",
    "prevention",
    "assessment-pre",
    "assessment-post",
];

/// The usable quizzes, the taxonomy, and what was skipped or replaced along the way.
#[derive(Debug, Default)]
pub struct Bank {
    /// Quizzes without errors, built-in ones first, sorted by id then language.
    pub quizzes: Vec<CheckedQuiz>,
    /// The tag taxonomy: built-in tags plus those of added folders.
    pub taxonomy: Taxonomy,
    /// Plain-language notices, such as a built-in quiz replaced by a file on disk.
    pub notices: Vec<String>,
    /// Errors that kept files out of the bank.
    pub problems: Vec<Diagnostic>,
}

/// The built-in `.ron` files as check inputs, named `built-in/PATH`, unpacked.
pub fn built_in_inputs() -> Vec<Input> {
    let mut inputs: Vec<Input> = PACKED_FILES
        .iter()
        .map(|&(path, start, end)| {
            let name = format!("{BUILT_IN_PREFIX}{path}");
            let content = unpack(start, end).ok_or_else(|| {
                Diagnostic::file(
                    Severity::Error,
                    &name,
                    "this built-in file cannot be unpacked, so the program file is damaged",
                )
                .with_hint("install Vigil again")
            });
            Input { name, content }
        })
        .collect();
    inputs.sort_by(|a, b| a.name.cmp(&b.name));
    inputs
}

/// The built-in tag taxonomy.
pub fn built_in_taxonomy() -> Taxonomy {
    let mut taxonomy = Taxonomy::default();
    let tags = PACKED_FILES
        .iter()
        .find(|(path, ..)| *path == TAG_FILE_NAME)
        .and_then(|&(_, start, end)| unpack(start, end));
    if let Some(bytes) = tags
        && let Ok(text) = std::str::from_utf8(&bytes)
        && let Ok(tags) = super::parse::parse::<TagFile>(
            TAG_FILE_NAME,
            &super::source::SourceText::new(text),
            TAG_FORMAT,
        )
    {
        taxonomy.extend(tags);
    }
    taxonomy
}

impl Bank {
    /// Loads the built-in bank, then the quizzes under `folders`; a quiz on disk replaces the built-in one
    /// with the same id and language.
    pub fn load(folders: &[PathBuf]) -> Bank {
        Self::load_with(folders, &read_file)
    }

    /// [`Bank::load`] with an injectable file reader.
    pub fn load_with(
        folders: &[PathBuf],
        read: &dyn Fn(&Path) -> std::io::Result<Vec<u8>>,
    ) -> Bank {
        let built_in = check_usable(&built_in_inputs(), &Taxonomy::default());
        let mut bank = Bank {
            taxonomy: built_in.taxonomy.clone(),
            ..Bank::default()
        };
        bank.take(built_in);
        if !folders.is_empty() {
            let added = check_usable(&gather(folders, read), &bank.taxonomy);
            let mut taxonomy = bank.taxonomy.clone();
            taxonomy.merge(&added.taxonomy);
            bank.taxonomy = taxonomy;
            bank.take(added);
        }
        bank.quizzes
            .sort_by(|a, b| (&a.quiz.id, &a.quiz.language).cmp(&(&b.quiz.id, &b.quiz.language)));
        bank
    }

    fn take(&mut self, report: super::check::CheckReport) {
        self.problems
            .extend(report.diagnostics.into_iter().filter(Diagnostic::is_error));
        for quiz in report.quizzes.into_iter().filter(|q| !q.has_errors) {
            let same = |q: &CheckedQuiz| {
                q.quiz.id == quiz.quiz.id && q.quiz.language == quiz.quiz.language
            };
            if let Some(old) = self.quizzes.iter().position(same) {
                self.notices.push(format!(
                    "{} replaces {} (quiz `{}`, language `{}`)",
                    quiz.file, self.quizzes[old].file, quiz.quiz.id, quiz.quiz.language
                ));
                self.quizzes.remove(old);
            }
            self.quizzes.push(quiz);
        }
    }
}
