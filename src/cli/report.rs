//! `vigil report`: the score summary of one or more sessions, as tables, CSV, JSON or an HTML page.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use serde::Serialize;

use crate::config::Group;
use crate::i18n::Lang;
use crate::quiz::Bank;
use crate::record::IntegrityKey;
use crate::record::writer::replace_file;
use crate::report::export::csv::Table;
use crate::report::export::{Labels, csv, html, text};
use crate::report::stats::Thresholds;
use crate::report::{AttemptChoice, Filter, Report, analyse, build_from_folders};

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
    /// Where flags are raised.
    pub thresholds: Thresholds,
    /// The terminal width for text.
    pub width: usize,
    /// Write here instead of standard output.
    pub out: Option<PathBuf>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    format: u32,
    generated_by: &'static str,
    attempts_counted: AttemptChoice,
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

/// The CSV delimiter `--delimiter` asks for: one ASCII character.
pub fn delimiter(wanted: char) -> anyhow::Result<u8> {
    u8::try_from(wanted)
        .ok()
        .filter(u8::is_ascii)
        .context("the delimiter must be one ASCII character, such as , or ;")
}

/// Builds the report and writes it; returns the exit code (0).
pub fn run(
    options: &ReportOptions,
    key: Option<IntegrityKey>,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    let bank = Bank::load(&options.quiz_folders);
    let mut data = build_from_folders(
        &options.folders,
        key.as_ref(),
        &bank.quizzes,
        &options.filter,
        options.attempts,
        options.regrade,
    );
    if options.pseudonymise {
        data.pseudonymise();
    }
    let report = analyse(data, options.thresholds);
    let labels = Labels {
        lang: options.lang,
        taxonomy: &bank.taxonomy,
        groups: &options.groups,
    };
    let mut bytes = Vec::new();
    match options.format {
        ReportFormat::Text => {
            bytes.extend(text::render(&report, &labels, options.width).into_bytes())
        }
        ReportFormat::Html => bytes.extend(html::render(&report, &labels).into_bytes()),
        ReportFormat::Csv => csv::write(&report, options.table, options.delimiter, &mut bytes)?,
        ReportFormat::Json => {
            let json = JsonReport {
                format: 1,
                generated_by: concat!("vigil ", env!("CARGO_PKG_VERSION")),
                attempts_counted: options.attempts,
                report: &report,
            };
            crate::json::write_pretty(&mut bytes, &json)?;
        }
    }
    match &options.out {
        Some(path) => replace_file(path, &bytes)?,
        None => out.write_all(&bytes)?,
    }
    Ok(0)
}
