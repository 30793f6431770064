//! Records kept on this computer until the shared results folder has them: every save is written here first,
//! one file per attempt under the per-user data folder, and removed once the shared folder holds it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::attempt_id::AttemptId;
use super::error::StoreError;
use super::model::AttemptRecord;
use super::scan::{Entry, scan_folder};
use super::store::{Store, safe_segment};
use super::writer::RecordWriter;

/// The local folder of one session's undelivered records.
pub struct Spool {
    folder: PathBuf,
    writer: Arc<dyn RecordWriter>,
}

/// What a delivery of the kept records achieved.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Delivered {
    /// Records now in the shared folder and removed from this computer.
    pub delivered: usize,
    /// Records still kept here because the shared folder could not be written.
    pub waiting: usize,
    /// Attempts another computer continued since: kept here, never written over the other's save.
    pub displaced: Vec<AttemptId>,
}

impl Spool {
    /// The spool of `session` under the per-user data folder `data`, written through `writer`.
    pub fn new(data: &Path, session: &str, writer: Arc<dyn RecordWriter>) -> Self {
        Self {
            folder: data.join("spool").join(safe_segment(session)),
            writer,
        }
    }

    /// Keeps `record` on this computer (encoded as `store` writes it), atomically, replacing an earlier save of
    /// the same attempt.
    pub fn keep(&self, record: &AttemptRecord, store: &Store) -> Result<(), StoreError> {
        let bytes = store.encode(record)?;
        let fail = |source| StoreError::from_io(self.folder.clone(), source);
        self.writer.create_dir_all(&self.folder).map_err(fail)?;
        self.writer
            .write_atomic(
                &self.folder.join(record.attempt.file_name()),
                bytes.as_bytes(),
            )
            .map_err(fail)
    }

    /// Forgets the kept copy of `attempt` once the shared folder holds it; a copy already gone is fine.
    pub fn release(&self, attempt: &AttemptId) -> Result<(), StoreError> {
        match self.writer.remove(&self.folder.join(attempt.file_name())) {
            Err(source) if source.kind() != std::io::ErrorKind::NotFound => {
                Err(StoreError::from_io(self.folder.clone(), source))
            }
            _ => Ok(()),
        }
    }

    /// The records kept here (none when the folder does not exist).
    pub fn kept(&self) -> Vec<AttemptRecord> {
        if !self.folder.is_dir() {
            return Vec::new();
        }
        scan_folder(&self.folder, None)
            .filter_map(|entry| match entry {
                Entry::Record(loaded) => Some(loaded.record),
                _ => None,
            })
            .collect()
    }

    /// Delivers every kept record to `store` and forgets the delivered ones.
    pub fn deliver(&self, store: &Store) -> Delivered {
        let mut outcome = Delivered::default();
        for record in self.kept() {
            match store.deliver(&record) {
                Ok(()) if self.release(&record.attempt).is_ok() => outcome.delivered += 1,
                Err(StoreError::Displaced { .. }) => outcome.displaced.push(record.attempt),
                _ => outcome.waiting += 1,
            }
        }
        outcome
    }
}
