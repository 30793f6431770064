//! The record store: one file per attempt under `<results>/<session>/`, saved atomically after every answer.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;

use super::attempt_id::AttemptId;
use super::error::StoreError;
use super::identity::Identity;
use super::integrity::{IntegrityKey, seal};
use super::model::{AttemptRecord, Participant, Status};
use super::scan::{Entry, scan_folder};
use super::writer::RecordWriter;
use crate::quiz::parse::ron_options;

/// Where and how one session's records are written.
pub struct Store {
    folder: PathBuf,
    writer: Arc<dyn RecordWriter>,
    key: Option<IntegrityKey>,
}

/// Turns untrusted text (a session name) into one safe path segment: no separators, no `..`, no control
/// characters, no names Windows reserves.
pub fn safe_segment(text: &str) -> String {
    let mut safe: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect();
    safe = safe.trim_start_matches('.').to_owned();
    let reserved = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "lpt1", "lpt2", "lpt3",
    ];
    let stem = safe
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if safe.is_empty() || reserved.contains(&stem.as_str()) {
        safe.insert(0, '_');
    }
    safe
}

impl Store {
    /// A store for `session` inside the results folder `results`, writing through `writer` and sealing records
    /// with `key` when one is configured.
    pub fn new(
        results: &Path,
        session: &str,
        writer: Arc<dyn RecordWriter>,
        key: Option<IntegrityKey>,
    ) -> Self {
        Self {
            folder: results.join(safe_segment(session)),
            writer,
            key,
        }
    }

    /// The file of attempt `id`.
    pub fn path_of(&self, id: &AttemptId) -> PathBuf {
        self.folder.join(id.file_name())
    }

    /// Checks, before an attempt starts, that the session folder exists (creating it) and can be written.
    pub fn probe(&self) -> Result<(), StoreError> {
        self.writer.create_dir_all(&self.folder).map_err(|source| {
            match StoreError::from_io(self.folder.clone(), source) {
                StoreError::Vanished { folder, source } | StoreError::Other { folder, source } => {
                    StoreError::NotCreatable { folder, source }
                }
                other => other,
            }
        })?;
        let probe = self
            .folder
            .join(format!(".vigil-probe-{}", std::process::id()));
        self.writer
            .write_atomic(&probe, b"probe\n")
            .map_err(|source| StoreError::from_io(self.folder.clone(), source))?;
        match self.writer.remove(&probe) {
            Err(source) if source.kind() != std::io::ErrorKind::NotFound => {
                Err(StoreError::from_io(self.folder.clone(), source))
            }
            _ => Ok(()),
        }
    }

    /// The exact bytes stored for `record`: compact RON, then the integrity line when a key is set.
    pub fn encode(&self, record: &AttemptRecord) -> Result<String, StoreError> {
        let body = ron_options()
            .to_string(record)
            .map_err(|error| StoreError::Encode(error.to_string()))?;
        Ok(seal(body + "\n", self.key.as_ref()))
    }

    /// Writes a new attempt's first record, creating the session folder if needed; fails if the attempt
    /// already has one.
    pub fn create(&self, record: &AttemptRecord) -> Result<PathBuf, StoreError> {
        self.writer
            .create_dir_all(&self.folder)
            .map_err(|source| StoreError::from_io(self.folder.clone(), source))?;
        let path = self.path_of(&record.attempt);
        if path.exists() {
            return Err(StoreError::AlreadyExists(record.attempt.to_string()));
        }
        self.save(record)
    }

    /// Replaces the attempt's record with `record`, atomically; called after every answer.
    pub fn save(&self, record: &AttemptRecord) -> Result<PathBuf, StoreError> {
        let path = self.path_of(&record.attempt);
        let bytes = self.encode(record)?;
        self.writer
            .write_atomic(&path, bytes.as_bytes())
            .map_err(|source| StoreError::from_io(self.folder.clone(), source))?;
        Ok(path)
    }

    /// Marks the attempt submitted at `now` and saves it.
    pub fn complete(
        &self,
        record: &mut AttemptRecord,
        now: Timestamp,
    ) -> Result<PathBuf, StoreError> {
        record.status = Status::Completed;
        record.ended = Some(now);
        record.updated = now;
        self.save(record)
    }

    /// Marks an unfinished attempt given up at `now` and saves it; the file stays for the trainer.
    pub fn discard(
        &self,
        record: &mut AttemptRecord,
        now: Timestamp,
    ) -> Result<PathBuf, StoreError> {
        record.status = Status::Discarded;
        record.updated = now;
        self.save(record)
    }

    /// Every attempt of `participant` in this session, whatever its status.
    pub fn attempts_of(&self, participant: &Participant) -> Vec<AttemptRecord> {
        let who = Identity::of(participant);
        scan_folder(&self.folder, self.key.clone())
            .filter_map(|entry| match entry {
                Entry::Record(loaded) => Some(loaded.record),
                _ => None,
            })
            .filter(|record| Identity::of(&record.participant) == who)
            .collect()
    }

    /// The most recently saved unfinished attempt of `participant` on quiz `quiz_id`, if any.
    pub fn find_unfinished(
        &self,
        participant: &Participant,
        quiz_id: &str,
    ) -> Option<AttemptRecord> {
        let who = Identity::of(participant);
        scan_folder(&self.folder, self.key.clone())
            .filter_map(|entry| match entry {
                Entry::Record(loaded) => Some(loaded.record),
                _ => None,
            })
            .filter(|record| {
                record.status == Status::InProgress
                    && record.quiz.id == quiz_id
                    && Identity::of(&record.participant) == who
            })
            .max_by_key(|record| record.updated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_names_never_escape_the_results_folder() {
        assert_eq!(safe_segment("almaty-2010-04"), "almaty-2010-04");
        assert_eq!(safe_segment("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_segment("a/b\\c\u{1b}d"), "a_b_c_d");
        assert_eq!(safe_segment(".."), "_");
        assert_eq!(safe_segment(""), "_");
        assert_eq!(safe_segment("CON"), "_CON");
        assert_eq!(safe_segment("Алматы"), "______");
    }
}
