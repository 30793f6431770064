//! `vigil records`: the attempts in one or more results folders, and every file that could not be used.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Format;
use super::corrections::{CorrectionsFile, applier};
use crate::i18n::Lang;
use crate::record::Identity;
use crate::record::IntegrityKey;
use crate::record::integrity::Integrity;
use crate::record::scan::{Entry, Problem, scan};
use crate::record::seal::{ChangeKind, PinnedKey, SealStatus};
use crate::record::store::safe_segment;
use crate::record::{Status, model::AttemptRecord};
use crate::report::corrections::apply::Applied;
use crate::report::export::corrections;
use crate::report::known::check_sessions;
use crate::text::{number, printable_line};

/// What `vigil records` was asked to list.
#[derive(Debug, Clone)]
pub struct RecordsOptions {
    /// Results folders to read.
    pub folders: Vec<PathBuf>,
    /// Only these sessions (empty: all).
    pub sessions: Vec<String>,
    /// Text or JSON.
    pub format: Format,
    /// The public key pinned on this machine, which checks the trainer's seals.
    pub public_key: Option<PinnedKey>,
    /// The trainer's corrections file, when there is one to read.
    pub corrections: Option<CorrectionsFile>,
    /// Files the command reads besides the records (the config, the room key).
    pub read_files: Vec<PathBuf>,
    /// The language of the lines that say what the seals show.
    pub lang: Lang,
}

/// One attempt in the listing.
#[derive(Debug, Serialize)]
pub struct Row {
    /// Attempt id.
    pub attempt: String,
    /// Participant name.
    pub participant: String,
    /// Participant code, if any.
    pub code: Option<String>,
    /// Group id.
    pub group: String,
    /// Session.
    pub session: String,
    /// Phase.
    pub phase: String,
    /// Quiz id.
    pub quiz: String,
    /// Quiz language.
    pub language: String,
    /// `in_progress`, `completed` or `discarded`.
    pub status: Status,
    /// Questions answered and in total.
    pub answered: (usize, usize),
    /// Points earned and possible.
    pub score: (f64, f64),
    /// What the room-key hash says.
    pub integrity: Integrity,
    /// What happened to the file since its folder was sealed, when its seal verifies and it changed.
    pub after_seal: Option<ChangeKind>,
    /// The trainer's reason for voiding the attempt, when a correction voids it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voided: Option<String>,
    /// Whom a correction counts the participant as, when one merges them into another identity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted_as: Option<String>,
    /// The record's file.
    pub file: PathBuf,
}

#[derive(Serialize)]
struct Listing {
    records: Vec<Row>,
    problems: Vec<Problem>,
    #[serde(skip_serializing_if = "SealStatus::is_empty")]
    seal: SealStatus,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    corrections: Vec<Applied>,
}

fn row(record: AttemptRecord, integrity: Integrity, file: PathBuf) -> Row {
    Row {
        attempt: record.attempt.to_string(),
        answered: (record.answered(), record.questions.len()),
        participant: record.participant.name,
        code: record.participant.code,
        group: record.participant.group,
        session: record.session,
        phase: record.phase.name().to_owned(),
        quiz: record.quiz.id,
        language: record.quiz.language,
        status: record.status,
        score: (record.total.points, record.total.max_points),
        integrity,
        after_seal: None,
        voided: None,
        counted_as: None,
        file,
    }
}

/// The session folders inside `folders`, by name.
fn session_folders(folders: &[PathBuf]) -> BTreeSet<String> {
    folders
        .iter()
        .filter_map(|folder| std::fs::read_dir(folder).ok())
        .flatten()
        .flatten()
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
        .collect()
}

/// Whether some folder of `folders` holds a folder for `session`.
fn has_session(folders: &[PathBuf], session: &str) -> bool {
    let segment = safe_segment(session);
    folders
        .iter()
        .any(|folder| Path::new(folder).join(&segment).is_dir())
}

/// Lists the records under `options.folders` to `out`; `key` (the room key) checks record hashes, and the
/// pinned public key the trainer's seals. Returns the exit code: 0; 1 when any file could not be used, any
/// record was edited, or a seal shows a change or cannot be trusted; or 2 (with the reason on `err`) when a
/// `--session` has no folder in any results folder.
pub fn run(
    options: &RecordsOptions,
    key: Option<IntegrityKey>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    let missing: Vec<String> = options
        .sessions
        .iter()
        .filter(|s| !has_session(&options.folders, s))
        .cloned()
        .collect();
    if let Err(unknown) = check_sessions(&missing, &session_folders(&options.folders)) {
        writeln!(
            err,
            "vigil records: {}",
            printable_line(&unknown.to_string())
        )?;
        return Ok(2);
    }
    let Some(corrections) = applier(
        "records",
        options.corrections.as_ref(),
        &options.folders,
        &options.read_files,
        err,
    )?
    else {
        return Ok(2);
    };
    let mut listing = Listing {
        records: Vec::new(),
        problems: Vec::new(),
        seal: SealStatus::survey(
            &options.folders,
            &options.sessions,
            options.public_key.as_ref(),
            key.is_some(),
        ),
        corrections: Vec::new(),
    };
    let sessions: Vec<Option<&str>> = if options.sessions.is_empty() {
        vec![None]
    } else {
        options.sessions.iter().map(|s| Some(s.as_str())).collect()
    };
    for session in sessions {
        for entry in scan(&options.folders, session, key.clone()) {
            match entry {
                Entry::Record(loaded) => {
                    let identity = Identity::of(&loaded.record.participant);
                    let attempt = loaded.record.attempt.to_string();
                    corrections.note(&loaded.record.session, &identity, &attempt);
                    let counted_as = corrections.counted_as(&loaded.record.session, &identity);
                    let mut row = row(loaded.record, loaded.integrity, loaded.path);
                    row.after_seal = listing.seal.change_of(&row.file);
                    row.voided = corrections.voided(&attempt).map(str::to_owned);
                    row.counted_as = counted_as;
                    listing.records.push(row);
                }
                Entry::Problem(problem) => listing.problems.push(problem),
                Entry::Duplicate { path, first } => {
                    listing.problems.push(Problem::duplicate(path, &first));
                }
            }
        }
    }
    listing.corrections = corrections.applied();
    let suspicious = listing
        .records
        .iter()
        .any(|r| matches!(r.integrity, Integrity::Mismatch | Integrity::Missing));
    match options.format {
        Format::Json => {
            crate::json::write_pretty(out, &listing)?;
        }
        Format::Text => print_text(&listing, options.lang, out)?,
    }
    let problems = !listing.problems.is_empty() || suspicious || listing.seal.alarming();
    Ok(i32::from(problems))
}

fn status_word(row: &Row) -> String {
    let status = match row.status {
        Status::InProgress => format!("in progress {}/{}", row.answered.0, row.answered.1),
        Status::Completed => "complete".to_owned(),
        Status::Discarded => "discarded".to_owned(),
    };
    let status = match (row.after_seal, row.integrity) {
        (Some(ChangeKind::Edited), _) => format!("{status} EDITED AFTER SEAL"),
        (Some(ChangeKind::Added), _) => format!("{status} ADDED AFTER SEAL"),
        (_, Integrity::Mismatch) => format!("{status} EDITED"),
        (_, Integrity::Missing) => format!("{status} UNSEALED"),
        _ => status,
    };
    if row.voided.is_some() {
        format!("{status} VOIDED")
    } else {
        status
    }
}

fn print_text(listing: &Listing, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    if listing.records.is_empty() {
        writeln!(out, "no attempt records found")?;
    } else {
        writeln!(
            out,
            "{:24}  {:16}  {:20}  {:8}  {:22}  {:>13}  FILE",
            "PARTICIPANT", "GROUP", "QUIZ", "PHASE", "STATUS", "SCORE"
        )?;
        for row in &listing.records {
            let mut name = match &row.code {
                Some(code) => format!("{} ({code})", row.participant),
                None => row.participant.clone(),
            };
            if let Some(into) = &row.counted_as {
                name = format!("{name} → {into}");
            }
            let name: String = printable_line(&name).chars().take(24).collect();
            let score = format!("{} / {}", number(row.score.0), number(row.score.1));
            writeln!(
                out,
                "{:24}  {:16}  {:20}  {:8}  {:22}  {:>13}  {}",
                name,
                printable_line(&row.group),
                format!(
                    "{} ({})",
                    printable_line(&row.quiz),
                    printable_line(&row.language)
                ),
                row.phase,
                status_word(row),
                score,
                printable_line(&row.file.display().to_string())
            )?;
        }
    }
    if !listing.problems.is_empty() {
        writeln!(out, "\nfiles that could not be used:")?;
        for problem in &listing.problems {
            writeln!(
                out,
                "  {}: {}",
                printable_line(&problem.path.display().to_string()),
                printable_line(&problem.message)
            )?;
        }
    }
    let edited = listing
        .records
        .iter()
        .filter(|r| r.integrity == Integrity::Mismatch)
        .count();
    writeln!(
        out,
        "\n{} records, {} problem files{}",
        listing.records.len(),
        listing.problems.len(),
        if edited > 0 {
            format!(", {edited} edited after they were written")
        } else {
            String::new()
        }
    )?;
    let mut lines = String::new();
    corrections::text(&mut lines, &listing.corrections, Lang::En);
    write!(out, "{lines}")?;
    for line in listing.seal.lines(lang) {
        writeln!(out, "{}", printable_line(&line))?;
    }
    Ok(())
}
