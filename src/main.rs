//! The `vigil` command line: parses arguments and calls the library.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use vigil::cli::{self, Format, check::CheckOptions, import::ImportRequest};
use vigil::import::SourceFormat;

/// Scenario-based training quizzes for identifying victims of trafficking.
#[derive(Parser)]
#[command(name = "vigil", version, about, long_about = None)]
struct Args {
    /// Adds the quizzes in this folder to the built-in bank (repeatable).
    #[arg(long = "quizzes", value_name = "DIR", global = true)]
    quizzes: Vec<PathBuf>,
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
    /// Converts a Moodle GIFT or Aiken file into a Vigil quiz, reporting on every question.
    Import {
        /// The GIFT or Aiken file.
        file: PathBuf,
        /// The file's format (default: told from its extension or content).
        #[arg(long, value_enum)]
        from: Option<SourceFormat>,
        /// The quiz id (default: the file's name).
        #[arg(long)]
        id: Option<String>,
        /// The quiz's language code (default: en).
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// Where to write the quiz (default: standard output).
        #[arg(short, long, value_name = "OUT.ron")]
        output: Option<PathBuf>,
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
        Some(Command::Import {
            file,
            from,
            id,
            lang,
            output,
        }) => {
            let request = ImportRequest {
                file,
                from,
                id,
                language: lang,
                output,
            };
            cli::import::run(&request, &mut out, &mut err)
                .context("could not print the import report")?
        }
        Some(Command::List { format }) => cli::list::run(&args.quizzes, format, &mut out, &mut err)
            .context("could not print the quiz list")?,
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
