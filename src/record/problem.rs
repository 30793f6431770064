//! Why a file in a results folder could not be used: named by kind, so that it can be said in the reader's
//! language, and said in English (its `Display`) where a machine or a test reads it.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::ser::SerializeStruct;

use super::check::RecordFault;
use super::model::Status;
use crate::i18n::Lang;

/// A file that could not be used, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The file or folder.
    pub path: PathBuf,
    /// What is wrong with it.
    pub reason: Reason,
}

impl Problem {
    /// A second copy of an attempt already read from `first`.
    pub fn duplicate(path: PathBuf, first: &Path) -> Self {
        Self {
            path,
            reason: Reason::Copy {
                first: first.to_path_buf(),
            },
        }
    }

    /// What is wrong with the file, in English.
    pub fn message(&self) -> String {
        self.reason.to_string()
    }
}

impl serde::Serialize for Problem {
    /// `{ path, message }`, the message in English.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut problem = serializer.serialize_struct("Problem", 2)?;
        problem.serialize_field("path", &self.path)?;
        problem.serialize_field("message", &self.message())?;
        problem.end()
    }
}

/// Why a file could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// A byte-identical copy of a file already read.
    Copy {
        /// The file that counts.
        first: PathBuf,
    },
    /// Reading the file failed unexpectedly (a bug).
    Unexpected,
    /// Reading the file failed unexpectedly (a bug) in the dashboard, which reads it again when it changes.
    UnexpectedUntilChanged,
    /// An empty file.
    Empty,
    /// A file larger than any record.
    TooLarge,
    /// A file that is not UTF-8 text.
    NotText,
    /// A file that is not a record at all.
    NotRecord,
    /// A record of a format this Vigil does not know, but not a newer one.
    UnknownFormat {
        /// The format it names.
        format: u32,
    },
    /// A record written by a newer Vigil.
    Newer {
        /// The format it names.
        format: u32,
    },
    /// A record that cannot be parsed; `detail` says where and what the parser expected.
    Unparsable {
        /// The parser's words.
        detail: String,
    },
    /// A record cut short, as by an interrupted copy.
    Truncated {
        /// The parser's words.
        detail: String,
    },
    /// A record whose scores or answers cannot be believed.
    Damaged(RecordFault),
    /// A pipe, socket or device.
    NotRegular,
    /// A folder entry whose kind could not be found out.
    Unexaminable {
        /// The system's words.
        error: String,
    },
    /// A link to a folder, which is never followed.
    LinkToFolder,
    /// A link to nothing.
    BrokenLink,
    /// A folder that does not exist.
    NoFolder,
    /// A folder that may not be read.
    FolderDenied,
    /// A folder that could not be read for another reason.
    FolderUnreadable {
        /// The system's words.
        error: String,
    },
    /// A file that could not be read.
    Unreadable {
        /// The system's words.
        error: String,
    },
    /// A different file of the same attempt was kept.
    Conflict {
        /// The attempt id.
        attempt: String,
        /// The file kept.
        kept: PathBuf,
        /// Why that one was kept.
        why: Preference,
    },
    /// A record whose room-key hash does not match.
    EditedAfterWriting,
    /// A record without a room-key hash although a room key is set.
    NoRoomKeyHash,
    /// A record whose bytes differ from those the trainer sealed.
    EditedAfterSeal,
    /// A record the folder did not hold when the trainer sealed it.
    AddedAfterSeal,
}

/// Why one of two different files of an attempt is kept over the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Preference {
    /// Its room-key hash verifies and the other's does not.
    Verified,
    /// The other was edited after it was written.
    OtherEdited,
    /// The other has no room-key hash although a room key is set.
    OtherUnhashed,
    /// It had got further.
    Further {
        /// Where the kept file's attempt stands.
        kept: Option<Status>,
        /// Where the other's stands.
        other: Option<Status>,
    },
    /// It was saved later.
    SavedLater {
        /// When, if known.
        saved: Option<Timestamp>,
    },
    /// It has more answers.
    MoreAnswers {
        /// How many the kept file has.
        kept: usize,
        /// How many the other has.
        other: usize,
    },
    /// Neither is further: the content decides.
    Content,
}

impl std::fmt::Display for Reason {
    /// In English: [`Lang::reason`] says it in another language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.reason(self))
    }
}

impl std::error::Error for Reason {}

impl std::fmt::Display for Preference {
    /// In English: [`Lang::preference`] says it in another language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.preference(self))
    }
}
