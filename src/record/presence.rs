//! Presence files: while a trainee app runs with someone signed in, it keeps
//! `<session>/.presence/<writer id>.ron`, saying who is signed in, which attempt and question are on screen, and a
//! beat counter it raises about every ten seconds. Records are then rewritten only on answers, and readers (a
//! second workstation signing in to the same attempt, the trainer's dashboard) judge liveness by the counter
//! advancing *as they see it*, by their own clock: workstation clocks disagree, and file times on shared folders
//! are set by whichever machine wrote last.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::attempt_id::AttemptId;
use super::listing::read_regular;
use super::model::Participant;
use crate::quiz::parse::ron_options;

/// The folder, inside a session folder, that holds the presence files (record scans skip dot folders).
pub const PRESENCE_FOLDER: &str = ".presence";
/// How often a running app renews its presence file, in milliseconds.
pub const HEARTBEAT_MS: u64 = 10_000;
/// How long, by the reader's own clock, a presence may show the same beat before its app counts as gone: three
/// missed heartbeats and a margin for a slow share.
pub const STALE_MS: u64 = 35_000;

/// What a running app says about itself in its presence file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Presence {
    /// The app's random writer id (also the file name).
    pub writer: String,
    /// The Vigil version the workstation runs.
    pub version: String,
    /// Raised at every renewal; readers compare it between their own readings.
    pub beat: u64,
    /// What is on the screen.
    pub here: Here,
}

/// Who is signed in at a workstation and what is on its screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Here {
    /// Who signed in.
    pub participant: Participant,
    /// The quiz open on screen, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz: Option<String>,
    /// The attempt open on screen, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempt: Option<AttemptId>,
    /// The question on screen, counted from 1; none before the first question or after submitting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<usize>,
}

/// The file, in the per-user data folder, that lists the writer ids of the apps that ran on this computer lately:
/// a presence left by one of them (after a crash or a power cut) is this workstation's own, not another's.
pub const EARLIER_WRITERS_FILE: &str = "writers.txt";
/// How many earlier writer ids a workstation remembers.
const REMEMBERED: usize = 32;

/// Whether `writer` could be a writer id (and so a file name): 1 to 64 ASCII letters and digits.
fn plain_id(writer: &str) -> bool {
    !writer.is_empty() && writer.len() <= 64 && writer.chars().all(|c| c.is_ascii_alphanumeric())
}

/// The writer ids of the apps that ran on this computer lately, read from the per-user data folder `data`
/// (none when the file is missing or unreadable).
pub fn earlier_writers(data: &Path) -> Vec<String> {
    std::fs::read_to_string(data.join(EARLIER_WRITERS_FILE))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|line| plain_id(line))
        .map(str::to_owned)
        .collect()
}

/// The list of earlier writers with `me` added, the oldest dropped beyond the number remembered, as stored.
pub fn remembered_with(earlier: &[String], me: &str) -> String {
    let mut ids: Vec<&str> = earlier
        .iter()
        .map(String::as_str)
        .filter(|id| *id != me)
        .collect();
    ids.push(me);
    let keep = ids.len().saturating_sub(REMEMBERED);
    ids[keep..].iter().map(|id| format!("{id}\n")).collect()
}

/// The presence file of writer `writer` in the session folder `session_folder`, or `None` when the id could not
/// be a file name (presence files of other apps are read, never trusted as paths).
pub fn path_of(session_folder: &Path, writer: &str) -> Option<PathBuf> {
    plain_id(writer).then(|| {
        session_folder
            .join(PRESENCE_FOLDER)
            .join(format!("{writer}.ron"))
    })
}

/// The bytes of `presence` as stored.
pub fn encode(presence: &Presence) -> Result<String, ron::Error> {
    ron_options().to_string(presence).map(|text| text + "\n")
}

/// Every readable presence file of the session folder `session_folder`; files that cannot be read or parsed
/// (being replaced, damaged, or not Vigil's) are passed over: presence is a hint, never a record.
pub fn read_all(session_folder: &Path) -> Vec<Presence> {
    files(session_folder)
        .iter()
        .filter_map(|path| read(path))
        .collect()
}

/// The presence files of the session folder `session_folder`: the regular `.ron` files of its presence folder.
pub fn files(session_folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(session_folder.join(PRESENCE_FOLDER)) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "ron"))
        .collect()
}

/// The presence in the file at `path`, or `None` when it cannot be read or parsed.
pub fn read(path: &Path) -> Option<Presence> {
    let bytes = read_regular(path).ok()?;
    ron_options().from_bytes::<Presence>(&bytes).ok()
}

/// What a reader can tell about a running app from the beats it has seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Liveness {
    /// Its beat advanced while this reader watched, less than [`STALE_MS`] ago.
    Live,
    /// Seen, but not yet long enough to tell: it may be running, or left over from an app that stopped.
    Unsure,
    /// Its beat has not moved for [`STALE_MS`] or more.
    Gone,
}

/// One reader's memory of the beats it has seen, by writer; times are the reader's own monotonic milliseconds.
#[derive(Debug, Default, Clone)]
pub struct Watch {
    seen: HashMap<String, Seen>,
}

#[derive(Debug, Clone, Copy)]
struct Seen {
    beat: u64,
    since_ms: u64,
    advanced: bool,
}

impl Watch {
    /// Notes `presence` as read at `now_ms` and says how alive its app looks.
    pub fn observe(&mut self, presence: &Presence, now_ms: u64) -> Liveness {
        let seen = self.seen.entry(presence.writer.clone()).or_insert(Seen {
            beat: presence.beat,
            since_ms: now_ms,
            advanced: false,
        });
        if seen.beat != presence.beat {
            *seen = Seen {
                beat: presence.beat,
                since_ms: now_ms,
                advanced: true,
            };
        }
        if now_ms.saturating_sub(seen.since_ms) >= STALE_MS {
            Liveness::Gone
        } else if seen.advanced {
            Liveness::Live
        } else {
            Liveness::Unsure
        }
    }

    /// Forgets writers whose presence files are gone.
    pub fn retain(&mut self, present: &[Presence]) {
        self.seen
            .retain(|writer, _| present.iter().any(|p| &p.writer == writer));
    }
}

/// Another workstation's app that has an attempt open: what the trainee is told before continuing it here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sighting {
    /// Whether its app is surely running or only may be.
    pub liveness: Liveness,
    /// The question it shows, counted from 1.
    pub question: Option<usize>,
}

/// The app of another workstation that has `attempt` open and is not gone, noting every presence in `watch`;
/// `mine` are this app's writer id and those of the apps that ran on this computer before it.
pub fn open_elsewhere(
    presences: &[Presence],
    watch: &mut Watch,
    mine: &[String],
    attempt: &AttemptId,
    now_ms: u64,
) -> Option<Sighting> {
    watch.retain(presences);
    let mut found = None;
    for presence in presences {
        let liveness = watch.observe(presence, now_ms);
        let theirs =
            !mine.contains(&presence.writer) && presence.here.attempt.as_ref() == Some(attempt);
        if theirs && liveness != Liveness::Gone {
            let sighting = Sighting {
                liveness,
                question: presence.here.question,
            };
            if found.is_none_or(|f: Sighting| f.liveness != Liveness::Live) {
                found = Some(sighting);
            }
        }
    }
    found
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use jiff::Timestamp;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    /// The presence of writer `writer` at `beat`: Aidos of the police, on question 4 of `indicators`.
    pub(crate) fn presence(writer: &str, beat: u64, attempt: Option<&AttemptId>) -> Presence {
        Presence {
            writer: writer.to_owned(),
            version: "1.0.0".to_owned(),
            beat,
            here: Here {
                participant: Participant {
                    name: "Aidos".to_owned(),
                    code: None,
                    group: "police".to_owned(),
                },
                quiz: Some("indicators".to_owned()),
                attempt: attempt.cloned(),
                question: Some(4),
            },
        }
    }

    fn attempt() -> AttemptId {
        let now: Timestamp = "2010-04-29T09:00:00Z".parse().unwrap();
        AttemptId::new(now, &mut StdRng::seed_from_u64(1))
    }

    #[test]
    fn liveness_is_judged_by_the_beat_advancing_on_the_readers_clock() {
        let mut watch = Watch::default();
        assert_eq!(watch.observe(&presence("a", 7, None), 0), Liveness::Unsure);
        assert_eq!(
            watch.observe(&presence("a", 7, None), 9_000),
            Liveness::Unsure
        );
        assert_eq!(
            watch.observe(&presence("a", 8, None), 10_000),
            Liveness::Live
        );
        assert_eq!(
            watch.observe(&presence("a", 8, None), 10_000 + STALE_MS - 1),
            Liveness::Live
        );
        assert_eq!(
            watch.observe(&presence("a", 8, None), 10_000 + STALE_MS),
            Liveness::Gone
        );
        assert_eq!(
            watch.observe(&presence("a", 9, None), 60_000),
            Liveness::Live
        );
    }

    #[test]
    fn a_presence_left_by_a_stopped_app_is_gone_once_its_beat_stands_still() {
        let mut watch = Watch::default();
        let left = presence("a", 3, None);
        assert_eq!(watch.observe(&left, 100), Liveness::Unsure);
        assert_eq!(watch.observe(&left, 100 + STALE_MS), Liveness::Gone);
    }

    #[test]
    fn an_attempt_is_open_elsewhere_only_in_another_apps_live_or_unsure_presence() {
        let id = attempt();
        let mut watch = Watch::default();
        let mine = ["me".to_owned(), "before".to_owned()];
        let all = [
            presence("me", 1, Some(&id)),
            presence("before", 1, Some(&id)),
            presence("other", 1, None),
        ];
        assert_eq!(open_elsewhere(&all, &mut watch, &mine, &id, 0), None);
        let all = [presence("other", 1, Some(&id))];
        let seen = open_elsewhere(&all, &mut watch, &mine, &id, 1_000);
        assert_eq!(
            seen,
            Some(Sighting {
                liveness: Liveness::Unsure,
                question: Some(4)
            })
        );
        let all = [presence("other", 2, Some(&id))];
        let seen = open_elsewhere(&all, &mut watch, &mine, &id, 2_000);
        assert_eq!(seen.map(|s| s.liveness), Some(Liveness::Live));
        assert_eq!(
            open_elsewhere(&all, &mut watch, &mine, &id, 2_000 + STALE_MS),
            None
        );
    }

    #[test]
    fn presence_files_round_trip_and_writer_ids_never_become_odd_paths() {
        let id = attempt();
        let written = presence("0123abcd", 2, Some(&id));
        let text = encode(&written).unwrap();
        assert_eq!(ron_options().from_str::<Presence>(&text).unwrap(), written);
        let folder = Path::new("results/s");
        assert!(path_of(folder, "0123abcd").is_some());
        assert_eq!(path_of(folder, "../x"), None);
        assert_eq!(path_of(folder, ""), None);
        assert_eq!(path_of(folder, "a/b"), None);
    }

    #[test]
    fn a_workstation_remembers_its_latest_writers_and_ignores_odd_lines() {
        let dir = tempfile::tempdir().unwrap();
        assert!(earlier_writers(dir.path()).is_empty());
        let mut earlier = Vec::new();
        for n in 0..40 {
            let text = remembered_with(&earlier, &format!("w{n}"));
            std::fs::write(dir.path().join(EARLIER_WRITERS_FILE), text + "../x\n\n").unwrap();
            earlier = earlier_writers(dir.path());
        }
        assert_eq!(earlier.len(), REMEMBERED);
        assert_eq!(earlier.first().map(String::as_str), Some("w8"));
        assert_eq!(earlier.last().map(String::as_str), Some("w39"));
        assert_eq!(remembered_with(&earlier, "w39").lines().count(), REMEMBERED);
    }

    #[test]
    fn damaged_and_foreign_presence_files_are_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join(PRESENCE_FOLDER);
        std::fs::create_dir_all(&folder).unwrap();
        let good = presence("abc", 1, None);
        std::fs::write(folder.join("abc.ron"), encode(&good).unwrap()).unwrap();
        std::fs::write(folder.join("bad.ron"), "(writer: 3").unwrap();
        std::fs::write(folder.join("notes.txt"), "hello").unwrap();
        assert_eq!(read_all(dir.path()), vec![good]);
    }
}
