//! Why a workstation cannot record answers, said to the trainer on the trainee's screen in the screen's language.

use std::path::PathBuf;
use std::sync::Arc;

use crate::i18n::{Lang, fill};
use crate::record::StoreError;

/// Why answers cannot be recorded on this workstation.
#[derive(Debug, Clone)]
pub enum Blocker {
    /// The results folder the settings name does not exist.
    NoResultsFolder(PathBuf),
    /// Answers are to be recorded, but no results folder was opened.
    NoStore,
    /// The results folder cannot be written to.
    Unwritable(Arc<StoreError>),
    /// The settings could not be read: their own error, naming file, line and column (in English, as
    /// `vigil check` says it).
    Settings(String),
    /// The thread reading the settings ended without a word (it cannot, short of a bug).
    SettingsUnread,
}

impl Blocker {
    /// What the trainer is told, in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        let words = lang.store();
        match self {
            Blocker::NoResultsFolder(folder) => fill(
                words.no_results_folder,
                &[("folder", &folder.display().to_string())],
            ),
            Blocker::NoStore => words.no_store.to_owned(),
            Blocker::Unwritable(error) => sentence(&lang.store_error(error)),
            Blocker::Settings(error) => error.clone(),
            Blocker::SettingsUnread => words.config_unread.to_owned(),
        }
    }
}

/// `text` as a sentence of its own: its first letter in capitals.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_results_folder_is_named_in_the_screens_language() {
        let blocker = Blocker::NoResultsFolder(PathBuf::from("/mnt/share/room"));
        let english = blocker.words(Lang::En);
        assert!(
            english.starts_with("The results folder /mnt/share/room does not exist"),
            "{english}"
        );
        let russian = blocker.words(Lang::Ru);
        assert!(
            russian.starts_with("Папки результатов /mnt/share/room нет"),
            "{russian}"
        );
        assert!(blocker.words(Lang::Kk).contains("/mnt/share/room"));
    }
}
