//! What the seals of the folders a command reads say, in words for one visible line each: the trainer's
//! seals checked with the pinned key, and record hashes that no room key checked.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::folder::{ChangeKind, Outcome, SealCheck, check_folder, held};
use super::keys::PinnedKey;
use crate::record::integrity::{Integrity, open};
use crate::record::scan::record_text;
use crate::record::store::safe_segment;

/// The seal status of everything a command reads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SealStatus {
    /// The fingerprint of the public key pinned on this machine, when there is one.
    pub pinned_key: Option<String>,
    /// The seal of each sealed session folder.
    pub sessions: Vec<SealCheck>,
    /// Records whose room-key hash was not checked because no room key is set.
    pub unchecked_room_hashes: usize,
}

/// The session folders a command reads: with `sessions`, those inside each folder; else each folder itself and
/// its subfolders (links to folders are never followed).
fn session_folders(folders: &[PathBuf], sessions: &[String]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for folder in folders {
        if !sessions.is_empty() {
            found.extend(sessions.iter().map(|s| folder.join(safe_segment(s))));
            continue;
        }
        found.push(folder.clone());
        let Ok(entries) = std::fs::read_dir(folder) else {
            continue;
        };
        let mut inner: Vec<PathBuf> = entries
            .flatten()
            .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_dir()))
            .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
            .map(|entry| entry.path())
            .collect();
        inner.sort();
        found.extend(inner);
    }
    found
}

/// How many record files of `folder` carry a room-key hash.
fn room_hashes(folder: &Path) -> usize {
    held(folder)
        .into_values()
        .filter(|(_, bytes)| {
            bytes.as_ref().is_ok_and(|bytes| {
                record_text(bytes).is_ok_and(|text| open(text, None).1 == Integrity::NoKey)
            })
        })
        .count()
}

impl SealStatus {
    /// Checks the seals of the session folders under `folders` (only `sessions`, when given) with `pinned`,
    /// and, when no room key is set (`room_key_set` false), counts the records whose room-key hash goes
    /// unchecked.
    pub fn survey(
        folders: &[PathBuf],
        sessions: &[String],
        pinned: Option<&PinnedKey>,
        room_key_set: bool,
    ) -> Self {
        let mut status = Self {
            pinned_key: pinned.map(PinnedKey::fingerprint),
            ..Self::default()
        };
        for folder in session_folders(folders, sessions) {
            match check_folder(&folder, pinned) {
                Some(check) => status.sessions.push(check),
                None if pinned.is_some() && !held(&folder).is_empty() => {
                    status.sessions.push(SealCheck {
                        folder: folder.clone(),
                        sealed_at: None,
                        sealed_by: None,
                        outcome: Outcome::Missing,
                    });
                }
                None => {}
            }
            if !room_key_set {
                status.unchecked_room_hashes += room_hashes(&folder);
            }
        }
        status
    }

    /// Whether there is nothing to say: no key pinned, no seal, no unchecked room-key hash.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// What happened to `path` since its folder was sealed, if its seal verified and it changed.
    pub fn change_of(&self, path: &Path) -> Option<ChangeKind> {
        self.sessions.iter().find_map(|check| match &check.outcome {
            Outcome::Verified { changes, .. } => changes
                .iter()
                .find(|change| change.path == path)
                .map(|change| change.kind),
            _ => None,
        })
    }

    /// Whether a seal shows a change or cannot be trusted: a command then ends with exit code 1.
    pub fn alarming(&self) -> bool {
        self.sessions.iter().any(|check| match &check.outcome {
            Outcome::Verified { changes, .. } => !changes.is_empty(),
            Outcome::NoKey | Outcome::Missing => false,
            Outcome::OtherKey | Outcome::Altered | Outcome::Unreadable { .. } => true,
        })
    }

    /// The lines people read: one per seal, one per changed file, and one for unchecked room-key hashes.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for check in &self.sessions {
            lines.push(describe(check, self.pinned_key.as_deref()));
            if let Outcome::Verified { changes, .. } = &check.outcome {
                lines.extend(changes.iter().map(|change| {
                    let attempt = change
                        .attempt
                        .as_ref()
                        .map_or_else(String::new, |id| format!(" (attempt {id})"));
                    format!(
                        "  {}: {}{attempt}",
                        change.kind.words(),
                        change.path.display()
                    )
                }));
            }
        }
        if self.unchecked_room_hashes > 0 {
            lines.push(format!(
                "{} records carry a room-key hash that was NOT CHECKED: no room key is set. Give the room's \
                 config with --config (its `room_key` names the key file) to check that workstations wrote them",
                self.unchecked_room_hashes
            ));
        }
        lines
    }
}

/// One line saying what the seal of one folder shows, checked with the key of fingerprint `pinned`.
pub fn describe(check: &SealCheck, pinned: Option<&str>) -> String {
    let pinned = pinned.unwrap_or("none");
    let folder = check.folder.display();
    let when = check
        .sealed_at
        .map_or_else(|| "at an unknown time".to_owned(), |at| format!("at {at}"));
    let by = check.sealed_by.as_deref().unwrap_or("unknown");
    match &check.outcome {
        Outcome::Verified { files, changes } if changes.is_empty() => format!(
            "seal of {folder}: verified with the pinned key {pinned}; the {files} files sealed {when} are unchanged (the seal \
             certifies what the folder held then, nothing written later)"
        ),
        Outcome::Verified { files, changes } => {
            let count = |kind| changes.iter().filter(|c| c.kind == kind).count();
            format!(
                "seal of {folder}: verified with the pinned key {pinned}, but the folder CHANGED since its {files} files were \
                 sealed {when}: {} edited, {} added, {} deleted",
                count(ChangeKind::Edited),
                count(ChangeKind::Added),
                count(ChangeKind::Deleted)
            )
        }
        Outcome::NoKey => format!(
            "seal of {folder}: NOT CHECKED: sealed {when} by key {by}, but no public key is pinned on this \
             machine; give the trainer's public key with --public-key FILE"
        ),
        Outcome::OtherKey => format!(
            "seal of {folder}: REJECTED: made with key {by}, not with the key pinned here ({pinned}); treat its \
             records as unsealed, or check with the public key of whoever sealed it (--public-key FILE)"
        ),
        Outcome::Altered => format!(
            "seal of {folder}: REJECTED: its signature does not match its contents under the pinned key \
             {pinned}, so the seal was altered after it was made; treat its records as unsealed"
        ),
        Outcome::Missing => format!(
            "seal of {folder}: NONE: the folder holds records but no trainer's seal, so nothing proves what it \
             held (if you sealed it, the seal was removed); `vigil seal` seals it as it is now"
        ),
        Outcome::Unreadable { problem } => format!(
            "seal of {folder}: cannot be read ({problem}); treat its records as unsealed, and seal the folder \
             again from the originals"
        ),
    }
}
