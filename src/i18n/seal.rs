//! The words of what a trainer's seal shows (`vigil records`, `vigil report`, `vigil seal`) and of making the key
//! it is made with (`vigil keygen`), in one language.

use super::{Lang, en, fill, kk, ru};
use crate::record::seal::fault::SealFault;
use crate::record::seal::manifest::SEAL_FORMAT;

/// The lines that say what the seal of a session folder shows. `{name}` marks a placeholder; every line about
/// one folder starts with its `{folder}`; the key words a trainer scans for (verified, CHANGED, NOT CHECKED,
/// REJECTED, NONE) are written the same way in every line of a language.
#[derive(Debug)]
pub struct SealStrings {
    /// The seal verifies and nothing changed: `{folder}`, `{pinned}` key, `{files}` (counted), `{when}`.
    pub verified: &'static str,
    /// The seal verifies but files changed: `{folder}`, `{pinned}`, `{files}` (counted), `{when}`, and the
    /// numbers `{edited}`, `{added}`, `{deleted}`.
    pub changed: &'static str,
    /// No public key is pinned: `{folder}`, `{when}`, `{by}` (the key the seal names).
    pub not_checked: &'static str,
    /// The seal was made with another key: `{folder}`, `{by}`, `{pinned}`.
    pub other_key: &'static str,
    /// The signature does not match the seal's contents: `{folder}`, `{pinned}`.
    pub altered: &'static str,
    /// Records but no seal while a key is pinned: `{folder}`.
    pub missing: &'static str,
    /// The seal file cannot be read: `{folder}`, `{problem}` (one of the faults below, or why a file cannot be
    /// read).
    pub unreadable: &'static str,
    /// The seal file is not UTF-8 text.
    pub seal_not_text: &'static str,
    /// The seal file is no seal: `{detail}`, the parser's words on where it goes wrong.
    pub seal_damaged: &'static str,
    /// The seal is of format `{format}`, newer than the one this build reads (`{expected}`).
    pub seal_format: &'static str,
    /// The seal is of format `{format}`, older than the one this build reads (`{expected}`).
    pub seal_older_format: &'static str,
    /// `{when}` of a known sealing time `{at}`.
    pub sealed_at: &'static str,
    /// `{when}` when the seal gives no time.
    pub unknown_time: &'static str,
    /// `{pinned}` when no key is pinned.
    pub no_pinned_key: &'static str,
    /// `{by}` when the seal names no key.
    pub unknown_key: &'static str,
    /// Counted: file, for `{files}`.
    pub files: [&'static str; 3],
    /// What happened to one file since sealing: edited, added, deleted.
    pub change_kinds: [&'static str; 3],
    /// The attempt id of a changed file, `{attempt}`.
    pub attempt: &'static str,
    /// Records whose room-key hash goes unchecked: `{records}` (counted with `room_hash_records`).
    pub unchecked_room_hashes: &'static str,
    /// Counted, for `{records}` of `unchecked_room_hashes` (in English with its verb: "1 record carries").
    pub room_hash_records: [&'static str; 3],
    /// `vigil seal` sealed a folder: `{files}` (counted), `{folder}`, `{at}`, `{key}` (its fingerprint), `{file}`
    /// (the seal's file); and what the seal certifies.
    pub sealed: &'static str,
    /// `vigil seal` sealed attempts still in progress: `{attempts}` (counted with `attempts_in_progress`).
    pub still_in_progress: &'static str,
    /// Counted, for `{attempts}` of `still_in_progress` (with its verb).
    pub attempts_in_progress: [&'static str; 3],
    /// `vigil seal` sealed files that are not readable records: `{files}` (counted).
    pub not_records: &'static str,
    /// `vigil keygen` made a key pair: `{fingerprint}`, `{signing}` (the secret key's file), `{public}` (the
    /// public key's file); and where to keep them.
    pub made_key_pair: &'static str,
}

impl Lang {
    /// The seal words of this language.
    pub fn seal(self) -> &'static SealStrings {
        match self {
            Lang::En => &en::SEAL,
            Lang::Ru => &ru::SEAL,
            Lang::Kk => &kk::SEAL,
        }
    }

    /// Why a seal file cannot be read, in this language.
    pub fn seal_fault(self, fault: &SealFault) -> String {
        let words = self.seal();
        match fault {
            SealFault::File(reason) => self.reason(reason),
            SealFault::NotText => words.seal_not_text.to_owned(),
            SealFault::Damaged { detail } => fill(words.seal_damaged, &[("detail", detail)]),
            SealFault::Format { format } => fill(
                if *format > SEAL_FORMAT {
                    words.seal_format
                } else {
                    words.seal_older_format
                },
                &[
                    ("format", &format.to_string()),
                    ("expected", &SEAL_FORMAT.to_string()),
                ],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{assert_translated, every_string};

    /// Every template of `strings`, field by field (a field left out here does not compile).
    fn templates(strings: &SealStrings) -> Vec<&'static str> {
        every_string!(
            strings,
            SealStrings {
                verified, changed, not_checked, other_key, altered, missing, unreadable, seal_not_text,
                seal_damaged, seal_format, seal_older_format, sealed_at, unknown_time, no_pinned_key, unknown_key,
                attempt, unchecked_room_hashes, sealed, still_in_progress, not_records, made_key_pair,
            };
            files, change_kinds, room_hash_records, attempts_in_progress
        )
    }

    #[test]
    fn every_language_has_every_template_with_the_same_placeholders() {
        let english = templates(Lang::En.seal());
        for lang in [Lang::Ru, Lang::Kk] {
            assert_translated(lang, &templates(lang.seal()), &english);
        }
    }

    #[test]
    fn the_key_words_are_in_capitals_in_every_language() {
        let words = [
            (
                Lang::En,
                ["verified", "CHANGED", "NOT CHECKED", "REJECTED", "NONE"],
            ),
            (
                Lang::Ru,
                ["ПРОВЕРЕНО", "ИЗМЕНЕНО", "НЕ ПРОВЕРЕНО", "ОТКЛОНЕНО", "НЕТ"],
            ),
            (
                Lang::Kk,
                [
                    "ТЕКСЕРІЛДІ",
                    "ӨЗГЕРГЕН",
                    "ТЕКСЕРІЛМЕГЕН",
                    "ҚАБЫЛДАНБАДЫ",
                    "ЖОҚ",
                ],
            ),
        ];
        for (lang, [verified, changed, not_checked, rejected, none]) in words {
            let seal = lang.seal();
            assert!(seal.verified.contains(verified), "{lang:?}");
            assert!(seal.changed.contains(verified), "{lang:?}");
            assert!(seal.changed.contains(changed), "{lang:?}");
            assert!(seal.not_checked.contains(not_checked), "{lang:?}");
            assert!(seal.unchecked_room_hashes.contains(not_checked), "{lang:?}");
            assert!(seal.other_key.contains(rejected), "{lang:?}");
            assert!(seal.altered.contains(rejected), "{lang:?}");
            assert!(seal.missing.contains(none), "{lang:?}");
        }
    }
}
