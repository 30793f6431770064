//! `vigil report`: the score summary of one or more sessions, as tables, CSV, JSON or an HTML page.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use serde::Serialize;

use super::corrections::{CorrectionsFile, applier};
use super::output::refuse_clash;
use super::pseudonym_key::load_or_create;
use crate::config::{Config, Group};
use crate::console::Console;
use crate::i18n::{Lang, fill};
use crate::quiz::Bank;
use crate::quiz::bank::BUILT_IN_PREFIX;
use crate::record::IntegrityKey;
use crate::record::scan::scan_with;
use crate::record::seal::{PinnedKey, SealStatus, SealSurvey};
use crate::record::writer::{replace_file_by, replace_private_file};
use crate::report::export::csv::Table;
use crate::report::export::{Labels, csv, html, text};
use crate::report::reduce::Reducer;
use crate::report::stats::Thresholds;
use crate::report::{AttemptChoice, Filter, Report, analyse};
use crate::report::{conformity, known, sealed};
use crate::text::printable_line;

/// The form of the report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Tables for the terminal.
    #[default]
    Text,
    /// A spreadsheet table (see `--table`).
    Csv,
    /// Everything, for programs.
    Json,
    /// One printable page with charts.
    Html,
}

/// What `vigil report` was asked for.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// Results folders.
    pub folders: Vec<PathBuf>,
    /// Extra quiz folders (for question texts, tags and regrading).
    pub quiz_folders: Vec<PathBuf>,
    /// Which records.
    pub filter: Filter,
    /// Which attempt counts per participant, quiz and phase.
    pub attempts: AttemptChoice,
    /// Recompute points from the current quiz files.
    pub regrade: bool,
    /// Replace names by codes or pseudonyms.
    pub pseudonymise: bool,
    /// The trainer's pseudonym key file (default: `pseudonym.key` in the user config folder).
    pub pseudonym_key: Option<PathBuf>,
    /// The form.
    pub format: ReportFormat,
    /// The CSV table.
    pub table: Table,
    /// The CSV delimiter.
    pub delimiter: u8,
    /// The language of labels.
    pub lang: Lang,
    /// Group labels from the config.
    pub groups: Vec<Group>,
    /// The trainer's config, when one was read: attempts of its session that do not follow it are pointed out.
    pub config: Option<Config>,
    /// Where flags are raised.
    pub thresholds: Thresholds,
    /// The terminal width for text.
    pub width: usize,
    /// Write here instead of standard output.
    pub out: Option<PathBuf>,
    /// Other files read (the config, the room key), which `out` must never replace.
    pub read_files: Vec<PathBuf>,
    /// The public key pinned on this machine, which checks the trainer's seals.
    pub public_key: Option<PinnedKey>,
    /// The trainer's corrections file, when there is one to read.
    pub corrections: Option<CorrectionsFile>,
    /// Counts records edited or added after their folder was sealed (they are left out otherwise).
    pub count_unsealed: bool,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    format: u32,
    generated_by: &'static str,
    attempts_counted: AttemptChoice,
    #[serde(skip_serializing_if = "SealStatus::is_empty")]
    seal: &'a SealStatus,
    #[serde(flatten)]
    report: &'a Report,
}

/// The terminal's width for text reports (`COLUMNS`, else the terminal's, else 100).
pub fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| {
            ratatui::crossterm::terminal::size()
                .ok()
                .map(|(w, _)| usize::from(w))
        })
        .unwrap_or(100)
}

/// The CSV delimiter `--delimiter` asks for: one ASCII character; refused in `lang` otherwise.
pub fn delimiter(wanted: char, lang: Lang) -> anyhow::Result<u8> {
    u8::try_from(wanted)
        .ok()
        .filter(u8::is_ascii)
        .context(lang.output().delimiter)
}

/// The exit code when `--out` would replace something the report reads.
const USAGE: i32 = 2;

/// Why an HTML report is not shown on a terminal.
/// Builds the report and writes it to `--out` or `out`, with what the seals say (in the text and JSON, and on
/// `err` whenever the report itself is not shown as text); `key` is the room key. On a terminal `out` shows text,
/// CSV and JSON made harmless (see [`Console`]). Returns the exit code: 0; 1 when a trainer's seal shows a change
/// or cannot be trusted; or 2 (with the reason on `err`) when `--out` names a file the report reads or lies inside
/// a results folder, when a filter names a session, group or quiz that is not known (a group may be given by id
/// or by label), or when an HTML page would go to a terminal.
pub fn run<W: Write>(
    options: &ReportOptions,
    key: Option<IntegrityKey>,
    out: &mut Console<W>,
    err: &mut dyn Write,
) -> anyhow::Result<i32> {
    if options.format == ReportFormat::Html && options.out.is_none() && out.is_terminal() {
        writeln!(
            err,
            "vigil report: {}",
            options.lang.report().html_on_terminal
        )?;
        return Ok(USAGE);
    }
    let bank = Bank::load(&options.quiz_folders);
    if let Some(path) = &options.out {
        let quiz_files = bank
            .quizzes
            .iter()
            .map(|q| q.file.as_str())
            .chain(bank.problems.iter().map(|p| p.file.as_str()))
            .filter(|file| !file.starts_with(BUILT_IN_PREFIX))
            .map(PathBuf::from);
        let files: Vec<PathBuf> = options
            .read_files
            .iter()
            .cloned()
            .chain(quiz_files)
            .collect();
        if let Err(clash) = refuse_clash(path, &files, &options.folders) {
            let said = options.lang.output_clash(&clash);
            writeln!(err, "vigil report: {}", printable_line(&said))?;
            return Ok(USAGE);
        }
    }
    let Some(corrections) = applier(
        "report",
        options.corrections.as_ref(),
        &options.folders,
        &options.read_files,
        options.lang,
        err,
    )?
    else {
        return Ok(USAGE);
    };
    let mut filter = options.filter.clone();
    filter.group = filter.group.map(|g| known::group_id(&g, &options.groups));
    let survey = SealSurvey::start(
        &options.folders,
        &options.filter.sessions,
        options.public_key.as_ref(),
    );
    let mut reducer =
        Reducer::new(&bank.quizzes, &filter, options.regrade).with_corrections(&corrections);
    if let Some(config) = &options.config {
        reducer = reducer.with_roster(&config.session, &config.roster);
    }
    let prints_question_times = match options.format {
        ReportFormat::Json => true,
        ReportFormat::Csv => options.table == Table::Responses,
        ReportFormat::Text | ReportFormat::Html => false,
    };
    if !prints_question_times {
        reducer = reducer.without_question_times();
    }
    if options.format == ReportFormat::Csv && options.table == Table::Responses {
        reducer = reducer.with_answers();
    }
    // The seals are checked with the hashes the scan takes of every file it reads, so no file is read twice.
    let mut scan = scan_with(&options.folders, None, |path, bytes| {
        reducer.read(path, bytes, key.as_ref())
    });
    let mut seal = survey.finish(scan.hashes());
    let set_aside = if options.count_unsealed {
        HashMap::new()
    } else {
        sealed::set_aside(&seal)
    };
    let entries = scan
        .with_paths()
        .map(|entry| sealed::leave_out(entry, &set_aside));
    let mut data = reducer.gather(entries, options.attempts);
    let bank_ids = bank.quizzes.iter().map(|q| q.quiz.id.clone());
    if let Err(unknown) = known::check(&filter, &data.known, &options.groups, bank_ids) {
        writeln!(
            err,
            "vigil report: {}",
            printable_line(&unknown.words(options.lang))
        )?;
        return Ok(USAGE);
    }
    if options.pseudonymise {
        let loaded = match load_or_create(
            options.pseudonym_key.as_deref(),
            &options.folders,
            &options.read_files,
            &mut rand::rng(),
            replace_private_file,
        ) {
            Ok(loaded) => loaded,
            Err(error) => {
                let said = options.lang.pseudonym_key_error(&error);
                writeln!(err, "vigil report: {}", printable_line(&said))?;
                return Ok(USAGE);
            }
        };
        if loaded.created {
            writeln!(
                err,
                "vigil report: {}",
                fill(
                    options.lang.report().pseudonym_key_made,
                    &[("file", &printable_line(&loaded.path.display().to_string()))]
                )
            )?;
        }
        data.pseudonymise(&loaded.key);
    }
    let deviations = options
        .config
        .as_ref()
        .map(|config| conformity::deviations(&data.attempts, config, &bank.quizzes))
        .unwrap_or_default();
    let unchecked_room_hashes = data.unchecked_room_hashes;
    let mut report = analyse(data, options.thresholds);
    report.translate(options.lang.code());
    report.deviations = deviations;
    seal.unchecked_room_hashes = unchecked_room_hashes;
    let seal_lines: Vec<String> = seal
        .lines(options.lang)
        .iter()
        .map(|line| printable_line(line).into_owned())
        .collect();
    let labels = Labels {
        lang: options.lang,
        taxonomy: &bank.taxonomy,
        groups: &options.groups,
    };
    // Written as it is made: straight to the terminal or pipe, or into a temporary file beside `--out`, which
    // then replaces it at once.
    let write = |sink: &mut dyn Write| -> std::io::Result<()> {
        match options.format {
            ReportFormat::Text => {
                sink.write_all(text::render(&report, &labels, options.width).as_bytes())?;
                if !seal_lines.is_empty() {
                    write!(sink, "\n{}\n", seal_lines.join("\n"))?;
                }
                Ok(())
            }
            ReportFormat::Html => sink.write_all(html::render(&report, &labels).as_bytes()),
            ReportFormat::Csv => csv::write(&report, options.table, options.delimiter, sink),
            ReportFormat::Json => {
                let json = JsonReport {
                    format: 1,
                    generated_by: concat!("vigil ", env!("CARGO_PKG_VERSION")),
                    attempts_counted: options.attempts,
                    seal: &seal,
                    report: &report,
                };
                crate::json::write_pretty(sink, &json)
            }
        }
    };
    match &options.out {
        Some(path) => replace_file_by(path, write).with_context(|| {
            let file = printable_line(&path.display().to_string()).into_owned();
            fill(options.lang.output().not_written, &[("file", &file)])
        })?,
        None => {
            write(out)?;
            out.flush()?;
        }
    }
    if options.out.is_some() || options.format != ReportFormat::Text {
        for line in &seal_lines {
            writeln!(err, "vigil report: {line}")?;
        }
    }
    Ok(i32::from(seal.alarming()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn options(results: &Path, out: PathBuf, read_files: Vec<PathBuf>) -> ReportOptions {
        ReportOptions {
            folders: vec![results.to_path_buf()],
            quiz_folders: Vec::new(),
            filter: Filter::default(),
            attempts: AttemptChoice::default(),
            regrade: false,
            pseudonymise: false,
            pseudonym_key: None,
            format: ReportFormat::Json,
            table: Table::default(),
            delimiter: b',',
            lang: Lang::default(),
            groups: Vec::new(),
            config: None,
            thresholds: Thresholds::default(),
            width: 100,
            out: Some(out),
            read_files,
            public_key: None,
            corrections: None,
            count_unsealed: false,
        }
    }

    fn run_report(options: &ReportOptions) -> (i32, String) {
        let mut err = Vec::new();
        let mut out = Console::new(Vec::new(), false);
        let code = run(options, None, &mut out, &mut err).unwrap();
        (code, String::from_utf8(err).unwrap())
    }

    #[test]
    fn the_output_is_never_written_into_a_results_folder_or_over_the_config() {
        let dir = tempfile::tempdir().unwrap();
        let results = dir.path().join("results");
        let session = results.join("almaty-2010-04");
        std::fs::create_dir_all(&session).unwrap();
        let record = session.join("attempt.json");
        std::fs::write(&record, "{}").unwrap();
        let (code, err) = run_report(&options(&results, record.clone(), Vec::new()));
        assert_eq!(code, 2);
        assert!(err.contains("is inside the results folder"), "{err}");
        assert_eq!(std::fs::read_to_string(&record).unwrap(), "{}");
        let (code, _) = run_report(&options(&results, session.join("report.json"), Vec::new()));
        assert_eq!(code, 2);
        assert!(!session.join("report.json").exists());

        let config = dir.path().join("vigil.ron");
        std::fs::write(&config, "(format: 1)").unwrap();
        let (code, err) = run_report(&options(&results, config.clone(), vec![config.clone()]));
        assert_eq!(code, 2);
        assert!(
            err.contains("is one of the files this command reads"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&config).unwrap(), "(format: 1)");

        let beside = dir.path().join("report.json");
        let (code, err) = run_report(&options(&results, beside.clone(), vec![config]));
        assert_eq!((code, err.as_str()), (0, ""));
        assert!(beside.exists());
    }

    #[test]
    fn an_output_that_cannot_be_written_is_named_with_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let results = dir.path().join("results");
        std::fs::create_dir(&results).unwrap();
        let out = dir.path().join("missing").join("report.json");
        let mut err = Vec::new();
        let mut console = Console::new(Vec::new(), false);
        let error = run(
            &options(&results, out.clone(), Vec::new()),
            None,
            &mut console,
            &mut err,
        )
        .unwrap_err();
        let message = format!("{error:#}");
        assert!(
            message.starts_with(&format!(
                "could not write the report to {}; check that its folder exists",
                out.display()
            )),
            "{message}"
        );
        assert!(!out.exists());
    }

    #[test]
    fn the_output_never_replaces_a_quiz_file_read_for_the_report() {
        let dir = tempfile::tempdir().unwrap();
        let results = dir.path().join("results");
        std::fs::create_dir(&results).unwrap();
        let quizzes = dir.path().join("quizzes");
        std::fs::create_dir(&quizzes).unwrap();
        let quiz = quizzes.join("broken.ron");
        std::fs::write(&quiz, "(").unwrap();
        let mut options = options(&results, quiz.clone(), Vec::new());
        options.quiz_folders = vec![quizzes];
        let (code, _) = run_report(&options);
        assert_eq!(code, 2);
        assert_eq!(std::fs::read_to_string(&quiz).unwrap(), "(");
    }
}
