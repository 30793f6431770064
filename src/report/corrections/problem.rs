//! Why a correction cannot be used, as data: worded in the trainer's language by [`Lang::correction_problem`],
//! whether it was found in the corrections file or on the command line.
//!
//! [`Lang::correction_problem`]: crate::i18n::Lang::correction_problem

use crate::quiz::characters::{BadChar, Lines, TextFault, bad_char_in_id, text_fault};

/// A text of a correction that a problem is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A participant's roster code.
    Code,
    /// A participant's name.
    Name,
    /// Why the correction was made.
    Reason,
}

/// Why a correction, or the corrections file, cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorrectionProblem {
    /// The corrections file holds nothing.
    EmptyFile,
    /// The corrections file is not UTF-8 text: `byte` cannot start a character where it stands.
    NotText {
        /// The first byte that is not UTF-8.
        byte: u8,
    },
    /// The file's `format` is not the one this build reads.
    Format(u32),
    /// A merge's `session` is empty.
    EmptySession,
    /// A participant named by name has no group.
    NoGroup {
        /// The name.
        name: String,
    },
    /// A participant's group holds a character a group id may not.
    BadGroup {
        /// The group as given.
        group: String,
        /// The character.
        bad: BadChar,
    },
    /// A participant's code or name, or a correction's reason, is empty.
    Empty(Field),
    /// A text holds a character it may not.
    BadText {
        /// Which text.
        field: Field,
        /// The character.
        bad: BadChar,
    },
    /// A text longer than any text may be, in characters.
    LongText {
        /// Which text.
        field: Field,
        /// How many characters it has.
        count: usize,
    },
    /// A merge of an identity into itself.
    IntoItself {
        /// The identity, as people read it.
        who: String,
    },
    /// A void names no attempt.
    NoAttempt,
    /// A void names something that is not an attempt id.
    NotAnAttempt {
        /// What it names.
        attempt: String,
    },
}

/// The problem with `text` as the correction's `field`, if any: a character it may not hold, or more characters
/// than any text may have.
pub fn correction_text_problem(field: Field, text: &str) -> Option<CorrectionProblem> {
    Some(match text_fault(text, Lines::One)? {
        TextFault::Bad(bad) => CorrectionProblem::BadText { field, bad },
        TextFault::TooLong(count) => CorrectionProblem::LongText { field, count },
    })
}

/// The problem with a group id given in a correction, if any.
pub fn group_problem(group: &str) -> Option<CorrectionProblem> {
    bad_char_in_id(group).map(|bad| CorrectionProblem::BadGroup {
        group: group.to_owned(),
        bad,
    })
}
