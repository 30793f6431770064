//! What the seals of the folders a command reads say, in words for one visible line each: the trainer's
//! seals checked with the pinned key, and record hashes that no room key checked.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::folder::{
    ChangeKind, Outcome, SealCheck, SealedFiles, Verification, holds_records, verify,
};
use super::keys::PinnedKey;
use crate::i18n::{Lang, fill};
use crate::record::listing::SEAL_FILE_NAME;
use crate::record::store::safe_segment;

/// The seal status of everything a command reads.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
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

/// Where the seal of each session folder under `folders` (only `sessions`, when given) is or would be: what tells,
/// without reading a record, whether a folder was sealed (again) since it was last looked at.
pub fn seal_files(folders: &[PathBuf], sessions: &[String]) -> Vec<PathBuf> {
    session_folders(folders, sessions)
        .into_iter()
        .map(|folder| folder.join(SEAL_FILE_NAME))
        .collect()
}

/// The seals of the folders a command reads, their signatures checked, waiting for the hashes of the files of
/// the folders whose seal verified: a command that reads those files anyway hands over their hashes instead of
/// having them read a second time.
#[derive(Debug)]
pub struct SealSurvey {
    status: SealStatus,
    /// For each seal that verified: its place in `status.sessions`, and the files it lists.
    verified: Vec<(usize, SealedFiles)>,
}

impl SealSurvey {
    /// Reads and checks the seals of the session folders under `folders` (only `sessions`, when given) with
    /// `pinned`; no record file is read.
    pub fn start(folders: &[PathBuf], sessions: &[String], pinned: Option<&PinnedKey>) -> Self {
        let mut survey = Self {
            status: SealStatus {
                pinned_key: pinned.map(PinnedKey::fingerprint),
                ..SealStatus::default()
            },
            verified: Vec::new(),
        };
        for folder in session_folders(folders, sessions) {
            match verify(&folder, pinned) {
                Some(Verification { check, verified }) => {
                    if let Some(manifest) = verified {
                        let files = SealedFiles::of(&manifest);
                        survey.verified.push((survey.status.sessions.len(), files));
                    }
                    survey.status.sessions.push(check);
                }
                None if pinned.is_some() && holds_records(&folder) => {
                    survey.status.sessions.push(SealCheck {
                        folder: folder.clone(),
                        sealed_at: None,
                        sealed_by: None,
                        outcome: Outcome::Missing,
                    });
                }
                None => {}
            }
        }
        survey
    }

    /// Lists what changed in each folder whose seal verified, from `files`: the files a scan read, each with the
    /// hash of its bytes (see [`crate::record::scan::Scan::hashes`]); files of other folders are passed over. A
    /// folder of which no file was read (one the scan did not list, such as a session folder reached through a
    /// link) is read here instead. The survey stays as it was, for a caller that compares the same seals with the
    /// folders' files again later (the dashboard, at every refresh that read a file).
    pub fn finish<'a>(
        &self,
        files: impl IntoIterator<Item = (&'a Path, Option<blake3::Hash>)>,
    ) -> SealStatus {
        let mut status = self.status.clone();
        let wanted: HashMap<PathBuf, usize> = self
            .verified
            .iter()
            .enumerate()
            .map(|(at, (index, _))| (status.sessions[*index].folder.clone(), at))
            .collect();
        // A folder named twice is compared at its last place; the first is read (and found the same).
        let mut comparisons: Vec<_> = self
            .verified
            .iter()
            .map(|(_, files)| files.compare())
            .collect();
        if !wanted.is_empty() {
            for (path, hash) in files {
                if let Some(at) = path.parent().and_then(|folder| wanted.get(folder)) {
                    comparisons[*at].note(path, hash);
                }
            }
        }
        for ((index, files), comparison) in self.verified.iter().zip(comparisons) {
            let check = &mut status.sessions[*index];
            if let Outcome::Verified { changes, .. } = &mut check.outcome {
                *changes = if comparison.met_any() {
                    comparison.changes(&check.folder)
                } else {
                    files.changes_read(&check.folder)
                };
            }
        }
        status
    }
}

impl SealStatus {
    /// Checks the seals of the session folders under `folders` (only `sessions`, when given) with `pinned`,
    /// reading the files of every folder whose seal verifies; see [`SealSurvey`] for a command that reads them
    /// anyway. The records whose room-key hash goes unchecked are counted by the command that reads them.
    pub fn survey(folders: &[PathBuf], sessions: &[String], pinned: Option<&PinnedKey>) -> Self {
        SealSurvey::start(folders, sessions, pinned).finish([])
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

    /// The lines people read, in `lang`: one per seal, one per changed file, and one for unchecked room-key
    /// hashes.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let words = lang.seal();
        let mut lines = Vec::new();
        for check in &self.sessions {
            lines.push(describe(check, self.pinned_key.as_deref(), lang));
            if let Outcome::Verified { changes, .. } = &check.outcome {
                lines.extend(changes.iter().map(|change| {
                    let attempt = change.attempt.as_ref().map_or_else(String::new, |id| {
                        format!(" ({})", fill(words.attempt, &[("attempt", id)]))
                    });
                    format!(
                        "  {}: {}{attempt}",
                        change_words(change.kind, lang),
                        change.path.display()
                    )
                }));
            }
        }
        if self.unchecked_room_hashes > 0 {
            let records = lang.count(self.unchecked_room_hashes as u64, words.room_hash_records);
            lines.push(fill(words.unchecked_room_hashes, &[("records", &records)]));
        }
        lines
    }
}

/// The words, in `lang`, for what happened to a file since sealing.
fn change_words(kind: ChangeKind, lang: Lang) -> &'static str {
    let [edited, added, deleted] = lang.seal().change_kinds;
    match kind {
        ChangeKind::Edited => edited,
        ChangeKind::Added => added,
        ChangeKind::Deleted => deleted,
    }
}

/// One line, in `lang`, saying what the seal of one folder shows, checked with the key of fingerprint `pinned`.
pub fn describe(check: &SealCheck, pinned: Option<&str>, lang: Lang) -> String {
    let words = lang.seal();
    let (files, changes, problem) = match &check.outcome {
        Outcome::Verified { files, changes } => (*files, changes.as_slice(), String::new()),
        Outcome::Unreadable { problem } => (0, [].as_slice(), lang.seal_fault(problem)),
        _ => (0, [].as_slice(), String::new()),
    };
    let template = match &check.outcome {
        Outcome::Verified { .. } if changes.is_empty() => words.verified,
        Outcome::Verified { .. } => words.changed,
        Outcome::NoKey => words.not_checked,
        Outcome::OtherKey => words.other_key,
        Outcome::Altered => words.altered,
        Outcome::Missing => words.missing,
        Outcome::Unreadable { .. } => words.unreadable,
    };
    let when = check.sealed_at.map_or_else(
        || words.unknown_time.to_owned(),
        |at| fill(words.sealed_at, &[("at", &at.to_string())]),
    );
    let count = |kind| {
        changes
            .iter()
            .filter(|c| c.kind == kind)
            .count()
            .to_string()
    };
    let [edited, added, deleted] =
        [ChangeKind::Edited, ChangeKind::Added, ChangeKind::Deleted].map(count);
    fill(
        template,
        &[
            ("folder", &check.folder.display().to_string()),
            ("pinned", pinned.unwrap_or(words.no_pinned_key)),
            (
                "by",
                check.sealed_by.as_deref().unwrap_or(words.unknown_key),
            ),
            ("when", &when),
            ("files", &lang.count(files as u64, words.files)),
            ("edited", &edited),
            ("added", &added),
            ("deleted", &deleted),
            ("problem", &problem),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::seal::fault::SealFault;
    use crate::record::seal::folder::Change;

    const PINNED: &str = "ab12 cd34";

    fn check(outcome: Outcome) -> SealCheck {
        SealCheck {
            folder: PathBuf::from("results/almaty"),
            sealed_at: "2010-04-29T18:00:00Z".parse().ok(),
            sealed_by: Some("ef56 7890".to_owned()),
            outcome,
        }
    }

    fn change(kind: ChangeKind, file: &str, attempt: Option<&str>) -> Change {
        Change {
            kind,
            path: PathBuf::from("results/almaty").join(file),
            attempt: attempt.map(str::to_owned),
        }
    }

    /// One seal of each outcome, in the order of `EXPECTED`'s columns.
    fn every_outcome() -> Vec<SealCheck> {
        vec![
            check(Outcome::Verified {
                files: 3,
                changes: Vec::new(),
            }),
            check(Outcome::Verified {
                files: 3,
                changes: vec![
                    change(ChangeKind::Edited, "a.ron", Some("A1")),
                    change(ChangeKind::Added, "b.ron", None),
                    change(ChangeKind::Deleted, "c.ron", Some("C3")),
                ],
            }),
            check(Outcome::NoKey),
            check(Outcome::OtherKey),
            check(Outcome::Altered),
            check(Outcome::Missing),
            check(Outcome::Unreadable {
                problem: SealFault::NotText,
            }),
        ]
    }

    /// What the line of each outcome of `every_outcome` says, per language.
    const EXPECTED: [(Lang, [&str; 7]); 3] = [
        (
            Lang::En,
            [
                "seal of results/almaty: verified with the pinned key ab12 cd34; the 3 files sealed at \
                 2010-04-29T18:00:00Z are unchanged",
                "seal of results/almaty: verified with the pinned key ab12 cd34, but the folder CHANGED since its 3 \
                 files were sealed at 2010-04-29T18:00:00Z: 1 edited, 1 added, 1 deleted",
                "seal of results/almaty: NOT CHECKED: sealed at 2010-04-29T18:00:00Z by key ef56 7890, but no \
                 public key is pinned",
                "seal of results/almaty: REJECTED: made with key ef56 7890, not with the key pinned here (ab12 cd34)",
                "seal of results/almaty: REJECTED: its signature does not match its contents under the pinned key \
                 ab12 cd34",
                "seal of results/almaty: NONE: the folder holds records but no trainer's seal",
                "seal of results/almaty: cannot be read (the seal is not UTF-8 text)",
            ],
        ),
        (
            Lang::Ru,
            [
                "печать results/almaty: ПРОВЕРЕНО ключом, закреплённым на этом компьютере, ab12 cd34; запечатано в \
                 2010-04-29T18:00:00Z: 3 файла, изменений нет",
                "печать results/almaty: ПРОВЕРЕНО ключом, закреплённым на этом компьютере, ab12 cd34, но содержимое \
                 папки ИЗМЕНЕНО после печати (запечатано в 2010-04-29T18:00:00Z: 3 файла): изменено 1, добавлено 1, \
                 удалено 1",
                "печать results/almaty: НЕ ПРОВЕРЕНО: запечатано в 2010-04-29T18:00:00Z, ключ ef56 7890, но на этом \
                 компьютере не закреплён открытый ключ",
                "печать results/almaty: ОТКЛОНЕНО: поставлена ключом ef56 7890, а не ключом, закреплённым здесь \
                 (ab12 cd34)",
                "печать results/almaty: ОТКЛОНЕНО: её подпись не соответствует её содержимому при закреплённом ключе \
                 ab12 cd34",
                "печать results/almaty: НЕТ: в папке есть записи, но нет печати тренера",
                "печать results/almaty: не читается (файл печати не является текстом UTF-8)",
            ],
        ),
        (
            Lang::Kk,
            [
                "results/almaty мөрі: осы компьютерде бекітілген ab12 cd34 кілтімен ТЕКСЕРІЛДІ; \
                 2010-04-29T18:00:00Z кезінде мөрленген 3 файл өзгермеген",
                "results/almaty мөрі: осы компьютерде бекітілген ab12 cd34 кілтімен ТЕКСЕРІЛДІ, бірақ \
                 2010-04-29T18:00:00Z кезінде мөрленген қалта (3 файл) содан бері ӨЗГЕРГЕН: өзгертілгені 1, \
                 қосылғаны 1, жойылғаны 1",
                "results/almaty мөрі: ТЕКСЕРІЛМЕГЕН: 2010-04-29T18:00:00Z кезінде ef56 7890 кілтімен мөрленген, \
                 бірақ бұл компьютерде ашық кілт бекітілмеген",
                "results/almaty мөрі: ҚАБЫЛДАНБАДЫ: мұнда бекітілген кілтпен (ab12 cd34) емес, ef56 7890 кілтімен \
                 жасалған",
                "results/almaty мөрі: ҚАБЫЛДАНБАДЫ: бекітілген ab12 cd34 кілтімен оның қолтаңбасы мазмұнына сәйкес \
                 келмейді",
                "results/almaty мөрі: ЖОҚ: қалтада жазбалар бар, бірақ тренердің мөрі жоқ",
                "results/almaty мөрі: оқылмайды (мөр файлы UTF-8 мәтіні емес)",
            ],
        ),
    ];

    #[test]
    fn every_outcome_is_described_in_every_language() {
        for (lang, expected) in EXPECTED {
            for (seal, start) in every_outcome().iter().zip(expected) {
                let line = describe(seal, Some(PINNED), lang);
                assert!(line.starts_with(start), "{lang:?}:\n{line}\n{start}");
                assert!(!line.contains('{'), "{lang:?}: {line}");
            }
        }
    }

    #[test]
    fn each_changed_file_gets_a_line_in_every_language() {
        let status = SealStatus {
            pinned_key: Some(PINNED.to_owned()),
            sessions: vec![every_outcome().swap_remove(1)],
            unchecked_room_hashes: 0,
        };
        let expected = [
            (
                Lang::En,
                [
                    "  edited after sealing: results/almaty/a.ron (attempt A1)",
                    "  added after sealing: results/almaty/b.ron",
                    "  deleted after sealing: results/almaty/c.ron (attempt C3)",
                ],
            ),
            (
                Lang::Ru,
                [
                    "  изменён после печати: results/almaty/a.ron (попытка A1)",
                    "  добавлен после печати: results/almaty/b.ron",
                    "  удалён после печати: results/almaty/c.ron (попытка C3)",
                ],
            ),
            (
                Lang::Kk,
                [
                    "  мөрден кейін өзгертілген: results/almaty/a.ron (A1 әрекеті)",
                    "  мөрден кейін қосылған: results/almaty/b.ron",
                    "  мөрден кейін жойылған: results/almaty/c.ron (C3 әрекеті)",
                ],
            ),
        ];
        for (lang, changes) in expected {
            let lines = status.lines(lang);
            assert_eq!(lines.len(), 4, "{lang:?}: {lines:?}");
            assert_eq!(lines[0], describe(&status.sessions[0], Some(PINNED), lang));
            assert_eq!(lines[1..], changes, "{lang:?}");
        }
    }

    #[test]
    fn a_seal_without_a_time_key_or_pinned_key_says_so_in_every_language() {
        let unknown = SealCheck {
            sealed_at: None,
            sealed_by: None,
            ..check(Outcome::OtherKey)
        };
        let expected = [
            (Lang::En, ["made with key unknown", "pinned here (none)"]),
            (
                Lang::Ru,
                ["поставлена ключом неизвестен", "закреплённым здесь (нет)"],
            ),
            (Lang::Kk, ["белгісіз кілтімен", "кілтпен (жоқ)"]),
        ];
        for (lang, parts) in expected {
            let line = describe(&unknown, None, lang);
            assert!(
                parts.iter().all(|part| line.contains(part)),
                "{lang:?}: {line}"
            );
        }
        let no_key = SealCheck {
            sealed_at: None,
            ..check(Outcome::NoKey)
        };
        let times = [
            (Lang::En, "sealed at an unknown time"),
            (Lang::Ru, "запечатано в неизвестное время"),
            (Lang::Kk, "белгісіз уақытта ef56 7890 кілтімен мөрленген"),
        ];
        for (lang, time) in times {
            let line = describe(&no_key, None, lang);
            assert!(line.contains(time), "{lang:?}: {line}");
        }
    }

    #[test]
    fn unchecked_room_hashes_are_counted_with_each_languages_plural() {
        let lines = |lang, count| {
            let status = SealStatus {
                unchecked_room_hashes: count,
                ..SealStatus::default()
            };
            status.lines(lang).join("\n")
        };
        let expected = [
            (
                Lang::En,
                1,
                "1 record carries a room-key hash that was NOT CHECKED: no room key is set",
            ),
            (
                Lang::En,
                2,
                "2 records carry a room-key hash that was NOT CHECKED: no room key is set",
            ),
            (
                Lang::Ru,
                1,
                "НЕ ПРОВЕРЕНО: хэш ключа зала у 1 записи, так как ключ зала не задан",
            ),
            (
                Lang::Ru,
                3,
                "НЕ ПРОВЕРЕНО: хэш ключа зала у 3 записей, так как ключ зала не задан",
            ),
            (
                Lang::Ru,
                21,
                "НЕ ПРОВЕРЕНО: хэш ключа зала у 21 записи, так как ключ зала не задан",
            ),
            (
                Lang::Kk,
                2,
                "ТЕКСЕРІЛМЕГЕН: 2 жазбаның зал кілтінің хэші, себебі зал кілті берілмеген",
            ),
        ];
        for (lang, count, start) in expected {
            let text = lines(lang, count);
            assert!(text.starts_with(start), "{lang:?} {count}: {text}");
            assert!(!text.contains('\n'), "one line: {text}");
        }
        assert!(SealStatus::default().lines(Lang::Ru).is_empty());
    }
}
