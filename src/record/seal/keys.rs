//! The trainer's signing key pair: made on the trainer's machine, kept as PEM text files (the signing key
//! readable by its owner only), and the public key pinned there to verify seals.

use std::path::{Path, PathBuf};

use ed25519_dalek::pkcs8::spki::der::pem::LineEnding;
use ed25519_dalek::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use ed25519_dalek::{SigningKey, VerifyingKey};

use crate::i18n::Lang;
use crate::record::listing::read_regular;
use crate::record::problem::Reason;
use crate::record::writer::{replace_file, replace_private_file};

/// The file name of the trainer's signing key (secret) in its folder.
pub const SIGNING_KEY_FILE: &str = "signing-key.pem";

/// The file name of the trainer's public key in its folder: the key pinned for verifying seals.
pub const PUBLIC_KEY_FILE: &str = "signing-key.pub.pem";

/// Which of the trainer's two keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// The signing key (secret), which makes seals.
    Signing,
    /// The public key, which checks them.
    Public,
}

/// Why a key file cannot be used; worded in the trainer's language by [`Lang::key_error`], in English by
/// `Display`.
#[derive(Debug)]
pub enum KeyError {
    /// The file cannot be read.
    Unreadable {
        /// Which key.
        kind: KeyKind,
        /// The file.
        path: PathBuf,
        /// Why.
        problem: Reason,
    },
    /// The file holds something else.
    Malformed {
        /// Which key.
        kind: KeyKind,
        /// The file.
        path: PathBuf,
        /// What the PEM reader said; `None` when the file is not even text.
        problem: Option<String>,
    },
    /// A key pair already exists where a new one would go.
    Exists {
        /// The existing file.
        path: PathBuf,
    },
    /// A key file cannot be written.
    Unwritable {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A key lies in a results folder, where anyone at a workstation can read or replace it.
    InResults {
        /// Which key.
        kind: KeyKind,
        /// The key file.
        path: PathBuf,
        /// The results folder.
        folder: PathBuf,
    },
}

impl std::fmt::Display for KeyError {
    /// In English: [`Lang::key_error`] says it in another language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.key_error(self))
    }
}

impl std::error::Error for KeyError {}

/// A short, stable name of a public key for people to compare: 128 bits of its BLAKE3 hash in groups of four
/// hex digits.
pub fn fingerprint(key: &VerifyingKey) -> String {
    let hash = blake3::hash(key.as_bytes());
    let hex = hash.to_hex();
    hex.as_bytes()[..32]
        .chunks(4)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// The public key that verifies seals on this machine, and the file it came from.
#[derive(Debug, Clone)]
pub struct PinnedKey {
    /// The key.
    pub key: VerifyingKey,
    /// Its file.
    pub path: PathBuf,
}

impl PinnedKey {
    /// The key's fingerprint.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.key)
    }
}

/// The folder of the trainer's keys on this machine: the user's config folder for Vigil.
pub fn user_key_folder() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "vigil").map(|dirs| dirs.config_dir().to_path_buf())
}

/// The files of a key pair just written.
#[derive(Debug, Clone)]
pub struct KeyPairFiles {
    /// The signing key (secret).
    pub signing: PathBuf,
    /// The public key.
    pub public: PathBuf,
}

/// Writes `key` and its public key into `folder` (created if needed) as PEM text, the signing key readable by
/// its owner only; an existing pair is kept unless `replace`.
pub fn write_key_pair(
    folder: &Path,
    key: &SigningKey,
    replace: bool,
) -> Result<KeyPairFiles, KeyError> {
    let files = KeyPairFiles {
        signing: folder.join(SIGNING_KEY_FILE),
        public: folder.join(PUBLIC_KEY_FILE),
    };
    if !replace
        && let Some(existing) = [&files.signing, &files.public]
            .into_iter()
            .find(|p| p.exists())
    {
        return Err(KeyError::Exists {
            path: existing.clone(),
        });
    }
    let unwritable = |path: &Path| {
        let path = path.to_path_buf();
        move |source| KeyError::Unwritable { path, source }
    };
    std::fs::create_dir_all(folder).map_err(unwritable(folder))?;
    let secret = key
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|error| KeyError::Malformed {
            kind: KeyKind::Signing,
            path: files.signing.clone(),
            problem: Some(error.to_string()),
        })?;
    replace_private_file(&files.signing, secret.as_bytes()).map_err(unwritable(&files.signing))?;
    let public = key
        .verifying_key()
        .to_public_key_pem(LineEnding::LF)
        .map_err(|error| KeyError::Malformed {
            kind: KeyKind::Public,
            path: files.public.clone(),
            problem: Some(error.to_string()),
        })?;
    replace_file(&files.public, public.as_bytes()).map_err(unwritable(&files.public))?;
    Ok(files)
}

/// The text of a key file, or why it cannot be read.
fn key_text(kind: KeyKind, path: &Path) -> Result<String, KeyError> {
    let bytes = read_regular(path).map_err(|problem| KeyError::Unreadable {
        kind,
        path: path.to_path_buf(),
        problem,
    })?;
    String::from_utf8(bytes).map_err(|_| KeyError::Malformed {
        kind,
        path: path.to_path_buf(),
        problem: None,
    })
}

/// Reads the trainer's signing key from `path`.
pub fn read_signing_key(path: &Path) -> Result<SigningKey, KeyError> {
    let text = key_text(KeyKind::Signing, path)?;
    SigningKey::from_pkcs8_pem(&text).map_err(|error| KeyError::Malformed {
        kind: KeyKind::Signing,
        path: path.to_path_buf(),
        problem: Some(error.to_string()),
    })
}

/// Reads a public key from `path`.
pub fn read_public_key(path: &Path) -> Result<VerifyingKey, KeyError> {
    let text = key_text(KeyKind::Public, path)?;
    VerifyingKey::from_public_key_pem(&text).map_err(|error| KeyError::Malformed {
        kind: KeyKind::Public,
        path: path.to_path_buf(),
        problem: Some(error.to_string()),
    })
}

/// The one of `folders` that holds the file `path`, if any (links resolved).
pub fn folder_holding<'a>(path: &Path, folders: &'a [PathBuf]) -> Option<&'a PathBuf> {
    let path = std::fs::canonicalize(path).ok()?;
    folders
        .iter()
        .find(|folder| std::fs::canonicalize(folder).is_ok_and(|folder| path.starts_with(folder)))
}

/// The public key that verifies seals: the file given on the command line (`flag`), else the one `vigil keygen`
/// left in `user_folder`, else none. Never a key from a results folder or from `vigil.ron`, which trainees can
/// write: a `flag` inside one of `results` is refused.
pub fn pinned_key(
    flag: Option<&Path>,
    user_folder: Option<&Path>,
    results: &[PathBuf],
) -> Result<Option<PinnedKey>, KeyError> {
    let path = match (flag, user_folder) {
        (Some(flag), _) => flag.to_path_buf(),
        (None, Some(folder)) if folder.join(PUBLIC_KEY_FILE).exists() => {
            folder.join(PUBLIC_KEY_FILE)
        }
        (None, _) => return Ok(None),
    };
    if let Some(folder) = folder_holding(&path, results) {
        return Err(KeyError::InResults {
            kind: KeyKind::Public,
            folder: folder.clone(),
            path,
        });
    }
    let key = read_public_key(&path)?;
    Ok(Some(PinnedKey { key, path }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_bytes(&[seed; 32])
    }

    #[test]
    fn a_key_pair_round_trips_through_its_text_files() {
        let dir = tempfile::tempdir().unwrap();
        let files = write_key_pair(dir.path(), &key(7), false).unwrap();
        let text = std::fs::read_to_string(&files.signing).unwrap();
        assert!(text.starts_with("-----BEGIN PRIVATE KEY-----\n"), "{text}");
        assert_eq!(
            read_signing_key(&files.signing).unwrap().to_bytes(),
            [7; 32]
        );
        assert_eq!(
            read_public_key(&files.public).unwrap(),
            key(7).verifying_key()
        );
    }

    #[test]
    fn an_existing_pair_is_kept_unless_replaced() {
        let dir = tempfile::tempdir().unwrap();
        write_key_pair(dir.path(), &key(1), false).unwrap();
        let again = write_key_pair(dir.path(), &key(2), false).unwrap_err();
        assert!(again.to_string().contains("--force"), "{again}");
        let files = write_key_pair(dir.path(), &key(2), true).unwrap();
        assert_eq!(
            read_signing_key(&files.signing).unwrap().to_bytes(),
            [2; 32]
        );
    }

    #[test]
    fn fingerprints_differ_per_key_and_read_in_groups() {
        let one = fingerprint(&key(1).verifying_key());
        assert_eq!(one.len(), 39);
        assert_eq!(one.matches('-').count(), 7);
        assert_ne!(one, fingerprint(&key(2).verifying_key()));
    }

    #[test]
    fn a_file_that_is_not_a_key_is_named_with_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key.pem");
        std::fs::write(&path, "hello").unwrap();
        let error = read_public_key(&path).unwrap_err().to_string();
        assert!(
            error.contains("key.pem") && error.contains("vigil keygen"),
            "{error}"
        );
        let missing = read_signing_key(&dir.path().join("none.pem")).unwrap_err();
        assert!(missing.to_string().contains("none.pem"), "{missing}");
    }
}
