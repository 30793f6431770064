//! What can go wrong when saving or reading records, in words a trainer can act on.

use std::io;
use std::path::PathBuf;

/// A failure to save records.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The results folder does not exist and cannot be created.
    #[error(
        "the results folder {folder} cannot be created ({source}); check the path, or that the network folder is connected"
    )]
    NotCreatable {
        /// The folder.
        folder: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The results folder is read-only for this workstation.
    #[error(
        "the results folder {folder} is read-only ({source}); make it writable for the workstations, or choose another folder"
    )]
    ReadOnly {
        /// The folder.
        folder: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The disk holding the results folder is full.
    #[error(
        "the disk holding {folder} is full ({source}); free some space, or choose another folder"
    )]
    Full {
        /// The folder.
        folder: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The results folder disappeared while in use (a disconnected network share, a removed USB stick).
    #[error(
        "the results folder {folder} is no longer there ({source}); reconnect it; answers are kept and saving is retried"
    )]
    Vanished {
        /// The folder.
        folder: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// Any other write failure.
    #[error("could not write to {folder} ({source}); answers are kept and saving is retried")]
    Other {
        /// The folder.
        folder: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// An attempt with this id already has a record.
    #[error("a record for attempt {0} already exists")]
    AlreadyExists(String),
    /// Another running app saved this attempt since this one did: it is being continued on another computer.
    #[error(
        "attempt {attempt} is being continued on another computer (it saved the record in {folder} after this one); the answers here are kept on this computer and not written over the other's"
    )]
    Displaced {
        /// The attempt.
        attempt: String,
        /// The session folder.
        folder: PathBuf,
    },
    /// The record could not be encoded.
    #[error("the record could not be encoded: {0}")]
    Encode(String),
}

impl StoreError {
    /// Classifies an I/O error met while writing into `folder`.
    pub fn from_io(folder: PathBuf, source: io::Error) -> Self {
        match source.kind() {
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                Self::ReadOnly { folder, source }
            }
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                Self::Full { folder, source }
            }
            io::ErrorKind::NotFound => Self::Vanished { folder, source },
            _ => Self::Other { folder, source },
        }
    }
}
