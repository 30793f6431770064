//! `vigil import`: convert a Moodle GIFT or Aiken file into a Vigil quiz, reporting on every question.

use std::io::{self, Write};
use std::path::PathBuf;

use super::output::refuse_clash;
use crate::import::{self, ImportOptions, Outcome, SourceFormat};
use crate::quiz::check::{read_file, unreadable};
use crate::quiz::{Diagnostic, Severity};
use crate::record::writer::replace_file;
use crate::text::{printable, printable_line};

/// The exit code when the quiz was written.
const CONVERTED: i32 = 0;
/// The exit code when the file could not be read or nothing in it converted.
const NOTHING_CONVERTED: i32 = 1;
/// The exit code when the command line asks for something impossible.
const USAGE: i32 = 2;

/// What `vigil import` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct ImportRequest {
    /// The GIFT or Aiken file.
    pub file: PathBuf,
    /// Its format, when not told from the file.
    pub from: Option<SourceFormat>,
    /// The quiz id, instead of the file's name.
    pub id: Option<String>,
    /// The quiz's language code, instead of `en`.
    pub language: Option<String>,
    /// Where to write the quiz; standard output when `None`.
    pub output: Option<PathBuf>,
}

/// Imports the file; writes the quiz to the output file or `out` and the report to `err`.
///
/// Returns the exit code: 0 when the quiz was written, 1 when the file could not be read or nothing
/// converted, 2 when the id, language or format given cannot be used or the output is the file imported.
pub fn run(request: &ImportRequest, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let name = request.file.display().to_string();
    let options = match ImportOptions::for_file(
        &request.file,
        request.id.as_deref(),
        request.language.as_deref(),
    ) {
        Ok(options) => options,
        Err(error) => {
            writeln!(err, "vigil import: {}", printable_line(&error.to_string()))?;
            return Ok(USAGE);
        }
    };
    if let Some(output) = &request.output
        && let Err(clash) = refuse_clash(output, std::slice::from_ref(&request.file), &[])
    {
        writeln!(err, "vigil import: {}", printable_line(&clash.to_string()))?;
        return Ok(USAGE);
    }
    let bytes = match read_file(&request.file) {
        Ok(bytes) => bytes,
        Err(error) => {
            writeln!(err, "{}", unreadable(&name, &error))?;
            return Ok(NOTHING_CONVERTED);
        }
    };
    let text = match import::decode(&bytes) {
        Ok(text) => text,
        Err(error) => {
            let mut finding = Diagnostic::file(Severity::Error, &name, error.to_string());
            finding.line = error.line();
            writeln!(err, "{finding}")?;
            return Ok(NOTHING_CONVERTED);
        }
    };
    let Some(format) = request.from.or_else(|| import::detect(&request.file, text)) else {
        let finding = Diagnostic::file(
            Severity::Error,
            &name,
            "cannot tell whether this is a GIFT or an Aiken file",
        )
        .with_hint("name the format: `--from gift` or `--from aiken`");
        writeln!(err, "{finding}")?;
        return Ok(USAGE);
    };
    let imported = import::import(text, format, &options);
    for note in &imported.report {
        writeln!(err, "{}", note.render(&name))?;
    }
    let converted = imported.quiz.questions.len();
    if converted == 0 {
        writeln!(
            err,
            "{}: nothing converted from this {format} file; no quiz written",
            printable_line(&name)
        )?;
        return Ok(NOTHING_CONVERTED);
    }
    let quiz_text = match import::to_ron(&imported.quiz) {
        Ok(text) => text,
        Err(error) => {
            writeln!(
                err,
                "vigil import: {}\nno quiz was written; this is a fault in the importer: please report it \
                 with the source file",
                printable(&error.to_string(), true)
            )?;
            return Ok(NOTHING_CONVERTED);
        }
    };
    let written_to = match &request.output {
        Some(path) => {
            if let Err(error) = replace_file(path, quiz_text.as_bytes()) {
                writeln!(
                    err,
                    "vigil import: could not write {}: {error}",
                    printable_line(&path.display().to_string())
                )?;
                return Ok(NOTHING_CONVERTED);
            }
            path.display().to_string()
        }
        None => {
            out.write_all(quiz_text.as_bytes())?;
            "standard output".to_owned()
        }
    };
    writeln!(
        err,
        "{}: {converted} question(s) converted ({} with losses), {} item(s) skipped; quiz `{}` written to {}",
        printable_line(&name),
        imported.count(Outcome::ConvertedWithLosses),
        imported.count(Outcome::Skipped),
        imported.quiz.id,
        printable_line(&written_to)
    )?;
    Ok(CONVERTED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn run_on(file: &Path, output: Option<PathBuf>) -> (i32, String, String) {
        let request = ImportRequest {
            file: file.to_owned(),
            output,
            ..ImportRequest::default()
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(&request, &mut out, &mut err).unwrap();
        (
            code,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    #[test]
    fn writes_the_quiz_to_the_output_file_and_reports_on_stderr() {
        let folder = tempfile::tempdir().unwrap();
        let source = folder.path().join("bank.gift");
        std::fs::write(&source, "Who? {=me ~you}\n\nHow many? {#3}\n").unwrap();
        let target = folder.path().join("bank.ron");
        let (code, out, err) = run_on(&source, Some(target.clone()));
        assert_eq!(code, 0, "{err}");
        assert!(out.is_empty());
        assert!(
            err.contains("bank.gift:1: converted question \"Who?\""),
            "{err}"
        );
        assert!(
            err.contains("bank.gift:3: skipped: question \"How many?\""),
            "{err}"
        );
        let written = std::fs::read_to_string(&target).unwrap();
        assert!(written.contains("id: \"bank\""), "{written}");
    }

    #[test]
    fn nothing_converted_and_unreadable_files_exit_1() {
        let folder = tempfile::tempdir().unwrap();
        let source = folder.path().join("essay.gift");
        std::fs::write(&source, "Write. {}").unwrap();
        let (code, out, err) = run_on(&source, None);
        assert_eq!((code, out.as_str()), (1, ""));
        assert!(err.contains("nothing converted"), "{err}");
        let (code, _, err) = run_on(&folder.path().join("missing.gift"), None);
        assert_eq!(code, 1);
        assert!(err.contains("no such file"), "{err}");
    }

    #[test]
    fn an_unknown_format_and_a_bad_id_are_usage_errors() {
        let folder = tempfile::tempdir().unwrap();
        let source = folder.path().join("notes.txt");
        std::fs::write(&source, "just some text").unwrap();
        let (code, _, err) = run_on(&source, None);
        assert_eq!(code, 2);
        assert!(err.contains("--from gift"), "{err}");
        let request = ImportRequest {
            file: source,
            id: Some("Bad Id".to_owned()),
            ..ImportRequest::default()
        };
        let code = run(&request, &mut Vec::new(), &mut Vec::new()).unwrap();
        assert_eq!(code, 2);
    }
}
