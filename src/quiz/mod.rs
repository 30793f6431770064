//! The content model: quiz files, their loading with positioned findings, validation, scoring and the bank.

pub mod bank;
pub mod characters;
pub mod check;
pub mod diagnostic;
pub mod files;
pub mod findings;
pub mod limits;
pub mod lint;
pub mod model;
pub mod parse;
pub mod scoring;
pub mod source;
pub mod taxonomy;
pub mod translation;
pub mod validate;

pub use bank::Bank;
pub use check::{CheckReport, CheckedQuiz, Input, check, gather};
pub use diagnostic::{Diagnostic, Severity};
pub use model::{FeedbackMode, Question, QuestionKind, Quiz};
pub use scoring::Response;
pub use taxonomy::{TagKind, Taxonomy};
