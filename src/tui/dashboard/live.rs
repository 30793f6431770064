//! The live panel: who is working on which question, and who has finished, read from the records on disk.

use jiff::Timestamp;

use crate::record::Status;
use crate::record::view::RecordView;

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
    /// The live row of `record`, unless it was discarded.
    pub fn of(record: &RecordView<'_>) -> Option<Self> {
        if record.status == Status::Discarded {
            return None;
        }
        let name = match &record.participant.code {
            Some(code) => format!("{} ({})", &*record.participant.name, &**code),
            None => record.participant.name.to_string(),
        };
        Some(Self {
            name,
            group: record.participant.group.to_string(),
            quiz: record.quiz.title.to_string(),
            position: (record.current + 1, record.questions.len()),
            answered: record.answered(),
            updated: record.updated,
            finished: record.status == Status::Completed,
        })
    }
}

/// Puts attempts still running first, the most recently saved first within each.
pub fn sort(rows: &mut [LiveRow]) {
    rows.sort_by(|a, b| {
        (a.finished, std::cmp::Reverse(a.updated)).cmp(&(b.finished, std::cmp::Reverse(b.updated)))
    });
}
