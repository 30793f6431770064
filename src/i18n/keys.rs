//! The words of why the trainer's keys or a seal cannot be used or made (`vigil keygen`, `vigil seal`, and the
//! public key that `records`, `report` and `dashboard` check seals with), in one language.

use super::{Lang, en, fill, kk, ru};
use crate::record::problem::Reason;
use crate::record::seal::SealError;
use crate::record::seal::keys::{KeyError, KeyKind};

/// Why a key or a seal cannot be used or made. `{file}` is a key or seal file, `{folder}` a folder, `{problem}`
/// why a file cannot be read, `{error}` the system's own words.
#[derive(Debug)]
pub struct KeyStrings {
    /// The signing key file `{file}` cannot be read: `{problem}`.
    pub signing_unreadable: &'static str,
    /// The public key file `{file}` cannot be read: `{problem}`.
    pub public_unreadable: &'static str,
    /// `{file}` is not an Ed25519 signing key in PEM form: `{problem}`.
    pub signing_malformed: &'static str,
    /// `{file}` is not an Ed25519 public key in PEM form: `{problem}`.
    pub public_malformed: &'static str,
    /// The `{problem}` of a key file that is not text.
    pub not_text: &'static str,
    /// A key file `{file}` is already where `vigil keygen` would write one.
    pub exists: &'static str,
    /// The key file `{file}` could not be written: `{error}`.
    pub unwritable: &'static str,
    /// The public key `{file}` lies inside the results folder `{folder}`.
    pub public_in_results: &'static str,
    /// The signing key `{file}` lies inside the results folder `{folder}`.
    pub signing_in_results: &'static str,
    /// The system has no user config folder to keep the keys in.
    pub no_key_folder: &'static str,
    /// The session folder `{folder}` to seal holds no records.
    pub seal_empty: &'static str,
    /// `{file}` of the session folder `{folder}` could not be read to seal it: `{problem}`.
    pub seal_unreadable: &'static str,
    /// The session folder `{folder}` has a seal that does not match it: `{found}`, what the seal shows.
    pub seal_changed: &'static str,
    /// The seal `{file}` could not be written: `{error}`.
    pub seal_unwritable: &'static str,
}

impl Lang {
    /// Why a key or record file cannot be read, for a message that already says it cannot be: the system's own
    /// words alone when that is all there is to say.
    fn unread(self, problem: &Reason) -> String {
        match problem {
            Reason::Unreadable { error } => error.clone(),
            other => self.reason(other),
        }
    }

    /// The words of why a key or a seal cannot be used or made, in this language.
    pub fn keys(self) -> &'static KeyStrings {
        match self {
            Lang::En => &en::KEYS,
            Lang::Ru => &ru::KEYS,
            Lang::Kk => &kk::KEYS,
        }
    }

    /// Why a key file cannot be used, in this language.
    pub fn key_error(self, error: &KeyError) -> String {
        let words = self.keys();
        let shown = |path: &std::path::Path| path.display().to_string();
        let by_kind = |kind: KeyKind, signing, public| match kind {
            KeyKind::Signing => signing,
            KeyKind::Public => public,
        };
        match error {
            KeyError::Unreadable {
                kind,
                path,
                problem,
            } => fill(
                by_kind(*kind, words.signing_unreadable, words.public_unreadable),
                &[("file", &shown(path)), ("problem", &self.unread(problem))],
            ),
            KeyError::Malformed {
                kind,
                path,
                problem,
            } => fill(
                by_kind(*kind, words.signing_malformed, words.public_malformed),
                &[
                    ("file", &shown(path)),
                    ("problem", problem.as_deref().unwrap_or(words.not_text)),
                ],
            ),
            KeyError::Exists { path } => fill(words.exists, &[("file", &shown(path))]),
            KeyError::Unwritable { path, source } => fill(
                words.unwritable,
                &[("file", &shown(path)), ("error", &source.to_string())],
            ),
            KeyError::InResults { kind, path, folder } => fill(
                by_kind(*kind, words.signing_in_results, words.public_in_results),
                &[("file", &shown(path)), ("folder", &shown(folder))],
            ),
        }
    }

    /// Why a folder cannot be sealed, in this language.
    pub fn seal_error(self, error: &SealError) -> String {
        let words = self.keys();
        let shown = |path: &std::path::Path| path.display().to_string();
        match error {
            SealError::Empty { folder } => fill(words.seal_empty, &[("folder", &shown(folder))]),
            SealError::Unreadable {
                folder,
                path,
                problem,
            } => fill(
                words.seal_unreadable,
                &[
                    ("folder", &shown(folder)),
                    ("file", &shown(path)),
                    ("problem", &self.unread(problem)),
                ],
            ),
            SealError::Changed { folder, found } => fill(
                words.seal_changed,
                &[("folder", &shown(folder)), ("found", found)],
            ),
            SealError::Unwritable { path, source } => fill(
                words.seal_unwritable,
                &[("file", &shown(path)), ("error", &source.to_string())],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::i18n::{assert_translated, every_string};

    /// Every template of `strings`, field by field (a field left out here does not compile).
    fn templates(strings: &KeyStrings) -> Vec<&'static str> {
        every_string!(
            strings,
            KeyStrings {
                signing_unreadable,
                public_unreadable,
                signing_malformed,
                public_malformed,
                not_text,
                exists,
                unwritable,
                public_in_results,
                signing_in_results,
                no_key_folder,
                seal_empty,
                seal_unreadable,
                seal_changed,
                seal_unwritable
            }
        )
    }

    #[test]
    fn every_language_has_every_template_with_the_same_placeholders() {
        let english = templates(Lang::En.keys());
        for lang in [Lang::Ru, Lang::Kk] {
            assert_translated(lang, &templates(lang.keys()), &english);
        }
    }

    /// One of every error, each naming a file `key.pem` or a folder `session`.
    fn every_error() -> (Vec<KeyError>, Vec<SealError>) {
        let file = PathBuf::from("key.pem");
        let folder = PathBuf::from("session");
        let denied = || std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let mut keys = Vec::new();
        for kind in [KeyKind::Signing, KeyKind::Public] {
            keys.push(KeyError::Unreadable {
                kind,
                path: file.clone(),
                problem: Reason::Empty,
            });
            for problem in [None, Some("bad PEM".to_owned())] {
                keys.push(KeyError::Malformed {
                    kind,
                    path: file.clone(),
                    problem,
                });
            }
            keys.push(KeyError::InResults {
                kind,
                path: file.clone(),
                folder: folder.clone(),
            });
        }
        keys.push(KeyError::Exists { path: file.clone() });
        keys.push(KeyError::Unwritable {
            path: file.clone(),
            source: denied(),
        });
        let seals = vec![
            SealError::Empty {
                folder: folder.clone(),
            },
            SealError::Unreadable {
                folder: folder.clone(),
                path: file.clone(),
                problem: Reason::NotRegular,
            },
            SealError::Changed {
                folder,
                found: "found".to_owned(),
            },
            SealError::Unwritable {
                path: file,
                source: denied(),
            },
        ];
        (keys, seals)
    }

    #[test]
    fn every_error_names_its_file_or_folder_in_every_language_with_nothing_left_unfilled() {
        let (keys, seals) = every_error();
        for lang in Lang::ALL {
            let words: Vec<String> = keys
                .iter()
                .map(|error| lang.key_error(error))
                .chain(seals.iter().map(|error| lang.seal_error(error)))
                .collect();
            for said in &words {
                assert!(
                    said.contains("key.pem") || said.contains("session"),
                    "{lang:?}: {said}"
                );
                assert!(
                    !said.contains('{') && !said.contains('}'),
                    "{lang:?}: {said}"
                );
            }
            assert!(words.iter().any(|said| said.contains(lang.keys().not_text)));
        }
        assert_eq!(keys[0].to_string(), Lang::En.key_error(&keys[0]));
        let missing = KeyError::Unreadable {
            kind: KeyKind::Public,
            path: PathBuf::from("key.pem"),
            problem: Reason::Unreadable {
                error: "No such file or directory".to_owned(),
            },
        };
        assert_eq!(
            Lang::Ru.key_error(&missing),
            "файл открытого ключа key.pem не читается: No such file or directory; укажите файл открытого \
             ключа, который `vigil keygen` записал на компьютере тренера"
        );
        assert_eq!(seals[0].to_string(), Lang::En.seal_error(&seals[0]));
    }
}
