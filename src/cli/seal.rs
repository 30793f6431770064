//! `vigil seal`: signs what a session folder holds now with the trainer's signing key.

use std::io::Write;
use std::path::PathBuf;

use super::records::session_folders;
use crate::i18n::{Lang, fill};
use crate::record::seal::keys::{KeyError, KeyKind, folder_holding, read_signing_key};
use crate::record::seal::seal_folder;
use crate::report::known::check_sessions;
use crate::text::printable_line;

/// What `vigil seal` was asked for.
#[derive(Debug, Clone)]
pub struct SealOptions {
    /// The session folder to seal.
    pub folder: PathBuf,
    /// The results folders (a signing key inside one is refused as exposed).
    pub results: Vec<PathBuf>,
    /// The trainer's signing key file.
    pub signing_key: PathBuf,
    /// Replaces a seal that no longer matches the folder.
    pub force: bool,
    /// The language of what the command says, and of what a present seal shows when the folder no longer
    /// matches it.
    pub lang: Lang,
}

/// Seals the folder at `now` (to the second) and says what the seal certifies; returns the exit code.
pub fn run(
    options: &SealOptions,
    now: jiff::Timestamp,
    out: &mut dyn Write,
) -> anyhow::Result<i32> {
    let now = jiff::Timestamp::from_second(now.as_second()).unwrap_or(now);
    let shown = |path: &PathBuf| printable_line(&path.display().to_string()).into_owned();
    if !options.folder.is_dir() {
        // Most likely a session name mistyped: say which sessions there are.
        let session = options
            .folder
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
        if let Err(unknown) = check_sessions(&[session], &session_folders(&options.results)) {
            anyhow::bail!(unknown.words(options.lang));
        }
    }
    let said = |error: KeyError| anyhow::anyhow!(options.lang.key_error(&error));
    if let Some(folder) = folder_holding(&options.signing_key, &options.results) {
        return Err(said(KeyError::InResults {
            kind: KeyKind::Signing,
            path: options.signing_key.clone(),
            folder: folder.clone(),
        }));
    }
    let key = read_signing_key(&options.signing_key).map_err(said)?;
    let sealed = seal_folder(&options.folder, &key, now, options.force, options.lang)
        .map_err(|error| anyhow::anyhow!(options.lang.seal_error(&error)))?;
    let words = options.lang.seal();
    let count = |n: usize, forms| options.lang.count(n as u64, forms);
    writeln!(
        out,
        "{}",
        fill(
            words.sealed,
            &[
                ("files", &count(sealed.files, words.files)),
                ("folder", &shown(&options.folder)),
                ("at", &now.to_string()),
                ("key", &sealed.fingerprint.to_string()),
                ("file", &shown(&sealed.path)),
            ],
        )
    )?;
    if sealed.in_progress > 0 {
        let attempts = count(sealed.in_progress, words.attempts_in_progress);
        writeln!(
            out,
            "{}",
            fill(words.still_in_progress, &[("attempts", &attempts)])
        )?;
    }
    if sealed.not_records > 0 {
        let files = count(sealed.not_records, words.files);
        writeln!(out, "{}", fill(words.not_records, &[("files", &files)]))?;
    }
    Ok(0)
}
