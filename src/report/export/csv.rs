//! CSV exports: UTF-8 with a byte-order mark (so Excel shows Cyrillic), any delimiter, and every text cell that
//! could start a formula neutralised. The layouts are documented in docs/reports.md.

use std::io::{self, Write};

use serde::Serialize;

use super::departure;
use crate::i18n::Lang;
use crate::report::Report;
use crate::report::corrections::apply::Change;
use crate::report::dataset::{AttemptRow, QuestionShape};
use crate::text::number_to;

/// Which table to write.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    /// One row per attempt.
    #[default]
    Participants,
    /// Participants x questions: points per question, one block per quiz.
    Matrix,
    /// One row per question: the item analysis.
    Items,
    /// One row per file or record not counted, and why.
    Problems,
    /// One row per attempt and question: the long table for pooling seminars in a program.
    Responses,
    /// One row per correction of the trainer's applied: what it does, why, and the records it matched.
    Corrections,
    /// The session overview as a long table: one row per figure (participants per group, pre→post gain per
    /// group, indicators missed before and after per group).
    Overview,
}

/// A text cell made safe for spreadsheets: one starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
/// prefixed with `'`, so it is shown as text and never run as a formula.
pub fn neutralise(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

fn number(value: f64) -> String {
    number_to(value, 4)
}

fn optional(value: Option<f64>) -> String {
    value.map(number).unwrap_or_default()
}

/// The rows of the overview table: section, item (a comparison or an indicator tag), group (or `room`), measure
/// and value; a figure that is not defined is an empty cell.
fn overview_rows(report: &Report) -> Vec<Vec<String>> {
    let overview = &report.overview;
    let mut rows = Vec::new();
    let mut push = |section: &str, item: &str, group: &str, measure: &str, value: String| {
        rows.push(vec![
            section.to_owned(),
            neutralise(item),
            neutralise(group),
            measure.to_owned(),
            value,
        ]);
    };
    for count in &overview.participants {
        push(
            "participants",
            "",
            &count.group,
            "participants",
            count.participants.to_string(),
        );
    }
    for comparison in &overview.gains {
        for gain in &comparison.groups {
            let figures = [
                ("pairs", Some(gain.pairs as f64)),
                ("mean_pre_percent", gain.mean_pre),
                ("mean_post_percent", gain.mean_post),
                ("mean_gain_pp", gain.mean_gain),
                ("mean_normalised_gain", gain.mean_normalised_gain),
            ];
            for (measure, value) in figures {
                push(
                    "gain",
                    &comparison.label,
                    &gain.group,
                    measure,
                    optional(value),
                );
            }
        }
    }
    for missed in &overview.missed {
        let groups = overview.groups.iter().map(String::as_str);
        for (group, rates) in std::iter::once("room")
            .zip([missed.room])
            .chain(groups.zip(missed.groups.iter().copied()))
        {
            push(
                "missed",
                &missed.tag,
                group,
                "missed_pre",
                optional(rates.pre),
            );
            push(
                "missed",
                &missed.tag,
                group,
                "missed_post",
                optional(rates.post),
            );
        }
    }
    rows
}

/// The question columns of the matrix: every question id of every quiz, in the quizzes' order, each once.
fn question_columns(report: &Report) -> Vec<&str> {
    let mut columns: Vec<&str> = Vec::new();
    for question in report.quizzes.iter().flat_map(|q| &q.quiz.questions) {
        if !columns.contains(&question.id.as_str()) {
            columns.push(&question.id);
        }
    }
    columns
}

/// The answer of `attempt` to `question` (at `at` in its quiz's order) as ids separated by spaces: the options
/// chosen where the quiz file gives them, else `kept`, the answer as the row keeps it (see
/// [`AttemptRow::answers`]).
fn answer(attempt: &AttemptRow, question: &QuestionShape, at: usize, kept: Option<&str>) -> String {
    if question.options.is_empty() {
        return kept.unwrap_or_default().to_owned();
    }
    let chosen: Vec<&str> = question
        .options
        .iter()
        .enumerate()
        .filter(|(o, _)| attempt.chose(at, *o))
        .map(|(_, option)| option.id.as_str())
        .collect();
    chosen.join(" ")
}

/// Writes `table` of `report` to `out`, cells separated by `delimiter`: every table is one rectangular block
/// with one header row, whatever the number of quizzes. Every table but `responses` (meant for programs) starts
/// with a byte-order mark, for Excel.
pub fn write(report: &Report, table: Table, delimiter: u8, out: &mut dyn Write) -> io::Result<()> {
    if table != Table::Responses {
        out.write_all("\u{FEFF}".as_bytes())?;
    }
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(out);
    let mut row = |cells: Vec<String>| writer.write_record(&cells).map_err(io::Error::other);
    match table {
        Table::Participants => {
            row([
                "attempt",
                "participant",
                "code",
                "group",
                "session",
                "phase",
                "quiz",
                "language",
                "version",
                "started",
                "points",
                "max_points",
                "percent",
                "passed",
                "minutes",
            ]
            .map(String::from)
            .to_vec())?;
            for quiz in &report.quizzes {
                for attempt in &quiz.attempts {
                    row(vec![
                        attempt.attempt.to_string(),
                        neutralise(&attempt.name),
                        neutralise(attempt.code.as_deref().unwrap_or_default()),
                        neutralise(&attempt.group),
                        neutralise(&attempt.session),
                        attempt.phase.name().to_owned(),
                        neutralise(&attempt.quiz),
                        neutralise(&attempt.language),
                        attempt.version.to_string(),
                        attempt.started.to_string(),
                        number(attempt.points),
                        number(attempt.max),
                        number(attempt.percent()),
                        quiz.quiz
                            .pass_mark
                            .map(|mark| (attempt.percent() + 1e-9 >= mark).to_string())
                            .unwrap_or_default(),
                        number(attempt.time_ms as f64 / 60_000.0),
                    ])?;
                }
            }
        }
        Table::Matrix => {
            let columns = question_columns(report);
            let mut head: Vec<String> = [
                "quiz",
                "attempt",
                "participant",
                "code",
                "group",
                "session",
                "phase",
                "total",
            ]
            .map(String::from)
            .to_vec();
            head.extend(columns.iter().map(|id| neutralise(id)));
            row(head)?;
            for quiz in &report.quizzes {
                for attempt in &quiz.attempts {
                    let mut cells = vec![
                        neutralise(&quiz.quiz.id),
                        attempt.attempt.to_string(),
                        neutralise(&attempt.name),
                        neutralise(attempt.code.as_deref().unwrap_or_default()),
                        neutralise(&attempt.group),
                        neutralise(&attempt.session),
                        attempt.phase.name().to_owned(),
                        number(attempt.points),
                    ];
                    cells.extend(columns.iter().map(|id| {
                        quiz.quiz
                            .questions
                            .iter()
                            .position(|q| q.id == *id)
                            .and_then(|at| attempt.scores.get(at))
                            .map(number)
                            .unwrap_or_default()
                    }));
                    row(cells)?;
                }
            }
        }
        Table::Items => {
            row([
                "quiz",
                "question",
                "kind",
                "max_points",
                "attempts",
                "facility",
                "sd",
                "discrimination",
                "efficiency",
                "effective_weight",
                "flags",
                "facility_by_language",
            ]
            .map(String::from)
            .to_vec())?;
            for quiz in &report.quizzes {
                for question in &quiz.questions {
                    let flags: Vec<String> = question
                        .stats
                        .flags
                        .iter()
                        .map(|f| format!("{f:?}").to_lowercase())
                        .collect();
                    row(vec![
                        neutralise(&quiz.quiz.id),
                        neutralise(&question.id),
                        question.kind.clone(),
                        number(question.max),
                        question.stats.n.to_string(),
                        optional(question.stats.facility),
                        optional(question.stats.standard_deviation),
                        optional(question.stats.discrimination),
                        optional(question.stats.efficiency),
                        optional(question.stats.effective_weight),
                        flags.join(" "),
                        neutralise(
                            &question
                                .by_language
                                .iter()
                                .map(|l| format!("{}:{}", l.language, optional(l.facility)))
                                .collect::<Vec<_>>()
                                .join(" "),
                        ),
                    ])?;
                }
            }
        }
        Table::Responses => {
            row([
                "session",
                "phase",
                "attempt",
                "participant_key",
                "code",
                "group",
                "quiz",
                "language",
                "version",
                "started",
                "question",
                "kind",
                "chosen",
                "points",
                "max_points",
                "seconds",
            ]
            .map(String::from)
            .to_vec())?;
            for quiz in &report.quizzes {
                for attempt in &quiz.attempts {
                    let kept: Vec<&str> = attempt.answers.iter().collect();
                    for (at, question) in quiz.quiz.questions.iter().enumerate() {
                        let chosen = answer(attempt, question, at, kept.get(at).copied());
                        row(vec![
                            neutralise(&attempt.session),
                            attempt.phase.name().to_owned(),
                            attempt.attempt.to_string(),
                            neutralise(&attempt.participant),
                            neutralise(attempt.code.as_deref().unwrap_or_default()),
                            neutralise(&attempt.group),
                            neutralise(&quiz.quiz.id),
                            neutralise(&attempt.language),
                            attempt.version.to_string(),
                            attempt.started.to_string(),
                            neutralise(&question.id),
                            question.kind.clone(),
                            neutralise(&chosen),
                            number(attempt.scores.get(at).unwrap_or(0.0)),
                            number(question.max),
                            number(
                                attempt.question_time_ms.get(at).copied().unwrap_or(0) as f64
                                    / 1000.0,
                            ),
                        ])?;
                    }
                }
            }
        }
        Table::Problems => {
            row(["file", "problem"].map(String::from).to_vec())?;
            for problem in &report.problems {
                row(vec![
                    neutralise(&problem.path.display().to_string()),
                    neutralise(&problem.message()),
                ])?;
            }
            for deviation in &report.deviations {
                row(vec![
                    neutralise(&deviation.file.display().to_string()),
                    neutralise(&format!(
                        "counted, but does not follow the trainer's config: {}",
                        departure(deviation, Lang::En)
                    )),
                ])?;
            }
        }
        Table::Overview => {
            row(["section", "item", "group", "measure", "value"]
                .map(String::from)
                .to_vec())?;
            for cells in overview_rows(report) {
                row(cells)?;
            }
        }
        Table::Corrections => {
            row([
                "kind", "session", "from", "into", "attempt", "reason", "records",
            ]
            .map(String::from)
            .to_vec())?;
            for applied in &report.corrections {
                let (kind, session, from, into, attempt) = match &applied.change {
                    Change::Merge {
                        session,
                        from,
                        into,
                        ..
                    } => ("merge", session.as_str(), from.as_str(), into.as_str(), ""),
                    Change::Void { attempt } => ("void", "", "", "", attempt.as_str()),
                };
                row(vec![
                    kind.to_owned(),
                    neutralise(session),
                    neutralise(from),
                    neutralise(into),
                    neutralise(attempt),
                    neutralise(&applied.reason),
                    applied.records.to_string(),
                ])?;
            }
        }
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        assert_eq!(neutralise("+7 701"), "'+7 701");
        assert_eq!(neutralise("-1"), "'-1");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("Айгерім"), "Айгерім");
    }
}
