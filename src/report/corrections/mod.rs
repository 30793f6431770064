//! The trainer's corrections: identities to merge (a mistyped name) and attempts to void, each with a reason,
//! kept in a file of the trainer's own (`corrections.ron`) so that records and their seals stay untouched.
//! Reports and `vigil records` apply them ([`apply`]) and list them.

pub mod apply;
pub mod problem;

use serde::{Deserialize, Serialize};

use self::problem::{CorrectionProblem, Field, correction_text_problem, group_problem};
use crate::i18n::Lang;
use crate::quiz::characters::bad_char_in_id;
use crate::quiz::diagnostic::{Diagnostic, Severity};
use crate::quiz::parse::{decode, parse};
use crate::quiz::source::SourceText;
use crate::record::Identity;

/// The format of corrections files this build reads and writes.
pub const CORRECTIONS_FORMAT: u32 = 1;

/// The file name of the corrections file in the trainer's user config folder.
pub const CORRECTIONS_FILE: &str = "corrections.ron";

/// A participant as a correction names them: by roster code, or by name and group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Who {
    /// The participant with this roster code.
    Code(String),
    /// The participant who signed in with this name in this group.
    Name {
        /// The name as typed (case, spacing and Unicode composition do not matter).
        name: String,
        /// The group id.
        group: String,
    },
}

impl Who {
    /// Reads the command-line form: `NAME/GROUP` for a name in a group (split at the last `/`), else a roster
    /// code.
    pub fn parse(text: &str) -> Self {
        match text.rsplit_once('/') {
            Some((name, group)) => Self::Name {
                name: name.trim().to_owned(),
                group: group.trim().to_owned(),
            },
            None => Self::Code(text.trim().to_owned()),
        }
    }

    /// The identity this names within a session, as records are keyed.
    pub fn identity(&self) -> Identity {
        match self {
            Self::Code(code) => Identity::from_parts("", Some(code), ""),
            Self::Name { name, group } => Identity::from_parts(name, None, group),
        }
    }

    /// The participant in few characters, for narrow columns: `P03`, `Aidos Kenzhebaev`.
    pub fn short(&self) -> &str {
        match self {
            Self::Code(code) => code,
            Self::Name { name, .. } => name,
        }
    }

    /// The participant as people read it, in any language: `P03`, `Aidos Kenzhebaev (ngo)`.
    pub fn describe(&self) -> String {
        match self {
            Self::Code(code) => code.clone(),
            Self::Name { name, group } => format!("{name} ({group})"),
        }
    }
}

/// Two identities of one session that are the same person: `from`'s attempts count as `into`'s.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    /// The session both identities belong to.
    pub session: String,
    /// The identity that is merged away (the mistyped one).
    pub from: Who,
    /// The identity it becomes.
    pub into: Who,
    /// Why, in the trainer's words.
    pub reason: String,
}

/// An attempt that must not count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Void {
    /// The attempt id, as `vigil records --format json` and the reports show it.
    pub attempt: String,
    /// Why, in the trainer's words.
    pub reason: String,
}

/// The trainer's corrections file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corrections {
    /// The file format, 1.
    pub format: u32,
    /// Identities to merge.
    #[serde(default)]
    pub merges: Vec<Merge>,
    /// Attempts to void.
    #[serde(default)]
    pub voids: Vec<Void>,
}

impl Corrections {
    /// No corrections, in the current format.
    pub fn new() -> Self {
        Self {
            format: CORRECTIONS_FORMAT,
            ..Self::default()
        }
    }

    /// Whether there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.merges.is_empty() && self.voids.is_empty()
    }

    /// Reads a corrections file's `bytes`; every problem comes back as a finding naming `file`, with the line
    /// and column where it is known, worded in `lang` (a file that cannot be parsed is said in the parser's
    /// words).
    pub fn read(file: &str, bytes: &[u8], lang: Lang) -> Result<Self, Vec<Diagnostic>> {
        let finding = |problem: &CorrectionProblem| {
            let (message, hint) = lang.correction_problem(problem);
            Diagnostic::file(Severity::Error, file, message).with_hint(hint)
        };
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                let valid = bytes.get(..error.valid_up_to()).unwrap_or_default();
                let valid = std::str::from_utf8(valid).unwrap_or_default();
                let byte = bytes.get(error.valid_up_to()).copied().unwrap_or_default();
                let not_text = finding(&CorrectionProblem::NotText { byte });
                return Err(vec![
                    not_text.at_offset(&SourceText::new(valid), valid.len()),
                ]);
            }
        };
        if text.trim_start_matches('\u{FEFF}').trim().is_empty() {
            return Err(vec![finding(&CorrectionProblem::EmptyFile)]);
        }
        let text = decode(file, bytes).map_err(|finding| vec![*finding])?;
        let source = SourceText::new(text);
        let corrections: Self =
            parse(file, &source, CORRECTIONS_FORMAT).map_err(|finding| vec![*finding])?;
        let findings: Vec<Diagnostic> = corrections
            .located_problems(Some(&source))
            .into_iter()
            .map(|(at, problem)| match at {
                Some(at) => finding(&problem).at_offset(&source, at),
                None => finding(&problem),
            })
            .collect();
        if findings.is_empty() {
            Ok(corrections)
        } else {
            Err(findings)
        }
    }

    /// The file's text: what the `vigil corrections` commands write.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        let config = ron::ser::PrettyConfig::new().struct_names(false);
        let body = ron::ser::to_string_pretty(self, config)?;
        Ok(format!(
            "// Vigil corrections: identities merged and attempts voided by the trainer; records stay untouched.\n\
             // Written by `vigil corrections`; see docs/trainer-guide.md.\n{body}\n"
        ))
    }

    /// The problems of these corrections: format, sessions, texts and merges of an identity into itself.
    pub fn problems(&self) -> Vec<CorrectionProblem> {
        self.located_problems(None)
            .into_iter()
            .map(|(_, problem)| problem)
            .collect()
    }

    /// The problems of these corrections, each with its offset in `source` (the file they were read from) where
    /// it can be found.
    fn located_problems(
        &self,
        source: Option<&SourceText<'_>>,
    ) -> Vec<(Option<usize>, CorrectionProblem)> {
        let mut found = Vec::new();
        if self.format != CORRECTIONS_FORMAT {
            let at = source.and_then(|s| s.find_field(0, "format"));
            found.push((at, CorrectionProblem::Format(self.format)));
        }
        let mut reasons = Vec::new();
        for (index, merge) in self.merges.iter().enumerate() {
            let earlier = self.merges[..index]
                .iter()
                .filter(|m| m.session == merge.session)
                .count();
            let at =
                source.and_then(|s| s.find_nth_key_value(0, "session", &merge.session, earlier));
            if merge.session.trim().is_empty() {
                found.push((at, CorrectionProblem::EmptySession));
            }
            for who in [&merge.from, &merge.into] {
                if let Some(problem) = who_problem(who) {
                    found.push((at, problem));
                }
            }
            if merge.from.identity() == merge.into.identity() {
                let who = merge.from.describe();
                found.push((at, CorrectionProblem::IntoItself { who }));
            }
            reasons.push((at, &merge.reason));
        }
        for void in &self.voids {
            let at = source.and_then(|s| s.find_key_value(0, "attempt", &void.attempt));
            if void.attempt.trim().is_empty() {
                found.push((at, CorrectionProblem::NoAttempt));
            } else if bad_char_in_id(&void.attempt).is_some() {
                let attempt = void.attempt.clone();
                found.push((at, CorrectionProblem::NotAnAttempt { attempt }));
            }
            reasons.push((at, &void.reason));
        }
        for (at, reason) in reasons {
            if reason.trim().is_empty() {
                found.push((at, CorrectionProblem::Empty(Field::Reason)));
            } else if let Some(problem) = correction_text_problem(Field::Reason, reason) {
                found.push((at, problem));
            }
        }
        found
    }
}

/// What is wrong with a participant a correction names, if anything.
pub fn who_problem(who: &Who) -> Option<CorrectionProblem> {
    let (field, text) = match who {
        Who::Code(code) => (Field::Code, code),
        Who::Name { name, group } => {
            if group.trim().is_empty() {
                return Some(CorrectionProblem::NoGroup { name: name.clone() });
            }
            if let Some(problem) = group_problem(group) {
                return Some(problem);
            }
            (Field::Name, name)
        }
    };
    if text.trim().is_empty() {
        return Some(CorrectionProblem::Empty(field));
    }
    correction_text_problem(field, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_file_reads_back_the_same() {
        let mut corrections = Corrections::new();
        corrections.merges.push(Merge {
            session: "almaty-2010-04".into(),
            from: Who::parse("Aidos Kenzhebaev/ngo"),
            into: Who::parse("P03"),
            reason: "typo at sign-in".into(),
        });
        corrections.voids.push(Void {
            attempt: "a1b2".into(),
            reason: "took the test twice by mistake".into(),
        });
        let text = corrections.to_ron().unwrap();
        assert_eq!(
            Corrections::read("corrections.ron", text.as_bytes(), Lang::En),
            Ok(corrections)
        );
    }

    #[test]
    fn the_command_line_form_names_a_code_or_a_name_in_a_group() {
        assert_eq!(Who::parse(" P03 "), Who::Code("P03".into()));
        assert_eq!(
            Who::parse("Aidos Kenzhebaev / ngo"),
            Who::Name {
                name: "Aidos Kenzhebaev".into(),
                group: "ngo".into()
            }
        );
        assert_eq!(
            Who::parse("aidos  KENZHEBAEV/ngo").identity(),
            Who::parse("Aidos Kenzhebaev/ngo").identity()
        );
    }

    #[test]
    fn errors_name_the_line_and_column_and_what_to_do() {
        let text = "(\n  format: 1,\n  voids: [\n    (attempt: \"a1\", reason: \"\"),\n  ],\n)\n";
        let findings = Corrections::read("corrections.ron", text.as_bytes(), Lang::En).unwrap_err();
        assert_eq!(findings.len(), 1);
        assert_eq!((findings[0].line, findings[0].column), (Some(4), Some(6)));
        assert!(findings[0].message.contains("no `reason`"));

        let text = "(\n  format: 1,\n  voids: [\n    (attempt: \"a1\" reason: \"x\"),\n  ],\n)\n";
        let findings = Corrections::read("c.ron", text.as_bytes(), Lang::En).unwrap_err();
        assert_eq!(findings[0].line, Some(4), "{}", findings[0]);

        assert!(findings[0].to_string().starts_with("c.ron:4:"));

        let findings = Corrections::read("c.ron", b"\xEF\xBB\xBF \n", Lang::Ru).unwrap_err();
        assert_eq!(findings[0].message, "файл исправлений пуст");
        let findings = Corrections::read("c.ron", b"(format: 1,\n \xFF)", Lang::Kk).unwrap_err();
        assert_eq!((findings[0].line, findings[0].column), (Some(2), Some(2)));
        assert!(findings[0].message.contains("0xFF"), "{}", findings[0]);
    }

    #[test]
    fn a_merge_into_itself_and_control_characters_are_refused() {
        let text = "(format: 1, merges: [(session: \"s\", from: Code(\"p03\"), into: Code(\"P03\"), \
                    reason: \"x\"), (session: \"s\", from: Name(name: \"A\\u{1b}]0;x\", group: \"ngo\"), \
                    into: Code(\"P04\"), reason: \"x\")])";
        let findings = Corrections::read("c.ron", text.as_bytes(), Lang::En).unwrap_err();
        assert_eq!(findings.len(), 2, "{findings:?}");
        assert!(findings[0].message.contains("into itself"));
        assert!(findings[1].message.contains("the name contains"));
    }
}
