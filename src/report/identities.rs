//! Who is who in a report: older records signed in by a roster name are given the roster's code, records that
//! keep only codes get the roster's names back (on the trainer's machine), and what looks like one person
//! counted twice — or one person's extra attempts — is pointed out so the trainer can correct it.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::dataset::AttemptRow;
use super::shared_text::Interner;
use crate::config::RosterEntry;
use crate::record::Identity;
use crate::record::Phase;
use crate::record::identity::normalise;

/// The trainer's roster for one session, looked up by normalised name and by normalised code.
#[derive(Debug, Default)]
pub struct Roster<'r> {
    session: &'r str,
    by_name: HashMap<String, &'r RosterEntry>,
    by_code: HashMap<String, &'r RosterEntry>,
}

impl<'r> Roster<'r> {
    /// The roster `entries` of the trainer's config, which names `session`.
    pub fn new(session: &'r str, entries: &'r [RosterEntry]) -> Self {
        Self {
            session,
            by_name: entries.iter().map(|e| (normalise(&e.name), e)).collect(),
            by_code: entries.iter().map(|e| (normalise(&e.code), e)).collect(),
        }
    }

    /// Gives `row` (of this roster's session) the roster's code when it was signed in by a roster name without
    /// one, so that it is the same participant as the code, and the roster's name when its record keeps only the
    /// code (its group as `texts` shares it).
    pub fn resolve(&self, row: &mut AttemptRow, texts: &Interner) {
        if row.session != self.session {
            return;
        }
        match &row.code {
            None => {
                if let Some(entry) = self.by_name.get(&normalise(&row.name)) {
                    row.code = Some(entry.code.clone());
                    row.group = texts.get(&entry.group);
                    row.participant = format!(
                        "{}|{}",
                        row.session,
                        Identity::from_parts(&row.name, Some(&entry.code), &row.group).as_str()
                    );
                }
            }
            Some(code) if row.name.trim().is_empty() => {
                if let Some(entry) = self.by_code.get(&normalise(code)) {
                    row.name.clone_from(&entry.name);
                }
            }
            Some(_) => {}
        }
    }
}

/// What the report points out about identities.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IdentityNotes {
    /// One normalised name in more than one group of a session, without a roster code: likely one person who
    /// chose another group once (merge them with `vigil corrections merge`).
    pub same_name: Vec<SameName>,
    /// Participants with more than one submitted attempt at one quiz in one phase: only one counts (see
    /// `--attempts`).
    pub repeated: Vec<Repeated>,
}

impl IdentityNotes {
    /// Whether there is nothing to point out.
    pub fn is_empty(&self) -> bool {
        self.same_name.is_empty() && self.repeated.is_empty()
    }
}

/// One name found in several groups of a session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SameName {
    /// The session.
    pub session: String,
    /// The name as first recorded.
    pub name: String,
    /// The group ids it appears in.
    pub groups: Vec<String>,
    /// The participant keys, for pseudonymising.
    #[serde(skip)]
    pub participants: Vec<String>,
}

/// One participant's several attempts at a quiz in one phase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Repeated {
    /// The participant's name (or code).
    pub name: String,
    /// The participant key.
    #[serde(skip)]
    pub participant: String,
    /// The quiz id.
    pub quiz: String,
    /// The phase.
    pub phase: Phase,
    /// How many submitted attempts there are.
    pub attempts: usize,
}

/// A name met in a session without a code: its first row, and each other group and participant key it was met
/// with (nearly always none, so an empty list that holds no memory rather than two sets for every name).
type NameSeen<'a> = (&'a AttemptRow, Vec<(&'a str, &'a str)>);

/// What `rows` (every submitted attempt, before one per participant is chosen) show about identities; only what
/// is pointed out is copied.
pub fn notes(rows: &[Box<AttemptRow>]) -> IdentityNotes {
    // Hashed while gathering (thousands of rows), sorted once only what is pointed out.
    let mut names: HashMap<(&str, String), NameSeen<'_>> = HashMap::new();
    let mut tries: HashMap<(&str, &str, Phase), (&AttemptRow, usize)> = HashMap::new();
    for row in rows {
        if row.code.is_none() {
            let (first, others) = names
                .entry((&row.session, normalise(&row.name)))
                .or_insert_with(|| (row, Vec::new()));
            let pair = (row.group.as_str(), row.participant.as_str());
            if pair != (first.group.as_str(), first.participant.as_str()) && !others.contains(&pair)
            {
                others.push(pair);
            }
        }
        tries
            .entry((&row.participant, &row.quiz, row.phase))
            .or_insert((row, 0))
            .1 += 1;
    }
    let owned = |set: BTreeSet<&str>| set.into_iter().map(str::to_owned).collect();
    let mut names: Vec<_> = names
        .into_iter()
        .filter(|(_, (first, others))| others.iter().any(|(group, _)| *group != first.group))
        .collect();
    names.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let same_name = names
        .into_iter()
        .map(|(_, seen)| seen)
        .map(|(first, others)| {
            let seen = || {
                std::iter::once((first.group.as_str(), first.participant.as_str()))
                    .chain(others.iter().copied())
            };
            SameName {
                session: first.session.to_string(),
                name: first.name.clone(),
                groups: owned(seen().map(|(group, _)| group).collect()),
                participants: owned(seen().map(|(_, participant)| participant).collect()),
            }
        })
        .collect();
    let mut tries: Vec<_> = tries
        .into_iter()
        .filter(|(_, (_, count))| *count > 1)
        .collect();
    tries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let repeated = tries
        .into_iter()
        .map(|(_, seen)| seen)
        .map(|(first, attempts)| Repeated {
            name: shown(first),
            participant: first.participant.clone(),
            quiz: first.quiz.to_string(),
            phase: first.phase,
            attempts,
        })
        .collect();
    IdentityNotes {
        same_name,
        repeated,
    }
}

/// The name a row is shown by: the name, else the code.
fn shown(row: &AttemptRow) -> String {
    if row.name.trim().is_empty() {
        row.code.clone().unwrap_or_default()
    } else {
        row.name.clone()
    }
}
