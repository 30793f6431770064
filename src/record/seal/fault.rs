//! Why a seal file cannot be read, as data: worded in the trainer's language by [`Lang::seal_fault`], and in
//! English where a machine reads it (its `Display`, and the JSON of a report).

use serde::{Serialize, Serializer};

use crate::i18n::Lang;
use crate::record::problem::Reason;

/// Why a seal file cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum SealFault {
    /// The file itself cannot be read, or is no regular file.
    File(Reason),
    /// Its bytes are not UTF-8 text.
    NotText,
    /// It is no seal: the parser's words on where it goes wrong.
    Damaged {
        /// The parser's words.
        detail: String,
    },
    /// A seal of a format this build does not read.
    Format {
        /// The format it names.
        format: u32,
    },
}

impl std::fmt::Display for SealFault {
    /// In English: [`Lang::seal_fault`] says it in another language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.seal_fault(self))
    }
}

impl Serialize for SealFault {
    /// As its English words.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
