//! Who saved an attempt last and how often: the rule that keeps one live writer per attempt on shared folders,
//! where locks and compare-and-swap are not reliable and workstation clocks disagree.

use rand::Rng;

use super::model::AttemptRecord;

/// The writer id and save counter a record carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The random id of the running app that saved it.
    pub writer: String,
    /// How many times the attempt was saved, by any app.
    pub saves: u64,
}

impl Version {
    /// The version `record` carries.
    pub fn of(record: &AttemptRecord) -> Self {
        Self {
            writer: record.writer.clone(),
            saves: record.saves,
        }
    }
}

/// A fresh random writer id for one running app: 16 hex digits from the operating system's generator, never a
/// machine id (lab machines are often cloned from one image).
pub fn new_writer_id() -> String {
    let mut rng: rand::rngs::StdRng = rand::make_rng();
    format!("{:016x}", rng.next_u64())
}

/// Whether writer `me`, which last saw `expected` in the file (its own last save, or what it resumed from), may
/// replace a file that now holds `found`: always when the file is gone or was last saved by `me`, and when another
/// writer saved it only if that is exactly the save `me` continued from.
pub fn may_replace(me: &str, expected: Option<&Version>, found: Option<&Version>) -> bool {
    match found {
        None => true,
        Some(found) if found.writer == me => true,
        Some(found) => expected == Some(found),
    }
}

/// Whether a record kept on this computer at `kept` may be delivered over a shared file at `found`: when there is
/// none, or it is an earlier save by the same writer.
pub fn may_deliver(kept: &Version, found: Option<&Version>) -> bool {
    found.is_none_or(|found| found.writer == kept.writer && found.saves < kept.saves)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(writer: &str, saves: u64) -> Version {
        Version {
            writer: writer.to_owned(),
            saves,
        }
    }

    #[test]
    fn a_writer_replaces_its_own_saves_and_a_missing_file() {
        assert!(may_replace("a", None, None));
        assert!(may_replace(
            "a",
            Some(&version("a", 3)),
            Some(&version("a", 2))
        ));
    }

    #[test]
    fn a_writer_continues_only_the_save_it_resumed_from() {
        let theirs = version("b", 4);
        assert!(may_replace("a", Some(&theirs), Some(&theirs)));
        assert!(!may_replace("a", Some(&version("b", 3)), Some(&theirs)));
        assert!(!may_replace("a", None, Some(&theirs)));
        assert!(!may_replace("a", Some(&version("a", 5)), Some(&theirs)));
    }

    #[test]
    fn kept_records_are_delivered_only_over_their_own_earlier_saves() {
        let kept = version("a", 5);
        assert!(may_deliver(&kept, None));
        assert!(may_deliver(&kept, Some(&version("a", 4))));
        assert!(!may_deliver(&kept, Some(&version("a", 5))));
        assert!(!may_deliver(&kept, Some(&version("b", 9))));
        assert!(!may_deliver(&kept, Some(&version("b", 1))));
    }

    #[test]
    fn writer_ids_differ_between_apps() {
        assert_ne!(new_writer_id(), new_writer_id());
        assert_eq!(new_writer_id().len(), 16);
    }
}
