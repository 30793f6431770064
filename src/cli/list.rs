//! `vigil list`: the quiz inventory.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use super::Format;
use crate::quiz::Bank;
use crate::report::export::text::pad;
use crate::text::printable_line;
use unicode_width::UnicodeWidthStr;

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

/// The most columns a title takes before it is cut with "…".
const TITLE_COLUMNS: usize = 48;

fn print_table(entries: &[Entry], out: &mut dyn Write) -> io::Result<()> {
    if entries.is_empty() {
        return writeln!(out, "no quizzes found");
    }
    let width = |f: &dyn Fn(&Entry) -> usize, header: &str| {
        entries.iter().map(f).max().unwrap_or(0).max(header.width())
    };
    let id_w = width(&|e| printable_line(&e.id).width(), "ID");
    let title_w = width(&|e| printable_line(&e.title).width(), "TITLE").min(TITLE_COLUMNS);
    writeln!(
        out,
        "{}  {:4}  {:>9}  {}  SOURCE",
        pad("ID", id_w),
        "LANG",
        "QUESTIONS",
        pad("TITLE", title_w)
    )?;
    for entry in entries {
        writeln!(
            out,
            "{}  {:4}  {:>9}  {}  {}",
            pad(&entry.id, id_w),
            printable_line(&entry.language),
            entry.questions,
            pad(&entry.title, title_w),
            printable_line(&entry.source)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, title: &str) -> Entry {
        Entry {
            id: id.into(),
            language: "kk".into(),
            title: title.into(),
            questions: 20,
            version: 1,
            form_group: None,
            source: format!("built-in/{id}.kk.ron"),
        }
    }

    #[test]
    fn a_long_title_is_cut_with_a_mark_and_the_sources_line_up() {
        let long = "Курс бағдарламасы бойынша білімді тексеру – Б нұсқасы (қорытынды тест)";
        let mut out = Vec::new();
        print_table(
            &[entry("assessment-post", long), entry("warm-up", "Vigil")],
            &mut out,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains(long), "{text}");
        assert!(
            text.contains("Курс бағдарламасы бойынша білімді тексеру – Б н…"),
            "{text}"
        );
        let starts: Vec<usize> = text
            .lines()
            .map(|line| {
                let byte = line
                    .find("built-in/")
                    .or_else(|| line.find("SOURCE"))
                    .unwrap_or(0);
                line[..byte].width()
            })
            .collect();
        assert!(starts.iter().all(|s| *s == starts[0] && *s > 0), "{text}");
    }
}
