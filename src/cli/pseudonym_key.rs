//! The trainer's pseudonym key file: read, or made on first use, on the trainer's own machine, never where the
//! workstations can read it (a results folder, the config, the room key).

use std::io;
use std::path::{Path, PathBuf};

use rand::Rng;

use super::output::{OutputClash, refuse_clash};
use crate::i18n::Lang;
use crate::record::seal::keys::user_key_folder;
use crate::report::pseudonym::PseudonymKey;

/// The file name of the pseudonym key in the trainer's config folder.
pub const FILE_NAME: &str = "pseudonym.key";

/// Why the pseudonym key cannot be used; worded in the trainer's language by [`Lang::pseudonym_key_error`], in
/// English by `Display`.
#[derive(Debug)]
pub enum KeyFileError {
    /// There is no user config folder to keep the key in.
    NoFolder,
    /// The key lies where workstations read.
    InResults {
        /// The key file.
        path: PathBuf,
        /// The results folder.
        folder: PathBuf,
    },
    /// The key is a file the room reads.
    RoomFile {
        /// The key file.
        path: PathBuf,
    },
    /// The key file cannot be read.
    Unreadable {
        /// The key file.
        path: PathBuf,
        /// What went wrong.
        error: io::Error,
    },
    /// The key file does not hold a key.
    Malformed {
        /// The key file.
        path: PathBuf,
    },
    /// A new key could not be written.
    Unwritable {
        /// The key file.
        path: PathBuf,
        /// What went wrong.
        error: io::Error,
    },
}

impl std::fmt::Display for KeyFileError {
    /// In English: [`Lang::pseudonym_key_error`] says it in another language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.pseudonym_key_error(self))
    }
}

impl std::error::Error for KeyFileError {}

/// A key read or made.
#[derive(Debug)]
pub struct LoadedKey {
    /// The key.
    pub key: PseudonymKey,
    /// Its file.
    pub path: PathBuf,
    /// Whether the file was made just now.
    pub created: bool,
}

/// The default key file: `pseudonym.key` in the trainer's user config folder.
pub fn default_path() -> Option<PathBuf> {
    user_key_folder().map(|folder| folder.join(FILE_NAME))
}

/// Reads the key at `path` (the default when `None`), or makes it with `rng` and writes it with `write` (an
/// atomic, owner-only write) when the file does not exist yet. Refuses a file inside one of `results` or one of
/// `room_files` (the config, the room key).
pub fn load_or_create(
    path: Option<&Path>,
    results: &[PathBuf],
    room_files: &[PathBuf],
    rng: &mut (impl Rng + ?Sized),
    write: impl FnOnce(&Path, &[u8]) -> io::Result<()>,
) -> Result<LoadedKey, KeyFileError> {
    let path = match path {
        Some(path) => path.to_path_buf(),
        None => default_path().ok_or(KeyFileError::NoFolder)?,
    };
    match refuse_clash(&path, room_files, results) {
        Ok(()) => {}
        Err(OutputClash::ReadFile { .. }) => return Err(KeyFileError::RoomFile { path }),
        Err(OutputClash::InResults { folder, .. }) => {
            return Err(KeyFileError::InResults { path, folder });
        }
    }
    match std::fs::read_to_string(&path) {
        Ok(text) => match PseudonymKey::parse(&text) {
            Some(key) => Ok(LoadedKey {
                key,
                path,
                created: false,
            }),
            None => Err(KeyFileError::Malformed { path }),
        },
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            let key = PseudonymKey::generate(rng);
            let made = match path.parent() {
                Some(folder) if !folder.as_os_str().is_empty() => std::fs::create_dir_all(folder),
                _ => Ok(()),
            };
            made.and_then(|()| write(&path, key.to_text().as_bytes()))
                .map_err(|error| KeyFileError::Unwritable {
                    path: path.clone(),
                    error,
                })?;
            Ok(LoadedKey {
                key,
                path,
                created: true,
            })
        }
        Err(error) => Err(KeyFileError::Unreadable { path, error }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::writer::replace_private_file;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    fn rng() -> StdRng {
        StdRng::seed_from_u64(3)
    }

    #[test]
    fn the_key_is_made_on_first_use_then_read_back_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("trainer").join(FILE_NAME);
        let first =
            load_or_create(Some(&path), &[], &[], &mut rng(), replace_private_file).unwrap();
        assert!(first.created);
        let again = load_or_create(
            Some(&path),
            &[],
            &[],
            &mut StdRng::seed_from_u64(4),
            |_, _| panic!("an existing key is never rewritten"),
        )
        .unwrap();
        assert!(!again.created);
        assert_eq!(first.key, again.key);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_key_file_is_readable_by_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        load_or_create(Some(&path), &[], &[], &mut rng(), replace_private_file).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_key_inside_a_results_folder_or_equal_to_the_room_key_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let results = dir.path().join("results");
        std::fs::create_dir(&results).unwrap();
        let inside = results.join(FILE_NAME);
        let refused = load_or_create(
            Some(&inside),
            std::slice::from_ref(&results),
            &[],
            &mut rng(),
            replace_private_file,
        );
        assert!(matches!(refused, Err(KeyFileError::InResults { .. })));
        assert!(
            !inside.exists(),
            "nothing is written into the results folder"
        );
        let room_key = dir.path().join("room.key");
        std::fs::write(&room_key, "room secret").unwrap();
        let refused = load_or_create(
            Some(&room_key),
            &[results],
            std::slice::from_ref(&room_key),
            &mut rng(),
            replace_private_file,
        );
        let message = refused.unwrap_err().to_string();
        assert!(message.contains("every workstation reads"), "{message}");
    }

    #[test]
    fn a_failed_write_or_a_damaged_key_says_which_file_and_what_to_do() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let failed = load_or_create(Some(&path), &[], &[], &mut rng(), |_, _| {
            Err(io::Error::other("disk full"))
        });
        let message = failed.unwrap_err().to_string();
        assert!(
            message.contains("disk full") && message.contains(FILE_NAME),
            "{message}"
        );
        std::fs::write(&path, "scribbled over").unwrap();
        let damaged = load_or_create(Some(&path), &[], &[], &mut rng(), replace_private_file);
        let message = damaged.unwrap_err().to_string();
        assert!(message.contains("64 hex digits"), "{message}");
    }
}
