//! Signs of life as the dashboard sees them: for each thing it watches (a record, a presence file), the last
//! time by the dashboard's own clock that its mark changed. Workstation clocks and file times are never compared
//! with the dashboard's clock: only a change between two of the dashboard's own readings counts.

use foldhash::HashMap;

/// The dashboard's memory of what it watches: each key's last mark and when, by the dashboard's clock, the mark
/// was first read with that value. A reading observes every key it sees, then forgets the others.
#[derive(Debug, Default, Clone)]
pub struct Signs {
    seen: HashMap<String, Sign>,
    /// How many readings have been finished ([`Signs::forget_unseen`]); each sign says in which it was last seen.
    readings: u64,
}

#[derive(Debug, Clone, Copy)]
struct Sign {
    mark: u64,
    since_ms: u64,
    /// The reading that last observed it.
    seen_in: u64,
}

impl Signs {
    /// Notes that `key` reads `mark` at `now_ms`; gives the time its mark last changed (its first reading counts
    /// as a change).
    pub fn observe(&mut self, key: &str, mark: u64, now_ms: u64) -> u64 {
        let fresh = Sign {
            mark,
            since_ms: now_ms,
            seen_in: self.readings,
        };
        // Looked up before any key is made: at every refresh nearly every key is known already.
        match self.seen.get_mut(key) {
            Some(sign) if sign.mark == mark => {
                sign.seen_in = self.readings;
                sign.since_ms
            }
            Some(sign) => {
                *sign = fresh;
                now_ms
            }
            None => {
                self.seen.insert(key.to_owned(), fresh);
                now_ms
            }
        }
    }

    /// Ends a reading: forgets every key it did not observe (records and presence files that are gone).
    pub fn forget_unseen(&mut self) {
        let reading = self.readings;
        self.seen.retain(|_, sign| sign.seen_in == reading);
        self.readings += 1;
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
        signs.forget_unseen();
        assert_eq!(signs.observe("b", 2, 10_000), 9_500);
        signs.forget_unseen();
        assert_eq!(
            signs.observe("a", 2, 20_000),
            20_000,
            "a forgotten key starts again"
        );
        assert_eq!(signs.observe("b", 2, 20_000), 9_500);
    }
}
