//! The `vigil` command line: parses arguments and calls the library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args as ClapArgs, Parser, Subcommand};
use vigil::cli::corrections::{CorrectionsCommand, CorrectionsContext, CorrectionsFile};
use vigil::cli::dashboard::DashboardOptions;
use vigil::cli::keygen::KeygenOptions;
use vigil::cli::records::RecordsOptions;
use vigil::cli::report::{ReportFormat, ReportOptions};
use vigil::cli::roster::RosterCommand;
use vigil::cli::run::RunOptions;
use vigil::cli::seal::SealOptions;
use vigil::cli::{self, Format, check::CheckOptions, import::ImportRequest};
use vigil::config::{Environment, Overrides, language_without_config, locate};
use vigil::console::Console;
use vigil::i18n::Lang;
use vigil::import::SourceFormat;
use vigil::quiz::FeedbackMode;
use vigil::record::Phase;
use vigil::record::seal::keys::{SIGNING_KEY_FILE, user_key_folder};
use vigil::record::seal::{PinnedKey, pinned_key};
use vigil::record::store::safe_segment;
use vigil::record::writer::{remove_unfinished_on_interrupt, replace_file};
use vigil::report::export::csv::Table;
use vigil::report::stats::Thresholds;
use vigil::report::{AttemptChoice, Filter};
use vigil::tui::theme::ThemeName;

/// Scenario-based training quizzes for identifying victims of trafficking.
///
/// With no command, starts the trainee app.
#[derive(Parser, Debug)]
#[command(name = "vigil", version, about, long_about)]
struct Args {
    /// Adds the quizzes in this folder to the built-in bank (repeatable).
    #[arg(long = "quizzes", value_name = "DIR", global = true)]
    quizzes: Vec<PathBuf>,
    /// The trainer's config file (default: ./vigil.ron, else vigil.ron in the results folder).
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,
    /// The results folder (overrides VIGIL_RESULTS and the config; repeatable for `records`).
    #[arg(long = "results", value_name = "DIR", global = true)]
    results: Vec<PathBuf>,
    /// The session: for `run`, the one to record into; for `records` and `report`, the ones to read
    /// (repeatable).
    #[arg(long, global = true)]
    session: Vec<String>,
    #[command(flatten)]
    run: RunFlags,
    #[command(subcommand)]
    command: Option<Command>,
}

/// Flags of the trainee app.
#[derive(ClapArgs, Clone, Debug)]
struct RunFlags {
    /// The phase to record into (overrides the config).
    #[arg(long, value_enum, global = true)]
    phase: Option<Phase>,
    /// Play-test: nothing is recorded, and the screen says so.
    #[arg(long, global = true)]
    no_save: bool,
    /// Shuffles the same way every time (for play-testing a quiz).
    #[arg(long, value_name = "N", global = true)]
    seed: Option<u64>,
    /// The language the app starts in; for `report`, `records`, `seal` and `dashboard`, the language of their
    /// labels and seal lines (default: the config's, else the locale's).
    #[arg(long, value_enum, global = true)]
    lang: Option<Lang>,
    /// Overrides the feedback mode of the quiz and the config.
    #[arg(long, value_enum, global = true)]
    feedback: Option<FeedbackMode>,
    /// The look: default or high-contrast (NO_COLOR turns colours off).
    #[arg(long, value_enum, default_value_t, global = true)]
    theme: ThemeName,
    /// Draws only ASCII symbols, for terminals that cannot show ✓ ✗ ◐ ⚑ (chosen by itself when the
    /// terminal's locale is not UTF-8, on the Linux console and in old Windows consoles).
    #[arg(long, global = true)]
    ascii: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Starts the trainee app, optionally on one quiz (an id, or the path of a quiz file).
    Run {
        /// A quiz id (see `vigil list`) or a quiz file.
        quiz: Option<String>,
    },
    /// Checks quiz files and trainer configs and reports every problem with its position.
    Check {
        /// Files or folders to check (default: ./quizzes, else the built-in bank).
        paths: Vec<PathBuf>,
        /// Fails when there are warnings, not only errors.
        #[arg(long)]
        deny_warnings: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Lists the available quizzes: id, language, title, questions, source.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Lists the attempt records in results folders, and every file that could not be used.
    Records {
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// The trainer's public key that checks seals (default: the one `vigil keygen` pinned on this machine).
        #[arg(long, value_name = "FILE")]
        public_key: Option<PathBuf>,
        /// The trainer's corrections file (default: corrections.ron in the user config folder, if it exists).
        #[arg(long, value_name = "FILE")]
        corrections: Option<PathBuf>,
    },
    /// Summarises the scores of one or more sessions: participants, item analysis, reliability, topics,
    /// groups and pre/post gain.
    Report {
        /// Only this quiz.
        #[arg(long)]
        quiz: Option<String>,
        /// Only this group.
        #[arg(long)]
        group: Option<String>,
        /// Which attempt counts per participant, quiz and phase.
        #[arg(long, value_enum, default_value_t)]
        attempts: AttemptChoice,
        /// Recomputes points from the current quiz files.
        #[arg(long)]
        regrade: bool,
        /// Replaces names by roster codes or pseudonyms keyed with the trainer's secret.
        #[arg(long)]
        pseudonymise: bool,
        /// The pseudonym key file (default: pseudonym.key in the user config folder, made on first use).
        #[arg(long, value_name = "FILE", requires = "pseudonymise")]
        pseudonym_key: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: ReportFormat,
        /// The CSV table: participants, matrix (participants x questions), items, responses (one row per attempt
        /// and question), problems or corrections.
        #[arg(long, value_enum, default_value_t)]
        table: Table,
        /// The CSV delimiter (`;` suits Excel in Russian and Kazakh locales).
        #[arg(long, default_value = ",")]
        delimiter: char,
        /// Writes the report to this file instead of the terminal.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Facility below this is flagged.
        #[arg(long, default_value_t = 0.2)]
        facility_low: f64,
        /// Facility above this is flagged.
        #[arg(long, default_value_t = 0.9)]
        facility_high: f64,
        /// A discrimination index below this is flagged.
        #[arg(long, default_value_t = 20.0)]
        discrimination_low: f64,
        /// The trainer's public key that checks seals (default: the one `vigil keygen` pinned on this machine).
        #[arg(long, value_name = "FILE")]
        public_key: Option<PathBuf>,
        /// The trainer's corrections file (default: corrections.ron in the user config folder, if it exists).
        #[arg(long, value_name = "FILE")]
        corrections: Option<PathBuf>,
        /// Counts records edited or added after their folder was sealed (left out by default).
        #[arg(long)]
        count_unsealed: bool,
    },
    /// Records the trainer's corrections (identities merged, attempts voided) in the trainer's own
    /// corrections file, which reports and `records` apply; records and seals stay untouched.
    Corrections {
        /// The corrections file (default: corrections.ron in the user config folder).
        #[arg(long, value_name = "FILE", global = true)]
        file: Option<PathBuf>,
        #[command(subcommand)]
        action: CorrectionsCommand,
    },
    /// Imports a roster from a CSV file (code, name, group), such as one exported from Excel.
    Roster {
        #[command(subcommand)]
        action: RosterCommand,
    },
    /// Makes the trainer's signing key pair on this machine: the signing key for `vigil seal`, and the public
    /// key, pinned here, with which `records` and `report` check seals.
    Keygen {
        /// Where to put the key pair (default: Vigil's folder in your user config folder).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Replaces an existing key pair (seals made with the old key then no longer verify here).
        #[arg(long)]
        force: bool,
    },
    /// Seals the session folder after the session: signs, with the trainer's signing key, which records it
    /// holds now, so that `records` and `report` name every record edited, added or deleted later.
    Seal {
        /// The signing key (default: the one `vigil keygen` made on this machine).
        #[arg(long, value_name = "FILE")]
        signing_key: Option<PathBuf>,
        /// Seals again although the folder no longer matches its present seal.
        #[arg(long)]
        force: bool,
    },
    /// Shows the report full-screen, with drill-down and a live panel of the running session, refreshed from
    /// the results folder every few seconds.
    Dashboard {
        /// The trainer's public key that checks seals (default: the one `vigil keygen` pinned on this machine).
        #[arg(long, value_name = "FILE")]
        public_key: Option<PathBuf>,
    },
    /// Converts a Moodle GIFT or Aiken file into a Vigil quiz, reporting on every question.
    ///
    /// The quiz's language is taken from `--lang` (default: en).
    Import {
        /// The GIFT or Aiken file.
        file: PathBuf,
        /// The file's format (default: told from its extension or content).
        #[arg(long, value_enum)]
        from: Option<SourceFormat>,
        /// The quiz id (default: the file's name).
        #[arg(long)]
        id: Option<String>,
        /// Where to write the quiz (default: standard output).
        #[arg(short, long, value_name = "OUT.ron")]
        output: Option<PathBuf>,
    },
}

impl Args {
    /// What a bare `vigil` (no argument at all: how a workstation starts the trainee app) means, made without
    /// clap, which spends about 0.3 ms, a tenth of the time to the first frame, building the definition of every
    /// command to find that there is nothing to parse.
    fn bare() -> Self {
        Self {
            quizzes: Vec::new(),
            config: None,
            results: Vec::new(),
            session: Vec::new(),
            run: RunFlags {
                phase: None,
                no_save: false,
                seed: None,
                lang: None,
                feedback: None,
                theme: ThemeName::default(),
                ascii: false,
            },
            command: None,
        }
    }
}

fn main() -> ExitCode {
    let parsed = if std::env::args_os().len() <= 1 {
        Ok(Args::bare())
    } else {
        Args::try_parse()
    };
    let args = match parsed {
        Ok(args) => args,
        Err(error) => return usage(&error),
    };
    match run(args) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            let mut err = Console::stderr();
            let _ = writeln!(err, "vigil: {error:#}");
            let _ = err.finish();
            ExitCode::from(1)
        }
    }
}

/// Prints what clap has to say (help, the version, or why the command line is wrong) through the console, since
/// it may quote what was typed, such as a file name.
fn usage(error: &clap::Error) -> ExitCode {
    let text = error.render().to_string();
    let written = if error.use_stderr() {
        let mut err = Console::stderr();
        err.write_all(text.as_bytes()).and_then(|()| err.finish())
    } else {
        let mut out = Console::stdout();
        out.write_all(text.as_bytes()).and_then(|()| out.finish())
    };
    let code = if written.is_ok() {
        error.exit_code()
    } else {
        1
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

/// The config of a command that reads results.
fn locate_for_reading(args: &Args) -> anyhow::Result<vigil::config::Located> {
    Ok(locate(
        &overrides(args).for_reading(),
        &Environment::from_process(),
    )?)
}

/// The folder of the trainer's key pair: `dir`, else Vigil's folder in the user config folder.
fn key_folder(dir: Option<PathBuf>, lang: Lang) -> anyhow::Result<PathBuf> {
    dir.or_else(user_key_folder)
        .context(lang.keys().no_key_folder)
}

/// The public key that checks seals: `flag`, else the one pinned in the user config folder; never one inside
/// `results`. Why it cannot be used is said in `lang`.
fn pinned(
    flag: Option<&std::path::Path>,
    results: &[PathBuf],
    lang: Lang,
) -> anyhow::Result<Option<PinnedKey>> {
    pinned_key(flag, user_key_folder().as_deref(), results)
        .map_err(|error| anyhow::anyhow!(lang.key_error(&error)))
}

fn overrides(args: &Args) -> Overrides {
    Overrides {
        config: args.config.clone(),
        results: args.results.first().cloned(),
        session: args.session.first().cloned(),
        phase: args.run.phase,
    }
}

fn run(args: Args) -> anyhow::Result<u8> {
    // The full-screen commands take Ctrl-C as a key; every other one may be stopped in the middle of a write.
    if !matches!(
        args.command,
        None | Some(Command::Run { .. } | Command::Dashboard { .. })
    ) {
        remove_unfinished_on_interrupt();
    }
    let mut out = Console::stdout();
    let mut err = Console::stderr();
    let code = match &args.command {
        None | Some(Command::Run { .. }) => {
            let target = match &args.command {
                Some(Command::Run { quiz }) => quiz.clone(),
                _ => None,
            };
            drop(out);
            let options = RunOptions {
                target,
                no_save: args.run.no_save,
                seed: args.run.seed,
                lang: args.run.lang,
                feedback: args.run.feedback,
                theme: args.run.theme,
                ascii: args.run.ascii,
                quiz_folders: args.quizzes.clone(),
                overrides: overrides(&args),
            };
            return Ok(u8::try_from(cli::run::run(options)?).unwrap_or(1));
        }
        Some(Command::Check {
            paths,
            deny_warnings,
            format,
        }) => {
            let options = CheckOptions {
                paths: paths.clone(),
                deny_warnings: *deny_warnings,
                format: *format,
            };
            cli::check::run(&options, &mut out).context("could not print the check report")?
        }
        Some(Command::List { format }) => {
            cli::list::run(&args.quizzes, *format, &mut out, &mut err)
                .context("could not print the quiz list")?
        }
        Some(Command::Records {
            format,
            public_key,
            corrections,
        }) => {
            let located = locate_for_reading(&args)?;
            let folders = located.results_folders(&args.results);
            let options = RecordsOptions {
                public_key: pinned(
                    public_key.as_deref(),
                    &folders,
                    located.language(args.run.lang),
                )?,
                corrections: CorrectionsFile::locate(corrections.as_deref()),
                read_files: located.files_read(),
                folders,
                sessions: args.session.clone(),
                format: *format,
                lang: located.language(args.run.lang),
            };
            cli::records::run(&options, located.key, &mut out, &mut err)
                .context("could not print the records")?
        }
        Some(Command::Report {
            quiz,
            group,
            attempts,
            regrade,
            pseudonymise,
            pseudonym_key,
            format,
            table,
            delimiter,
            out: file,
            facility_low,
            facility_high,
            discrimination_low,
            public_key,
            corrections,
            count_unsealed,
        }) => {
            let located = locate_for_reading(&args)?;
            let delimiter = cli::report::delimiter(*delimiter, located.language(args.run.lang))?;
            let folders = located.results_folders(&args.results);
            let options = ReportOptions {
                public_key: pinned(
                    public_key.as_deref(),
                    &folders,
                    located.language(args.run.lang),
                )?,
                corrections: CorrectionsFile::locate(corrections.as_deref()),
                count_unsealed: *count_unsealed,
                folders,
                quiz_folders: located.quiz_folders(&args.quizzes),
                filter: Filter {
                    sessions: args.session.clone(),
                    quiz: quiz.clone(),
                    phase: args.run.phase,
                    group: group.clone(),
                },
                attempts: *attempts,
                regrade: *regrade,
                pseudonymise: *pseudonymise,
                pseudonym_key: pseudonym_key.clone(),
                format: *format,
                table: *table,
                delimiter,
                lang: located.language(args.run.lang),
                groups: located.config.groups.clone(),
                config: located.path.is_some().then(|| located.config.clone()),
                thresholds: Thresholds {
                    facility_low: *facility_low,
                    facility_high: *facility_high,
                    discrimination_low: *discrimination_low,
                },
                width: cli::report::terminal_width(),
                out: file.clone(),
                read_files: located.files_read(),
            };
            cli::report::run(&options, located.key, &mut out, &mut err)?
        }
        Some(Command::Corrections { file, action }) => {
            let located = locate_for_reading(&args)?;
            let lang = located.language(args.run.lang);
            let file =
                CorrectionsFile::locate(file.as_deref()).context(lang.corrections().no_folder)?;
            let context = CorrectionsContext {
                session: args.session.first().unwrap_or(&located.config.session),
                results: &located.results_folders(&args.results),
                room_files: &located.files_read(),
                roster: &located.config.roster,
                lang,
            };
            cli::corrections::run(action, &file, &context, &mut out, replace_file)
                .map_err(|error| anyhow::anyhow!(lang.corrections_error(&error)))?;
            0
        }
        Some(Command::Roster { action }) => {
            let located = locate_for_reading(&args)?;
            let groups = located
                .path
                .is_some()
                .then_some(located.config.groups.as_slice());
            cli::roster::run(
                action,
                groups,
                &located.files_read(),
                located.language(args.run.lang),
                &mut out,
                &mut err,
                replace_file,
            )
            .context("could not print the roster")?
        }
        Some(Command::Keygen { dir, force }) => {
            let lang = language_without_config(args.run.lang);
            let options = KeygenOptions {
                folder: key_folder(dir.clone(), lang)?,
                force: *force,
                lang,
            };
            cli::keygen::run(&options, &mut out)?
        }
        Some(Command::Seal { signing_key, force }) => {
            let located = locate(&overrides(&args), &Environment::from_process())?;
            let lang = located.language(args.run.lang);
            let signing_key = match signing_key {
                Some(file) => file.clone(),
                None => key_folder(None, lang)?.join(SIGNING_KEY_FILE),
            };
            let results = located.results_folders(&args.results);
            let folder = results.first().unwrap_or(&located.results);
            let options = SealOptions {
                folder: folder.join(safe_segment(&located.config.session)),
                results: results.clone(),
                signing_key,
                force: *force,
                lang,
            };
            cli::seal::run(&options, jiff::Timestamp::now(), &mut out)?
        }
        Some(Command::Dashboard { public_key }) => {
            let located = locate_for_reading(&args)?;
            let folders = located.results_folders(&args.results);
            let options = DashboardOptions {
                public_key: pinned(
                    public_key.as_deref(),
                    &folders,
                    located.language(args.run.lang),
                )?,
                folders,
                sessions: args.session.clone(),
                quiz_folders: located.quiz_folders(&args.quizzes),
                lang: located.language(args.run.lang),
                groups: located.config.groups.clone(),
                theme: args.run.theme,
                roster: Some((
                    located.config.session.clone(),
                    located.config.roster.clone(),
                )),
                corrections: CorrectionsFile::locate(None),
            };
            drop(out);
            return Ok(u8::try_from(cli::dashboard::run(options, located.key)?).unwrap_or(1));
        }
        Some(Command::Import {
            file,
            from,
            id,
            output,
        }) => {
            let request = ImportRequest {
                file: file.clone(),
                from: *from,
                id: id.clone(),
                language: args.run.lang.map(|lang| lang.code().to_owned()),
                output: output.clone(),
            };
            cli::import::run(&request, &mut out, &mut err)
                .context("could not print the import report")?
        }
    };
    out.finish()?;
    err.finish()?;
    Ok(u8::try_from(code).unwrap_or(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_command_line_means_what_clap_makes_of_it() {
        let parsed = Args::try_parse_from(["vigil"]).unwrap();
        assert_eq!(format!("{:?}", Args::bare()), format!("{parsed:?}"));
        let flagged = Args::try_parse_from(["vigil", "--ascii"]).unwrap();
        assert_ne!(format!("{:?}", Args::bare()), format!("{flagged:?}"));
    }
}
