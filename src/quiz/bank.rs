//! The quiz bank: the quizzes built into the binary, plus any folders the user adds.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::check::{CheckedQuiz, Input, check_usable, gather, read_file};
use super::diagnostic::Diagnostic;
use super::taxonomy::{TAG_FILE_NAME, TAG_FORMAT, TagFile, Taxonomy};

/// The repository's `quizzes/` folder, embedded at build time.
static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/quizzes");

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

/// The embedded `.ron` files as check inputs, named `built-in/PATH`.
pub fn built_in_inputs() -> Vec<Input> {
    let mut inputs = Vec::new();
    collect_embedded(&BUILT_IN, &mut inputs);
    inputs.sort_by(|a, b| a.name.cmp(&b.name));
    inputs
}

fn collect_embedded(dir: &Dir<'static>, inputs: &mut Vec<Input>) {
    for file in dir.files() {
        if file.path().extension().is_some_and(|e| e == "ron") {
            inputs.push(Input {
                name: format!("{BUILT_IN_PREFIX}{}", file.path().display()),
                content: Ok(Cow::Borrowed(file.contents())),
            });
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, inputs);
    }
}

/// The built-in tag taxonomy.
pub fn built_in_taxonomy() -> Taxonomy {
    let mut taxonomy = Taxonomy::default();
    if let Some(file) = BUILT_IN.get_file(TAG_FILE_NAME)
        && let Ok(text) = std::str::from_utf8(file.contents())
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
