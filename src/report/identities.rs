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
                    row.code = Some(entry.code.as_str().into());
                    row.group = texts.get(&entry.group);
                    row.participant = format!(
                        "{}|{}",
                        row.session,
                        Identity::from_parts(&row.name, Some(&entry.code), &row.group).as_str()
                    )
                    .into();
                }
            }
            Some(code) if row.name.trim().is_empty() => {
                if let Some(entry) = self.by_code.get(&normalise(code)) {
                    row.name = entry.name.as_str().into();
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

/// What `rows` (every submitted attempt, before one per participant is chosen) show about identities; only what
/// is pointed out is copied.
pub fn notes(rows: &[Box<AttemptRow>]) -> IdentityNotes {
    IdentityNotes {
        same_name: same_names(rows),
        repeated: repeated(rows),
    }
}

/// The names met without a code in more than one group of a session, by session and name. The rows are put in
/// that order by their indices (the index breaking ties, so that each name's first row leads its run): a list
/// of session, normalised name and index per row, without a map's spare room.
fn same_names(rows: &[Box<AttemptRow>]) -> Vec<SameName> {
    let mut by_name: Vec<(&str, String, usize)> = rows
        .iter()
        .enumerate()
        .filter(|(_, row)| row.code.is_none())
        .map(|(index, row)| (row.session.as_str(), normalise(&row.name), index))
        .collect();
    by_name.sort_unstable();
    let owned = |set: BTreeSet<&str>| set.into_iter().map(str::to_owned).collect();
    by_name
        .chunk_by(|a, b| (a.0, &a.1) == (b.0, &b.1))
        .filter_map(|run| {
            let seen = || run.iter().map(|&(_, _, index)| &*rows[index]);
            let first = seen().next()?;
            seen()
                .any(|row| row.group != first.group)
                .then(|| SameName {
                    session: first.session.to_string(),
                    name: first.name.to_string(),
                    groups: owned(seen().map(|row| row.group.as_str()).collect()),
                    participants: owned(seen().map(|row| &*row.participant).collect()),
                })
        })
        .collect()
}

/// The participants with more than one attempt at a quiz in a phase, by participant, quiz and phase; the rows
/// are put in that order by their indices (a word per row), as [`same_names`] does.
fn repeated(rows: &[Box<AttemptRow>]) -> Vec<Repeated> {
    let key = |index: usize| {
        let row = &rows[index];
        (&*row.participant, row.quiz.as_str(), row.phase)
    };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_unstable_by(|&a, &b| key(a).cmp(&key(b)).then(a.cmp(&b)));
    order
        .chunk_by(|&a, &b| key(a) == key(b))
        .filter(|run| run.len() > 1)
        .filter_map(|run| {
            let first = rows.get(*run.first()?)?;
            Some(Repeated {
                name: shown(first),
                participant: first.participant.to_string(),
                quiz: first.quiz.to_string(),
                phase: first.phase,
                attempts: run.len(),
            })
        })
        .collect()
}

/// The name a row is shown by: the name, else the code.
fn shown(row: &AttemptRow) -> String {
    if row.name.trim().is_empty() {
        row.code.as_deref().unwrap_or_default().to_owned()
    } else {
        row.name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::test_records::row;

    #[test]
    fn a_name_in_two_groups_of_one_session_is_pointed_out_once_with_its_first_spelling() {
        let rows = vec![
            row("s2", "Zarina", None, "police", "q"),
            row("s1", "Dana  Omarova", None, "ngo", "q"),
            row("s1", "Bolat", None, "police", "q"),
            row("s1", "dana omarova", None, "police", "q"),
            row("s1", "DANA OMAROVA", None, "ngo", "q"),
            row("s1", "Bolat", None, "police", "other"),
            row("s1", "Aliya", Some("A7"), "ngo", "q"),
            row("s1", "Aliya", None, "police", "q"),
            row("s2", "Zarina", None, "ngo", "q"),
            row("s3", "Erlan", None, "ngo", "q"),
            row("s4", "Erlan", None, "police", "q"),
        ];
        let notes = notes(&rows);
        let found: Vec<(&str, &str, Vec<String>, usize)> = notes
            .same_name
            .iter()
            .map(|same| {
                let (session, name) = (same.session.as_str(), same.name.as_str());
                (session, name, same.groups.clone(), same.participants.len())
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "s1",
                    "Dana  Omarova",
                    vec!["ngo".to_owned(), "police".to_owned()],
                    2
                ),
                (
                    "s2",
                    "Zarina",
                    vec!["ngo".to_owned(), "police".to_owned()],
                    2
                ),
            ]
        );
    }

    #[test]
    fn several_attempts_at_a_quiz_in_a_phase_are_counted_by_participant_quiz_and_phase() {
        let mut retake = row("s1", "Bolat", None, "police", "q");
        retake.phase = Phase::Post;
        let rows = vec![
            row("s1", "Cholpon", None, "ngo", "q"),
            row("s1", "Bolat", None, "police", "q"),
            row("s1", "bolat", None, "police", "q"),
            retake,
            row("s1", "Cholpon", None, "ngo", "q"),
            row("s1", "Cholpon", None, "ngo", "q"),
            row("s1", "Cholpon", None, "ngo", "other"),
            row("s1", "Aliya", Some("A7"), "ngo", "q"),
            row("s1", "Aliya N.", Some("a7"), "police", "q"),
        ];
        let notes = notes(&rows);
        let found: Vec<(&str, &str, Phase, usize)> = notes
            .repeated
            .iter()
            .map(|r| (r.name.as_str(), r.quiz.as_str(), r.phase, r.attempts))
            .collect();
        assert_eq!(
            found,
            [
                ("Aliya", "q", Phase::Pre, 2),
                ("Bolat", "q", Phase::Pre, 2),
                ("Cholpon", "q", Phase::Pre, 3),
            ]
        );
        assert!(notes.same_name.is_empty(), "{:?}", notes.same_name);
    }
}
