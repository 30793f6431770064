//! Attempt ids: UUID version 7, unique across workstations and sortable by start time.

use std::fmt;

use jiff::Timestamp;
use rand::Rng;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The id of one attempt, also its file name; never derived from the participant's name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AttemptId(Uuid);

impl AttemptId {
    /// A new id for an attempt started at `now`, with 74 random bits from `rng`.
    pub fn new(now: Timestamp, rng: &mut (impl Rng + ?Sized)) -> Self {
        let mut random = [0u8; 10];
        rng.fill_bytes(&mut random);
        let millis = u64::try_from(now.as_millisecond()).unwrap_or(0);
        Self(uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid())
    }

    /// The file name of the attempt's record: only hex digits, `-` and `.ron`.
    pub fn file_name(&self) -> String {
        format!("{}.ron", self.0.hyphenated())
    }
}

impl fmt::Display for AttemptId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.hyphenated())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    #[test]
    fn ids_are_unique_sortable_and_safe_as_file_names() {
        let mut rng = StdRng::seed_from_u64(7);
        let early: Timestamp = "2010-04-29T09:00:00Z".parse().unwrap();
        let late: Timestamp = "2010-04-29T09:00:01Z".parse().unwrap();
        let a = AttemptId::new(early, &mut rng);
        let b = AttemptId::new(early, &mut rng);
        let c = AttemptId::new(late, &mut rng);
        assert_ne!(a, b);
        assert!(a.to_string() < c.to_string() && b.to_string() < c.to_string());
        assert!(a.file_name().chars().all(|ch| ch.is_ascii_hexdigit()
            || ch == '-'
            || ch == '.'
            || ch == 'r'
            || ch == 'o'
            || ch == 'n'));
        assert_eq!(Uuid::try_parse(&a.to_string()).ok().map(AttemptId), Some(a));
    }
}
