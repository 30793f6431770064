//! The seal file of a session folder: which files it held (name, attempt id, BLAKE3 of the exact bytes) at the
//! moment of sealing, signed with the trainer's Ed25519 key over a canonical byte form of everything else.

use std::str::FromStr;

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use super::fault::SealFault;
use super::keys::fingerprint;
use crate::quiz::parse::{FormatProbe, ron_options};

/// The newest seal format this build reads and writes.
pub const SEAL_FORMAT: u32 = 1;

/// What the signature covers, so that a signature made for anything else never verifies a seal.
const PURPOSE: &str = "vigil session seal";

/// A session folder's seal, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// See [`SEAL_FORMAT`].
    pub format: u32,
    /// The session folder's name.
    pub session: String,
    /// When the seal was made.
    pub sealed_at: jiff::Timestamp,
    /// The fingerprint of the key that signed it (for people; verifying uses the pinned key itself).
    pub key: String,
    /// Every file of the folder at that moment.
    pub files: Vec<SealedFile>,
    /// The Ed25519 signature of everything above, in hex.
    pub signature: String,
}

/// One file as it was sealed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedFile {
    /// Its name in the session folder.
    pub file: String,
    /// Its attempt id, when it was a readable record.
    pub attempt: Option<String>,
    /// The BLAKE3 hash of its exact bytes, in hex.
    pub blake3: String,
}

/// Everything a signature covers, in the order it is serialised.
#[derive(Serialize)]
struct Signed<'a> {
    purpose: &'static str,
    format: u32,
    session: &'a str,
    sealed_at: &'a jiff::Timestamp,
    key: &'a str,
    files: &'a [SealedFile],
}

/// Whether a seal's signature holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signing {
    /// Made with the key it was checked with, and unchanged since.
    Valid,
    /// Names another key: it was made with a key that is not the one checked with.
    OtherKey,
    /// Names the key checked with, but the signature does not match: the seal was altered after signing.
    Altered,
}

impl Manifest {
    /// The seal of `files` of session folder `session`, made at `sealed_at` and signed with `key`.
    pub fn sign(
        session: String,
        sealed_at: jiff::Timestamp,
        files: Vec<SealedFile>,
        key: &SigningKey,
    ) -> Self {
        let mut manifest = Self {
            format: SEAL_FORMAT,
            session,
            sealed_at,
            key: fingerprint(&key.verifying_key()),
            files,
            signature: String::new(),
        };
        manifest.signature = key.sign(&manifest.canonical()).to_string();
        manifest
    }

    /// The bytes the signature covers: every field but the signature, as JSON (which writes each string one way
    /// only), after the purpose.
    fn canonical(&self) -> Vec<u8> {
        let signed = Signed {
            purpose: PURPOSE,
            format: self.format,
            session: &self.session,
            sealed_at: &self.sealed_at,
            key: &self.key,
            files: &self.files,
        };
        serde_json::to_vec(&signed).unwrap_or_default()
    }

    /// Checks the signature with `key`.
    pub fn check(&self, key: &VerifyingKey) -> Signing {
        let valid = Signature::from_str(self.signature.trim())
            .is_ok_and(|signature| key.verify_strict(&self.canonical(), &signature).is_ok());
        match valid {
            true => Signing::Valid,
            false if self.key == fingerprint(key) => Signing::Altered,
            false => Signing::OtherKey,
        }
    }

    /// The seal file's text: a comment saying what it is, then the manifest as RON.
    pub fn to_text(&self) -> Result<String, ron::Error> {
        let body = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())?;
        Ok(format!(
            "// The trainer's seal of session folder \"{}\": the files it held at {}, signed with the trainer's \
             key.\n// It certifies those files only. Any change to this file breaks the signature; `vigil seal` \
             makes a new one.\n{body}\n",
            self.session.escape_default(),
            self.sealed_at
        ))
    }

    /// Reads a seal file's text, or says where and why it cannot be read: a seal of another format is said to be
    /// one, even when its fields are not the ones this build knows.
    pub fn from_text(text: &str) -> Result<Self, SealFault> {
        let options = ron_options();
        let manifest: Self = options.from_str(text).map_err(|error| {
            match options.from_str::<FormatProbe>(text) {
                Ok(FormatProbe {
                    format: Some(format),
                }) if format != SEAL_FORMAT => SealFault::Format { format },
                _ => SealFault::Damaged {
                    detail: error.to_string(),
                },
            }
        })?;
        if manifest.format != SEAL_FORMAT {
            return Err(SealFault::Format {
                format: manifest.format,
            });
        }
        Ok(manifest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn manifest(key: &SigningKey) -> Manifest {
        let files = vec![SealedFile {
            file: "a.ron".into(),
            attempt: Some("0193".into()),
            blake3: blake3::hash(b"a").to_hex().to_string(),
        }];
        Manifest::sign("almaty".into(), jiff::Timestamp::UNIX_EPOCH, files, key)
    }

    #[test]
    fn a_seal_verifies_with_its_own_key_only() {
        let key = SigningKey::from_bytes(&[1; 32]);
        let seal = manifest(&key);
        assert_eq!(seal.check(&key.verifying_key()), Signing::Valid);
        let other = SigningKey::from_bytes(&[2; 32]).verifying_key();
        assert_eq!(seal.check(&other), Signing::OtherKey);
    }

    #[test]
    fn any_change_to_what_was_signed_breaks_the_signature() {
        let key = SigningKey::from_bytes(&[1; 32]);
        let public = key.verifying_key();
        let mut seal = manifest(&key);
        seal.files[0].blake3 = blake3::hash(b"b").to_hex().to_string();
        assert_eq!(seal.check(&public), Signing::Altered);
        let mut seal = manifest(&key);
        seal.files.clear();
        assert_eq!(seal.check(&public), Signing::Altered);
        let mut seal = manifest(&key);
        let first = if seal.signature.starts_with('0') {
            "1"
        } else {
            "0"
        };
        seal.signature.replace_range(..1, first);
        assert_eq!(seal.check(&public), Signing::Altered);
    }

    #[test]
    fn the_text_form_reads_back_and_still_verifies() {
        let key = SigningKey::from_bytes(&[3; 32]);
        let seal = manifest(&key);
        let text = seal.to_text().unwrap();
        let read = Manifest::from_text(&text).unwrap();
        assert_eq!(read, seal);
        assert_eq!(read.check(&key.verifying_key()), Signing::Valid);
        let damaged = Manifest::from_text("(format: 1,").unwrap_err();
        assert!(
            matches!(&damaged, SealFault::Damaged { detail } if detail.starts_with("1:")),
            "{damaged}"
        );
        assert!(damaged.to_string().starts_with("damaged seal: 1:"));
        assert_eq!(
            Manifest::from_text("(format: 9, session: \"s\", checksums: [])"),
            Err(SealFault::Format { format: 9 })
        );
        let older = SealFault::Format { format: 0 };
        assert!(!older.to_string().contains("update Vigil"), "{older}");
        assert!(
            SealFault::Format { format: 9 }
                .to_string()
                .ends_with("update Vigil")
        );
        assert!(
            Lang::Ru
                .seal_fault(&damaged)
                .starts_with("повреждённая печать: 1:")
        );
    }
}
