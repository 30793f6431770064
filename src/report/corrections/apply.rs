//! Applying the trainer's corrections to the attempts a report reads: merged identities become one participant,
//! voided attempts do not count, and each correction is reported with the number of records it matched.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use serde::Serialize;

use super::{Corrections, Merge, Void, Who};
use crate::record::{AttemptId, Identity};
use crate::report::dataset::AttemptRow;
use crate::report::shared_text::{Interner, SharedText};

/// A participant's name, code and group, as the rows no merge moved give them.
type OwnIdentity = (Box<str>, Option<Box<str>>, SharedText);

/// What one correction does, as reports list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// Two identities of a session counted as one participant.
    Merge {
        /// The session.
        session: String,
        /// The identity merged away, as people read it.
        from: String,
        /// The identity it became.
        into: String,
        /// The two identities as the correction names them, for replacing names by pseudonyms.
        #[serde(skip)]
        identities: [Who; 2],
    },
    /// An attempt not counted.
    Void {
        /// The attempt id.
        attempt: String,
    },
}

impl Change {
    /// What `merge` changes.
    pub fn of_merge(merge: &Merge) -> Self {
        Change::Merge {
            session: merge.session.clone(),
            from: merge.from.describe(),
            into: merge.into.describe(),
            identities: [merge.from.clone(), merge.into.clone()],
        }
    }

    /// What `void` changes.
    pub fn of_void(void: &Void) -> Self {
        Change::Void {
            attempt: void.attempt.clone(),
        }
    }
}

/// One correction as a report applied it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Applied {
    /// What it does.
    #[serde(flatten)]
    pub change: Change,
    /// The trainer's reason.
    pub reason: String,
    /// Records read that it matched (0: it matched nothing, perhaps a typo in the correction).
    pub records: usize,
}

/// The corrections, ready to apply to records as they are read (on several threads at once).
#[derive(Debug, Default)]
pub struct Applier {
    /// The corrections, in the file's order.
    corrections: Corrections,
    /// Per merge, the participant key it merges away and the one it merges into (`session|identity`).
    merges: Vec<(String, String)>,
    /// The merge of each participant key merged away.
    merged_away: HashMap<String, usize>,
    /// The void of each attempt id.
    voids: HashMap<String, usize>,
    /// Records matched, per merge then per void.
    matched: Vec<AtomicUsize>,
    /// Attempts whose participant a merge changed.
    remapped: Mutex<HashSet<AttemptId>>,
}

/// The key of `who` in `session`, as report rows key participants.
fn key(session: &str, who: &Who) -> String {
    format!("{session}|{}", who.identity().as_str())
}

impl Applier {
    /// Prepares `corrections` for applying.
    pub fn new(corrections: Corrections) -> Self {
        let merges: Vec<(String, String)> = corrections
            .merges
            .iter()
            .map(|m| (key(&m.session, &m.from), key(&m.session, &m.into)))
            .collect();
        let merged_away = merges
            .iter()
            .enumerate()
            .map(|(index, (from, _))| (from.clone(), index))
            .collect();
        let voids = corrections
            .voids
            .iter()
            .enumerate()
            .map(|(index, void)| (void.attempt.trim().to_owned(), index))
            .collect();
        let matched = (0..corrections.merges.len() + corrections.voids.len())
            .map(|_| AtomicUsize::new(0))
            .collect();
        Self {
            corrections,
            merges,
            merged_away,
            voids,
            matched,
            remapped: Mutex::default(),
        }
    }

    /// Whether there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.corrections.is_empty()
    }

    /// Notes a record read (whatever the report's filter), so that each correction knows what it matched.
    pub fn note(&self, session: &str, identity: &Identity, attempt: &str) {
        let participant = format!("{session}|{}", identity.as_str());
        if let Some(&index) = self.merged_away.get(&participant) {
            self.matched[index].fetch_add(1, Ordering::Relaxed);
        }
        if let Some(&index) = self.voids.get(attempt) {
            self.matched[self.merges.len() + index].fetch_add(1, Ordering::Relaxed);
        }
    }

    /// The reason `attempt` is voided, if it is.
    pub fn voided(&self, attempt: &str) -> Option<&str> {
        self.voids
            .get(attempt)
            .map(|&index| self.corrections.voids[index].reason.as_str())
    }

    /// The participant key `participant` counts as after every merge (merges of merges followed, a circle of
    /// merges stopped where it closes).
    pub fn participant(&self, participant: &str) -> Option<&str> {
        let mut current: Option<&str> = None;
        let mut seen = HashSet::new();
        while let Some(&index) = self.merged_away.get(current.unwrap_or(participant)) {
            if !seen.insert(index) {
                break;
            }
            current = Some(self.merges[index].1.as_str());
        }
        current
    }

    /// The participant key `participant` counts as after every merge, and the identity that key names.
    fn merged(&self, participant: &str) -> Option<(&str, &Who)> {
        let into = self.participant(participant)?;
        let index = self.merges.iter().position(|(_, to)| to == into)?;
        Some((into, &self.corrections.merges[index].into))
    }

    /// Whom the participant with `identity` in `session` counts as after the merges: their roster code, or
    /// their name.
    pub fn counted_as(&self, session: &str, identity: &Identity) -> Option<String> {
        self.merged(&format!("{session}|{}", identity.as_str()))
            .map(|(_, who)| who.short().to_owned())
    }

    /// Moves `row` to the participant its merges name: its key, and the code, or the name and group, that the
    /// final identity gives (a group as `texts` shares it).
    pub fn rewrite(&self, row: &mut AttemptRow, texts: &Interner) {
        let Some((into, who)) = self.merged(&row.participant) else {
            return;
        };
        match who {
            Who::Code(code) => row.code = Some(code.as_str().into()),
            Who::Name { name, group } => {
                row.name = name.as_str().into();
                row.group = texts.get(group);
                row.code = None;
            }
        }
        row.participant = into.into();
        self.remapped
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(row.attempt.clone());
    }

    /// Gives the rows a merge moved the name, code and group of the participant's own rows, where there are
    /// some, so that one participant reads the same everywhere.
    pub fn unify(&self, rows: &mut [Box<AttemptRow>]) {
        let remapped = self.remapped.lock().unwrap_or_else(PoisonError::into_inner);
        if remapped.is_empty() {
            return;
        }
        let mut own: BTreeMap<Box<str>, OwnIdentity> = BTreeMap::new();
        for row in rows.iter().filter(|r| !remapped.contains(&r.attempt)) {
            own.entry(row.participant.clone())
                .or_insert_with(|| (row.name.clone(), row.code.clone(), row.group.clone()));
        }
        for row in rows.iter_mut().filter(|r| remapped.contains(&r.attempt)) {
            if let Some((name, code, group)) = own.get(&row.participant) {
                row.name.clone_from(name);
                row.code.clone_from(code);
                row.group.clone_from(group);
            }
        }
    }

    /// Every correction with the records it matched, in the file's order: merges, then voids.
    pub fn applied(&self) -> Vec<Applied> {
        let merges = self
            .corrections
            .merges
            .iter()
            .map(|m| (Change::of_merge(m), &m.reason));
        let voids = self
            .corrections
            .voids
            .iter()
            .map(|v| (Change::of_void(v), &v.reason));
        merges
            .chain(voids)
            .zip(&self.matched)
            .map(|((change, reason), matched)| Applied {
                change,
                reason: reason.clone(),
                records: matched.load(Ordering::Relaxed),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::corrections::{Merge, Void};

    fn corrections() -> Corrections {
        let mut corrections = Corrections::new();
        corrections.merges.push(Merge {
            session: "s".into(),
            from: Who::parse("Aidos Kenzhebaev/ngo"),
            into: Who::parse("Aidos Kenzhebayev/ngo"),
            reason: "typo".into(),
        });
        corrections.merges.push(Merge {
            session: "s".into(),
            from: Who::parse("Aidos Kenzhebayev/ngo"),
            into: Who::parse("P03"),
            reason: "signed in without the code".into(),
        });
        corrections.voids.push(Void {
            attempt: "a9".into(),
            reason: "wrong room".into(),
        });
        corrections
    }

    #[test]
    fn merges_of_merges_end_at_the_last_identity() {
        let applier = Applier::new(corrections());
        assert_eq!(
            applier.participant("s|name:aidos kenzhebaev|group:ngo"),
            Some("s|code:p03")
        );
        assert_eq!(
            applier.participant("other|name:aidos kenzhebaev|group:ngo"),
            None
        );
        assert_eq!(applier.voided("a9"), Some("wrong room"));
        assert_eq!(applier.voided("a1"), None);
    }

    #[test]
    fn a_circle_of_merges_stops() {
        let mut circle = Corrections::new();
        for (from, into) in [("A/g", "B/g"), ("B/g", "A/g")] {
            circle.merges.push(Merge {
                session: "s".into(),
                from: Who::parse(from),
                into: Who::parse(into),
                reason: "x".into(),
            });
        }
        let applier = Applier::new(circle);
        assert!(applier.participant("s|name:a|group:g").is_some());
    }

    #[test]
    fn each_correction_counts_the_records_it_matched() {
        let applier = Applier::new(corrections());
        let typo = Identity::from_parts("AIDOS  Kenzhebaev", None, "ngo");
        applier.note("s", &typo, "a1");
        applier.note("s", &typo, "a9");
        applier.note("t", &typo, "a2");
        let records: Vec<usize> = applier.applied().iter().map(|a| a.records).collect();
        assert_eq!(records, [2, 0, 1]);
    }
}
