//! Files that carry the same attempt id, collected from several folders or workstations: byte-identical files are
//! copies, counted once; files that differ are a conflict, settled the same way whatever the order of the
//! folders: the verified record, else the most advanced one, is kept and the others are named as problems.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::attempt_id::AttemptId;
use super::integrity::Integrity;
use super::model::Status;
use super::problem::{Preference, Problem, Reason};
use super::scan::Entry;

/// What decides between two different files of one attempt: its seal, then how far the attempt had got. Held in
/// 40 bytes, as a scan keeps one for every file it reads until the files of each attempt are settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// The attempt id.
    pub attempt: AttemptId,
    /// What the record's seal says, when known.
    pub integrity: Option<Integrity>,
    /// Where the attempt stands, when known.
    pub status: Option<Status>,
    /// When it was last saved; [`Timestamp::MIN`] when not known (it sorts before every real time).
    updated: Timestamp,
    /// How many questions have an answer.
    answered: u32,
}

impl Standing {
    /// The standing of a record read in full.
    pub fn new(
        attempt: AttemptId,
        integrity: Integrity,
        status: Status,
        updated: Timestamp,
        answered: usize,
    ) -> Self {
        Self {
            attempt,
            integrity: Some(integrity),
            status: Some(status),
            updated,
            answered: u32::try_from(answered).unwrap_or(u32::MAX),
        }
    }

    /// When it was last saved, when known.
    pub fn updated(&self) -> Option<Timestamp> {
        Some(self.updated).filter(|at| *at != Timestamp::MIN)
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.answered as usize
    }
}

impl From<AttemptId> for Standing {
    /// The standing of a file of which only the attempt id is known: conflicts are settled by content alone.
    fn from(attempt: AttemptId) -> Self {
        Self {
            attempt,
            integrity: None,
            status: None,
            updated: Timestamp::MIN,
            answered: 0,
        }
    }
}

/// How much a seal is to be trusted: verified, then nothing to check, then missing, then not matching.
fn seal_rank(integrity: Option<Integrity>) -> u8 {
    match integrity {
        Some(Integrity::Verified) => 4,
        Some(Integrity::Unchecked | Integrity::NoKey) | None => 3,
        Some(Integrity::Missing) => 2,
        Some(Integrity::Mismatch) => 1,
    }
}

/// How far an attempt had got: completed, then discarded (given up after being in progress), then in progress.
fn progress_rank(status: Option<Status>) -> u8 {
    match status {
        Some(Status::Completed) => 3,
        Some(Status::Discarded) => 2,
        Some(Status::InProgress) => 1,
        None => 0,
    }
}

impl Standing {
    /// Orders two files of one attempt: the greater is kept.
    fn compare(&self, other: &Self) -> Ordering {
        seal_rank(self.integrity)
            .cmp(&seal_rank(other.integrity))
            .then(progress_rank(self.status).cmp(&progress_rank(other.status)))
            .then(self.updated.cmp(&other.updated))
            .then(self.answered.cmp(&other.answered))
    }

    /// Why `self` was kept over `other`.
    fn why_over(&self, other: &Self) -> Preference {
        if seal_rank(self.integrity) != seal_rank(other.integrity) {
            return match (self.integrity, other.integrity) {
                (Some(Integrity::Verified), _) => Preference::Verified,
                (_, Some(Integrity::Mismatch)) => Preference::OtherEdited,
                _ => Preference::OtherUnhashed,
            };
        }
        if progress_rank(self.status) != progress_rank(other.status) {
            return Preference::Further {
                kept: self.status,
                other: other.status,
            };
        }
        if self.updated != other.updated {
            return Preference::SavedLater {
                saved: self.updated(),
            };
        }
        if self.answered != other.answered {
            return Preference::MoreAnswers {
                kept: self.answered(),
                other: other.answered(),
            };
        }
        Preference::Content
    }
}

/// One file read by a scan, not yet settled against the other files of its attempt.
pub(crate) struct Candidate<T> {
    /// Its file (boxed: a scan keeps one for every file it reads).
    pub path: Box<Path>,
    /// What decides between it and other files of its attempt.
    pub standing: Standing,
    /// A hash of its exact bytes.
    pub content: blake3::Hash,
    /// What the caller keeps of it.
    pub value: T,
}

/// The file kept for an attempt that has several.
struct Kept {
    index: usize,
    path: PathBuf,
    standing: Standing,
    content: blake3::Hash,
}

/// The problem of `loser`, left out because another file of its attempt was kept.
fn conflict<T>(loser: &Candidate<T>, kept: &Kept) -> Problem {
    Problem {
        path: loser.path.to_path_buf(),
        reason: Reason::Conflict {
            attempt: loser.standing.attempt.to_string(),
            kept: kept.path.clone(),
            why: kept.standing.why_over(&loser.standing),
        },
    }
}

/// Settles the files of a scan, in their order: the kept file of each attempt becomes a record (with its file's
/// path), its byte-identical copies duplicates, and the files that differ from it problems naming it and why it
/// was kept.
pub(crate) fn settle<T>(files: Vec<Result<Candidate<T>, Problem>>) -> Vec<Entry<(PathBuf, T)>> {
    // The files of each attempt are brought together by sorting their indices, which holds far less than a map
    // of every attempt.
    let attempt = |index: usize| {
        files[index]
            .as_ref()
            .ok()
            .map(|file| &file.standing.attempt)
    };
    let mut order: Vec<usize> = (0..files.len())
        .filter(|&index| attempt(index).is_some())
        .collect();
    order.sort_unstable_by(|&a, &b| attempt(a).cmp(&attempt(b)).then(a.cmp(&b)));
    let several: HashMap<AttemptId, Kept> = order
        .chunk_by(|&a, &b| attempt(a) == attempt(b))
        .filter(|run| run.len() > 1)
        .filter_map(|run| {
            let candidates = run
                .iter()
                .filter_map(|&index| Some((index, files[index].as_ref().ok()?)));
            let (index, file) = candidates.reduce(|current, next| {
                if outranks(next.1, current.1) {
                    next
                } else {
                    current
                }
            })?;
            Some((
                file.standing.attempt.clone(),
                Kept {
                    index,
                    path: file.path.to_path_buf(),
                    standing: file.standing.clone(),
                    content: file.content,
                },
            ))
        })
        .collect();
    files
        .into_iter()
        .enumerate()
        .map(|(index, file)| match file {
            Err(problem) => Entry::Problem(problem),
            Ok(file) => match several.get(&file.standing.attempt) {
                Some(kept) if kept.index != index && kept.content == file.content => {
                    Entry::Duplicate {
                        path: file.path.into_path_buf(),
                        first: kept.path.clone(),
                    }
                }
                Some(kept) if kept.index != index => Entry::Problem(conflict(&file, kept)),
                _ => Entry::Record((file.path.into_path_buf(), file.value)),
            },
        })
        .collect()
}

/// Whether `file` is to be kept over `current`: a better standing, or an equal one and content that sorts
/// later, or identical content and a path that sorts first, so that the choice never depends on which was
/// listed first.
fn outranks<T>(file: &Candidate<T>, current: &Candidate<T>) -> bool {
    file.standing
        .compare(&current.standing)
        .then_with(|| file.content.as_bytes().cmp(current.content.as_bytes()))
        .then_with(|| current.path.cmp(&file.path))
        == Ordering::Greater
}
