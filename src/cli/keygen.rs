//! `vigil keygen`: makes the trainer's signing key pair on the trainer's machine.

use std::io::Write;
use std::path::PathBuf;

use ed25519_dalek::SigningKey;

use crate::i18n::{Lang, fill};
use crate::record::seal::keys::{fingerprint, write_key_pair};
use crate::text::printable_line;

/// What `vigil keygen` was asked for.
#[derive(Debug, Clone)]
pub struct KeygenOptions {
    /// Where the key pair goes (by default the user's config folder, where seals are checked from).
    pub folder: PathBuf,
    /// Replaces an existing pair.
    pub force: bool,
    /// The language of what the command says.
    pub lang: Lang,
}

/// Makes a key pair in `options.folder` and says where it is and what to do with it; returns the exit code.
pub fn run(options: &KeygenOptions, out: &mut dyn Write) -> anyhow::Result<i32> {
    let key = SigningKey::generate(&mut rand::rng());
    let files = write_key_pair(&options.folder, &key, options.force)
        .map_err(|error| anyhow::anyhow!(options.lang.key_error(&error)))?;
    let shown = |path: &PathBuf| printable_line(&path.display().to_string()).into_owned();
    let made = fill(
        options.lang.seal().made_key_pair,
        &[
            (
                "fingerprint",
                &fingerprint(&key.verifying_key()).to_string(),
            ),
            ("signing", &shown(&files.signing)),
            ("public", &shown(&files.public)),
        ],
    );
    writeln!(out, "{made}")?;
    Ok(0)
}
