//! Pseudonyms that let a report be shared without names: a BLAKE3 hash of the participant's identity keyed with
//! a secret that only the trainer's machine holds, so nobody with the attendance list can recompute them, while
//! reports made with the same secret give every participant the same pseudonym.

use rand::Rng;

/// The trainer's secret for pseudonyms (32 random bytes); never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct PseudonymKey([u8; 32]);

impl std::fmt::Debug for PseudonymKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PseudonymKey(…)")
    }
}

impl PseudonymKey {
    /// The key made of `bytes`.
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// A new random key drawn from `rng`.
    pub fn generate(rng: &mut (impl Rng + ?Sized)) -> Self {
        let mut bytes = [0u8; 32];
        rng.fill_bytes(&mut bytes);
        Self(bytes)
    }

    /// The key written as [`PseudonymKey::to_text`] does: 64 hex digits, surrounding white space ignored
    /// (`None` for anything else).
    pub fn parse(text: &str) -> Option<Self> {
        blake3::Hash::from_hex(text.trim())
            .ok()
            .map(|hash| Self(*hash.as_bytes()))
    }

    /// The key as a line of 64 hex digits, the content of a key file.
    pub fn to_text(&self) -> String {
        format!("{}\n", blake3::Hash::from_bytes(self.0).to_hex())
    }

    /// The pseudonym of the participant `identity` (`participant-` and 8 hex digits).
    pub fn pseudonym(&self, identity: &str) -> String {
        let hash = blake3::keyed_hash(&self.0, identity.as_bytes()).to_hex();
        format!("participant-{}", &hash.as_str()[..8])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    const IDENTITY: &str = "almaty-2010-04|name:aigerim|group:police";

    #[test]
    fn the_same_secret_gives_the_same_pseudonym_and_another_secret_another() {
        let key = PseudonymKey::from_bytes([7; 32]);
        let again = PseudonymKey::parse(&key.to_text()).expect("a key reads back");
        assert_eq!(key.pseudonym(IDENTITY), again.pseudonym(IDENTITY));
        let other = PseudonymKey::from_bytes([8; 32]);
        assert_ne!(key.pseudonym(IDENTITY), other.pseudonym(IDENTITY));
    }

    #[test]
    fn a_pseudonym_is_not_the_plain_hash_of_the_identity() {
        let plain = blake3::hash(IDENTITY.as_bytes()).to_hex();
        let unkeyed = format!("participant-{}", &plain.as_str()[..8]);
        let key = PseudonymKey::generate(&mut StdRng::seed_from_u64(1));
        assert_ne!(key.pseudonym(IDENTITY), unkeyed);
        assert!(key.pseudonym(IDENTITY).starts_with("participant-"));
    }

    #[test]
    fn only_64_hex_digits_make_a_key_and_it_never_shows_in_debug_output() {
        assert_eq!(PseudonymKey::parse("not a key"), None);
        assert_eq!(PseudonymKey::parse(&"ab".repeat(31)), None);
        let key = PseudonymKey::from_bytes([0xab; 32]);
        assert_eq!(PseudonymKey::parse(&"AB".repeat(32)), Some(key.clone()));
        assert!(!format!("{key:?}").contains("ab"));
    }
}
