//! Collecting findings about one file, each placed at the quiz, scenario, question or part it concerns.

use super::diagnostic::{Diagnostic, Severity};
use super::source::SourceText;

/// What a finding is about, from the whole quiz down to one option's field.
#[derive(Debug, Clone, Copy, Default)]
pub struct Place<'q> {
    scenario: Option<&'q str>,
    question: Option<&'q str>,
    part: Option<(&'static str, &'q str)>,
    field: Option<&'static str>,
    occurrence: usize,
}

impl<'q> Place<'q> {
    /// The quiz as a whole.
    pub fn quiz() -> Self {
        Self::default()
    }

    /// A scenario, by id.
    pub fn scenario(id: &'q str) -> Self {
        Self {
            scenario: Some(id),
            ..Self::default()
        }
    }

    /// A question, by id.
    pub fn question(id: &'q str) -> Self {
        Self {
            question: Some(id),
            ..Self::default()
        }
    }

    /// A part of this question (an option, item, target, node, choice or ending), by its noun and id.
    pub fn part(mut self, noun: &'static str, id: &'q str) -> Self {
        self.part = Some((noun, id));
        self
    }

    /// One field of what this place names.
    pub fn field(mut self, name: &'static str) -> Self {
        self.field = Some(name);
        self
    }

    /// The `n`th (0-based) place with this id, for duplicates.
    pub fn nth(mut self, n: usize) -> Self {
        self.occurrence = n;
        self
    }

    /// "question `q3`, option `b`", or `None` for the quiz itself.
    fn subject(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(id) = self.scenario {
            parts.push(format!("scenario `{id}`"));
        }
        if let Some(id) = self.question {
            parts.push(format!("question `{id}`"));
        }
        if let Some((noun, id)) = self.part {
            parts.push(format!("{noun} `{id}`"));
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// Byte offset of this place in `source`, when it can be found.
    fn offset(&self, source: &SourceText<'_>) -> Option<usize> {
        let mut at = 0;
        let found_id = |from: usize, list: Option<&str>, id: &str, nth: usize| {
            let from = list
                .and_then(|list| source.find_field(from, list))
                .unwrap_or(from);
            source.find_nth_key_value(from, "id", id, nth)
        };
        let last_is_part = self.part.is_some();
        if let Some(id) = self.scenario {
            at = found_id(0, Some("scenarios"), id, self.occurrence)?;
        }
        if let Some(id) = self.question {
            let nth = if last_is_part { 0 } else { self.occurrence };
            at = found_id(at, Some("questions"), id, nth)?;
        }
        if let Some((_, id)) = self.part {
            at = found_id(at, None, id, self.occurrence)?;
        }
        match self.field {
            Some(field) => source.find_field(at, field).or(Some(at)),
            None if at == 0 => source.find_field(0, "id"),
            None => Some(at),
        }
    }
}

/// The findings about one file, located in its text.
pub struct Findings<'a> {
    file: &'a str,
    source: &'a SourceText<'a>,
    found: Vec<Diagnostic>,
}

impl<'a> Findings<'a> {
    /// Starts collecting findings about `file`, whose text is `source`.
    pub fn new(file: &'a str, source: &'a SourceText<'a>) -> Self {
        Self {
            file,
            source,
            found: Vec::new(),
        }
    }

    /// Records an error at `place`.
    pub fn error(&mut self, place: Place<'_>, message: impl Into<String>, hint: &str) {
        self.push(Severity::Error, place, message.into(), hint);
    }

    /// Records a warning at `place`.
    pub fn warning(&mut self, place: Place<'_>, message: impl Into<String>, hint: &str) {
        self.push(Severity::Warning, place, message.into(), hint);
    }

    fn push(&mut self, severity: Severity, place: Place<'_>, message: String, hint: &str) {
        let mut diagnostic = Diagnostic::file(severity, self.file, message);
        if let Some(subject) = place.subject() {
            diagnostic = diagnostic.with_subject(subject);
        }
        if !hint.is_empty() {
            diagnostic = diagnostic.with_hint(hint);
        }
        if let Some(offset) = place.offset(self.source) {
            diagnostic = diagnostic.at_offset(self.source, offset);
        }
        self.found.push(diagnostic);
    }

    /// The findings, in the order they were made.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"(
    id: "quiz",
    scenarios: [(id: "a", title: "t", narrative: "n")],
    questions: [
        (id: "a", kind: single(options: [(id: "x", text: "t"), (id: "x", text: "u")])),
    ],
)"#;

    fn line_of(place: Place<'_>) -> (Option<usize>, Option<usize>) {
        let source = SourceText::new(TEXT);
        let mut findings = Findings::new("f", &source);
        findings.error(place, "m", "");
        let found = findings.into_diagnostics();
        (found[0].line, found[0].column)
    }

    #[test]
    fn places_resolve_to_the_right_id_even_when_ids_repeat() {
        assert_eq!(line_of(Place::quiz()), (Some(2), Some(5)));
        assert_eq!(line_of(Place::scenario("a")), (Some(3), Some(18)));
        assert_eq!(line_of(Place::question("a")), (Some(5), Some(10)));
        assert_eq!(
            line_of(Place::question("a").part("option", "x")),
            (Some(5), Some(43))
        );
        assert_eq!(
            line_of(Place::question("a").part("option", "x").nth(1)),
            (Some(5), Some(65))
        );
        assert_eq!(
            line_of(Place::question("a").field("kind")),
            (Some(5), Some(19))
        );
    }
}
