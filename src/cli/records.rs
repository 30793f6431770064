//! `vigil records`: the attempts in one or more results folders, and every file that could not be used.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;

use super::Format;
use super::corrections::{CorrectionsFile, applier};
use crate::i18n::{Lang, fill};
use crate::record::Identity;
use crate::record::IntegrityKey;
use crate::record::integrity::Integrity;
use crate::record::scan::{Entry, Problem, Scan, scan_with};
use crate::record::seal::{ChangeKind, PinnedKey, SealStatus, SealSurvey};
use crate::record::store::safe_segment;
use crate::record::view::{self, RecordView};
use crate::record::{Phase, Status};
use crate::report::corrections::apply::Applied;
use crate::report::export::corrections;
use crate::report::export::text::{cut, pad, problem_line};
use crate::report::known::check_sessions;
use crate::text::{number, printable_line};
use unicode_width::UnicodeWidthStr;

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
    pub phase: Phase,
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

/// The row of `record`, read from `file` with what its room-key hash says.
fn row(record: &RecordView<'_>, integrity: Integrity, file: &Path) -> Row {
    Row {
        attempt: record.attempt.to_string(),
        answered: (record.answered(), record.questions.len()),
        participant: record.participant.name.to_string(),
        code: record.participant.code.as_deref().map(str::to_owned),
        group: record.participant.group.to_string(),
        session: record.session.to_string(),
        phase: record.phase,
        quiz: record.quiz.id.to_string(),
        language: record.quiz.language.to_string(),
        status: record.status,
        score: (record.total.points, record.total.max_points),
        integrity,
        after_seal: None,
        voided: None,
        counted_as: None,
        file: file.to_path_buf(),
    }
}

/// The session folders inside `folders`, by name.
pub(crate) fn session_folders(folders: &[PathBuf]) -> BTreeSet<String> {
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
            printable_line(&unknown.words(options.lang))
        )?;
        return Ok(2);
    }
    let Some(corrections) = applier(
        "records",
        options.corrections.as_ref(),
        &options.folders,
        &options.read_files,
        options.lang,
        err,
    )?
    else {
        return Ok(2);
    };
    let survey = SealSurvey::start(
        &options.folders,
        &options.sessions,
        options.public_key.as_ref(),
    );
    let mut listing = Listing {
        records: Vec::new(),
        problems: Vec::new(),
        seal: SealStatus::default(),
        corrections: Vec::new(),
    };
    let sessions: Vec<Option<&str>> = if options.sessions.is_empty() {
        vec![None]
    } else {
        options.sessions.iter().map(|s| Some(s.as_str())).collect()
    };
    // Each record is reduced to its row where it is read, so whole records never pile up; the room-key hashes
    // no room key can check are counted there too (every file read, copies included, as the report counts).
    let unchecked = AtomicUsize::new(0);
    let read = |path: &Path, bytes: &[u8]| {
        view::with_record(path, bytes, key.as_ref(), |record, integrity| {
            if integrity == Integrity::NoKey {
                unchecked.fetch_add(1, Ordering::Relaxed);
            }
            row(record, integrity, path)
        })
    };
    // The seals are checked with the hashes the scans take of every file they read, so no file is read twice.
    let mut scans: Vec<_> = sessions
        .into_iter()
        .map(|session| scan_with(&options.folders, session, read))
        .collect();
    listing.seal = survey.finish(scans.iter_mut().flat_map(Scan::hashes));
    for scan in scans {
        for entry in scan {
            match entry {
                Entry::Record(mut row) => {
                    let identity =
                        Identity::from_parts(&row.participant, row.code.as_deref(), &row.group);
                    corrections.note(&row.session, &identity, &row.attempt);
                    row.counted_as = corrections.counted_as(&row.session, &identity);
                    row.after_seal = listing.seal.change_of(&row.file);
                    row.voided = corrections.voided(&row.attempt).map(str::to_owned);
                    listing.records.push(row);
                }
                Entry::Problem(problem) => listing.problems.push(problem),
                Entry::Duplicate { path, first } => {
                    listing.problems.push(Problem::duplicate(path, &first));
                }
            }
        }
    }
    listing.seal.unchecked_room_hashes = unchecked.into_inner();
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

/// What became of an attempt, in `lang`'s words, with the marks a trainer must see in capitals.
fn status_word(row: &Row, lang: Lang) -> String {
    let words = lang.records();
    let status = match row.status {
        Status::InProgress => fill(
            words.in_progress,
            &[
                ("answered", &row.answered.0.to_string()),
                ("total", &row.answered.1.to_string()),
            ],
        ),
        Status::Completed => words.completed.to_owned(),
        Status::Discarded => words.discarded.to_owned(),
    };
    let [
        edited_after_seal,
        added_after_seal,
        edited,
        no_room_hash,
        voided,
    ] = words.marks;
    let mark = match (row.after_seal, row.integrity) {
        (Some(ChangeKind::Edited), _) => Some(edited_after_seal),
        (Some(ChangeKind::Added), _) => Some(added_after_seal),
        (_, Integrity::Mismatch) => Some(edited),
        (_, Integrity::Missing) => Some(no_room_hash),
        _ => None,
    };
    let marks = mark
        .into_iter()
        .chain(row.voided.is_some().then_some(voided));
    marks.fold(status, |status, mark| format!("{status} {mark}"))
}

/// The most columns a participant's name takes before it is cut with "…" (its code and merge are added whole).
const NAME_COLUMNS: usize = 28;
/// The most columns a group takes before it is cut with "…".
const GROUP_COLUMNS: usize = 16;
/// The most columns a quiz id takes before it is cut with "…" (its language is added whole).
const QUIZ_COLUMNS: usize = 20;
/// The column of the scores, which are aligned on the right.
const SCORE_COLUMN: usize = 5;
/// The column of the files, last and never cut.
const FILE_COLUMN: usize = 6;

fn print_text(listing: &Listing, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let words = lang.records();
    if listing.records.is_empty() {
        writeln!(out, "{}", words.none)?;
    } else {
        let cells: Vec<[String; 7]> = listing
            .records
            .iter()
            .map(|row| {
                // The name is cut, never what follows it: the trainer must see a code and a merge.
                let mut name = cut(&row.participant, NAME_COLUMNS);
                if let Some(code) = &row.code {
                    name = format!("{name} ({})", printable_line(code));
                }
                if let Some(into) = &row.counted_as {
                    name = format!("{name} → {}", printable_line(into));
                }
                [
                    name,
                    cut(&row.group, GROUP_COLUMNS),
                    format!(
                        "{} ({})",
                        cut(&row.quiz, QUIZ_COLUMNS),
                        printable_line(&row.language)
                    ),
                    lang.phase(row.phase).to_owned(),
                    status_word(row, lang),
                    format!("{} / {}", number(row.score.0), number(row.score.1)),
                    printable_line(&row.file.display().to_string()).into_owned(),
                ]
            })
            .collect();
        // Each column as wide as its widest cell or head, the file last and whole.
        let widths: Vec<usize> = (0..FILE_COLUMN)
            .map(|column| {
                cells
                    .iter()
                    .map(|row| row[column].width())
                    .chain([words.heads[column].width()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |cells: [&str; 7]| {
            let mut line = String::new();
            for (column, width) in widths.iter().enumerate() {
                if column == SCORE_COLUMN {
                    let fill = width.saturating_sub(cells[column].width());
                    line.push_str(&" ".repeat(fill));
                    line.push_str(cells[column]);
                } else {
                    line.push_str(&pad(cells[column], *width));
                }
                line.push_str("  ");
            }
            line.push_str(cells[FILE_COLUMN]);
            line
        };
        writeln!(out, "{}", line(words.heads))?;
        for row in &cells {
            writeln!(out, "{}", line(row.each_ref().map(String::as_str)))?;
        }
    }
    if !listing.problems.is_empty() {
        writeln!(out, "\n{}", words.unusable)?;
        for problem in &listing.problems {
            writeln!(out, "{}", problem_line(problem, lang))?;
        }
    }
    let edited = listing
        .records
        .iter()
        .filter(|r| r.integrity == Integrity::Mismatch)
        .count();
    let mut totals = vec![
        lang.count(listing.records.len() as u64, words.records),
        lang.count(listing.problems.len() as u64, words.problem_files),
    ];
    if edited > 0 {
        totals.push(fill(words.edited, &[("edited", &edited.to_string())]));
    }
    writeln!(out, "\n{}", totals.join(", "))?;
    let mut lines = String::new();
    corrections::text(&mut lines, &listing.corrections, lang, usize::MAX);
    write!(out, "{lines}")?;
    for line in listing.seal.lines(lang) {
        writeln!(out, "{}", printable_line(&line))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::scan::Reason;

    fn listed(participant: &str, code: Option<&str>, counted_as: Option<&str>) -> Row {
        Row {
            attempt: "a1".into(),
            participant: participant.into(),
            code: code.map(str::to_owned),
            group: "police".into(),
            session: "almaty".into(),
            phase: Phase::Post,
            quiz: "a-quiz-id-far-longer-than-its-column".into(),
            language: "kk".into(),
            status: Status::InProgress,
            answered: (3, 20),
            score: (2.5, 20.0),
            integrity: Integrity::Missing,
            after_seal: None,
            voided: Some("wrong room".into()),
            counted_as: counted_as.map(str::to_owned),
            file: PathBuf::from("results/almaty/a1.ron"),
        }
    }

    fn table(rows: Vec<Row>, lang: Lang) -> String {
        table_with(rows, Vec::new(), lang)
    }

    fn table_with(rows: Vec<Row>, problems: Vec<Problem>, lang: Lang) -> String {
        let listing = Listing {
            records: rows,
            problems,
            seal: SealStatus::default(),
            corrections: Vec::new(),
        };
        let mut out = Vec::new();
        print_text(&listing, lang, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_long_name_is_cut_but_its_code_its_merge_and_the_quiz_language_are_not() {
        let long = "Нұргүл Қайратқызы Әбілқасымова-Сейтжанова";
        let text = table(
            vec![
                listed(long, Some("P07"), Some("P03")),
                listed("Dana", None, None),
            ],
            Lang::En,
        );
        assert!(!text.contains(long), "{text}");
        assert!(text.contains("… (P07) → P03"), "{text}");
        assert!(text.contains("… (kk)"), "{text}");
        // The columns line up: every row's file starts where the head's does.
        let at = |line: &str| line.find("results/").or_else(|| line.find("FILE"));
        let starts: Vec<Option<usize>> = text
            .lines()
            .take(3)
            .map(|line| at(line).map(|byte| line[..byte].width()))
            .collect();
        assert!(
            starts.iter().all(|s| s.is_some() && *s == starts[0]),
            "{text}"
        );
    }

    #[test]
    fn states_and_marks_are_in_the_language_asked_for_and_counted_rightly() {
        let english = table(vec![listed("Dana", None, None)], Lang::En);
        assert!(
            english.contains("in progress 3/20 NO ROOM-KEY HASH VOIDED"),
            "{english}"
        );
        assert!(english.contains("post-test"), "{english}");
        assert!(english.contains("2.5 / 20"), "{english}");
        assert!(
            english.contains("\n1 record, 0 problem files\n"),
            "{english}"
        );
        let russian = table(
            vec![listed("Dana", None, None), listed("Asel", None, None)],
            Lang::Ru,
        );
        assert!(
            russian.contains("в процессе 3/20 БЕЗ ХЭША КЛЮЧА ЗАЛА НЕ ЗАСЧИТЫВАЕТСЯ"),
            "{russian}"
        );
        assert!(russian.starts_with("УЧАСТНИК"), "{russian}");
        assert!(
            russian.contains("\n2 записи, 0 проблемных файлов\n"),
            "{russian}"
        );
    }

    #[test]
    fn the_files_that_could_not_be_used_are_explained_in_the_language_asked_for() {
        let problems = vec![
            Problem {
                path: PathBuf::from("results/almaty/empty.ron"),
                reason: Reason::Empty,
            },
            Problem::duplicate(
                PathBuf::from("usb/almaty/a1.ron"),
                Path::new("results/almaty/a1.ron"),
            ),
        ];
        let russian = table_with(Vec::new(), problems.clone(), Lang::Ru);
        assert!(
            russian.contains("results/almaty/empty.ron: пустой файл: сохранение прервалось"),
            "{russian}"
        );
        assert!(
            russian.contains("usb/almaty/a1.ron: копия results/almaty/a1.ron; учтена один раз"),
            "{russian}"
        );
        let kazakh = table_with(Vec::new(), problems, Lang::Kk);
        assert!(kazakh.contains("empty.ron: бос файл"), "{kazakh}");
    }
}
