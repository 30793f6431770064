//! Vigil: scenario-based training quizzes for identifying victims of trafficking, in the terminal.
//!
//! Data flows one way: quiz files ([`quiz`]) are loaded and validated; attempts are recorded ([`record`]) under
//! the trainer's settings ([`config`]); the command-line operations ([`cli`]) present them to people, through
//! the [`console`] whenever the text goes to standard output or standard error. Moodle
//! question banks become quiz files through [`import`].

pub mod attempt;
pub mod cli;
pub mod config;
pub mod console;
pub mod i18n;
pub mod import;
pub mod json;
pub mod parallel;
pub mod quiz;
pub mod record;
pub mod report;
pub mod text;
pub mod tui;
