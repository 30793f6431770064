//! The `vigil` command line: parses arguments and calls the library.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use vigil::cli::records::RecordsOptions;
use vigil::cli::{self, Format, check::CheckOptions};
use vigil::config::{Environment, Overrides, locate};

/// Scenario-based training quizzes for identifying victims of trafficking.
#[derive(Parser)]
#[command(name = "vigil", version, about, long_about = None)]
struct Args {
    /// Adds the quizzes in this folder to the built-in bank (repeatable).
    #[arg(long = "quizzes", value_name = "DIR", global = true)]
    quizzes: Vec<PathBuf>,
    /// The trainer's config file (default: ./vigil.ron, else vigil.ron in the results folder).
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Checks quiz files and reports every problem with its position.
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
        /// Results folders to read (repeatable; default: from the config, VIGIL_RESULTS or the data folder).
        #[arg(long = "results", value_name = "DIR")]
        results: Vec<PathBuf>,
        /// Only this session.
        #[arg(long)]
        session: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("vigil: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn run(args: Args) -> anyhow::Result<u8> {
    let mut out = io::stdout().lock();
    let mut err = io::stderr().lock();
    let code = match args.command {
        Some(Command::Check {
            paths,
            deny_warnings,
            format,
        }) => {
            let options = CheckOptions {
                paths,
                deny_warnings,
                format,
            };
            cli::check::run(&options, &mut out).context("could not print the check report")?
        }
        Some(Command::List { format }) => cli::list::run(&args.quizzes, format, &mut out, &mut err)
            .context("could not print the quiz list")?,
        Some(Command::Records {
            results,
            session,
            format,
        }) => {
            let overrides = Overrides {
                config: args.config.clone(),
                results: results.first().cloned(),
                ..Overrides::default()
            };
            let located = locate(&overrides, &Environment::from_process())?;
            let folders = if results.is_empty() {
                vec![located.results.clone()]
            } else {
                results
            };
            let options = RecordsOptions {
                folders,
                session,
                format,
            };
            cli::records::run(&options, located.key, &mut out)
                .context("could not print the records")?
        }
        None => {
            let code = cli::list::run(&args.quizzes, Format::Text, &mut out, &mut err)
                .context("could not print the quiz list")?;
            writeln!(out, "\nRun `vigil --help` to see what Vigil can do.")?;
            code
        }
    };
    out.flush()?;
    Ok(u8::try_from(code).unwrap_or(1))
}
