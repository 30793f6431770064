//! The trainer's seal of a session folder: after the session, `vigil seal` signs with the trainer's Ed25519
//! key a list of the folder's files (attempt id and BLAKE3 of each); `vigil records`, `vigil report` and
//! `vigil dashboard` verify it with the public key pinned on the trainer's machine and name every file edited,
//! added or deleted since.
//!
//! Unlike the room key (a keyed hash every workstation can compute), the signing key never leaves the trainer's
//! machine, so a seal proves what the folder held when the trainer sealed it.

pub mod fault;
pub mod folder;
pub mod keys;
pub mod manifest;
pub mod status;

pub use crate::record::listing::SEAL_FILE_NAME;
pub use folder::{ChangeKind, Outcome, SealCheck, SealError, Sealed, check_folder, seal_folder};
pub use keys::{KeyError, PinnedKey, pinned_key};
pub use status::{SealStatus, SealSurvey, seal_files};
