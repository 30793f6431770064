//! `vigil list`: the quiz inventory.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::Format;
use crate::quiz::Bank;
use crate::text::printable_line;

/// One row of the inventory.
#[derive(Debug, Serialize)]
pub struct Entry {
    /// Quiz id.
    pub id: String,
    /// Language code.
    pub language: String,
    /// Title.
    pub title: String,
    /// Number of questions.
    pub questions: usize,
    /// Content version.
    pub version: u32,
    /// Form group, when the quiz is one of parallel forms.
    pub form_group: Option<String>,
    /// The file it came from (`built-in/...` for the embedded bank).
    pub source: String,
}

/// The inventory of `bank`.
pub fn entries(bank: &Bank) -> Vec<Entry> {
    bank.quizzes
        .iter()
        .map(|q| Entry {
            id: q.quiz.id.clone(),
            language: q.quiz.language.clone(),
            title: q.quiz.title.clone(),
            questions: q.quiz.questions.len(),
            version: q.quiz.version,
            form_group: q.quiz.form_group.clone(),
            source: q.file.clone(),
        })
        .collect()
}

/// Loads the bank with `folders` added and prints the inventory to `out`, notices and problems to `err`.
pub fn run(
    folders: &[PathBuf],
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let bank = Bank::load(folders);
    for notice in &bank.notices {
        writeln!(err, "note: {}", printable_line(notice))?;
    }
    for problem in &bank.problems {
        writeln!(err, "{problem}\n")?;
    }
    if !bank.problems.is_empty() {
        writeln!(
            err,
            "some files were left out because of the errors above; `vigil check` shows every problem\n"
        )?;
    }
    let entries = entries(&bank);
    match format {
        Format::Json => {
            crate::json::write_pretty(out, &entries)?;
        }
        Format::Text => print_table(&entries, out)?,
    }
    Ok(0)
}

fn print_table(entries: &[Entry], out: &mut dyn Write) -> io::Result<()> {
    if entries.is_empty() {
        return writeln!(out, "no quizzes found");
    }
    let width = |f: &dyn Fn(&Entry) -> usize, header: &str| {
        entries
            .iter()
            .map(f)
            .max()
            .unwrap_or(0)
            .max(header.chars().count())
    };
    let id_w = width(&|e| e.id.chars().count(), "ID");
    let title_w = width(&|e| e.title.chars().count(), "TITLE").min(48);
    writeln!(
        out,
        "{:id_w$}  {:4}  {:>9}  {:title_w$}  SOURCE",
        "ID", "LANG", "QUESTIONS", "TITLE"
    )?;
    for entry in entries {
        let title: String = printable_line(&entry.title).chars().take(title_w).collect();
        writeln!(
            out,
            "{:id_w$}  {:4}  {:>9}  {:title_w$}  {}",
            printable_line(&entry.id),
            printable_line(&entry.language),
            entry.questions,
            title,
            printable_line(&entry.source)
        )?;
    }
    Ok(())
}
