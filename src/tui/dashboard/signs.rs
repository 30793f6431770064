//! Signs of life as the dashboard sees them: for each thing it watches (a record, a presence file), the last
//! time by the dashboard's own clock that its mark changed. Workstation clocks and file times are never compared
//! with the dashboard's clock: only a change between two of the dashboard's own readings counts.

use std::collections::{HashMap, HashSet};

/// The dashboard's memory of what it watches: each key's last mark and when, by the dashboard's clock, the mark
/// was first read with that value.
#[derive(Debug, Default, Clone)]
pub struct Signs {
    seen: HashMap<String, Sign>,
}

#[derive(Debug, Clone, Copy)]
struct Sign {
    mark: u64,
    since_ms: u64,
}

impl Signs {
    /// Notes that `key` reads `mark` at `now_ms`; gives the time its mark last changed (its first reading counts
    /// as a change).
    pub fn observe(&mut self, key: &str, mark: u64, now_ms: u64) -> u64 {
        let sign = self.seen.entry(key.to_owned()).or_insert(Sign {
            mark,
            since_ms: now_ms,
        });
        if sign.mark != mark {
            *sign = Sign {
                mark,
                since_ms: now_ms,
            };
        }
        sign.since_ms
    }

    /// Forgets every key not in `kept` (records and presence files that are gone).
    pub fn keep_only(&mut self, kept: &HashSet<String>) {
        self.seen.retain(|key, _| kept.contains(key));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sign_dates_from_the_reading_that_first_saw_its_mark() {
        let mut signs = Signs::default();
        assert_eq!(signs.observe("a", 1, 100), 100);
        assert_eq!(
            signs.observe("a", 1, 5_000),
            100,
            "the same mark is no sign"
        );
        assert_eq!(signs.observe("a", 2, 9_000), 9_000, "a new mark is");
        assert_eq!(signs.observe("b", 2, 9_500), 9_500, "keys are apart");
        signs.keep_only(&HashSet::from(["b".to_owned()]));
        assert_eq!(
            signs.observe("a", 2, 20_000),
            20_000,
            "a forgotten key starts again"
        );
        assert_eq!(signs.observe("b", 2, 20_000), 9_500);
    }
}
