//! Sealing one session folder, and checking what it holds against its seal.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;
use serde::Serialize;

use super::SEAL_FILE_NAME;
use super::fault::SealFault;
use super::keys::{PinnedKey, fingerprint};
use super::manifest::{Manifest, SealedFile, Signing};
use crate::i18n::Lang;
use crate::parallel::map_in_order;
use crate::record::Status;
use crate::record::listing::{list, read_regular};
use crate::record::problem::Reason;
use crate::record::scan::{load, readers};

/// What became of a sealed folder's file since sealing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Its bytes differ from those sealed.
    Edited,
    /// It was not in the folder when it was sealed.
    Added,
    /// It was sealed and is gone.
    Deleted,
}

/// One file that changed since sealing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What happened to it.
    pub kind: ChangeKind,
    /// The file.
    pub path: PathBuf,
    /// Its attempt id, as sealed (for a deleted file).
    pub attempt: Option<String>,
}

/// What checking a seal found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// The signature holds with the pinned key; `changes` lists every file edited, added or deleted since.
    Verified {
        /// How many files were sealed.
        files: usize,
        /// What changed since (empty: the folder holds exactly what was sealed).
        changes: Vec<Change>,
    },
    /// No public key is pinned, so the seal could not be checked.
    NoKey,
    /// The seal was made with another key than the pinned one.
    OtherKey,
    /// The seal names the pinned key but its signature does not match: it was altered after signing.
    Altered,
    /// A public key is pinned, the folder holds records, but it has no seal: it was never sealed, or its seal
    /// was removed.
    Missing,
    /// The seal file cannot be read.
    Unreadable {
        /// Why.
        problem: SealFault,
    },
}

/// The seal of one session folder, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SealCheck {
    /// The session folder.
    pub folder: PathBuf,
    /// When it was sealed, as the seal says.
    pub sealed_at: Option<jiff::Timestamp>,
    /// The fingerprint of the key the seal names.
    pub sealed_by: Option<String>,
    /// What the check found.
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// Whether a session folder holds a record file, found from its listing alone (nothing is read).
pub(super) fn holds_records(folder: &Path) -> bool {
    let mut listed = Vec::new();
    list(folder, 0, &mut listed);
    listed.iter().any(Result::is_ok)
}

/// The record files a session folder holds now, by name, each with what `keep` makes of its path and bytes (or
/// why they cannot be read): read several at once, and no file's bytes are kept.
pub(super) fn held<T: Send>(
    folder: &Path,
    keep: impl Fn(&Path, &[u8]) -> T + Sync,
) -> BTreeMap<String, (PathBuf, Result<T, Reason>)> {
    let mut listed = Vec::new();
    list(folder, 0, &mut listed);
    let paths: Vec<PathBuf> = listed.into_iter().flatten().collect();
    let read = map_in_order(paths, readers(), |path| {
        let kept = read_regular(&path).map(|bytes| keep(&path, &bytes));
        (path, kept)
    });
    read.into_iter()
        .filter_map(|(path, kept)| {
            let name = path.file_name()?.to_string_lossy().into_owned();
            Some((name, (path, kept)))
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// Reads the seal of `folder`, if it has one.
fn read_seal(folder: &Path) -> Option<Result<Manifest, SealFault>> {
    let path = folder.join(SEAL_FILE_NAME);
    std::fs::symlink_metadata(&path).ok()?;
    Some(
        read_regular(&path)
            .map_err(SealFault::File)
            .and_then(|bytes| {
                let text = std::str::from_utf8(&bytes).map_err(|_| SealFault::NotText)?;
                Manifest::from_text(text)
            }),
    )
}

/// A seal read and its signature checked.
pub(super) struct Verification {
    /// The check; when the signature holds, its outcome is `Verified` with no changes listed yet.
    pub check: SealCheck,
    /// The seal, when its signature holds: what the folder's files are compared with.
    pub verified: Option<Manifest>,
}

/// Reads the seal of `folder` and checks its signature with `pinned`, without reading the folder's files; `None`
/// when the folder has no seal.
pub(super) fn verify(folder: &Path, pinned: Option<&PinnedKey>) -> Option<Verification> {
    let check = |manifest: Option<&Manifest>, outcome| SealCheck {
        folder: folder.to_path_buf(),
        sealed_at: manifest.map(|m| m.sealed_at),
        sealed_by: manifest.map(|m| m.key.clone()),
        outcome,
    };
    let done = |check| Verification {
        check,
        verified: None,
    };
    let manifest = match read_seal(folder)? {
        Ok(manifest) => manifest,
        Err(problem) => return Some(done(check(None, Outcome::Unreadable { problem }))),
    };
    let Some(pinned) = pinned else {
        return Some(done(check(Some(&manifest), Outcome::NoKey)));
    };
    let outcome = match manifest.check(&pinned.key) {
        Signing::OtherKey => Outcome::OtherKey,
        Signing::Altered => Outcome::Altered,
        Signing::Valid => {
            let outcome = Outcome::Verified {
                files: manifest.files.len(),
                changes: Vec::new(),
            };
            return Some(Verification {
                check: check(Some(&manifest), outcome),
                verified: Some(manifest),
            });
        }
    };
    Some(done(check(Some(&manifest), outcome)))
}

/// Checks the seal of `folder` with `pinned`, reading the folder's files; `None` when the folder has no seal.
pub fn check_folder(folder: &Path, pinned: Option<&PinnedKey>) -> Option<SealCheck> {
    let Verification {
        mut check,
        verified,
    } = verify(folder, pinned)?;
    if let (Some(manifest), Outcome::Verified { changes: found, .. }) =
        (verified, &mut check.outcome)
    {
        *found = SealedFiles::of(&manifest).changes_read(folder);
    }
    Some(check)
}

/// One file as a seal lists it, kept while the folder's files are read.
#[derive(Debug)]
struct SealedEntry {
    /// Its name in the session folder.
    name: Box<str>,
    /// The hash of its bytes (`None` if the seal's hex is not a hash, which no file matches).
    hash: Option<blake3::Hash>,
    /// Its attempt id, as sealed.
    attempt: Option<Box<str>>,
}

/// The files a verified seal lists, by name: what a survey keeps of a seal (a seal lists every file of a session)
/// until the folder's files are read.
#[derive(Debug)]
pub(super) struct SealedFiles {
    files: Vec<SealedEntry>,
}

/// A file's name as a seal lists it.
fn name(path: &Path) -> Cow<'_, str> {
    path.file_name()
        .map_or(Cow::Borrowed(""), OsStr::to_string_lossy)
}

impl SealedFiles {
    /// The files `manifest` lists.
    pub fn of(manifest: &Manifest) -> Self {
        let mut files: Vec<SealedEntry> = manifest
            .files
            .iter()
            .map(|sealed| SealedEntry {
                name: sealed.file.as_str().into(),
                hash: blake3::Hash::from_hex(&sealed.blake3).ok(),
                attempt: sealed.attempt.as_deref().map(Box::from),
            })
            .collect();
        files.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        Self { files }
    }

    /// Starts comparing the files a folder holds now with these.
    pub fn compare(&self) -> Comparison<'_> {
        Comparison {
            sealed: self,
            seen: vec![false; self.files.len()],
            changes: Vec::new(),
            any: false,
        }
    }

    /// Every file of `folder` edited, added or deleted since sealing, its files read to hash them.
    pub fn changes_read(&self, folder: &Path) -> Vec<Change> {
        let mut comparison = self.compare();
        for (path, hash) in held(folder, |_, bytes| blake3::hash(bytes)).into_values() {
            comparison.note(&path, hash.ok());
        }
        comparison.changes(folder)
    }
}

/// The files of a folder compared one by one with those its seal lists.
#[derive(Debug)]
pub(super) struct Comparison<'s> {
    sealed: &'s SealedFiles,
    /// Which sealed files were met.
    seen: Vec<bool>,
    /// The files edited or added met so far.
    changes: Vec<Change>,
    /// Whether any file was met.
    any: bool,
}

impl Comparison<'_> {
    /// Compares one record file the folder holds with the seal: `hash` is the hash of its bytes, `None` when they
    /// could not be read.
    pub fn note(&mut self, path: &Path, hash: Option<blake3::Hash>) {
        self.any = true;
        let files = &self.sealed.files;
        let (kind, attempt) = match files.binary_search_by(|sealed| (*sealed.name).cmp(&name(path)))
        {
            Ok(at) if self.seen[at] => return,
            Ok(at) => {
                self.seen[at] = true;
                let sealed = &files[at];
                if hash.is_some() && hash == sealed.hash {
                    return;
                }
                (ChangeKind::Edited, sealed.attempt.as_deref())
            }
            Err(_) => (ChangeKind::Added, None),
        };
        self.changes.push(Change {
            kind,
            path: path.to_path_buf(),
            attempt: attempt.map(str::to_owned),
        });
    }

    /// Whether any file was compared.
    pub fn met_any(&self) -> bool {
        self.any
    }

    /// Every file of `folder` edited, added or deleted since sealing: those compared that differ or are new, and
    /// the sealed files never met, by path.
    pub fn changes(self, folder: &Path) -> Vec<Change> {
        let mut changes = self.changes;
        changes.extend(
            self.sealed
                .files
                .iter()
                .zip(self.seen)
                .filter(|(_, seen)| !seen)
                .map(|(sealed, _)| Change {
                    kind: ChangeKind::Deleted,
                    path: folder.join(&*sealed.name),
                    attempt: sealed.attempt.as_deref().map(str::to_owned),
                }),
        );
        changes.sort_by(|a, b| a.path.cmp(&b.path));
        changes.dedup();
        changes
    }
}

/// Why a folder cannot be sealed; worded in the trainer's language by [`Lang::seal_error`], in English by
/// `Display`.
#[derive(Debug)]
pub enum SealError {
    /// Nothing to seal.
    Empty {
        /// The session folder.
        folder: PathBuf,
    },
    /// A file of the folder cannot be read, so it cannot be sealed.
    Unreadable {
        /// The session folder.
        folder: PathBuf,
        /// The file.
        path: PathBuf,
        /// Why.
        problem: Reason,
    },
    /// The folder's present seal does not match what it holds: sealing again would bless the changes.
    Changed {
        /// The session folder.
        folder: PathBuf,
        /// What checking the present seal found, in the trainer's language.
        found: String,
    },
    /// The seal cannot be written.
    Unwritable {
        /// The seal file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

impl std::fmt::Display for SealError {
    /// In English: [`Lang::seal_error`] says it in another language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.seal_error(self))
    }
}

impl std::error::Error for SealError {}

/// What `vigil seal` did.
#[derive(Debug, Clone)]
pub struct Sealed {
    /// The seal file written.
    pub path: PathBuf,
    /// The files sealed.
    pub files: usize,
    /// Of those, attempts still in progress when sealed.
    pub in_progress: usize,
    /// Of those, files that are not readable records (sealed as they are).
    pub not_records: usize,
    /// The fingerprint of the signing key's public key.
    pub fingerprint: String,
}

/// Seals `folder` as it is at `now` with `key`: every record file's name, attempt id and BLAKE3 hash, signed,
/// into `<folder>/vigil-seal.ron`. A present seal that does not match the folder is kept unless `force`; the
/// refusal says what the present seal shows in `lang`.
pub fn seal_folder(
    folder: &Path,
    key: &SigningKey,
    now: jiff::Timestamp,
    force: bool,
    lang: Lang,
) -> Result<Sealed, SealError> {
    if !force {
        let own = PinnedKey {
            key: key.verifying_key(),
            path: PathBuf::new(),
        };
        if let Some(present) = check_folder(folder, Some(&own))
            && !matches!(&present.outcome, Outcome::Verified { changes, .. } if changes.is_empty())
        {
            return Err(SealError::Changed {
                folder: folder.to_path_buf(),
                found: super::status::describe(&present, Some(&fingerprint(&own.key)), lang),
            });
        }
    }
    let mut files = Vec::new();
    let (mut in_progress, mut not_records) = (0, 0);
    // Each file's attempt id (when it is a record), whether that attempt is still in progress, and its hash.
    let sealed = held(folder, |path, bytes| {
        let record = load(path, bytes, None).ok().map(|loaded| {
            let record = loaded.record;
            (
                record.attempt.to_string(),
                record.status == Status::InProgress,
            )
        });
        (record, hex(bytes))
    });
    for (name, (path, kept)) in sealed {
        let (record, blake3) = kept.map_err(|problem| SealError::Unreadable {
            folder: folder.to_path_buf(),
            path: path.clone(),
            problem,
        })?;
        match &record {
            None => not_records += 1,
            Some((_, true)) => in_progress += 1,
            Some((_, false)) => {}
        }
        files.push(SealedFile {
            file: name,
            attempt: record.map(|(attempt, _)| attempt),
            blake3,
        });
    }
    if files.is_empty() {
        return Err(SealError::Empty {
            folder: folder.to_path_buf(),
        });
    }
    let session = folder
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    let count = files.len();
    let manifest = Manifest::sign(session, now, files, key);
    let path = folder.join(SEAL_FILE_NAME);
    let unwritable = |source| SealError::Unwritable {
        path: path.clone(),
        source,
    };
    let text = manifest
        .to_text()
        .map_err(|error| unwritable(std::io::Error::other(error)))?;
    crate::record::writer::replace_file(&path, text.as_bytes()).map_err(unwritable)?;
    Ok(Sealed {
        path,
        files: count,
        in_progress,
        not_records,
        fingerprint: fingerprint(&key.verifying_key()),
    })
}
