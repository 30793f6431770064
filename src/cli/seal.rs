//! `vigil seal`: signs what a session folder holds now with the trainer's signing key.

use std::io::Write;
use std::path::PathBuf;

use crate::i18n::Lang;
use crate::record::seal::keys::{folder_holding, read_signing_key};
use crate::record::seal::seal_folder;
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
    /// The language of what a present seal shows, when the folder no longer matches it.
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
    if let Some(folder) = folder_holding(&options.signing_key, &options.results) {
        anyhow::bail!(
            "the signing key {} lies inside the results folder {}, where others can read it, so a seal made with \
             it would prove nothing. Make a new pair with `vigil keygen --force` on your own machine and seal \
             with that",
            shown(&options.signing_key),
            shown(folder)
        );
    }
    let key = read_signing_key(&options.signing_key)?;
    let sealed = seal_folder(&options.folder, &key, now, options.force, options.lang)?;
    writeln!(
        out,
        "sealed {} files of {} at {now} with key {}, into {}.\nThe seal certifies what the folder holds at this \
         moment, nothing written later: `vigil records` and `vigil report` name every record edited, added or \
         deleted after it.",
        sealed.files,
        shown(&options.folder),
        sealed.fingerprint,
        shown(&sealed.path)
    )?;
    if sealed.in_progress > 0 {
        writeln!(
            out,
            "note: {} attempts are still in progress; if trainees are still working, seal again when they finish.",
            sealed.in_progress
        )?;
    }
    if sealed.not_records > 0 {
        writeln!(
            out,
            "note: {} files are not readable records; they are sealed as they are (`vigil records` names them).",
            sealed.not_records
        )?;
    }
    Ok(0)
}
