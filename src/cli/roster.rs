//! `vigil roster import`: a roster from a CSV file (code, name, group), e.g. exported from Excel, turned into the
//! `roster: [...]` block of `vigil.ron`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::output::refuse_clash;
use crate::config::Group;
use crate::config::roster_csv::import_roster;
use crate::i18n::{Lang, fill};
use crate::quiz::check::{read_file, unreadable};
use crate::text::{printable, printable_line};

/// What `vigil roster` is asked to do.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum RosterCommand {
    /// Reads a CSV file of code, name and group (as Excel saves it: UTF-8 or Windows-1251, `,` or `;`, with or
    /// without a header row) and prints the `roster: [...]` block to paste into vigil.ron.
    Import {
        /// The CSV file.
        file: PathBuf,
        /// Writes the block to this file instead of the terminal.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

/// The exit code when the file has problems (nothing is printed or written but the problems).
const PROBLEMS: i32 = 1;
/// The exit code when the output would replace a file the command reads.
const USAGE: i32 = 2;

/// Carries out `command`: `groups` are the config's (checked against) when a config was read; `read_files` the
/// files the output must never replace; `lang` the language of what it says; `write` writes the output file whole
/// or not at all. The block goes to `out` (or the file), notes and problems to `err`. Returns the exit code.
pub fn run(
    command: &RosterCommand,
    groups: Option<&[Group]>,
    read_files: &[PathBuf],
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
    write: impl FnOnce(&Path, &[u8]) -> io::Result<()>,
) -> io::Result<i32> {
    let words = lang.roster();
    let RosterCommand::Import { file, out: target } = command;
    let name = file.display().to_string();
    if let Some(target) = target {
        let mut reads = read_files.to_vec();
        reads.push(file.clone());
        if let Err(clash) = refuse_clash(target, &reads, &[]) {
            let said = lang.output_clash(&clash);
            writeln!(err, "vigil roster: {}", printable_line(&said))?;
            return Ok(USAGE);
        }
    }
    let bytes = match read_file(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            writeln!(err, "{}", unreadable(&name, &error))?;
            return Ok(PROBLEMS);
        }
    };
    let roster = match import_roster(&name, &bytes, groups, lang) {
        Ok(roster) => roster,
        Err(findings) => {
            for finding in &findings {
                writeln!(err, "{}", finding.worded(lang.finding_labels()))?;
            }
            let problems = lang.count(findings.len() as u64, words.problems);
            writeln!(
                err,
                "vigil roster: {}",
                fill(words.refused, &[("problems", &problems)])
            )?;
            return Ok(PROBLEMS);
        }
    };
    for note in &roster.notes {
        writeln!(err, "vigil roster: {}", note.words(lang))?;
    }
    let block = roster.to_ron_block();
    let count = lang.count(
        roster.entries.len() as u64,
        lang.report().participants_count,
    );
    match target {
        Some(target) => {
            let shown = printable_line(&target.display().to_string()).into_owned();
            if let Err(error) = write(target, block.as_bytes()) {
                let error = error.to_string();
                let unwritable = fill(words.unwritable, &[("file", &shown), ("error", &error)]);
                writeln!(err, "vigil roster: {unwritable}")?;
                return Ok(PROBLEMS);
            }
            let written = fill(words.written, &[("participants", &count), ("file", &shown)]);
            writeln!(err, "vigil roster: {written}")?;
        }
        None => {
            write!(out, "{}", printable(&block, true))?;
            let printed = fill(words.printed, &[("participants", &count)]);
            writeln!(err, "vigil roster: {printed}")?;
        }
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(file: &Path, target: Option<PathBuf>) -> RosterCommand {
        RosterCommand::Import {
            file: file.to_path_buf(),
            out: target,
        }
    }

    #[test]
    fn the_block_is_printed_and_problems_print_nothing_but_themselves() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("roster.csv");
        std::fs::write(&csv, "code;name;group\nP01;Aidos;police\n").unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(
            &import(&csv, None),
            None,
            &[],
            Lang::En,
            &mut out,
            &mut err,
            |_, _| Ok(()),
        )
        .unwrap();
        assert_eq!(code, 0);
        let out = String::from_utf8(out).unwrap();
        assert_eq!(
            out,
            "    roster: [\n        (code: \"P01\", name: \"Aidos\", group: \"police\"),\n    ],\n"
        );
        assert!(
            String::from_utf8(err)
                .unwrap()
                .contains("1 participant; paste")
        );
        let mut russian = Vec::new();
        run(
            &import(&csv, None),
            None,
            &[],
            Lang::Ru,
            &mut Vec::new(),
            &mut russian,
            |_, _| Ok(()),
        )
        .unwrap();
        let russian = String::from_utf8(russian).unwrap();
        assert!(
            russian.contains("строка 1 прочитана как строка заголовков")
                && russian.contains("1 участник; вставьте блок выше"),
            "{russian}"
        );

        std::fs::write(&csv, "P01;Aidos;police\nP01;Dana;ngo\n").unwrap();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run(
            &import(&csv, None),
            None,
            &[],
            Lang::En,
            &mut out,
            &mut err,
            |_, _| Ok(()),
        )
        .unwrap();
        assert_eq!(code, PROBLEMS);
        assert!(out.is_empty());
        let err = String::from_utf8(err).unwrap();
        assert!(
            err.contains("roster.csv:2:1: error: the code `P01` is also on line 1"),
            "{err}"
        );
    }

    #[test]
    fn the_output_never_replaces_the_csv_or_the_config_and_a_failed_write_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("roster.csv");
        std::fs::write(&csv, "P01,Aidos,police\n").unwrap();
        let config = dir.path().join("vigil.ron");
        for target in [&csv, &config] {
            let code = run(
                &import(&csv, Some(target.clone())),
                None,
                std::slice::from_ref(&config),
                Lang::En,
                &mut Vec::new(),
                &mut Vec::new(),
                |_, _| panic!("must not write"),
            )
            .unwrap();
            assert_eq!(code, USAGE);
        }
        let mut err = Vec::new();
        let failed = run(
            &import(&csv, Some(dir.path().join("block.ron"))),
            None,
            &[],
            Lang::En,
            &mut Vec::new(),
            &mut err,
            |_, _| Err(io::Error::other("disk full")),
        )
        .unwrap();
        assert_eq!(failed, PROBLEMS);
        let err = String::from_utf8(err).unwrap();
        assert!(
            err.contains("block.ron could not be written (disk full)"),
            "{err}"
        );
    }
}
