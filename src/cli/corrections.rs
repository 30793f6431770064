//! `vigil corrections`: the trainer's corrections file (identities merged, attempts voided), kept on the trainer's
//! machine, never in a results folder; and reading it for `report` and `records`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::output::{OutputClash, refuse_clash};
use crate::config::RosterEntry;
use crate::i18n::{Lang, fill};
use crate::quiz::diagnostic::Diagnostic;
use crate::record::identity::normalise;
use crate::record::seal::keys::user_key_folder;
use crate::report::corrections::apply::Applier;
use crate::report::corrections::apply::Change;
use crate::report::corrections::problem::CorrectionProblem;
use crate::report::corrections::{CORRECTIONS_FILE, Corrections, Merge, Void, Who, who_problem};
use crate::report::export::corrections::{change_and_reason, change_words};
use crate::text::{printable, printable_line};

/// Where the corrections are read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionsFile {
    /// The file.
    pub path: PathBuf,
    /// Whether it was named on the command line (then it must exist); the default file may be missing.
    pub named: bool,
}

impl CorrectionsFile {
    /// `flag` (`--corrections FILE`), else `corrections.ron` in the trainer's user config folder, if the system
    /// has one.
    pub fn locate(flag: Option<&Path>) -> Option<Self> {
        match flag {
            Some(path) => Some(Self {
                path: path.to_path_buf(),
                named: true,
            }),
            None => user_key_folder().map(|folder| Self {
                path: folder.join(CORRECTIONS_FILE),
                named: false,
            }),
        }
    }
}

/// Why the corrections cannot be used; worded in the trainer's language by [`Lang::corrections_error`], in
/// English by `Display`.
#[derive(Debug)]
pub enum CorrectionsError {
    /// The file lies where trainees can write.
    InResults {
        /// The file.
        path: PathBuf,
        /// The results folder.
        folder: PathBuf,
    },
    /// The file is one the room reads (the config, the room key).
    RoomFile {
        /// The file.
        path: PathBuf,
    },
    /// The file cannot be read.
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// The file has mistakes.
    Invalid {
        /// Each mistake, with file, line and column.
        findings: Vec<Diagnostic>,
    },
    /// The file cannot be written.
    Unwritable {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// A merge names a participant by a name without its group (it holds a space and is no roster code).
    NameWithoutGroup {
        /// The name as given.
        name: String,
    },
    /// The attempt to void is voided already.
    AlreadyVoided {
        /// The attempt id.
        attempt: String,
    },
    /// A correction given on the command line is not usable, for these reasons.
    Refused(Vec<CorrectionProblem>),
    /// The corrections cannot be written as RON (`error`, the writer's words).
    Unserialisable {
        /// The writer's words.
        error: String,
    },
}

impl std::fmt::Display for CorrectionsError {
    /// In English: [`Lang::corrections_error`] says it in another language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.corrections_error(self))
    }
}

impl std::error::Error for CorrectionsError {}

/// Reads the corrections of `file`, refusing a file inside one of `results` or one of `room_files`; its mistakes
/// are worded in `lang`. A default file that does not exist means no corrections.
pub fn load(
    file: &CorrectionsFile,
    results: &[PathBuf],
    room_files: &[PathBuf],
    lang: Lang,
) -> Result<Corrections, CorrectionsError> {
    let path = file.path.clone();
    match refuse_clash(&path, room_files, results) {
        Ok(()) => {}
        Err(OutputClash::ReadFile { .. }) => return Err(CorrectionsError::RoomFile { path }),
        Err(OutputClash::InResults { folder, .. }) => {
            return Err(CorrectionsError::InResults { path, folder });
        }
    }
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound && !file.named => {
            return Ok(Corrections::new());
        }
        Err(source) => return Err(CorrectionsError::Unreadable { path, source }),
    };
    Corrections::read(&path.display().to_string(), &bytes, lang)
        .map_err(|findings| CorrectionsError::Invalid { findings })
}

/// Reads the corrections of `file` for `command` (`report`, `records`), ready to apply; when they cannot be
/// used, says why on `err` in `lang` and gives `None`.
pub fn applier(
    command: &str,
    file: Option<&CorrectionsFile>,
    results: &[PathBuf],
    room_files: &[PathBuf],
    lang: Lang,
    err: &mut dyn Write,
) -> io::Result<Option<Applier>> {
    let corrections = match file {
        Some(file) => load(file, results, room_files, lang),
        None => Ok(Corrections::new()),
    };
    match corrections {
        Ok(corrections) => Ok(Some(Applier::new(corrections))),
        Err(error) => {
            writeln!(
                err,
                "vigil {command}: {}",
                printable(&lang.corrections_error(&error), true)
            )?;
            Ok(None)
        }
    }
}

/// What `vigil corrections` is asked to do.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum CorrectionsCommand {
    /// Counts one identity of a session as another: FROM and INTO are a roster code (`P03`) or NAME/GROUP
    /// (`"Aidos Kenzhebaev/ngo"`).
    Merge {
        /// The identity merged away (the mistyped one).
        from: String,
        /// The identity it becomes.
        into: String,
        /// Why, as every report will say.
        #[arg(long)]
        reason: String,
    },
    /// Leaves an attempt out of every figure.
    Void {
        /// The attempt id (see `vigil records --format json`).
        attempt: String,
        /// Why, as every report will say.
        #[arg(long)]
        reason: String,
    },
    /// Lists the corrections in the file.
    List,
}

/// Where `vigil corrections` works, and in which language it says what it did.
#[derive(Debug, Clone, Copy)]
pub struct CorrectionsContext<'a> {
    /// The session a merge is in.
    pub session: &'a str,
    /// The results folders, where the corrections file must not be (trainees can write there).
    pub results: &'a [PathBuf],
    /// The room's files (the config, the room key), which the corrections file must not be.
    pub room_files: &'a [PathBuf],
    /// The trainer's roster, whose codes a merge may name.
    pub roster: &'a [RosterEntry],
    /// The language of what the command says.
    pub lang: Lang,
}

/// Carries out `command` on `file` in `context`, writing the file with `write` (an atomic write) and telling `out`
/// what was done.
pub fn run(
    command: &CorrectionsCommand,
    file: &CorrectionsFile,
    context: &CorrectionsContext<'_>,
    out: &mut dyn Write,
    write: impl FnOnce(&Path, &[u8]) -> io::Result<()>,
) -> Result<(), CorrectionsError> {
    let mut corrections = load(
        &CorrectionsFile {
            named: false,
            ..file.clone()
        },
        context.results,
        context.room_files,
        context.lang,
    )?;
    let r = context.lang.report();
    let shown = printable_line(&file.path.display().to_string()).into_owned();
    let added = match command {
        CorrectionsCommand::List => {
            let lines = list(&corrections, context.lang);
            let heading = if lines.is_empty() {
                r.no_corrections_in
            } else {
                r.corrections_in
            };
            let heading = fill(heading, &[("file", &shown)]);
            let _ = writeln!(out, "{heading}");
            for line in lines {
                let _ = writeln!(out, "  {line}");
            }
            return Ok(());
        }
        CorrectionsCommand::Merge { from, into, reason } => {
            let merge = Merge {
                session: context.session.to_owned(),
                from: Who::parse(from),
                into: Who::parse(into),
                reason: reason.trim().to_owned(),
            };
            for who in [&merge.from, &merge.into] {
                if let Some(problem) = who_problem(who) {
                    return Err(CorrectionsError::Refused(vec![problem]));
                }
                if let Who::Code(code) = who
                    && looks_like_a_name(code, context.roster)
                {
                    return Err(CorrectionsError::NameWithoutGroup { name: code.clone() });
                }
            }
            let line = change_words(&Change::of_merge(&merge), context.lang);
            corrections.merges.push(merge);
            line
        }
        CorrectionsCommand::Void { attempt, reason } => {
            let attempt = attempt.trim().to_owned();
            if corrections.voids.iter().any(|v| v.attempt == attempt) {
                return Err(CorrectionsError::AlreadyVoided { attempt });
            }
            let void = Void {
                attempt,
                reason: reason.trim().to_owned(),
            };
            let line = change_words(&Change::of_void(&void), context.lang);
            corrections.voids.push(void);
            line
        }
    };
    let problems = corrections.problems();
    if !problems.is_empty() {
        return Err(CorrectionsError::Refused(problems));
    }
    let text = corrections
        .to_ron()
        .map_err(|error| CorrectionsError::Unserialisable {
            error: error.to_string(),
        })?;
    // What is written must read back: a file too large, or a text the writer escaped wrongly, is refused here
    // rather than found by the next report.
    if let Err(findings) = Corrections::read(&shown, text.as_bytes(), context.lang) {
        return Err(CorrectionsError::Unserialisable {
            error: findings
                .iter()
                .map(|finding| finding.message.clone())
                .collect::<Vec<_>>()
                .join("; "),
        });
    }
    let made = match file.path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => std::fs::create_dir_all(folder),
        _ => Ok(()),
    };
    made.and_then(|()| write(&file.path, text.as_bytes()))
        .map_err(|source| CorrectionsError::Unwritable {
            path: file.path.clone(),
            source,
        })?;
    let written = fill(
        r.correction_written,
        &[("correction", &printable_line(&added)), ("file", &shown)],
    );
    let _ = writeln!(out, "{written}");
    Ok(())
}

/// Whether `code`, given where a merge takes NAME/GROUP or a roster code, is rather a name without its group: it
/// holds a space and is no code of `roster`.
fn looks_like_a_name(code: &str, roster: &[RosterEntry]) -> bool {
    code.contains(char::is_whitespace)
        && !roster
            .iter()
            .any(|entry| normalise(&entry.code) == normalise(code))
}

/// One line per correction, as the reports word them (without the records matched, which only a report knows).
fn list(corrections: &Corrections, lang: Lang) -> Vec<String> {
    Applier::new(corrections.clone())
        .applied()
        .into_iter()
        .map(|applied| {
            let line = change_and_reason(&applied.change, &applied.reason, lang);
            printable_line(&line).into_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merge(from: &str, into: &str) -> CorrectionsCommand {
        CorrectionsCommand::Merge {
            from: from.into(),
            into: into.into(),
            reason: "typo at sign-in".into(),
        }
    }

    fn context(session: &str, lang: Lang) -> CorrectionsContext<'_> {
        CorrectionsContext {
            session,
            results: &[],
            room_files: &[],
            roster: &[],
            lang,
        }
    }

    fn write_to_disk(path: &Path, bytes: &[u8]) -> io::Result<()> {
        crate::record::writer::replace_file(path, bytes)
    }

    #[test]
    fn commands_write_a_file_that_lists_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = CorrectionsFile {
            path: dir.path().join("trainer").join("corrections.ron"),
            named: true,
        };
        let mut out = Vec::new();
        run(
            &merge("Aidos Kenzhebaev/ngo", "P03"),
            &file,
            &context("almaty", Lang::En),
            &mut out,
            write_to_disk,
        )
        .unwrap();
        let void = CorrectionsCommand::Void {
            attempt: "a9".into(),
            reason: "wrong room".into(),
        };
        run(
            &void,
            &file,
            &context("almaty", Lang::En),
            &mut out,
            write_to_disk,
        )
        .unwrap();
        let again = run(
            &void,
            &file,
            &context("almaty", Lang::En),
            &mut out,
            write_to_disk,
        );
        assert!(matches!(again, Err(CorrectionsError::AlreadyVoided { .. })));
        run(
            &CorrectionsCommand::List,
            &file,
            &context("almaty", Lang::En),
            &mut out,
            write_to_disk,
        )
        .unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains(
                "Aidos Kenzhebaev (ngo) counted as P03 (session almaty); reason: typo at sign-in"
            ),
            "{out}"
        );
        assert!(
            out.contains("attempt a9 not counted; reason: wrong room"),
            "{out}"
        );
        let mut russian = Vec::new();
        run(
            &CorrectionsCommand::List,
            &file,
            &context("almaty", Lang::Ru),
            &mut russian,
            write_to_disk,
        )
        .unwrap();
        let russian = String::from_utf8(russian).unwrap();
        assert!(russian.starts_with("исправления в "), "{russian}");
        assert!(
            russian.contains("Aidos Kenzhebaev (ngo) засчитывается как P03 (сессия almaty)"),
            "{russian}"
        );
        let loaded = load(&file, &[], &[], Lang::En).unwrap();
        assert_eq!((loaded.merges.len(), loaded.voids.len()), (1, 1));
    }

    #[test]
    fn a_failed_write_says_so_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let file = CorrectionsFile {
            path: dir.path().join("corrections.ron"),
            named: true,
        };
        let failed = run(
            &merge("A/ngo", "P03"),
            &file,
            &context("s", Lang::En),
            &mut Vec::new(),
            |_, _| Err(io::Error::other("disk full")),
        );
        let message = failed.unwrap_err().to_string();
        assert!(
            message.contains("could not be written (disk full)"),
            "{message}"
        );
        assert!(!file.path.exists());
    }

    #[test]
    fn a_file_in_a_results_folder_is_refused_and_a_missing_named_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let results = dir.path().join("results");
        std::fs::create_dir(&results).unwrap();
        let inside = CorrectionsFile {
            path: results.join("corrections.ron"),
            named: true,
        };
        assert!(matches!(
            load(&inside, std::slice::from_ref(&results), &[], Lang::En),
            Err(CorrectionsError::InResults { .. })
        ));
        let missing = CorrectionsFile {
            path: dir.path().join("missing.ron"),
            named: true,
        };
        assert!(matches!(
            load(&missing, &[], &[], Lang::En),
            Err(CorrectionsError::Unreadable { .. })
        ));
        let default = CorrectionsFile {
            named: false,
            ..missing
        };
        assert_eq!(
            load(&default, &[], &[], Lang::En).unwrap(),
            Corrections::new()
        );
    }

    #[test]
    fn a_merge_without_a_reason_or_into_itself_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let file = CorrectionsFile {
            path: dir.path().join("corrections.ron"),
            named: true,
        };
        let blank = CorrectionsCommand::Merge {
            from: "A/ngo".into(),
            into: "P03".into(),
            reason: " ".into(),
        };
        let refusal = |command: &CorrectionsCommand| {
            run(
                command,
                &file,
                &context("s", Lang::En),
                &mut Vec::new(),
                write_to_disk,
            )
            .unwrap_err()
            .to_string()
        };
        assert!(refusal(&blank).contains("no `reason`"));
        assert!(refusal(&merge("p03", "P03")).contains("into itself"));
        assert!(refusal(&merge("A/", "P03")).contains("has no group"));
        assert!(!file.path.exists());
    }

    #[test]
    fn mistakes_are_said_in_the_trainers_language_with_where_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let file = CorrectionsFile {
            path: dir.path().join("corrections.ron"),
            named: true,
        };
        let refused = run(
            &merge("p03", "P03"),
            &file,
            &context("s", Lang::Kk),
            &mut Vec::new(),
            write_to_disk,
        )
        .unwrap_err();
        let said = Lang::Kk.corrections_error(&refused);
        assert!(said.contains("`from` пен `into` бірдей (p03)"), "{said}");
        assert!(!file.path.exists());

        std::fs::write(
            &file.path,
            "(\n  format: 1,\n  voids: [\n    (attempt: \"a1\", reason: \"\"),\n  ],\n)\n",
        )
        .unwrap();
        let invalid = load(&file, &[], &[], Lang::Ru).unwrap_err();
        let said = Lang::Ru.corrections_error(&invalid);
        assert!(
            said.contains("corrections.ron:4:6: ошибка: у исправления не указана причина"),
            "{said}"
        );
        assert!(said.contains("подсказка: укажите причину"), "{said}");
        assert!(said.contains("vigil corrections list"), "{said}");
    }

    #[test]
    fn a_name_without_its_group_is_refused_unless_the_list_has_it_as_a_code() {
        let dir = tempfile::tempdir().unwrap();
        let file = CorrectionsFile {
            path: dir.path().join("corrections.ron"),
            named: true,
        };
        let roster = [RosterEntry {
            code: "P 01".into(),
            name: "Aidos".into(),
            group: "ngo".into(),
        }];
        let mut context = context("s", Lang::Ru);
        context.roster = &roster;
        let mut out = Vec::new();
        let refused = run(
            &merge("Aidos Kenzhebaev", "P03"),
            &file,
            &context,
            &mut out,
            write_to_disk,
        )
        .unwrap_err();
        assert!(
            matches!(&refused, CorrectionsError::NameWithoutGroup { name } if name == "Aidos Kenzhebaev"),
            "{refused:?}"
        );
        assert!(
            Lang::Ru.corrections_error(&refused).contains("ИМЯ/ГРУППА"),
            "{refused}"
        );
        assert!(!file.path.exists());
        run(
            &merge("p 01", "P03"),
            &file,
            &context,
            &mut out,
            write_to_disk,
        )
        .unwrap();
        run(
            &merge("Aidos Kenzhebaev/ngo", "P03"),
            &file,
            &context,
            &mut out,
            write_to_disk,
        )
        .unwrap();
    }
}
