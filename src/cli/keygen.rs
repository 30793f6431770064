//! `vigil keygen`: makes the trainer's signing key pair on the trainer's machine.

use std::io::Write;
use std::path::PathBuf;

use ed25519_dalek::SigningKey;

use crate::record::seal::keys::{fingerprint, write_key_pair};
use crate::text::printable_line;

/// What `vigil keygen` was asked for.
#[derive(Debug, Clone)]
pub struct KeygenOptions {
    /// Where the key pair goes (by default the user's config folder, where seals are checked from).
    pub folder: PathBuf,
    /// Replaces an existing pair.
    pub force: bool,
}

/// Makes a key pair in `options.folder` and says where it is and what to do with it; returns the exit code.
pub fn run(options: &KeygenOptions, out: &mut dyn Write) -> anyhow::Result<i32> {
    let key = SigningKey::generate(&mut rand::rng());
    let files = write_key_pair(&options.folder, &key, options.force)?;
    let shown = |path: &PathBuf| printable_line(&path.display().to_string()).into_owned();
    writeln!(
        out,
        "made the trainer's signing key pair, fingerprint {}\n  signing key (secret, readable by you only): \
         {}\n  public key (pinned on this machine to check seals): {}\n\nKeep the signing key on this machine only: \
         never in a results folder, on a workstation or on a shared stick. After a session, `vigil seal` signs \
         the session folder with it; `vigil records` and `vigil report` on this machine check the seal. To check \
         seals elsewhere, copy the public key file there and give it with --public-key FILE.",
        fingerprint(&key.verifying_key()),
        shown(&files.signing),
        shown(&files.public)
    )?;
    Ok(0)
}
