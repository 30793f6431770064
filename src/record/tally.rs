//! A list of ids kept as a count and a fingerprint of its contents, so that reading thousands of records can
//! compare the options a participant was shown with the quiz's without keeping the lists.

use std::fmt;
use std::hash::BuildHasher;

use foldhash::quality::FixedState;

use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};

use super::view::Text;

/// How many ids a list holds, and a fingerprint of them that does not depend on their order: two lists with
/// the same ids, each as often, in any order, have equal tallies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IdTally {
    /// How many ids.
    pub count: usize,
    /// The wrapping sum of a hash of each id.
    pub fingerprint: u64,
}

/// How an id is hashed into a tally: the same in every run, so tallies may be compared wherever they were
/// made, and several times cheaper than the standard library's SipHash on short ids.
const ID_HASH: FixedState = FixedState::with_seed(0x5669_6769_6c00_0001);

impl IdTally {
    /// The tally of `ids`.
    pub fn of<'a>(ids: impl IntoIterator<Item = &'a str>) -> Self {
        ids.into_iter().fold(Self::default(), Self::with)
    }

    /// This tally with one more id.
    fn with(self, id: &str) -> Self {
        Self {
            count: self.count + 1,
            fingerprint: self.fingerprint.wrapping_add(ID_HASH.hash_one(id)),
        }
    }
}

impl<'de> Deserialize<'de> for IdTally {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TallyVisitor;

        impl<'de> Visitor<'de> for TallyVisitor {
            type Value = IdTally;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of ids")
            }

            fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<IdTally, S::Error> {
                let mut tally = IdTally::default();
                while let Some(id) = seq.next_element::<Text<'de>>()? {
                    tally = tally.with(&id);
                }
                Ok(tally)
            }
        }

        deserializer.deserialize_seq(TallyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_ids_in_any_order_tally_the_same_and_others_do_not() {
        let shown = IdTally::of(["debt", "papers", "languages"]);
        assert_eq!(shown, IdTally::of(["languages", "debt", "papers"]));
        assert_eq!(shown.count, 3);
        assert_ne!(shown, IdTally::of(["debt", "papers", "ghost"]));
        assert_ne!(shown, IdTally::of(["debt", "papers", "papers"]));
        assert_ne!(shown, IdTally::of(["debt", "papers"]));
        assert_eq!(IdTally::of([]), IdTally::default());
    }
}
