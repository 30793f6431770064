//! The live panel: who is working on which question, and who has finished, read from the records on disk.

use jiff::Timestamp;

use crate::record::scan::Entry;
use crate::record::{AttemptRecord, Status};

/// One participant's attempt as the live panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveRow {
    /// Name (with code).
    pub name: String,
    /// Group id.
    pub group: String,
    /// Quiz title.
    pub quiz: String,
    /// The question on screen at the last save (1-based) and the number of questions.
    pub position: (usize, usize),
    /// Questions answered.
    pub answered: usize,
    /// When it was last saved.
    pub updated: Timestamp,
    /// Whether it is submitted.
    pub finished: bool,
}

impl LiveRow {
    fn of(record: &AttemptRecord) -> Self {
        let name = match &record.participant.code {
            Some(code) => format!("{} ({code})", record.participant.name),
            None => record.participant.name.clone(),
        };
        Self {
            name,
            group: record.participant.group.clone(),
            quiz: record.quiz.title.clone(),
            position: (record.current + 1, record.questions.len()),
            answered: record.answered(),
            updated: record.updated,
            finished: record.status == Status::Completed,
        }
    }
}

/// The attempts of `entries` still running or finished (not discarded), most recently saved first.
pub fn live_rows(entries: impl Iterator<Item = Entry>) -> Vec<LiveRow> {
    let mut rows: Vec<LiveRow> = entries
        .filter_map(|entry| match entry {
            Entry::Record(loaded) if loaded.record.status != Status::Discarded => {
                Some(LiveRow::of(&loaded.record))
            }
            _ => None,
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.finished, std::cmp::Reverse(a.updated)).cmp(&(b.finished, std::cmp::Reverse(b.updated)))
    });
    rows
}
