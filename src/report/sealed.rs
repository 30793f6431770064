//! Records that a verified trainer's seal shows as edited or added after sealing: left out of every figure
//! unless the trainer asks for them, and listed among the problems with what to do.

use std::collections::HashMap;
use std::path::PathBuf;

use super::reduce::Contribution;
use crate::record::scan::{Entry, Problem, Reason};
use crate::record::seal::{ChangeKind, Outcome, SealStatus};

/// The record files to leave out of a report, each with the problem it is listed with: those edited or added
/// after their folder was sealed (deleted ones are gone and cannot count anyway).
pub fn set_aside(seal: &SealStatus) -> HashMap<PathBuf, Reason> {
    seal.sessions
        .iter()
        .filter_map(|check| match &check.outcome {
            Outcome::Verified { changes, .. } => Some(changes),
            _ => None,
        })
        .flatten()
        .filter_map(|change| {
            let reason = match change.kind {
                ChangeKind::Edited => Reason::EditedAfterSeal,
                ChangeKind::Added => Reason::AddedAfterSeal,
                ChangeKind::Deleted => return None,
            };
            Some((change.path.clone(), reason))
        })
        .collect()
}

/// `entry` as a report counts it: a record whose file `set_aside` names is left out of every figure and listed
/// with its reason, whatever else became of it, unless the report's filter does not admit it.
pub fn leave_out(
    entry: Entry<(PathBuf, Contribution)>,
    set_aside: &HashMap<PathBuf, Reason>,
) -> Entry<(PathBuf, Contribution)> {
    match entry {
        Entry::Record((path, contribution)) if !matches!(contribution, Contribution::Excluded) => {
            let contribution = match set_aside.get(&path) {
                Some(reason) => Contribution::LeftOut(Box::new(Problem {
                    path: path.clone(),
                    reason: reason.clone(),
                })),
                None => contribution,
            };
            Entry::Record((path, contribution))
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::seal::SealCheck;
    use crate::record::seal::folder::Change;

    fn status(outcome: Outcome) -> SealStatus {
        SealStatus {
            sessions: vec![SealCheck {
                folder: PathBuf::from("s"),
                sealed_at: None,
                sealed_by: None,
                outcome,
            }],
            ..SealStatus::default()
        }
    }

    fn change(kind: ChangeKind, path: &str) -> Change {
        Change {
            kind,
            path: PathBuf::from(path),
            attempt: None,
        }
    }

    #[test]
    fn edited_and_added_records_are_set_aside_deleted_ones_are_not() {
        let seal = status(Outcome::Verified {
            files: 3,
            changes: vec![
                change(ChangeKind::Edited, "s/a.json"),
                change(ChangeKind::Added, "s/b.json"),
                change(ChangeKind::Deleted, "s/c.json"),
            ],
        });
        let aside = set_aside(&seal);
        assert_eq!(aside.len(), 2);
        assert_eq!(aside[&PathBuf::from("s/a.json")], Reason::EditedAfterSeal);
        assert_eq!(aside[&PathBuf::from("s/b.json")], Reason::AddedAfterSeal);
    }

    #[test]
    fn a_record_set_aside_is_left_out_unless_the_filter_excludes_it() {
        let aside = HashMap::from([(PathBuf::from("s/a.ron"), Reason::EditedAfterSeal)]);
        let record = |path: &str, contribution| Entry::Record((PathBuf::from(path), contribution));
        let left_out = |entry| match entry {
            Entry::Record((_, Contribution::LeftOut(problem))) => Some(*problem),
            _ => None,
        };
        let problem = left_out(leave_out(
            record("s/a.ron", Contribution::InProgress),
            &aside,
        ));
        assert_eq!(
            problem,
            Some(Problem {
                path: PathBuf::from("s/a.ron"),
                reason: Reason::EditedAfterSeal
            })
        );
        assert!(matches!(
            leave_out(record("s/a.ron", Contribution::Excluded), &aside),
            Entry::Record((_, Contribution::Excluded))
        ));
        assert!(matches!(
            leave_out(record("s/b.ron", Contribution::Discarded), &aside),
            Entry::Record((_, Contribution::Discarded))
        ));
    }

    #[test]
    fn a_seal_that_was_not_verified_sets_nothing_aside() {
        assert!(set_aside(&status(Outcome::NoKey)).is_empty());
        assert!(set_aside(&status(Outcome::Altered)).is_empty());
    }
}
