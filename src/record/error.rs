//! What can go wrong when saving or reading records, in words a trainer can act on.

use std::io;
use std::path::PathBuf;

use crate::i18n::Lang;

/// A failure to save records.
#[derive(Debug)]
pub enum StoreError {
    /// The results folder does not exist and cannot be created.
    NotCreatable {
        /// The folder.
        folder: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The results folder is read-only for this workstation.
    ReadOnly {
        /// The folder.
        folder: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The disk holding the results folder is full.
    Full {
        /// The folder.
        folder: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The results folder disappeared while in use (a disconnected network share, a removed USB stick).
    Vanished {
        /// The folder.
        folder: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// Any other write failure.
    Other {
        /// The folder.
        folder: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// An attempt with this id already has a record.
    AlreadyExists(String),
    /// Another running app saved this attempt since this one did: it is being continued on another computer.
    Displaced {
        /// The attempt.
        attempt: String,
        /// The session folder.
        folder: PathBuf,
    },
    /// The record could not be encoded.
    Encode(String),
}

impl std::fmt::Display for StoreError {
    /// In English: [`Lang::store_error`] says it in another language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.store_error(self))
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::NotCreatable { source, .. }
            | Self::ReadOnly { source, .. }
            | Self::Full { source, .. }
            | Self::Vanished { source, .. }
            | Self::Other { source, .. } => Some(source),
            Self::AlreadyExists(_) | Self::Displaced { .. } | Self::Encode(_) => None,
        }
    }
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
