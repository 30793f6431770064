//! The room key's evidence: a keyed BLAKE3 hash of a record's exact bytes, stored as its last line. Every
//! workstation of the room reads the room key, so the hash says "written by a Vigil workstation of this room" and
//! guards against accidental edits; anyone at a workstation can compute it, so it proves nothing against them.
//! What proves a session is the trainer's seal ([`super::seal`]).

/// The start of the line that carries a record's keyed hash.
const MARK: &str = "// vigil-integrity: blake3-keyed:";

/// The room key: a secret derived from the bytes of the file `room_key` names.
#[derive(Clone)]
pub struct IntegrityKey([u8; 32]);

impl std::fmt::Debug for IntegrityKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IntegrityKey(..)")
    }
}

/// What the integrity line says about a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Integrity {
    /// No room key is configured and the record has no hash: nothing to check.
    Unchecked,
    /// The hash matches: the record is as written.
    Verified,
    /// The record has a hash but no room key is configured to check it.
    NoKey,
    /// A room key is configured but the record has no hash: it may have been rewritten.
    Missing,
    /// The hash does not match: the record was edited.
    Mismatch,
}

impl IntegrityKey {
    /// A key derived from the contents of a key file (any bytes; at least 16 are required).
    pub fn from_secret(secret: &[u8]) -> Option<Self> {
        (secret.len() >= 16).then(|| {
            Self(blake3::derive_key(
                "vigil 2026 attempt record integrity",
                secret,
            ))
        })
    }

    fn tag(&self, body: &[u8]) -> String {
        blake3::keyed_hash(&self.0, body).to_hex().to_string()
    }
}

/// `body` followed by its integrity line when there is a key.
pub fn seal(body: String, key: Option<&IntegrityKey>) -> String {
    match key {
        Some(key) => {
            let tag = key.tag(body.as_bytes());
            format!("{body}{MARK}{tag}\n")
        }
        None => body,
    }
}

/// Splits a stored record into its body and checks the body against the integrity line.
pub fn open<'a>(text: &'a str, key: Option<&IntegrityKey>) -> (&'a str, Integrity) {
    let trimmed = text.trim_end_matches(['\n', '\r']);
    let line_start = trimmed.rfind('\n').map_or(0, |i| i + 1);
    let last = &trimmed[line_start..];
    let Some(tag) = last.strip_prefix(MARK) else {
        let integrity = if key.is_some() {
            Integrity::Missing
        } else {
            Integrity::Unchecked
        };
        return (text, integrity);
    };
    let body = &text[..line_start];
    let integrity = match key {
        None => Integrity::NoKey,
        Some(key) if key.tag(body.as_bytes()) == tag.trim() => Integrity::Verified,
        Some(_) => Integrity::Mismatch,
    };
    (body, integrity)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(seed: &str) -> IntegrityKey {
        IntegrityKey::from_secret(seed.repeat(4).as_bytes()).unwrap()
    }

    #[test]
    fn a_sealed_record_verifies_and_an_edit_is_detected() {
        let k = key("room-secret");
        let sealed = seal("(points: 3)\n".into(), Some(&k));
        assert_eq!(
            open(&sealed, Some(&k)),
            ("(points: 3)\n", Integrity::Verified)
        );
        let edited = sealed.replace("points: 3", "points: 9");
        assert_eq!(open(&edited, Some(&k)).1, Integrity::Mismatch);
        assert_eq!(
            open(&sealed, Some(&key("another-secret"))).1,
            Integrity::Mismatch
        );
        assert_eq!(open(&sealed, None).1, Integrity::NoKey);
        assert_eq!(open("(points: 9)\n", Some(&k)).1, Integrity::Missing);
        assert_eq!(open("(points: 9)\n", None).1, Integrity::Unchecked);
    }

    #[test]
    fn short_secrets_are_refused() {
        assert!(IntegrityKey::from_secret(b"short").is_none());
    }
}
