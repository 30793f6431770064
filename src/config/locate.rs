//! Finding the trainer's config and the results folder: flags, then environment, then files, then defaults.

use std::path::{Path, PathBuf};

use super::load::read_config;
use super::model::{CONFIG_FILE_NAME, Config};
use crate::i18n::Lang;
use crate::quiz::check::{read_file, unreadable};
use crate::quiz::diagnostic::Diagnostic;
use crate::record::{IntegrityKey, Phase};

/// What the command line says, overriding the config file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--config PATH`.
    pub config: Option<PathBuf>,
    /// `--results DIR`.
    pub results: Option<PathBuf>,
    /// `--session NAME`.
    pub session: Option<String>,
    /// `--phase P`.
    pub phase: Option<Phase>,
}

impl Overrides {
    /// The overrides of a command that reads results (`records`, `report`, `dashboard`): there `--session`
    /// filters what is read rather than choosing the session to record into.
    pub fn for_reading(self) -> Self {
        Self {
            session: None,
            ..self
        }
    }
}

/// The parts of the process environment that locating depends on, injectable for tests.
#[derive(Debug, Clone)]
pub struct Environment {
    /// The current folder.
    pub cwd: PathBuf,
    /// `VIGIL_RESULTS`.
    pub results_env: Option<PathBuf>,
    /// The per-user data folder, when the platform has one.
    pub data_dir: Option<PathBuf>,
}

impl Environment {
    /// The real environment of this process.
    pub fn from_process() -> Self {
        Self {
            cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
            results_env: std::env::var_os("VIGIL_RESULTS")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from),
            data_dir: directories::ProjectDirs::from("", "", "vigil")
                .map(|dirs| dirs.data_dir().to_path_buf()),
        }
    }
}

/// The settings in force: the config (or defaults), where it came from, the results folder and the room key.
#[derive(Debug, Clone)]
pub struct Located {
    /// The config with command-line overrides applied.
    pub config: Config,
    /// The file it was read from, if any.
    pub path: Option<PathBuf>,
    /// Where records are written and read.
    pub results: PathBuf,
    /// Whether the results folder was named (by `--results`, `VIGIL_RESULTS` or the config) rather than being
    /// the per-user default: a named folder is never created, since a typo would send results nowhere.
    pub results_named: bool,
    /// The room key, when the config names one.
    pub key: Option<IntegrityKey>,
}

impl Located {
    /// The results folder a workstation is to write into, when it was named and does not exist.
    pub fn missing_results(&self) -> Option<&Path> {
        (self.results_named && !self.results.is_dir()).then_some(self.results.as_path())
    }

    /// The results folders to read: those given on the command line, else the one in force.
    pub fn results_folders(&self, given: &[PathBuf]) -> Vec<PathBuf> {
        if given.is_empty() {
            vec![self.results.clone()]
        } else {
            given.to_vec()
        }
    }

    /// The settings files read: the config and the room key file.
    pub fn files_read(&self) -> Vec<PathBuf> {
        self.path
            .iter()
            .chain(&self.config.room_key)
            .cloned()
            .collect()
    }

    /// The extra quiz folders: those given on the command line, then the config's.
    pub fn quiz_folders(&self, given: &[PathBuf]) -> Vec<PathBuf> {
        given
            .iter()
            .chain(&self.config.quiz_folders)
            .cloned()
            .collect()
    }

    /// The language: `flag`, else the config's, else the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
    pub fn language(&self, flag: Option<Lang>) -> Lang {
        language_without_config(
            flag.or_else(|| self.config.language.as_deref().and_then(Lang::from_code)),
        )
    }
}

/// The language before any config is read: `flag`, else the locale's, else English.
pub fn language_without_config(flag: Option<Lang>) -> Lang {
    flag.or_else(locale_language).unwrap_or_default()
}

/// The language of the process locale, if Vigil speaks it.
fn locale_language() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| Lang::from_locale(&value))
}

/// Why the settings could not be established.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The config file has errors.
    #[error("{}", render(.0))]
    Invalid(Vec<Diagnostic>),
    /// The room key file is unusable.
    #[error("the room key file {path} {problem}; fix `room_key` in the config or the file itself")]
    Key {
        /// The key file.
        path: PathBuf,
        /// What is wrong.
        problem: String,
    },
}

fn render(findings: &[Diagnostic]) -> String {
    findings
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Finds and reads the config: `--config`, else `./vigil.ron`, else `vigil.ron` in the results folder given by
/// `--results` or `VIGIL_RESULTS`; without one, defaults (a self-study session in the per-user data folder).
pub fn locate(overrides: &Overrides, env: &Environment) -> Result<Located, ConfigError> {
    let early_results = overrides
        .results
        .clone()
        .or_else(|| env.results_env.clone());
    let candidate = match &overrides.config {
        Some(path) => Some(env.cwd.join(path)),
        None => [
            Some(env.cwd.join(CONFIG_FILE_NAME)),
            early_results
                .as_ref()
                .map(|r| env.cwd.join(r).join(CONFIG_FILE_NAME)),
        ]
        .into_iter()
        .flatten()
        .find(|path| path.is_file()),
    };
    let (mut config, path) = match candidate {
        Some(path) => {
            let name = path.display().to_string();
            let bytes = read_file(&path)
                .map_err(|error| ConfigError::Invalid(vec![unreadable(&name, &error)]))?;
            let (config, findings) = read_config(&name, &bytes);
            match config {
                Some(config) if !findings.iter().any(Diagnostic::is_error) => (config, Some(path)),
                _ => {
                    let errors = findings.into_iter().filter(Diagnostic::is_error).collect();
                    return Err(ConfigError::Invalid(errors));
                }
            }
        }
        None => (Config::standalone(), None),
    };
    let base = path
        .as_deref()
        .and_then(Path::parent)
        .map_or_else(|| env.cwd.clone(), Path::to_path_buf);
    let results_named = early_results.is_some() || config.results.is_some();
    let results = early_results
        .map(|r| env.cwd.join(r))
        .or_else(|| config.results.as_ref().map(|r| base.join(r)))
        .or_else(|| env.data_dir.as_ref().map(|d| d.join("results")))
        .unwrap_or_else(|| env.cwd.join("vigil-results"));
    if let Some(session) = &overrides.session {
        config.session = session.clone();
    }
    if let Some(phase) = overrides.phase {
        config.phase = phase;
    }
    config.quiz_folders = config.quiz_folders.iter().map(|f| base.join(f)).collect();
    config.room_key = config.room_key.map(|file| base.join(file));
    let key = match &config.room_key {
        None => None,
        Some(file) => {
            let secret = read_file(file).map_err(|error| ConfigError::Key {
                path: file.clone(),
                problem: format!("cannot be read ({error})"),
            })?;
            Some(
                IntegrityKey::from_secret(&secret).ok_or_else(|| ConfigError::Key {
                    path: file.clone(),
                    problem: "is shorter than 16 bytes".to_owned(),
                })?,
            )
        }
    };
    Ok(Located {
        config,
        path,
        results,
        results_named,
        key,
    })
}
