//! The command-line operations behind each `vigil` subcommand, writing to any output.

pub mod check;
pub mod corrections;
pub mod dashboard;
pub mod import;
pub mod keygen;
pub mod list;
pub mod output;
pub mod pseudonym_key;
pub mod records;
pub mod report;
pub mod roster;
pub mod run;
pub mod seal;

/// How a command prints its result.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text for people.
    #[default]
    Text,
    /// JSON for programs.
    Json,
}
