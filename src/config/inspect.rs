//! `vigil check` on a trainer's config: the file itself, then what it points at — the quizzes each phase offers,
//! the room key file and the results folder.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::load::{OLD_ROOM_KEY, read_config};
use super::model::Config;
use crate::quiz::Bank;
use crate::quiz::check::{read_file, unreadable};
use crate::quiz::diagnostic::{Diagnostic, Severity};
use crate::quiz::parse::{closest, decode};
use crate::quiz::source::SourceText;
use crate::quiz::validate::is_valid_id;
use crate::record::IntegrityKey;

/// Whether `bytes` hold a trainer's config rather than a quiz, whatever the file is called: its top level has a
/// `session` field and no `questions`.
pub fn looks_like_config(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let source = SourceText::new(text);
    source.find_field(0, "session").is_some() && source.find_field(0, "questions").is_none()
}

/// Every finding about the config file `file` (its path as given) with contents `bytes`.
pub fn check_config(file: &str, bytes: &[u8]) -> Vec<Diagnostic> {
    let (config, mut found) = read_config(file, bytes);
    let (Some(config), Ok(text)) = (config, decode(file, bytes)) else {
        return found;
    };
    let source = SourceText::new(text);
    let folder = Path::new(file)
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let mut inspect = Inspection {
        file,
        source: &source,
        config: &config,
        folder: &folder,
        found: Vec::new(),
    };
    inspect.phase_quizzes();
    inspect.key_file();
    inspect.results_folder();
    found.extend(inspect.found);
    found
}

struct Inspection<'a> {
    file: &'a str,
    source: &'a SourceText<'a>,
    config: &'a Config,
    folder: &'a Path,
    found: Vec<Diagnostic>,
}

impl Inspection<'_> {
    fn report(&mut self, severity: Severity, at: Option<usize>, message: String, hint: &str) {
        let mut finding = Diagnostic::file(severity, self.file, message).with_hint(hint);
        if let Some(at) = at {
            finding = finding.at_offset(self.source, at);
        }
        self.found.push(finding);
    }

    /// Where `"value"` is first written after the field `field`, else the field itself.
    fn value_after(&self, field: &str, value: &str) -> Option<usize> {
        let from = self.source.find_field(0, field)?;
        let quoted = format!("\"{value}\"");
        let found = self.source.text()[from..].find(&quoted).map(|at| from + at);
        found.or(Some(from))
    }

    /// Every quiz id of every phase is a quiz of the bank (built-in plus the config's quiz folders), and has a
    /// version in the config's language.
    fn phase_quizzes(&mut self) {
        let folders: Vec<PathBuf> = self
            .config
            .quiz_folders
            .iter()
            .map(|f| self.folder.join(f))
            .collect();
        let bank = Bank::load(&folders);
        let ids: BTreeSet<&str> = bank.quizzes.iter().map(|q| q.quiz.id.as_str()).collect();
        let known: Vec<&str> = ids.iter().copied().collect();
        let phases = &self.config.phases;
        for (name, rules) in [
            ("pre", &phases.pre),
            ("practice", &phases.practice),
            ("post", &phases.post),
        ] {
            for id in rules.quizzes.iter().filter(|id| is_valid_id(id)) {
                let at = self.value_after(name, id);
                if !ids.contains(id.as_str()) {
                    let hint = match closest(id, &known) {
                        Some(near) => format!("did you mean `{near}`? `vigil list` shows the quizzes"),
                        None => "list quiz ids as `vigil list` shows them, or add the quiz's folder to `quiz_folders`".to_owned(),
                    };
                    self.report(
                        Severity::Error,
                        at,
                        format!("phase `{name}` offers quiz `{id}`, which is neither built in nor in `quiz_folders`"),
                        &hint,
                    );
                    continue;
                }
                let Some(language) = &self.config.language else {
                    continue;
                };
                let languages: Vec<&str> = bank
                    .quizzes
                    .iter()
                    .filter(|q| q.quiz.id == *id)
                    .map(|q| q.quiz.language.as_str())
                    .collect();
                if !languages.contains(&language.as_str()) {
                    self.report(
                        Severity::Warning,
                        at,
                        format!(
                            "phase `{name}` offers quiz `{id}`, which has no `{language}` version (only {})",
                            languages.join(", ")
                        ),
                        "trainees will read it in another language: add a translation, or offer another quiz",
                    );
                }
            }
        }
    }

    /// The room key file can be read, is long enough, and does not lie inside the results folder.
    fn key_file(&mut self) {
        let Some(key) = &self.config.room_key else {
            return;
        };
        let path = self.folder.join(key);
        let name = path.display().to_string();
        let at = self
            .source
            .find_field(0, "room_key")
            .or_else(|| self.source.find_field(0, OLD_ROOM_KEY));
        match read_file(&path) {
            Err(error) => {
                let cause = unreadable(&name, &error);
                self.report(
                    Severity::Error,
                    at,
                    format!("the room key file {name} cannot be used: {}", cause.message),
                    "create the file with a secret of at least 16 bytes, or correct `room_key`",
                );
                return;
            }
            Ok(secret) if IntegrityKey::from_secret(&secret).is_none() => self.report(
                Severity::Error,
                at,
                format!("the room key file {name} is shorter than 16 bytes"),
                "write a longer secret into it, such as a line of 20 random letters",
            ),
            Ok(_) => {}
        }
        if let (Some(results), Ok(key)) = (self.results_path(), std::fs::canonicalize(&path))
            && let Ok(results) = std::fs::canonicalize(results)
            && key.starts_with(&results)
        {
            self.report(
                Severity::Warning,
                at,
                format!("the room key file {name} lies inside the results folder"),
                "whoever gets a copy of the records gets the key with them: keep it outside the results folder \
                 (workstations still need to read it), and correct `room_key`",
            );
        }
    }

    fn results_path(&self) -> Option<PathBuf> {
        self.config.results.as_ref().map(|r| self.folder.join(r))
    }

    /// The results folder exists (Vigil would create it, but a missing shared folder is usually a typo or a share
    /// that is not connected).
    fn results_folder(&mut self) {
        let Some(results) = self.results_path() else {
            return;
        };
        let name = results.display().to_string();
        let at = self.source.find_field(0, "results");
        match std::fs::metadata(&results) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => self.report(
                Severity::Error,
                at,
                format!("the results folder {name} is not a folder"),
                "name a folder every workstation can write to",
            ),
            Err(_) => self.report(
                Severity::Warning,
                at,
                format!("the results folder {name} does not exist"),
                "create it (a shared folder every workstation can write to), connect the share, or correct `results`",
            ),
        }
    }
}
