//! The words of why answers cannot be saved (a results folder that is missing, read-only or full, or settings
//! that cannot be read), said to the trainer on a trainee's screen, in one language.

use super::{Lang, en, fill, kk, ru};
use crate::record::StoreError;

/// Why answers cannot be saved. `{folder}` is the results or session folder, `{error}` the system's own words.
#[derive(Debug)]
pub struct StoreStrings {
    /// The results folder named in the settings does not exist: `{folder}`.
    pub no_results_folder: &'static str,
    /// No results folder could be opened.
    pub no_store: &'static str,
    /// The thread reading the settings ended without a word.
    pub config_unread: &'static str,
    /// The results folder cannot be created: `{folder}`, `{error}`.
    pub not_creatable: &'static str,
    /// The results folder is read-only: `{folder}`, `{error}`.
    pub read_only: &'static str,
    /// The disk is full: `{folder}`, `{error}`.
    pub full: &'static str,
    /// The results folder disappeared while in use: `{folder}`, `{error}`.
    pub vanished: &'static str,
    /// Any other write failure: `{folder}`, `{error}`.
    pub other: &'static str,
    /// A record for `{attempt}` already exists.
    pub already_exists: &'static str,
    /// `{attempt}` is being continued on another computer, which saved it in `{folder}`.
    pub displaced: &'static str,
    /// The record could not be encoded: `{error}`.
    pub encode: &'static str,
}

impl Lang {
    /// The words of why answers cannot be saved, in this language.
    pub fn store(self) -> &'static StoreStrings {
        match self {
            Lang::En => &en::STORE,
            Lang::Ru => &ru::STORE,
            Lang::Kk => &kk::STORE,
        }
    }

    /// Why a record could not be saved, in this language.
    pub fn store_error(self, error: &StoreError) -> String {
        let words = self.store();
        let in_folder = |template: &str, folder: &std::path::Path, cause: &std::io::Error| {
            fill(
                template,
                &[
                    ("folder", &folder.display().to_string()),
                    ("error", &cause.to_string()),
                ],
            )
        };
        match error {
            StoreError::NotCreatable { folder, source } => {
                in_folder(words.not_creatable, folder, source)
            }
            StoreError::ReadOnly { folder, source } => in_folder(words.read_only, folder, source),
            StoreError::Full { folder, source } => in_folder(words.full, folder, source),
            StoreError::Vanished { folder, source } => in_folder(words.vanished, folder, source),
            StoreError::Other { folder, source } => in_folder(words.other, folder, source),
            StoreError::AlreadyExists(attempt) => {
                fill(words.already_exists, &[("attempt", attempt)])
            }
            StoreError::Displaced { attempt, folder } => fill(
                words.displaced,
                &[
                    ("attempt", attempt),
                    ("folder", &folder.display().to_string()),
                ],
            ),
            StoreError::Encode(error) => fill(words.encode, &[("error", error)]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::assert_translated;
    use std::io;
    use std::path::PathBuf;

    /// Every string of `strings`, field by field (a field left out here does not compile).
    fn all(strings: &StoreStrings) -> Vec<&'static str> {
        let StoreStrings {
            no_results_folder,
            no_store,
            config_unread,
            not_creatable,
            read_only,
            full,
            vanished,
            other,
            already_exists,
            displaced,
            encode,
        } = strings;
        vec![
            no_results_folder,
            no_store,
            config_unread,
            not_creatable,
            read_only,
            full,
            vanished,
            other,
            already_exists,
            displaced,
            encode,
        ]
    }

    #[test]
    fn every_language_has_every_string_with_the_same_placeholders() {
        let english = all(Lang::En.store());
        for lang in [Lang::Ru, Lang::Kk] {
            assert_translated(lang, &all(lang.store()), &english);
        }
    }

    #[test]
    fn a_read_only_results_folder_is_named_with_what_to_do_in_each_language() {
        let error = StoreError::ReadOnly {
            folder: PathBuf::from("/mnt/share/room"),
            source: io::Error::from(io::ErrorKind::PermissionDenied),
        };
        assert_eq!(
            Lang::En.store_error(&error),
            "the results folder /mnt/share/room is read-only (permission denied); make it writable for the \
             workstations, or choose another folder"
        );
        assert_eq!(error.to_string(), Lang::En.store_error(&error));
        for lang in [Lang::Ru, Lang::Kk] {
            let words = lang.store_error(&error);
            assert!(words.contains("/mnt/share/room"), "{words}");
            assert_ne!(words, Lang::En.store_error(&error));
        }
    }
}
