//! The record store: one file per attempt under `<results>/<session>/`, saved atomically after every answer.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use jiff::Timestamp;

use super::attempt_id::AttemptId;
use super::error::StoreError;
use super::identity::Identity;
use super::integrity::{IntegrityKey, seal};
use super::model::{AttemptRecord, Participant, Status};
use super::presence::{self, Presence};
use super::scan::{Entry, load, scan_folder};
use super::version::{Version, may_deliver, may_replace};
use super::writer::RecordWriter;
use crate::quiz::parse::ron_options;

/// Where and how one session's records are written, and by which running app.
pub struct Store {
    folder: PathBuf,
    writer: Arc<dyn RecordWriter>,
    key: Option<IntegrityKey>,
    /// The running app's random writer id; without one (tools other than the trainee app) records are written
    /// as they are.
    me: Option<String>,
    /// Per attempt, the save this app last made or resumed from: another writer's later save displaces it.
    seen: Mutex<HashMap<AttemptId, Version>>,
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
            me: None,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// The same store saving as the running app with writer id `id` (see
    /// [`new_writer_id`](super::version::new_writer_id)): every save then carries the id and a save counter, and
    /// never replaces another writer's later save.
    pub fn with_writer_id(mut self, id: &str) -> Self {
        self.me = Some(id.to_owned());
        self
    }

    /// The writer id stored in every record this store saves, if it has one.
    pub fn writer_id(&self) -> Option<&str> {
        self.me.as_deref()
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

    /// Replaces the attempt's record with `record`, atomically; called after every answer. Refuses, writing
    /// nothing, when another app saved the attempt since this one last did.
    pub fn save(&self, record: &AttemptRecord) -> Result<PathBuf, StoreError> {
        let stamped = self.stamp(record)?;
        self.write(&stamped)
    }

    /// `record` as this app's next save: its writer id and the save counter after the one in the file (or the
    /// last one this app made). Fails with [`StoreError::Displaced`] when another app saved the attempt since
    /// this one last did or resumed it; a file that cannot be read does not stop the save.
    pub fn stamp(&self, record: &AttemptRecord) -> Result<AttemptRecord, StoreError> {
        let Some(me) = &self.me else {
            return Ok(record.clone());
        };
        let found = self.found_version(&record.attempt);
        let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        let expected = seen.get(&record.attempt);
        if !may_replace(me, expected, found.as_ref()) {
            return Err(self.displaced(&record.attempt));
        }
        let last = [found.as_ref(), expected]
            .into_iter()
            .flatten()
            .map(|version| version.saves)
            .chain([record.saves])
            .max()
            .unwrap_or_default();
        let mut stamped = record.clone();
        stamped.writer.clone_from(me);
        stamped.saves = last + 1;
        seen.insert(
            record.attempt.clone(),
            Version {
                writer: me.clone(),
                saves: stamped.saves,
            },
        );
        Ok(stamped)
    }

    /// Writes `record` as it is (already stamped), atomically.
    pub fn write(&self, record: &AttemptRecord) -> Result<PathBuf, StoreError> {
        let path = self.path_of(&record.attempt);
        let bytes = self.encode(record)?;
        self.writer
            .write_atomic(&path, bytes.as_bytes())
            .map_err(|source| StoreError::from_io(self.folder.clone(), source))?;
        Ok(path)
    }

    /// Delivers a record kept on this computer (perhaps by an earlier run): written as it is when the shared
    /// file is missing or holds an earlier save of the same writer, left alone when it already holds this save;
    /// [`StoreError::Displaced`] when another app saved the attempt since.
    pub fn deliver(&self, record: &AttemptRecord) -> Result<(), StoreError> {
        let kept = Version::of(record);
        let found = self.found_version(&record.attempt);
        if found.as_ref() == Some(&kept) {
            return Ok(());
        }
        if !may_deliver(&kept, found.as_ref()) {
            return Err(self.displaced(&record.attempt));
        }
        self.write(record).map(|_| ())
    }

    /// The writer and save counter of the attempt's file, if it can be read.
    fn found_version(&self, attempt: &AttemptId) -> Option<Version> {
        let path = self.path_of(attempt);
        let bytes = std::fs::read(&path).ok()?;
        let loaded = load(&path, &bytes, self.key.as_ref()).ok()?;
        Some(Version::of(&loaded.record))
    }

    fn displaced(&self, attempt: &AttemptId) -> StoreError {
        StoreError::Displaced {
            attempt: attempt.to_string(),
            folder: self.folder.clone(),
        }
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

    /// Writes `presence` as this app's presence file in the session folder (see [`super::presence`]), creating
    /// the presence folder when it is missing; never creates the session folder itself (only the first
    /// record or the probe before a quiz does).
    pub fn announce(&self, presence: &Presence) -> Result<(), StoreError> {
        let Some(path) = presence::path_of(&self.folder, &presence.writer) else {
            return Ok(());
        };
        let text =
            presence::encode(presence).map_err(|error| StoreError::Encode(error.to_string()))?;
        let failed = |source| StoreError::from_io(self.folder.clone(), source);
        match self.writer.write_atomic(&path, text.as_bytes()) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound && self.folder.is_dir() => {
                if let Some(folder) = path.parent() {
                    self.writer.create_dir_all(folder).map_err(failed)?;
                }
                self.writer
                    .write_atomic(&path, text.as_bytes())
                    .map_err(failed)
            }
            other => other.map_err(failed),
        }
    }

    /// Removes the presence file of writer `writer`, if it is there.
    pub fn depart(&self, writer: &str) {
        if let Some(path) = presence::path_of(&self.folder, writer) {
            let _ = self.writer.remove(&path);
        }
    }

    /// The presence files of the session's running apps (and of apps that stopped without removing theirs).
    pub fn presences(&self) -> Vec<Presence> {
        presence::read_all(&self.folder)
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

    /// The most recently saved unfinished attempt of `participant` on quiz `quiz_id`, if any; its save is the one
    /// this app continues from if the trainee resumes it.
    pub fn find_unfinished(
        &self,
        participant: &Participant,
        quiz_id: &str,
    ) -> Option<AttemptRecord> {
        let who = Identity::of(participant);
        let record = scan_folder(&self.folder, self.key.clone())
            .filter_map(|entry| match entry {
                Entry::Record(loaded) => Some(loaded.record),
                _ => None,
            })
            .filter(|record| {
                record.status == Status::InProgress
                    && record.quiz.id == quiz_id
                    && Identity::of(&record.participant) == who
            })
            .max_by_key(|record| record.updated)?;
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(record.attempt.clone(), Version::of(&record));
        Some(record)
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
