//! The live panel: who is working on which question, who has gone idle and who has finished, from the records
//! on disk and the presence files of the running apps. A workstation is idle when the dashboard, by its own
//! clock, has seen no sign of life from it for [`IDLE_MS`]: neither its presence beat advancing nor its record
//! changing.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use jiff::Timestamp;

use super::signs::Signs;
use crate::config::RosterEntry;
use crate::record::Status;
use crate::record::presence::{Here, Presence};
use crate::record::view::RecordView;

/// How long, by the dashboard's clock, an attempt may show no sign of life before it is shown as idle.
pub const IDLE_MS: u64 = 5 * 60 * 1000;

/// What a record says about its attempt, as the live panel needs it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Saved {
    /// The attempt id.
    pub attempt: String,
    /// The writer id of the app that saved it last (empty in older records).
    pub writer: String,
    /// Name (with code).
    pub name: String,
    /// Group id.
    pub group: String,
    /// Quiz id.
    pub quiz_id: String,
    /// Quiz title.
    pub quiz: String,
    /// The question on screen at the last save (1-based) and the number of questions.
    pub position: (usize, usize),
    /// Questions answered.
    pub answered: usize,
    /// When it was last saved, by the workstation's clock.
    pub updated: Timestamp,
    /// Whether it is submitted.
    pub finished: bool,
}

impl Saved {
    /// What `record` says, unless it was discarded.
    pub fn of(record: &RecordView<'_>) -> Option<Self> {
        if record.status == Status::Discarded {
            return None;
        }
        Some(Self {
            attempt: record.attempt.to_string(),
            writer: record.writer.as_deref().unwrap_or_default().to_owned(),
            name: display_name(&record.participant.name, record.participant.code.as_deref()),
            group: record.participant.group.to_string(),
            quiz_id: record.quiz.id.to_string(),
            quiz: record.quiz.title.to_string(),
            position: (record.current + 1, record.questions.len()),
            answered: record.answered(),
            updated: record.updated,
            finished: record.status == Status::Completed,
        })
    }

    /// A number that changes whenever the record does.
    fn mark(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.hash(&mut hasher);
        hasher.finish()
    }
}

/// A number that changes whenever what a presence says is on screen does.
fn here_mark(here: &Here) -> u64 {
    let mut hasher = DefaultHasher::new();
    (&here.quiz, here.attempt.as_ref(), here.question).hash(&mut hasher);
    hasher.finish()
}

/// A participant's name with their roster code, if any; the code alone when the record keeps no name
/// (`store_names: false`), which the trainer's roster can name (see [`name_from_roster`]).
fn display_name(name: &str, code: Option<&str>) -> String {
    match code {
        Some(code) if name.trim().is_empty() => code.to_owned(),
        Some(code) => format!("{name} ({code})"),
        None => name.to_owned(),
    }
}

/// Gives the rows shown by a code alone the name `roster` has for that code, as "Name (code)".
pub fn name_from_roster(rows: &mut [LiveRow], roster: &[RosterEntry]) {
    for row in rows {
        if let Some(entry) = roster.iter().find(|entry| entry.code == row.name) {
            row.name = format!("{} ({})", entry.name, entry.code);
        }
    }
}

/// How an attempt stands, in the order the panel lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    /// A sign of life less than [`IDLE_MS`] ago.
    Working,
    /// No sign of life for this many whole minutes (at least five).
    Idle {
        /// Whole minutes since the last sign of life.
        minutes: u64,
    },
    /// Submitted.
    Finished,
}

/// How an unfinished attempt whose last sign of life was at `alive_ms` stands at `now_ms` (the dashboard's
/// clock).
pub fn judge(alive_ms: u64, now_ms: u64) -> State {
    let quiet = now_ms.saturating_sub(alive_ms);
    if quiet < IDLE_MS {
        State::Working
    } else {
        State::Idle {
            minutes: quiet / 60_000,
        }
    }
}

/// One row of the live panel: an attempt, or a trainee signed in who has not answered yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveRow {
    /// Name (with code).
    pub name: String,
    /// Group id.
    pub group: String,
    /// Quiz id (empty when no quiz is open yet).
    pub quiz_id: String,
    /// Quiz title (empty when not known).
    pub quiz: String,
    /// The question on screen (1-based), if one is.
    pub question: Option<usize>,
    /// The number of questions and how many are answered, once a record exists.
    pub answered: Option<(usize, usize)>,
    /// When the record was last saved, by the workstation's clock; none before the first answer.
    pub saved: Option<Timestamp>,
    /// Working, idle or finished.
    pub state: State,
    /// The Vigil version its workstation runs, when its presence file tells.
    pub version: Option<String>,
    /// When, by the dashboard's clock, its record last changed (without a record: what its presence file says
    /// is on screen).
    pub changed_ms: u64,
}

/// A presence file as the dashboard read it, with when its beat last advanced by the dashboard's clock.
struct Beat<'a> {
    presence: &'a Presence,
    alive_ms: u64,
}

/// The rows of the live panel from the records `saved` and the presence files `presences` read at `now_ms`,
/// noting every mark in `signs`; `titles` gives quiz titles by id for trainees who have no record yet. Sorted:
/// working, then idle, then finished, the most recent first within each.
pub fn rows(
    saved: &[Saved],
    presences: &[Presence],
    signs: &mut Signs,
    now_ms: u64,
    titles: &HashMap<String, String>,
) -> Vec<LiveRow> {
    let mut by_attempt: foldhash::HashMap<String, Beat<'_>> = foldhash::HashMap::default();
    let mut versions: foldhash::HashMap<&str, &str> = foldhash::HashMap::default();
    for presence in presences {
        let key = format!("presence:{}", presence.writer);
        let alive_ms = signs.observe(&key, presence.beat, now_ms);
        versions.insert(&presence.writer, &presence.version);
        let attempt = presence.here.attempt.as_ref().map(ToString::to_string);
        let beat = Beat { presence, alive_ms };
        let key = attempt.unwrap_or_else(|| format!("writer:{}", presence.writer));
        match by_attempt.get(&key) {
            Some(known) if known.alive_ms >= alive_ms => {}
            _ => drop(by_attempt.insert(key, beat)),
        }
    }
    let mut live: Vec<LiveRow> = saved
        .iter()
        .map(|record| {
            let key = format!("record:{}", record.attempt);
            let changed_ms = signs.observe(&key, record.mark(), now_ms);
            let beat = by_attempt.remove(&record.attempt);
            let alive_ms = beat
                .as_ref()
                .map_or(changed_ms, |b| b.alive_ms.max(changed_ms));
            let version = beat
                .as_ref()
                .map(|b| b.presence.version.clone())
                .or_else(|| {
                    versions
                        .get(record.writer.as_str())
                        .map(|v| (*v).to_owned())
                });
            let (state, question) = if record.finished {
                (State::Finished, None)
            } else {
                let on_screen = beat.as_ref().and_then(|b| b.presence.here.question);
                (
                    judge(alive_ms, now_ms),
                    on_screen.or(Some(record.position.0)),
                )
            };
            LiveRow {
                name: record.name.clone(),
                group: record.group.clone(),
                quiz_id: record.quiz_id.clone(),
                quiz: record.quiz.clone(),
                question,
                answered: Some((record.answered, record.position.1)),
                saved: Some(record.updated),
                state,
                version,
                changed_ms,
            }
        })
        .collect();
    for beat in by_attempt.into_values() {
        let here = &beat.presence.here;
        let key = format!("here:{}", beat.presence.writer);
        let changed_ms = signs.observe(&key, here_mark(here), now_ms);
        let quiz_id = here.quiz.clone().unwrap_or_default();
        let quiz = saved
            .iter()
            .find(|record| record.quiz_id == quiz_id)
            .map(|record| record.quiz.clone())
            .or_else(|| titles.get(&quiz_id).cloned())
            .unwrap_or_default();
        live.push(LiveRow {
            name: display_name(&here.participant.name, here.participant.code.as_deref()),
            group: here.participant.group.clone(),
            quiz_id,
            quiz,
            question: here.question,
            answered: None,
            saved: None,
            state: judge(beat.alive_ms, now_ms),
            version: Some(beat.presence.version.clone()),
            changed_ms,
        });
    }
    signs.forget_unseen();
    sort(&mut live);
    live
}

/// Puts working attempts first, then idle ones, then finished ones; within each, the one that changed most
/// recently by the dashboard's clock first, then the one saved last, then by name.
pub fn sort(rows: &mut [LiveRow]) {
    rows.sort_by(|a, b| {
        a.state
            .cmp(&b.state)
            .then(b.changed_ms.cmp(&a.changed_ms))
            .then(b.saved.cmp(&a.saved))
            .then(a.name.cmp(&b.name))
    });
}

/// A short label for each quiz id of `ids` that tells it from the others: the id without the leading
/// `-`-separated words it shares with its closest neighbour (`assessment-pre` and `assessment-post` become `pre`
/// and `post`), or the whole id when that would not tell them apart. Empty labels when only one quiz is shown.
pub fn form_labels<'a>(ids: impl IntoIterator<Item = &'a str>) -> HashMap<String, String> {
    let distinct: Vec<&str> = ids
        .into_iter()
        .filter(|id| !id.is_empty())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if distinct.len() < 2 {
        return distinct
            .into_iter()
            .map(|id| (id.to_owned(), String::new()))
            .collect();
    }
    let words = |id: &str| id.split('-').map(str::to_owned).collect::<Vec<_>>();
    let short: Vec<String> = distinct
        .iter()
        .map(|id| {
            let mine = words(id);
            let shared = distinct
                .iter()
                .filter(|other| *other != id)
                .map(|other| {
                    mine.iter()
                        .zip(words(other))
                        .take_while(|(a, b)| **a == *b)
                        .count()
                })
                .max()
                .unwrap_or(0);
            let rest = mine[shared.min(mine.len())..].join("-");
            if rest.is_empty() {
                (*id).to_owned()
            } else {
                rest
            }
        })
        .collect();
    let unique = short.iter().collect::<HashSet<_>>().len() == short.len();
    distinct
        .iter()
        .zip(short)
        .map(|(id, label)| {
            let label = if unique { label } else { (*id).to_owned() };
            ((*id).to_owned(), label)
        })
        .collect()
}

#[cfg(test)]
mod tests;
