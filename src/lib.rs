//! Vigil: scenario-based training quizzes for identifying victims of trafficking, in the terminal.
//!
//! Data flows one way: quiz files ([`quiz`]) are loaded and validated, and the command-line operations
//! ([`cli`]) present them to people. Moodle question banks become quiz files through [`import`].

pub mod cli;
pub mod import;
pub mod quiz;
pub mod text;
